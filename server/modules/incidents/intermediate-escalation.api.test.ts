import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

const significant = {
  severeDisruption: 'yes',
  financialLoss: 'no',
  considerableHarmToOthers: 'no',
  maliciousSuspected: true,
  crossBorderImpact: false,
  personalDataBreach: false,
  gdprRisk: 'none',
  encryptedWithUncompromisedKeys: false,
};

const hours = (n: number, from = Date.now()) => new Date(from + n * 3600_000).toISOString();

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`intermediate reports and escalation ticks on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let incidentId: string;
    const base = () => `/api/v1/organisations/${orgId}/incidents`;
    const noticedAt = hours(-30);

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      incidentId = (
        await admin.request('POST', base(), { title: 'Praxissoftware verschlüsselt', noticedAt, patientDataInvolved: false, suspectedOrigin: 'ransomware' })
      ).json().id;
      await admin.request('PUT', `${base()}/${incidentId}/significance`, significant);
      await admin.request('POST', `${base()}/${incidentId}/submissions`, { kind: 'notification', submittedAt: hours(-20) });
    });
    afterAll(async () => t?.close());

    // § 32 Abs. 1 Nr. 3 BSIG: an intermediate report only on the BSI's request, by the date the request sets.
    describe('intermediate report on the BSI’s request', () => {
      let requestId: string;
      const requestedAt = hours(-2);
      const dueAt = hours(48);
      const movedDueAt = hours(72);
      const submittedAt = hours(-1);

      it('refuses a request before the incident was noticed and a date before the request, naming the field', async () => {
        const early = await admin.request('POST', `${base()}/${incidentId}/intermediate-requests`, { requestedAt: hours(-40) });
        expect(early.statusCode).toBe(400);
        expect(early.json().issues).toEqual([expect.objectContaining({ path: ['requestedAt'], code: 'before_aware_at' })]);
        const backwards = await admin.request('POST', `${base()}/${incidentId}/intermediate-requests`, { requestedAt, dueAt: hours(-3) });
        expect(backwards.statusCode).toBe(400);
        expect(backwards.json().issues).toEqual([expect.objectContaining({ path: ['dueAt'], code: 'before_requested_at' })]);
        expect((await admin.request('GET', `${base()}/${incidentId}`)).json().intermediateRequests).toEqual([]);
      });

      it('records the request; it becomes the next deadline and shows on the incident', async () => {
        const res = await admin.request('POST', `${base()}/${incidentId}/intermediate-requests`, { requestedAt, dueAt, reference: 'BSI-2026-4711' });
        expect(res.statusCode).toBe(201);
        requestId = res.json().id;
        const incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
        expect(incident.intermediateRequests).toEqual([
          {
            id: requestId,
            requestedAt: new Date(requestedAt).toISOString(),
            dueAt: new Date(dueAt).toISOString(),
            reference: 'BSI-2026-4711',
            submittedAt: null,
            submissionReference: null,
          },
        ]);
        expect(incident.clocks.next).toMatchObject({ kind: 'intermediate_report', isOverdue: false });
        expect(Date.parse(incident.clocks.next.due)).toBe(Date.parse(dueAt));
        expect(incident.events.filter((e: { kind: string }) => e.kind === 'intermediate_requested')).toHaveLength(1);
        const list = (await admin.request('GET', base())).json() as { items: { id: string; next: { kind: string } | null }[] };
        expect(list.items.find((i) => i.id === incidentId)?.next?.kind).toBe('intermediate_report');
        // Due within 48 hours: the dashboard's deadline card names it too.
        const dashboard = await admin.request('GET', `/api/v1/organisations/${orgId}/dashboard`);
        expect(dashboard.statusCode).toBe(200);
        expect(dashboard.json().incidentDeadlines).toEqual([
          expect.objectContaining({ incidentId, next: expect.objectContaining({ kind: 'intermediate_report' }) }),
        ]);
      });

      it('keeps one request when the same one is recorded again, and records a changed date once', async () => {
        const again = await admin.request('POST', `${base()}/${incidentId}/intermediate-requests`, { requestedAt, dueAt, reference: 'BSI-2026-4711' });
        expect(again.statusCode).toBe(201);
        expect(again.json().id).toBe(requestId);
        const moved = await admin.request('POST', `${base()}/${incidentId}/intermediate-requests`, {
          requestedAt,
          dueAt: movedDueAt,
          reference: 'BSI-2026-4711',
        });
        expect(moved.json().id).toBe(requestId);
        const incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
        expect(incident.intermediateRequests).toHaveLength(1);
        expect(Date.parse(incident.intermediateRequests[0].dueAt)).toBe(Date.parse(movedDueAt));
        expect(incident.events.filter((e: { kind: string }) => e.kind === 'intermediate_requested')).toHaveLength(2);
      });

      it('drafts the intermediate report with the BSI’s reference and date', async () => {
        const draft = (await admin.request('GET', `${base()}/${incidentId}/drafts/intermediate_report?locale=de`)).json();
        expect(draft.title).toBe('Zwischenmeldung nach § 32 Abs. 1 Nr. 3 BSIG');
        expect(draft.text).toContain('Aktenzeichen des BSI: BSI-2026-4711');
        expect(draft.due).not.toBeNull();
        expect(draft.text).toContain('§ 38 Abs. 1 BSIG');
      });

      it('records the submission: not before the request, then the request is answered', async () => {
        const url = `${base()}/${incidentId}/intermediate-requests/${requestId}/submission`;
        const early = await admin.request('PUT', url, { submittedAt: hours(-3) });
        expect(early.statusCode).toBe(400);
        expect(early.json().issues).toEqual([expect.objectContaining({ path: ['submittedAt'], code: 'before_requested_at' })]);
        expect((await admin.request('PUT', url, { submittedAt, reference: 'BSI-2026-4711-Z1' })).statusCode).toBe(200);
        expect((await admin.request('PUT', url, { submittedAt, reference: 'BSI-2026-4711-Z1' })).statusCode).toBe(200);
        const incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
        expect(incident.intermediateRequests[0]).toMatchObject({ submissionReference: 'BSI-2026-4711-Z1' });
        expect(incident.clocks.next?.kind).not.toBe('intermediate_report');
        const submitted = incident.events.filter(
          (e: { kind: string; data: { kind?: string } }) => e.kind === 'submitted' && e.data.kind === 'intermediate_report',
        );
        expect(submitted).toHaveLength(1);
        const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=500`)).json().items as {
          action: string;
          data: { kind?: string };
        }[];
        expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['incident.intermediate_requested', 'incident.intermediate_request_changed']));
        expect(audit.filter((e) => e.action === 'incident.report_submitted' && e.data.kind === 'intermediate_report')).toHaveLength(1);
      });

      it('answers 404 for a request id that is not one of this incident', async () => {
        const res = await admin.request('PUT', `${base()}/${incidentId}/intermediate-requests/${crypto.randomUUID()}/submission`, { submittedAt: hours(-1) });
        expect(res.statusCode).toBe(404);
      });
    });

    describe('escalation ticks ("Wer muss Bescheid wissen?")', () => {
      const tick = (step: string, ticked: boolean, agent = admin, org = orgId, id = incidentId) =>
        agent.request('PUT', `/api/v1/organisations/${org}/incidents/${id}/escalation`, { step, ticked });

      it.each([
        ['an unknown step', { step: 'boss', ticked: true }, 'step'],
        ['an own-chain step when the organisation has no own chain', { step: 'own-0', ticked: true }, 'step'],
        ['no decision', { step: 'itLead' }, 'ticked'],
      ])('refuses %s with a field error', async (_label, body, field) => {
        const res = await admin.request('PUT', `${base()}/${incidentId}/escalation`, body);
        expect(res.statusCode).toBe(400);
        expect(res.json().issues.map((i: { path: string[] }) => i.path[0])).toEqual([field]);
      });

      it('stores a tick on the server, in the timeline and in the audit trail; a repeated tick changes nothing', async () => {
        const res = await tick('management', true);
        expect(res.statusCode).toBe(200);
        expect(res.json().ticks.map((x: { step: string }) => x.step)).toEqual(['management']);
        expect((await tick('management', true)).json().ticks).toHaveLength(1);
        await tick('dpo', true);
        const incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
        expect(incident.escalationTicks.map((x: { step: string }) => x.step).sort()).toEqual(['dpo', 'management']);
        expect(incident.events.filter((e: { kind: string }) => e.kind === 'escalation_ticked').map((e: { data: { step: string } }) => e.data.step)).toEqual([
          'management',
          'dpo',
        ]);
        const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=500`)).json().items as {
          action: string;
          data: { step?: string };
        }[];
        expect(
          audit
            .filter((e) => e.action === 'incident.escalation_ticked')
            .map((e) => e.data.step)
            .sort(),
        ).toEqual(['dpo', 'management']);
      });

      it('takes a tick back, and records that too', async () => {
        const res = await tick('management', false);
        expect(res.json().ticks.map((x: { step: string }) => x.step)).toEqual(['dpo']);
        expect((await tick('management', false)).json().ticks).toHaveLength(1);
        const incident = (await admin.request('GET', `${base()}/${incidentId}`)).json();
        expect(incident.events.filter((e: { kind: string }) => e.kind === 'escalation_unticked')).toHaveLength(1);
        const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=500`)).json().items as { action: string }[];
        expect(audit.filter((e) => e.action === 'incident.escalation_unticked')).toHaveLength(1);
      });

      it('answers 404 for another organisation’s incident and leaves its ticks alone', async () => {
        const other = await createOrganisationWithAdmin(t, 'Praxis Nachbar', 'admin@nachbar-eskalation.example');
        const foreign = (
          await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/incidents`, {
            title: 'Fremder Vorfall',
            noticedAt: hours(-1),
            patientDataInvolved: false,
          })
        ).json().id;
        expect((await tick('itLead', true, admin, orgId, foreign)).statusCode).toBe(404);
        expect((await tick('itLead', true, admin, other.organisationId, foreign)).statusCode).toBe(404);
        const theirs = (await other.agent.request('GET', `/api/v1/organisations/${other.organisationId}/incidents/${foreign}`)).json();
        expect(theirs.escalationTicks).toEqual([]);
      });
    });
  });
}
