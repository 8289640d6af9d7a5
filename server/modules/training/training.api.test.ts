import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractType, PersonRole } from '../../../domain/people/people.schema.ts';
import { coverage } from '../../../domain/training/training-status.ts';
import { people, trainingAttendance, trainingCourses, trainingSessions } from '../../db/schema.ts';
import { withSystem } from '../../db/tenant.ts';
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

/** A calendar day `months` months and `days` days from the practice's today. */
function dayFromToday(days: number, months = 0): string {
  const date = new Date(`${practiceToday()}T12:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface PersonSeed {
  name: string;
  role?: PersonRole;
  contractType?: ContractType;
  email?: string;
  startsOn?: string | null;
  endsOn?: string | null;
}

/** People are written directly: the people routes are another branch's (issue 10, part 1). */
export async function addPeople(t: TestApp, organisationId: string, list: PersonSeed[]): Promise<string[]> {
  const rows = list.map((p) => ({
    organisationId,
    id: randomUUID(),
    name: p.name,
    role: p.role ?? 'medical_assistant',
    contractType: p.contractType ?? 'permanent',
    email: p.email ?? '',
    startsOn: p.startsOn ?? null,
    endsOn: p.endsOn ?? null,
  }));
  await withSystem(t.ctx.db, (tx) => tx.insert(people).values(rows));
  return rows.map((r) => r.id);
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`awareness training on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/training${path}`;
    const course = { title: 'Phishing erkennen', topic: 'phishing', durationMinutes: 45, recurrenceMonths: 12 };

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('keeps courses and sessions with revisions, refuses a stale change with 409 and audits each step', async () => {
      const created = await admin.request('POST', url('/courses'), course);
      expect(created.statusCode, created.body).toBe(201);
      const c = created.json();
      expect(c).toMatchObject({ ...course, mandatory: true, description: '', revision: 1, sessionCount: 0, lastHeldOn: null });
      expect(c).not.toHaveProperty('organisationId');

      const changed = await admin.request('PUT', url(`/courses/${c.id}`), { ...course, recurrenceMonths: 24, revision: 1 });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ recurrenceMonths: 24, revision: 2 });
      const stale = await admin.request('PUT', url(`/courses/${c.id}`), { ...course, revision: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('training.revision_conflict');

      const session = await admin.request('POST', url('/sessions'), { courseId: c.id, heldOn: '2026-03-02', trainer: 'Frau Dr. Weber' });
      expect(session.statusCode, session.body).toBe(201);
      const s = session.json();
      expect(s).toMatchObject({ courseTitle: 'Phishing erkennen', heldOn: '2026-03-02', attendance: [], attendanceList: null, attendees: 0 });
      const sessionChanged = await admin.request('PUT', url(`/sessions/${s.id}`), { courseId: c.id, heldOn: '2026-03-03', revision: 1 });
      expect(sessionChanged.json()).toMatchObject({ heldOn: '2026-03-03', revision: 2 });
      expect((await admin.request('PUT', url(`/sessions/${s.id}`), { courseId: c.id, heldOn: '2026-03-04', revision: 1 })).statusCode).toBe(409);

      expect((await admin.request('GET', url(`/sessions?courseId=${c.id}`))).json()).toHaveLength(1);
      expect((await admin.request('GET', url(`/courses/${c.id}`))).json()).toMatchObject({ sessionCount: 1, lastHeldOn: '2026-03-03' });

      // A course with sessions stays: they are the proof.
      const refused = await admin.request('DELETE', url(`/courses/${c.id}`));
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('training.course_has_sessions');
      expect((await admin.request('DELETE', url(`/sessions/${s.id}`))).statusCode).toBe(204);
      expect((await admin.request('DELETE', url(`/courses/${c.id}`))).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/courses/${c.id}`))).statusCode).toBe(404);

      const audit = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=50`);
      const actions = (audit.json().items as { action: string }[]).map((e) => e.action);
      for (const action of [
        'training.course_created',
        'training.course_updated',
        'training.session_created',
        'training.session_deleted',
        'training.course_deleted',
      ]) {
        expect(actions).toContain(action);
      }
    });

    it.each([
      ['a NUL in the title', { title: 'Phish\u0000ing' }, ['title']],
      ['a duration of 0', { durationMinutes: 0 }, ['durationMinutes']],
      ['a recurrence of 0 months', { recurrenceMonths: 0 }, ['recurrenceMonths']],
      ['an unknown topic', { topic: 'cooking' }, ['topic']],
    ])('refuses a course with %s at the field', async (_name, change, path) => {
      const res = await admin.request('POST', url('/courses'), { ...course, ...change });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0].path).toEqual(path);
    });

    it('refuses a session in year 1, on an unknown course or location, at the field', async () => {
      const c = (await admin.request('POST', url('/courses'), course)).json();
      const year1 = await admin.request('POST', url('/sessions'), { courseId: c.id, heldOn: '0001-01-01' });
      expect(year1.statusCode).toBe(400);
      expect(year1.json().issues[0].path).toEqual(['heldOn']);
      const unknown = await admin.request('POST', url('/sessions'), { courseId: randomUUID(), heldOn: '2026-03-02' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().issues[0]).toMatchObject({ path: ['courseId'], code: 'training.course_unknown' });
      const place = await admin.request('POST', url('/sessions'), { courseId: c.id, heldOn: '2026-03-02', locationId: randomUUID() });
      expect(place.json().issues[0]).toMatchObject({ path: ['locationId'], code: 'training.location_unknown' });
      const nul = await admin.request('POST', url('/sessions'), { courseId: c.id, heldOn: '2026-03-02', trainer: 'A\u0000' });
      expect(nul.json().issues[0].path).toEqual(['trainer']);
    });

    it('sets who attended, refuses people of another organisation at the field, keeps the list and anonymises deleted people', async () => {
      const c = (await admin.request('POST', url('/courses'), { ...course, title: 'TI und Konnektor', topic: 'ti' })).json();
      const s = (await admin.request('POST', url('/sessions'), { courseId: c.id, heldOn: dayFromToday(-10) })).json();
      const [anna, ben, cem] = await addPeople(t, orgId, [{ name: 'Anna Arzt', role: 'physician' }, { name: 'Ben Berger' }, { name: 'Cem Çelik' }]);
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'admin@praxis-fremd.example');
      const [stranger] = await addPeople(t, other.organisationId, [{ name: 'Fremde Person' }]);

      const foreign = await admin.request('PUT', url(`/sessions/${s.id}/attendance`), {
        attendees: [{ personId: anna, attended: true }, { personId: stranger }],
      });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().issues[0]).toMatchObject({ path: ['attendees', 1, 'personId'], code: 'training.person_unknown' });
      const twice = await admin.request('PUT', url(`/sessions/${s.id}/attendance`), { attendees: [{ personId: anna }, { personId: anna }] });
      expect(twice.json().issues[0]).toMatchObject({ path: ['attendees', 1, 'personId'], code: 'training.person_twice' });

      const set = await admin.request('PUT', url(`/sessions/${s.id}/attendance`), {
        attendees: [
          { personId: anna, attended: true },
          { personId: ben, attended: false },
          { personId: cem, attended: true },
        ],
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ attendees: 3, attended: 2, confirmed: 0 });
      expect(
        set.json().attendance.map((a: { name: string; status: string; confirmationMethod: string | null }) => [a.name, a.status, a.confirmationMethod]),
      ).toEqual([
        ['Anna Arzt', 'attended', 'recorded'],
        ['Ben Berger', 'invited', null],
        ['Cem Çelik', 'attended', 'recorded'],
      ]);

      // The signed list proves the marked attendance; a file that is no PDF or image is refused at the field.
      const bad = await upload(admin, t, url(`/sessions/${s.id}/attendance-list`), 'liste.pdf', Buffer.from('nur Text'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0]).toMatchObject({ path: ['file'], code: 'evidence.type_not_allowed' });
      const uploaded = await upload(admin, t, url(`/sessions/${s.id}/attendance-list`), 'Teilnehmerliste März.pdf', samplePdf);
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      expect(uploaded.json().attendanceList).toMatchObject({ fileName: 'Teilnehmerliste März.pdf', mediaType: 'application/pdf' });
      expect(uploaded.json().attendance[0].confirmationMethod).toBe('list');
      const download = await admin.request('GET', url(`/sessions/${s.id}/attendance-list`));
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(samplePdf)).toBe(true);

      // Ben is removed from the set, Cem's person record is deleted: his row stays without a name, with his role.
      const again = await admin.request('PUT', url(`/sessions/${s.id}/attendance`), {
        attendees: [
          { personId: anna, attended: true },
          { personId: cem, attended: true },
        ],
      });
      expect(again.json().attendees).toBe(2);
      await withSystem(t.ctx.db, (tx) => tx.delete(people).where(eq(people.id, cem!)));
      const after = (await admin.request('GET', url(`/sessions/${s.id}`))).json();
      expect(after.attended).toBe(2);
      expect(after.attendance.map((a: { personId: string | null; name: string | null; role: string }) => [a.personId, a.name, a.role])).toEqual([
        [anna, 'Anna Arzt', 'physician'],
        [null, null, 'medical_assistant'],
      ]);
      // Setting the set again leaves the anonymised row alone.
      const kept = await admin.request('PUT', url(`/sessions/${s.id}/attendance`), { attendees: [{ personId: anna, attended: true }] });
      expect(kept.json().attendees).toBe(2);

      const person = await admin.request('GET', url(`/people/${anna}`));
      expect(person.statusCode).toBe(200);
      expect(person.json().courses.find((x: { courseId: string }) => x.courseId === c.id)).toMatchObject({
        lastAttendedOn: dayFromToday(-10),
        state: 'current',
      });
    });

    it("answers another organisation's ids with 404 and lets staff read but not write", async () => {
      const c = (await admin.request('POST', url('/courses'), { ...course, title: 'Nur lesbar' })).json();
      const s = (await admin.request('POST', url('/sessions'), { courseId: c.id, heldOn: '2026-02-02' })).json();
      const [p] = await addPeople(t, orgId, [{ name: 'Dora Dietz' }]);
      const other = await createOrganisationWithAdmin(t, 'Praxis Z', 'admin@praxis-z.example');
      const theirs = `/api/v1/organisations/${other.organisationId}/training`;
      expect((await other.agent.request('GET', `${theirs}/courses/${c.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('PUT', `${theirs}/courses/${c.id}`, { ...course, revision: 1 })).statusCode).toBe(404);
      expect((await other.agent.request('GET', `${theirs}/sessions/${s.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('PUT', `${theirs}/sessions/${s.id}/attendance`, { attendees: [] })).statusCode).toBe(404);
      expect((await other.agent.request('DELETE', `${theirs}/sessions/${s.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('GET', `${theirs}/people/${p}`)).statusCode).toBe(404);
      const theirSession = await other.agent.request('POST', `${theirs}/sessions`, { courseId: c.id, heldOn: '2026-02-02' });
      expect(theirSession.json().issues[0]).toMatchObject({ path: ['courseId'], code: 'training.course_unknown' });
      expect((await other.agent.request('GET', `${theirs}/courses`)).json()).toEqual([]);

      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'mfa@praxis-a.example', role: 'staff' });
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Mia MFA', password: PASSWORD } });
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((x) => x.name === 'ps_session')!.value}`, secret);
      const staff = await login(t, 'mfa@praxis-a.example', secret);
      expect((await staff.request('GET', url('/courses'))).statusCode).toBe(200);
      expect((await staff.request('GET', url(`/sessions/${s.id}`))).statusCode).toBe(200);
      expect((await staff.request('GET', url('/overview'))).statusCode).toBe(200);
      expect((await staff.request('POST', url('/courses'), course)).statusCode).toBe(403);
      expect((await staff.request('PUT', url(`/courses/${c.id}`), { ...course, revision: 1 })).statusCode).toBe(403);
      expect((await staff.request('PUT', url(`/sessions/${s.id}/attendance`), { attendees: [{ personId: p }] })).statusCode).toBe(403);
      expect((await staff.request('POST', url(`/sessions/${s.id}/confirmations`), { personIds: [p] })).statusCode).toBe(403);
      expect((await staff.request('DELETE', url(`/sessions/${s.id}`))).statusCode).toBe(403);
    });

    it('counts coverage and due people in SQL exactly as the domain rule does', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis Quote', 'admin@praxis-quote.example');
      const o = fresh.organisationId;
      const u = (path: string) => `/api/v1/organisations/${o}/training${path}`;
      const yearly = (await fresh.agent.request('POST', u('/courses'), { ...course, title: 'Jährlich' })).json();
      const monthly = (await fresh.agent.request('POST', u('/courses'), { ...course, title: 'Vierteljährlich', recurrenceMonths: 3 })).json();
      await fresh.agent.request('POST', u('/courses'), { ...course, title: 'Freiwillig', mandatory: false });
      const ids = await addPeople(t, o, [
        { name: 'Aktuell' },
        { name: 'Bald fällig' },
        { name: 'Überfällig' },
        { name: 'Nie geschult' },
        { name: 'Ausgeschieden', endsOn: dayFromToday(-1) },
        { name: 'Noch nicht da', startsOn: dayFromToday(1) },
        { name: 'Externe', role: 'external' },
        { name: 'Auftragnehmer', contractType: 'contractor' },
      ]);
      const session = async (courseId: string, heldOn: string, attendees: string[]) => {
        const s = (await fresh.agent.request('POST', u('/sessions'), { courseId, heldOn })).json();
        const res = await fresh.agent.request('PUT', u(`/sessions/${s.id}/attendance`), {
          attendees: attendees.map((personId) => ({ personId, attended: true })),
        });
        expect(res.statusCode, res.body).toBe(200);
      };
      await session(yearly.id, dayFromToday(-5), [ids[0]!, ids[4]!, ids[6]!]);
      await session(yearly.id, dayFromToday(10, -12), [ids[1]!]);
      await session(yearly.id, dayFromToday(-1, -12), [ids[2]!]);
      await session(monthly.id, dayFromToday(-2), [ids[0]!, ids[1]!, ids[2]!]);

      const overview = await fresh.agent.request('GET', u('/overview'));
      expect(overview.statusCode, overview.body).toBe(200);
      const body = overview.json();
      expect(body.coverage).toMatchObject({ people: 4, covered: 2, percent: 50, byState: { never_trained: 1, overdue: 1, due_soon: 1, current: 1 } });
      expect(body.people.items.map((p: { name: string; state: string }) => [p.name, p.state])).toEqual([
        ['Nie geschult', 'never_trained'],
        ['Überfällig', 'overdue'],
        ['Bald fällig', 'due_soon'],
        ['Aktuell', 'current'],
      ]);
      const filtered = await fresh.agent.request('GET', u('/overview?state=overdue&limit=1'));
      expect(filtered.json().people).toMatchObject({ total: 1, items: [{ name: 'Überfällig', overdue: 1, neverTrained: 0 }] });
      const paged = await fresh.agent.request('GET', u('/overview?limit=2&offset=2'));
      expect(paged.json().people.items.map((p: { name: string }) => p.name)).toEqual(['Bald fällig', 'Aktuell']);
      expect(paged.json().people.total).toBe(4);
      expect((await fresh.agent.request('GET', u('/overview?q=BALD'))).json().people.items).toHaveLength(1);

      // The domain rule over the raw rows gives the same numbers.
      const raw = await withSystem(t.ctx.db, async (tx) => ({
        people: await tx.select().from(people).where(eq(people.organisationId, o)),
        courses: await tx.select().from(trainingCourses).where(eq(trainingCourses.organisationId, o)),
        attended: await tx
          .select({ personId: trainingAttendance.personId, courseId: trainingSessions.courseId, heldOn: trainingSessions.heldOn })
          .from(trainingAttendance)
          .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
          .where(eq(trainingAttendance.organisationId, o)),
      }));
      const expected = coverage(
        raw.people,
        raw.courses,
        raw.attended.map((a) => ({ ...a, personId: a.personId! })),
        body.today,
      );
      expect(body.coverage.byState).toEqual(expected.byState);
      expect({ people: body.coverage.people, covered: body.coverage.covered, percent: body.coverage.percent }).toEqual({
        people: expected.people,
        covered: expected.covered,
        percent: expected.percent,
      });
      expect(
        body.coverage.perCourse.map((c: { courseId: string; trained: number; people: number }) => ({
          courseId: c.courseId,
          trained: c.trained,
          people: c.people,
        })),
      ).toEqual(expect.arrayContaining(expected.perCourse));
    });
  });
}
