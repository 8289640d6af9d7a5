import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * Issue 10, item 1: the Betroffenheitscheck's staff figures are derived from the people register; a figure that
 * departs from it is stored only with a reason, and the check keeps the register's figure beside the typed one.
 */
for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`staff figures of the stored check on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const kbv = (personsHandlingData: number, overrideReason?: string) =>
      admin.request('POST', `/api/v1/organisations/${orgId}/applicability/kbv`, {
        check: { personsHandlingData, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
        ...(overrideReason === undefined ? {} : { overrideReason }),
      });
    const nis2 = (check: Record<string, unknown>, overrideReason?: string) =>
      admin.request('POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
        financialYear: 2025,
        check: { sector: 'healthcare_provider', kritisOperator: false, annualTurnoverEur: 3_000_000, balanceSheetTotalEur: 2_000_000, ...check },
        ...(overrideReason === undefined ? {} : { overrideReason }),
      });
    const stored = async () => (await admin.request('GET', `/api/v1/organisations/${orgId}/applicability`)).json();

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('needs no reason while the register is empty, and stores that it counted nobody', async () => {
      expect((await kbv(4)).statusCode).toBe(201);
      expect((await stored()).kbv.inputs).toMatchObject({ personsHandlingData: 4, staffRegister: { kind: 'kbvPersons', value: 0, counted: 0 } });
      expect((await stored()).kbv.inputs).not.toHaveProperty('overrideReason');
    });

    it('asks for a reason when a typed figure departs from the register, and stores both figures with it', async () => {
      for (const name of ['Anna', 'Ben', 'Cem']) {
        const res = await admin.request('POST', `/api/v1/organisations/${orgId}/people`, {
          name,
          role: 'medical_assistant',
          startsOn: '2020-01-01',
          weeklyHours: 40,
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      // The register counts 3 persons with patient data (KBV) and 3 AWU (NIS2).
      const refused = await kbv(7);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().issues).toEqual([expect.objectContaining({ path: ['overrideReason'], code: 'override_reason_required' })]);
      expect((await stored()).kbv.inputs.personsHandlingData).toBe(4);

      expect((await kbv(7, '   ')).statusCode).toBe(400);
      expect((await kbv(7, 'a\u0000b')).statusCode).toBe(400);
      const kept = await kbv(7, 'Vier Aushilfen am Empfang fehlen noch im Register');
      expect(kept.statusCode, kept.body).toBe(201);
      expect((await stored()).kbv.inputs).toMatchObject({
        personsHandlingData: 7,
        staffRegister: { kind: 'kbvPersons', value: 3, counted: 3 },
        overrideReason: 'Vier Aushilfen am Empfang fehlen noch im Register',
      });

      // The register's own figure needs no reason, and a reason sent along is not kept.
      expect((await kbv(3, 'überflüssig')).statusCode).toBe(201);
      expect((await stored()).kbv.inputs).not.toHaveProperty('overrideReason');
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=5`)).json();
      expect(audit.items.find((e: { action: string }) => e.action === 'applicability.kbv_checked').data).toMatchObject({
        registerPersons: 3,
        overrideReason: null,
      });
    });

    it('compares the NIS2 annual work units, typed directly or as heads', async () => {
      expect((await nis2({ staffAwu: 3 })).statusCode).toBe(201);
      const asHeads = await nis2({ staff: { fullTimeHeads: 2, partTimeHeads: 2, partTimeFraction: 0.5, apprentices: 0 } });
      expect(asHeads.statusCode).toBe(201);
      const departs = await nis2({ staffAwu: 55 });
      expect(departs.statusCode).toBe(400);
      expect(departs.json().issues[0].path).toEqual(['overrideReason']);
      const kept = await nis2({ staffAwu: 55 }, 'Zweigpraxis aus der Fusion noch nicht erfasst');
      expect(kept.statusCode, kept.body).toBe(201);
      expect((await stored()).nis2.inputs).toMatchObject({
        staffAwu: 55,
        staffRegister: { kind: 'awu', value: 3, counted: 3 },
        overrideReason: expect.any(String),
      });
    });
  });
}
