import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeadcountPerson, personAwu, staffFigures } from '../../../domain/people/headcount.ts';
import { contractTypes, personRoles } from '../../../domain/people/people.schema.ts';
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

interface Person {
  id: string;
  name: string;
  revision: number;
  status: string;
  deletableFrom: string | null;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the people register on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/people${path}`;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('records, reads, changes and refuses to delete someone still employed, with an audit entry for each write', async () => {
      const created = await admin.request('POST', url(), {
        name: 'Anna Berger',
        personnelNumber: 'P-100',
        role: 'medical_assistant',
        email: 'anna@praxis.example',
        startsOn: '2023-04-01',
        weeklyHours: 30,
      });
      expect(created.statusCode, created.body).toBe(201);
      const person = created.json() as Person & Record<string, unknown>;
      expect(person).toMatchObject({
        name: 'Anna Berger',
        revision: 1,
        status: 'active',
        contractType: 'permanent',
        handlesPatientData: true,
        deletableFrom: null,
      });
      expect(person).not.toHaveProperty('organisationId');
      expect(person).not.toHaveProperty('searchText');

      expect((await admin.request('GET', url(`/${person.id}`))).json()).toMatchObject({ id: person.id, weeklyHours: 30 });

      const changed = await admin.request('PUT', url(`/${person.id}`), {
        name: 'Anna Berger',
        personnelNumber: 'P-100',
        role: 'nurse',
        weeklyHours: 38.5,
        revision: 1,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ revision: 2, role: 'nurse', weeklyHours: 38.5, startsOn: null });

      const stale = await admin.request('PUT', url(`/${person.id}`), { name: 'Alt', role: 'nurse', revision: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('person.revision_conflict');

      const refused = await admin.request('DELETE', url(`/${person.id}`));
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('person.still_employed');

      const audit = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=20`);
      const actions = (audit.json().items ?? audit.json()).map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['person.created', 'person.updated']));
    });

    it('deletes a person who never started, and a leaver only once the retention period has passed', async () => {
      const future = (await admin.request('POST', url(), { name: 'Noch nicht da', role: 'physician', startsOn: dayFromToday(30) })).json() as Person;
      expect(future.status).toBe('future');
      expect((await admin.request('DELETE', url(`/${future.id}`))).statusCode).toBe(204);

      const recent = (
        await admin.request('POST', url(), { name: 'Kürzlich gegangen', role: 'administration', startsOn: '2020-01-01', endsOn: dayFromToday(-10) })
      ).json() as Person;
      expect(recent.status).toBe('leaver');
      expect(recent.deletableFrom! > dayFromToday(3 * 365 - 20)).toBe(true);
      const blocked = await admin.request('DELETE', url(`/${recent.id}`));
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().code).toBe('person.retention_running');

      // With no retention, a leaver may go from the day after the end date.
      expect((await admin.request('PUT', url('/retention'), { months: 0 })).json()).toEqual({ months: 0 });
      expect((await admin.request('GET', url('/summary'))).json().retentionMonths).toBe(0);
      expect((await admin.request('GET', url(`/${recent.id}`))).json().deletableFrom).toBe(dayFromToday(-9));
      expect((await admin.request('DELETE', url(`/${recent.id}`))).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/${recent.id}`))).statusCode).toBe(404);
      expect((await admin.request('PUT', url('/retention'), { months: 36 })).statusCode).toBe(200);
      expect((await admin.request('PUT', url('/retention'), { months: 121 })).json().issues[0].path).toEqual(['months']);

      const audit = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=20`);
      const actions = (audit.json().items ?? audit.json()).map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['person.deleted', 'people.retention_changed']));
    });

    it('refuses bad input at the field: unknown location, end before start, a personnel number taken (in any case)', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'admin@praxis-fremd.example');
      const foreignLocation = (await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/locations`, { name: 'Fremd' })).json()
        .id as string;
      const unknownLocation = await admin.request('POST', url(), { name: 'X', role: 'nurse', locationId: foreignLocation });
      expect(unknownLocation.statusCode).toBe(400);
      expect(unknownLocation.json().issues[0]).toMatchObject({ path: ['locationId'], code: 'person.location_unknown' });

      const crossed = await admin.request('POST', url(), { name: 'X', role: 'nurse', startsOn: '2026-05-01', endsOn: '2026-04-01' });
      expect(crossed.statusCode).toBe(400);
      expect(crossed.json().issues[0]).toMatchObject({ path: ['endsOn'], code: 'person.ends_before_start' });

      expect((await admin.request('POST', url(), { name: 'Erste', role: 'nurse', personnelNumber: 'DUP-1' })).statusCode).toBe(201);
      const taken = await admin.request('POST', url(), { name: 'Zweite', role: 'nurse', personnelNumber: 'dup-1' });
      expect(taken.statusCode).toBe(400);
      expect(taken.json().issues[0]).toMatchObject({ path: ['personnelNumber'], code: 'person.personnel_number_taken' });

      const foreignUser = await admin.request('POST', url(), { name: 'X', role: 'nurse', userId: '00000000-0000-4000-8000-000000000000' });
      expect(foreignUser.json().issues[0]).toMatchObject({ path: ['userId'], code: 'person.user_unknown' });
    });

    it('answers another organisation with 404', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      const mine = (await admin.request('POST', url(), { name: 'Nur bei A', role: 'nurse' })).json() as Person;
      const theirs = `/api/v1/organisations/${other.organisationId}/people`;
      expect((await other.agent.request('GET', `${theirs}/${mine.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('PUT', `${theirs}/${mine.id}`, { name: 'Gekapert', role: 'nurse', revision: 1 })).statusCode).toBe(404);
      expect((await other.agent.request('GET', url())).statusCode).toBe(404);
      expect((await other.agent.request('GET', url('/figures'))).statusCode).toBe(404);
      expect((await other.agent.request('POST', url(), { name: 'Eingeschleust', role: 'nurse' })).statusCode).toBe(404);
    });

    it('pages, sorts, searches and filters by role, location and status in the database', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis P', 'admin@praxis-p.example');
      const base = `/api/v1/organisations/${fresh.organisationId}/people`;
      const location = (await fresh.agent.request('POST', `/api/v1/organisations/${fresh.organisationId}/locations`, { name: 'Filiale' })).json().id as string;
      for (let n = 1; n <= 25; n++) {
        const body = {
          name: `Person ${String(n).padStart(2, '0')}`,
          personnelNumber: n % 5 === 0 ? `AZ-${n}` : '',
          role: personRoles[n % personRoles.length],
          locationId: n % 3 === 0 ? location : null,
          startsOn: n % 7 === 0 ? dayFromToday(10) : '2020-01-01',
          endsOn: n % 4 === 0 ? dayFromToday(-1) : null,
        };
        const res = await fresh.agent.request('POST', base, body);
        expect(res.statusCode, res.body).toBe(201);
      }
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await fresh.agent.request('GET', `${base}?limit=10&sort=name&order=desc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        const page = res.json();
        expect(page.total).toBe(25);
        names.push(...page.items.map((p: Person) => p.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(names).toHaveLength(25);
      expect(names).toEqual([...names].sort().reverse());
      const count = async (query: string) => (await fresh.agent.request('GET', `${base}?${query}`)).json().total as number;
      expect(await count('q=az-')).toBe(5);
      expect(await count(`locationId=${location}`)).toBe(8);
      expect(await count('role=physician')).toBe(4);
      // n % 7 == 0 starts later (7, 14, 21; 28 is beyond 25); n % 4 == 0 left yesterday (4, 8, 12, 16, 20, 24).
      expect(await count('status=future')).toBe(3);
      expect(await count('status=leaver')).toBe(6);
      expect(await count('status=active')).toBe(16);
      const summary = (await fresh.agent.request('GET', `${base}/summary`)).json();
      expect(summary).toMatchObject({ total: 25, byStatus: { active: 16, leaver: 6, future: 3 }, retentionMonths: 36 });
      expect(summary.byLocation).toEqual([
        { locationId: location, count: 8 },
        { locationId: null, count: 17 },
      ]);
      expect(summary.byRole.reduce((sum: number, r: { count: number }) => sum + r.count, 0)).toBe(25);
      for (const query of ['sort=organisationId', 'limit=0', 'role=janitor', 'status=gone', 'locationId=filiale', 'counted=all', 'q=%00']) {
        const res = await fresh.agent.request('GET', `${base}?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().issues[0].path[0], query).toBe(query.split('=')[0]);
      }
    });

    it('computes the figures in SQL exactly as the domain function does, on several days', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis Z', 'admin@praxis-z.example');
      const base = `/api/v1/organisations/${fresh.organisationId}/people`;
      const register: (HeadcountPerson & { name: string })[] = [];
      const starts = [null, '2019-03-01', '2025-06-15', '2026-02-28', dayFromToday(-40), dayFromToday(20)];
      const ends = [null, null, '2025-01-31', '2026-01-15', dayFromToday(-5), dayFromToday(60)];
      const hours = [null, 40, 38.5, 20, 8, 45, 12.5];
      for (let n = 0; n < 42; n++) {
        const startsOn = starts[n % starts.length] ?? null;
        let endsOn = ends[(n * 5) % ends.length] ?? null;
        if (startsOn && endsOn && endsOn < startsOn) endsOn = null;
        const person = {
          name: `Zähl ${String(n).padStart(2, '0')}`,
          role: personRoles[n % personRoles.length]!,
          contractType: contractTypes[(n * 3) % contractTypes.length]!,
          handlesPatientData: n % 5 !== 0,
          startsOn,
          endsOn,
          weeklyHours: hours[n % hours.length] ?? null,
        };
        const res = await fresh.agent.request('POST', base, person);
        expect(res.statusCode, res.body).toBe(201);
        register.push(person);
      }
      for (const day of [practiceToday(), '2026-01-31', '2025-12-31', '2024-02-29', dayFromToday(30)]) {
        for (const fullTimeHours of [40, 38.5]) {
          const res = await fresh.agent.request('GET', `${base}/figures?on=${day}&fullTimeHours=${fullTimeHours}`);
          expect(res.statusCode, res.body).toBe(200);
          const figures = res.json();
          const expected = staffFigures(register, day, fullTimeHours);
          expect({ ...figures, contributors: undefined, on: undefined, periodFrom: undefined }, `${day} at ${fullTimeHours} h`).toEqual({
            ...expected,
            contributors: undefined,
            on: undefined,
            periodFrom: undefined,
          });
          for (const item of figures.contributors.items as { name: string; awu: number }[]) {
            const person = register.find((p) => p.name === item.name)!;
            expect(item.awu, item.name).toBeCloseTo(personAwu(person, day, fullTimeHours), 4);
          }
        }
      }
      const today = (await fresh.agent.request('GET', `${base}/figures`)).json();
      expect(today.on).toBe(practiceToday());
      expect(today.contributors.items.length).toBeLessThanOrEqual(50);
      // The list filter behind the check's link counts the same people.
      expect((await fresh.agent.request('GET', `${base}?counted=kbv`)).json().total).toBe(today.kbvPersons);
      expect((await fresh.agent.request('GET', `${base}?counted=awu`)).json().total).toBe(today.heads);
      for (const query of ['on=2026-02-30', 'on=morgen', 'fullTimeHours=0', 'fullTimeHours=100']) {
        const res = await fresh.agent.request('GET', `${base}/figures?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().issues[0].path[0], query).toBe(query.split('=')[0]);
      }
    });

    it('lets staff read the register but not change it', async () => {
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'mfa@praxis-a.example', role: 'staff' });
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Mia MFA', password: PASSWORD } });
      expect(accepted.statusCode).toBeLessThan(300);
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      const staff = await login(t, 'mfa@praxis-a.example', secret);
      const person = (await admin.request('POST', url(), { name: 'Nur lesbar', role: 'nurse' })).json() as Person;
      expect((await staff.request('GET', url())).statusCode).toBe(200);
      expect((await staff.request('GET', url('/figures'))).statusCode).toBe(200);
      expect((await staff.request('GET', url(`/${person.id}`))).statusCode).toBe(200);
      expect((await staff.request('POST', url(), { name: 'Von Mia', role: 'nurse' })).statusCode).toBe(403);
      expect((await staff.request('PUT', url(`/${person.id}`), { name: 'Von Mia', role: 'nurse', revision: 1 })).statusCode).toBe(403);
      expect((await staff.request('DELETE', url(`/${person.id}`))).statusCode).toBe(403);
      expect((await staff.request('PUT', url('/retention'), { months: 0 })).statusCode).toBe(403);
    });
  });
}
