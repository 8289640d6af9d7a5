import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarMonths } from '../../../domain/management/management.ts';
import { people } from '../../db/schema.ts';
import { samplePdf, upload } from '../../test/files.ts';
import {
  type Agent,
  completeEnrolment,
  createOrganisationWithAdmin,
  eachEngine,
  login,
  PASSWORD,
  runFirstSetup,
  startTestApp,
  type TestApp,
} from '../../test/test-app.ts';
import { practiceToday } from '../assets/assets.ts';

/** A calendar day `days` from the practice's today. */
function dayFromToday(days: number): string {
  const date = new Date(`${practiceToday()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const training = { heldOn: dayFromToday(-30), agenda: 'NIS2-Pflichten, Haftung nach § 38 Abs. 2 BSIG, Meldewege', provider: 'Ärztekammer Nordrhein' };

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the duties of management under § 38 BSIG on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/management${path}`;

    /** A person of the organisation, written directly (the people register's routes are a module of their own). */
    async function person(name: string, fields: Partial<typeof people.$inferInsert> = {}, organisationId = orgId) {
      const id = randomUUID();
      await t.ctx.db.insert(people).values({ organisationId, id, name, role: 'management', ...fields });
      return id;
    }

    async function invite(email: string, role: string) {
      const invitation = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email, role });
      const token = new URL(invitation.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: email, password: PASSWORD } });
      expect(accepted.statusCode).toBeLessThan(300);
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      return login(t, email, secret);
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('lists the current directors with what is missing, and no one else', async () => {
      const director = await person('Dr. Anna Leitung');
      await person('Dr. Bernd Ausgeschieden', { endsOn: dayFromToday(-1), startsOn: '2020-01-01' });
      await person('Carla Empfang', { role: 'medical_assistant' });
      const overview = (await admin.request('GET', url())).json();
      expect(overview.directors.map((d: { name: string }) => d.name)).toEqual(['Dr. Anna Leitung']);
      expect(overview.directors[0]).toMatchObject({
        personId: director,
        hasAccount: false,
        isYou: false,
        trainings: 0,
        training: { state: 'missing', dueOn: null },
        approval: { state: 'missing', changesSince: 0 },
        missing: ['training', 'approval'],
      });
      expect(overview.status).toMatchObject({ kbv: { done: 0 }, nis2: { done: 0 } });
    });

    it('records a director’s training with its certificate; it counts for twelve months, then lapses', async () => {
      const director = await person('Dr. Dora Training');
      const certificate = await upload(admin, t, `/api/v1/organisations/${orgId}/requirements/KBV-A1-08/evidence`, 'Zertifikat.pdf', samplePdf);
      expect(certificate.statusCode).toBe(201);
      const created = await admin.request('POST', url(`/people/${director}/trainings`), {
        ...training,
        certificateEvidenceId: certificate.json().id,
        durationMinutes: 180,
      });
      expect(created.statusCode, created.body).toBe(201);
      const standing = (await admin.request('GET', url())).json().directors.find((d: { personId: string }) => d.personId === director);
      expect(standing).toMatchObject({
        trainings: 1,
        lastTrainingOn: training.heldOn,
        training: { state: 'current', dueOn: addCalendarMonths(training.heldOn, 12) },
      });
      expect(standing.missing).toEqual(['approval']);
      const records = (await admin.request('GET', url(`/people/${director}`))).json();
      expect(records.trainings[0]).toMatchObject({ provider: 'Ärztekammer Nordrhein', durationMinutes: 180, certificate: { fileName: 'Zertifikat.pdf' } });

      // Corrected to a date 13 months back: lapsed. A second writer with the old revision gets 409 and writes nothing.
      const id = created.json().id;
      const moved = await admin.request('PUT', url(`/trainings/${id}`), { ...training, heldOn: dayFromToday(-400), revision: 1 });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await admin.request('PUT', url(`/trainings/${id}`), { ...training, provider: 'Veraltet', revision: 1 })).statusCode).toBe(409);
      const lapsed = (await admin.request('GET', url())).json().directors.find((d: { personId: string }) => d.personId === director);
      expect(lapsed.training.state).toBe('lapsed');
      expect(lapsed.training.daysLeft).toBeLessThan(0);
      expect(lapsed.missing).toEqual(['training', 'approval']);
      expect((await admin.request('GET', url(`/people/${director}`))).json().trainings[0].provider).toBe('Ärztekammer Nordrhein');

      expect((await admin.request('DELETE', url(`/trainings/${id}`))).statusCode).toBe(204);
      expect((await admin.request('DELETE', url(`/trainings/${id}`))).statusCode).toBe(404);
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=20`)).json();
      const actions = (audit.items ?? audit).map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['management.training_recorded', 'management.training_updated', 'management.training_deleted']));
    });

    it('lets a director approve only for themselves, records what was approved, and notices later changes', async () => {
      const own = await person('Dr. Maria Muster', { userId: admin.userId });
      const other = await person('Dr. Otto Zweiter');
      const approved = await admin.request('POST', url(`/people/${own}/approvals`), { remark: 'Mit der Maßgabe, das Backup bis März zu testen.' });
      expect(approved.statusCode, approved.body).toBe(201);
      expect(approved.json()).toMatchObject({ personId: own, approvedByUserId: admin.userId, remark: 'Mit der Maßgabe, das Backup bis März zu testen.' });
      const version = approved.json().statusVersion as number;
      let standing = (await admin.request('GET', url())).json().directors.find((d: { personId: string }) => d.personId === own);
      expect(standing).toMatchObject({ hasAccount: true, isYou: true, approval: { state: 'current', changesSince: 0 } });

      // A status changes: the approval stays on record and shows that the measures moved since.
      const status = await admin.request('PUT', `/api/v1/organisations/${orgId}/requirements/KBV-A1-01/status`, { status: 'implemented' });
      expect(status.statusCode, status.body).toBeLessThan(300);
      const overview = (await admin.request('GET', url())).json();
      standing = overview.directors.find((d: { personId: string }) => d.personId === own);
      expect(standing.approval).toEqual({ state: 'changed', changesSince: overview.status.version - version });
      expect(standing.approval.changesSince).toBeGreaterThan(0);

      // Not on another director's behalf, not for a person who is no director, not by a non-management role.
      const refused = await admin.request('POST', url(`/people/${other}/approvals`), {});
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('management.not_yourself');
      const assistant = await person('Erika Empfang', { role: 'medical_assistant', userId: admin.userId });
      expect((await admin.request('POST', url(`/people/${assistant}/approvals`), {})).json().code).toBe('management.not_director');
      const itLead = await invite('it@praxis-a.example', 'it_lead');
      const itPerson = await person('Ivo IT', { userId: itLead.userId });
      expect((await itLead.request('POST', url(`/people/${itPerson}/approvals`), {})).statusCode).toBe(403);
      expect((await admin.request('GET', url(`/people/${own}`))).json().approvals).toHaveLength(1);
    });

    it('refuses bad input at the field and writes nothing', async () => {
      const director = await person('Dr. Fritz Feld');
      const foreign = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'admin@fremd.example');
      const foreignFile = await upload(
        foreign.agent,
        t,
        `/api/v1/organisations/${foreign.organisationId}/requirements/KBV-A1-08/evidence`,
        'Fremd.pdf',
        samplePdf,
      );
      const cases: [string, unknown, string][] = [
        ['the year 1', { ...training, heldOn: '0001-01-01' }, 'heldOn'],
        ['a date in 2205', { ...training, heldOn: '2205-01-01' }, 'heldOn'],
        ['a NUL in the agenda', { ...training, agenda: 'Haftung\u0000' }, 'agenda'],
        ['no provider', { ...training, provider: '' }, 'provider'],
        ['a duration of 5 minutes', { ...training, durationMinutes: 5 }, 'durationMinutes'],
        ["another organisation's certificate", { ...training, certificateEvidenceId: foreignFile.json().id }, 'certificateEvidenceId'],
        ['an unknown certificate', { ...training, certificateEvidenceId: randomUUID() }, 'certificateEvidenceId'],
      ];
      for (const [label, body, field] of cases) {
        const res = await admin.request('POST', url(`/people/${director}/trainings`), body);
        expect(res.statusCode, label).toBe(400);
        expect(res.json().issues[0].path[0], label).toBe(field);
      }
      expect((await admin.request('GET', url(`/people/${director}`))).json().trainings).toEqual([]);
      expect((await admin.request('POST', url(`/people/${randomUUID()}/trainings`), training)).statusCode).toBe(404);
      // A path id that is no id names no record: 404, as for any unknown one.
      expect((await admin.request('GET', url('/people/nicht-da'))).statusCode).toBe(404);
    });

    it("answers another organisation's director and training with 404", async () => {
      const foreign = await createOrganisationWithAdmin(t, 'Praxis Nachbar', 'admin@nachbar.example');
      const theirs = await person('Dr. Nachbar', {}, foreign.organisationId);
      const theirTraining = await foreign.agent.request(
        'POST',
        `/api/v1/organisations/${foreign.organisationId}/management/people/${theirs}/trainings`,
        training,
      );
      expect(theirTraining.statusCode).toBe(201);
      expect((await admin.request('GET', url(`/people/${theirs}`))).statusCode).toBe(404);
      expect((await admin.request('POST', url(`/people/${theirs}/trainings`), training)).statusCode).toBe(404);
      expect((await admin.request('PUT', url(`/trainings/${theirTraining.json().id}`), { ...training, revision: 1 })).statusCode).toBe(404);
      expect((await admin.request('DELETE', url(`/trainings/${theirTraining.json().id}`))).statusCode).toBe(404);
      expect((await admin.request('GET', `/api/v1/organisations/${foreign.organisationId}/management`)).statusCode).toBe(404);
    });

    it('lets staff read the overview but record nothing', async () => {
      const staff = await invite('mfa@praxis-a.example', 'staff');
      const director = await person('Dr. Gerda Lesbar');
      expect((await staff.request('GET', url())).statusCode).toBe(200);
      expect((await staff.request('POST', url(`/people/${director}/trainings`), training)).statusCode).toBe(403);
      expect((await staff.request('POST', url(`/people/${director}/approvals`), {})).statusCode).toBe(403);
    });
  });
}
