import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../domain/calendar/reminders.ts';
import type { TableBlock } from '../../../../domain/documents/document-model.ts';
import { practiceDay } from '../../../../domain/tasks/task-rules.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../../test/test-app.ts';
import { formatDay } from './builder-kit.ts';
import { build, expectComplete, locales, renderBoth } from './builders.fixtures.ts';
import { buildSupplierRegister } from './supplier-register.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the supplier register as a document on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const today = practiceDay(new Date());

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      const suppliers = [
        {
          name: 'Labor Dr. Ölmann',
          services: 'Laboruntersuchungen',
          criticality: 'medium',
          patientDataAccess: false,
          nextReviewOn: addDays(today, -12),
        },
        {
          name: 'IT-Service Nord GmbH',
          services: 'IT-Betreuung und Fernwartung',
          criticality: 'critical',
          patientDataAccess: true,
          avvStatus: 'signed',
          avvSignedOn: '2025-02-03',
          emergencyContact: 'Herr Brandt',
          emergencyPhone: '0171 2345678',
          nextReviewOn: addDays(today, 200),
        },
        {
          name: 'Cloud-Backup AG',
          services: 'Verschlüsselte Datensicherung',
          criticality: 'high',
          patientDataAccess: true,
          avvStatus: 'missing',
          cloudHealthData: true,
          c5Basis: 'attestation',
          c5Type: 'type2',
          c5ValidUntil: addDays(today, 30),
          contactName: 'Support-Team',
          contactPhone: '030 987654',
        },
      ];
      for (const supplier of suppliers) {
        const res = await admin.request('POST', `/api/v1/organisations/${orgId}/suppliers`, supplier);
        expect(res.statusCode, res.body).toBe(201);
      }
    });
    afterAll(async () => t?.close());

    it.each(locales)('lists every supplier with AVV, C5, emergency contact, review and warnings, in PDF and Word (%s)', async (locale) => {
      const built = await build(t, orgId, buildSupplierRegister, locale);
      const rendered = await renderBoth(built, locale);
      const de = locale === 'de';
      expectComplete(rendered, [
        de ? 'Dienstleisterverzeichnis' : 'Service provider register',
        'Art. 28',
        '§ 393 SGB V',
        'IT-Service Nord GmbH',
        'IT-Betreuung und Fernwartung',
        'Herr Brandt',
        '0171 2345678',
        'Support-Team',
        de ? 'Unterschrieben am 03.02.2025' : 'Signed on 3 Feb 2025',
        de ? 'AVV fehlt' : 'DPA missing',
        de ? 'Bedeutung: Kritisch' : 'Importance: Critical',
        de ? 'C5-Testat endet in 30 Tagen' : 'C5 attestation ends in 30 days',
        de ? 'Überprüfung seit 12 Tagen überfällig' : 'Review overdue by 12 days',
        formatDay(locale, addDays(today, 30)),
        de ? 'Nicht nötig: kein Zugriff auf Patientendaten' : 'Not required: no access to patient data',
      ]);
      const register = built.blocks.find((b): b is TableBlock => b.kind === 'table')!;
      // Ö sorts with O (DIN 5007): Cloud, IT, Labor Dr. Ölmann.
      expect(register.rows.map((row) => row[0]!.split('\n')[0])).toEqual(['Cloud-Backup AG', 'IT-Service Nord GmbH', 'Labor Dr. Ölmann']);
      expect(built.blocks).toContainEqual({
        kind: 'fields',
        rows: [
          { label: expect.any(String), value: '3' },
          { label: expect.any(String), value: '2' },
          { label: expect.any(String), value: '2' },
        ],
      });
    });

    it('says so when there are no suppliers yet', async () => {
      await Promise.all(
        ((await admin.request('GET', `/api/v1/organisations/${orgId}/suppliers?limit=50`)).json().items as { id: string }[]).map((s) =>
          admin.request('DELETE', `/api/v1/organisations/${orgId}/suppliers/${s.id}`),
        ),
      );
      const rendered = await renderBoth(await build(t, orgId, buildSupplierRegister, 'de'), 'de');
      expectComplete(rendered, ['Noch keine Dienstleister erfasst.', 'Keine Warnungen']);
    });
  });
}
