import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guidanceAnswer } from '../../../domain/guidance/guidance.ts';
import { GUIDANCE_VERSION } from '../../../domain/guidance/guidance.types.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

interface GuidanceBody {
  requirementId: string;
  stepsDe: string[];
  stepsEn: string[];
  evidenceDe: string[];
  evidenceEn: string[];
  confidence: string;
  version: string;
  sources: { citation: string; url: string }[];
  roadmap: { inPlan: boolean; weeks: number[]; items: { key: string; week: number; role: string }[]; recurring: boolean };
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`guidance on the requirement page on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const detail = (id: string, organisationId = orgId, agent = admin) => agent.request('GET', `/api/v1/organisations/${organisationId}/requirements/${id}`);

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('answers the steps, the evidence, the version, the sources and the place in the plan (KBV Anlage 5 Nr. 3)', async () => {
      const res = await detail('KBV-A5-03');
      expect(res.statusCode).toBe(200);
      const guidance = res.json().guidance as GuidanceBody;
      expect(guidance.requirementId).toBe('KBV-A5-03');
      expect(guidance.stepsDe.length).toBeGreaterThanOrEqual(3);
      expect(guidance.stepsEn).toHaveLength(guidance.stepsDe.length);
      expect(guidance.evidenceDe.length).toBeGreaterThanOrEqual(1);
      expect(guidance.confidence).toBe('inferred');
      expect(guidance.version).toBe(GUIDANCE_VERSION);
      expect(guidance.sources[0]?.citation).toBe('KBV IT-Sicherheitsrichtlinie, Anlage 5 Nr. 3');
      expect(guidance.roadmap).toMatchObject({ inPlan: true, weeks: [4], recurring: false });
      expect(guidance.roadmap.items[0]).toEqual({ key: 'telematics', week: 4, role: 'serves' });
    });

    it('answers a § 30 measure with its paragraph and the recurring review (§ 30 Abs. 2 Satz 2 Nr. 6 BSIG)', async () => {
      const guidance = (await detail('BSIG-30-2-06')).json().guidance as GuidanceBody;
      expect(guidance.sources[0]).toEqual({ citation: '§ 30 Abs. 2 Satz 2 Nr. 6 BSIG', url: 'https://www.gesetze-im-internet.de/bsig_2025/__30.html' });
      expect(guidance.roadmap).toMatchObject({ weeks: [8], recurring: true });
    });

    it.each(['KBV-A1-01', 'KBV-A2-04', 'KBV-A3-15', 'KBV-A4-01', 'BSIG-30-2-10'])(
      '%s: the answer is the catalog data, or null where there is none',
      async (id) => {
        const res = await detail(id);
        expect(res.statusCode).toBe(200);
        expect(res.json().guidance).toEqual(JSON.parse(JSON.stringify(guidanceAnswer(id))));
      },
    );

    it("answers 404 for another organisation's requirement page", async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'fremd@praxis-fremd.example');
      expect((await detail('KBV-A5-03', orgId, other.agent)).statusCode).toBe(404);
      expect((await detail('KBV-A5-03', other.organisationId, other.agent)).json().guidance.requirementId).toBe('KBV-A5-03');
    });
  });
}
