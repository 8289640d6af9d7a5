import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_CHECK_VERSION } from '../../../domain/quickcheck/questions.ts';
import { answerEntries } from '../../../domain/quickcheck/quickcheck.schema.ts';
import { answersWith } from '../../../domain/quickcheck/test-answers.ts';
import type { RoadmapAccepted, RoadmapPlan, RoadmapProposal } from '../../../domain/roadmap/roadmap.response.ts';
import { addDays, nextMonday } from '../../../domain/roadmap/roadmap.ts';
import { queryRows } from '../../db/connect.ts';
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
import { insertPerson } from '../access/access.fixtures.ts';
import { practiceToday } from '../assets/assets.ts';

const importantMvz = { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 67.5, annualTurnoverEur: 8_000_000, balanceSheetTotalEur: 4_000_000 };
const smallMvz = { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 12, annualTurnoverEur: 2_000_000, balanceSheetTotalEur: 1_000_000 };
const mediumPractice = { personsHandlingData: 12, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true };

interface Issue {
  path: (string | number)[];
  code?: string;
  message?: string;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the 8-week plan on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/roadmap${path}`;
    const org = (path: string) => `/api/v1/organisations/${orgId}${path}`;
    const proposal = async (agent = admin) => (await agent.request('GET', url('/proposal'))).json() as RoadmapProposal;
    const startOn = () => nextMonday(practiceToday());
    const taskRows = () =>
      queryRows<{ source_key: string; roadmap_week: number; due_on: string; owner_user_id: string | null; source: string; title: string; description: string }>(
        t.ctx.db,
        sql`select source_key, roadmap_week, due_on::text, owner_user_id, source, title, description from tasks where organisation_id = ${orgId} and source = 'roadmap' order by source_key`,
      );

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('asks for the checks first and plans nothing under the BSIG before the NIS2 check (§ 28 BSIG)', async () => {
      const p = await proposal();
      expect(p.scope).toMatchObject({ nis2: 'not_assessed', kbvAssessed: false });
      expect(p.items.slice(0, 2).map((i) => i.key)).toEqual(['check-nis2', 'check-kbv']);
      expect(p.items.flatMap((i) => i.requirementIds).filter((id) => id.startsWith('BSIG'))).toEqual([]);
      expect(p.defaultStartOn).toBe(startOn());
      expect(p).toMatchObject({ planned: false, alreadyPlanned: 0 });
      const plan = (await admin.request('GET', url())).json() as RoadmapPlan;
      expect(plan).toMatchObject({ startOn: null, progress: { done: 0, total: 0 } });
      expect(plan.weeks).toHaveLength(8);
    });

    it('proposes the NIS2 plan once the MVZ is an important entity, with what the registers flag', async () => {
      expect((await admin.request('POST', org('/applicability/nis2'), { financialYear: 2025, check: importantMvz })).statusCode).toBe(201);
      expect((await admin.request('POST', org('/applicability/kbv'), { check: mediumPractice })).statusCode).toBe(201);
      const leaver = await insertPerson(t.database, orgId, { name: 'Frieda Fort', endsOn: '2026-01-31' });
      expect(
        (await admin.request('POST', org(`/people/${leaver}/accounts`), { system: 'pvs', accountName: 'ffort', isAdmin: true, mfa: false })).statusCode,
      ).toBe(201);

      const p = await proposal();
      expect(p.scope).toMatchObject({ nis2: 'in_scope', nis2Category: 'important', kbvAssessed: true, annexes: [1, 2, 5] });
      const byKey = new Map(p.items.map((i) => [i.key, i]));
      expect(byKey.has('check-nis2')).toBe(false);
      expect(byKey.get('leavers-access')).toMatchObject({ week: 1, params: { n: 1 } });
      expect(byKey.get('leavers-access')?.links).toContainEqual({ kind: 'person', targetId: leaver });
      expect(byKey.get('mfa-admins')).toMatchObject({ week: 3, params: { n: 1 }, text: { todo: 'roadmap.items.mfa-admins.todoFlagged' } });
      expect(byKey.get('management-training')).toMatchObject({ week: 7, phase: 'leadership', citations: expect.arrayContaining(['§ 38 Abs. 3 BSIG']) });
      expect(byKey.get('bsi-registration')).toMatchObject({ week: 8, phase: 'registration', citations: ['§ 33 BSIG'] });
      // A medium practice: Anlage 3 (large practices) and 4 (major devices) do not apply.
      expect(byKey.has('mobile-management')).toBe(false);
      expect(byKey.has('medical-devices')).toBe(false);
    });

    it('refuses what it cannot take over at the field, and writes nothing', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'fremd@praxis-b.example');
      const before = (await taskRows()).length;
      const cases: [string, unknown, Issue[]][] = [
        ['an unknown key', { startOn: startOn(), items: [{ key: 'drop-tables' }] }, [{ path: ['items', 0, 'key'], code: 'invalid_value' }]],
        [
          'an item the plan does not propose (KBV-only item in NIS2 scope)',
          { startOn: startOn(), items: [{ key: 'leadership-awareness' }] },
          [{ path: ['items', 0, 'key'], code: 'roadmap.item_not_proposed' }],
        ],
        [
          "another organisation's user as owner",
          { startOn: startOn(), items: [{ key: 'backup-321', ownerUserId: other.agent.userId }] },
          [{ path: ['items', 0, 'ownerUserId'], code: 'roadmap.owner_not_member' }],
        ],
        [
          'a due date before today',
          { startOn: startOn(), items: [{ key: 'backup-321' }, { key: 'updates', dueOn: addDays(practiceToday(), -1) }] },
          [{ path: ['items', 1, 'dueOn'], code: 'roadmap.due_in_past' }],
        ],
        [
          'a start more than eight weeks back',
          { startOn: addDays(practiceToday(), -70), items: [{ key: 'backup-321' }] },
          [{ path: ['startOn'], code: 'roadmap.start_in_past' }],
        ],
        [
          'an item twice',
          { startOn: startOn(), items: [{ key: 'backup-321' }, { key: 'backup-321' }] },
          [{ path: ['items', 1, 'key'], code: 'roadmap.item_twice' }],
        ],
        ['no item', { startOn: startOn(), items: [] }, [{ path: ['items'], code: 'too_small' }]],
        ['a year 10000 start', { startOn: '10000-01-05', items: [{ key: 'backup-321' }] }, [{ path: ['startOn'], message: 'invalid_date' }]],
        ['a NUL in the key', { startOn: startOn(), items: [{ key: 'backup\u0000' }] }, [{ path: ['items', 0, 'key'], code: 'invalid_value' }]],
      ];
      for (const [name, body, issues] of cases) {
        const res = await admin.request('POST', url('/accept'), body);
        expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
        expect(res.json().issues, name).toEqual(issues.map((i) => expect.objectContaining(i)));
      }
      expect(await taskRows()).toHaveLength(before);
    });

    it('takes the proposal over as tasks with owners, dates, weeks and links, audited, and shows the plan', async () => {
      const p = await proposal();
      const chosen = p.items.filter((i) => i.key !== 'effectiveness-review');
      const due = addDays(startOn(), 10);
      const res = await admin.request('POST', url('/accept'), {
        startOn: startOn(),
        items: chosen.map((i) => (i.key === 'mfa-admins' ? { key: i.key, ownerUserId: admin.userId, dueOn: due } : { key: i.key, ownerUserId: admin.userId })),
      });
      expect(res.statusCode, res.body).toBe(200);
      const accepted = res.json() as RoadmapAccepted;
      expect(accepted.created.map((c) => c.key)).toEqual(chosen.map((i) => i.key));
      expect(accepted.skipped).toEqual([]);

      const rows = await taskRows();
      expect(rows).toHaveLength(chosen.length);
      // The recurring cycle starts with the plan: its first occurrences fall after the eight weeks.
      const recurring = await queryRows<{ n: number; first: string }>(
        t.ctx.db,
        sql`select count(*)::int as n, min(due_on)::text as first from tasks where organisation_id = ${orgId} and source = 'recurring'`,
      );
      expect(recurring[0]!.n).toBeGreaterThan(0);
      expect(recurring[0]!.first >= addDays(startOn(), 56)).toBe(true);
      const mfa = rows.find((r) => r.source_key === 'roadmap:mfa-admins')!;
      expect(mfa).toMatchObject({
        source: 'roadmap',
        roadmap_week: 3,
        due_on: due,
        owner_user_id: admin.userId,
        title: 'Mehr-Faktor-Anmeldung für alle Administrator-Konten',
      });
      expect(mfa.description).toContain('Personen mit einem Administrator-Konto ohne Mehr-Faktor-Anmeldung: 1.');
      expect(mfa.description).toContain('Grundlage: § 30 Abs. 2 Satz 2 Nr. 10 BSIG; Art. 32 DSGVO');
      // Without a date of its own, a task is due on the Friday of its week.
      expect(rows.find((r) => r.source_key === 'roadmap:bsi-registration')).toMatchObject({ roadmap_week: 8, due_on: addDays(startOn(), 7 * 7 + 4) });
      const links = await queryRows<{ kind: string; target_id: string }>(
        t.ctx.db,
        sql`select l.kind, l.target_id from task_links l join tasks k on k.organisation_id = l.organisation_id and k.id = l.task_id
             where k.organisation_id = ${orgId} and k.source_key = 'roadmap:leavers-access' order by l.kind, l.target_id`,
      );
      expect(links.map((l) => l.kind)).toEqual(expect.arrayContaining(['person', 'requirement']));

      const audit = (await admin.request('GET', org('/audit?limit=100'))).json().items as { action: string; data: { items?: string[]; source?: string } }[];
      expect(audit.filter((e) => e.action === 'task.created' && e.data.source === 'roadmap')).toHaveLength(chosen.length);
      expect(audit.find((e) => e.action === 'roadmap.accepted')?.data.items).toHaveLength(chosen.length);

      const plan = (await admin.request('GET', url())).json() as RoadmapPlan;
      expect(plan.startOn).toBe(startOn());
      expect(plan.progress).toEqual({ done: 0, total: chosen.length });
      expect(plan.weeks[2]).toMatchObject({ week: 3, startsOn: addDays(startOn(), 14), endsOn: addDays(startOn(), 18) });
      expect(plan.weeks[2]?.tasks.find((task) => task.key === 'mfa-admins')).toMatchObject({ ownerName: 'Anna Admin', status: 'open', overdue: false });

      // Done and cancelled tasks count as the tasks module records them.
      await t.ctx.db.execute(sql`update tasks set status = 'done', done_at = now() where organisation_id = ${orgId} and source_key = 'roadmap:mfa-admins'`);
      await t.ctx.db.execute(sql`update tasks set status = 'cancelled' where organisation_id = ${orgId} and source_key = 'roadmap:backup-321'`);
      const after = (await admin.request('GET', url())).json() as RoadmapPlan;
      expect(after.progress).toEqual({ done: 1, total: chosen.length - 1 });
      expect(after.weeks[2]?.progress).toEqual({ done: 1, total: (after.weeks[2]?.tasks.length ?? 0) - 1 });
    });

    it('proposes only what is new when the plan is generated again, and skips what is planned already', async () => {
      const p = await proposal();
      expect(p.items.map((i) => i.key)).toEqual(['effectiveness-review']);
      expect(p.planned).toBe(true);
      // New items join the running plan: its Monday is the default start.
      expect(p.defaultStartOn).toBe(startOn());
      expect(p.alreadyPlanned).toBeGreaterThan(20);

      // Something new turns up: a supplier with patient data and no processor agreement (Art. 28 DSGVO).
      const supplier = await admin.request('POST', org('/suppliers'), { name: 'Labor Nord GmbH', patientDataAccess: true, avvStatus: 'missing' });
      expect(supplier.statusCode, supplier.body).toBe(201);
      const again = await proposal();
      expect(again.items.map((i) => i.key)).toEqual(['supplier-avv', 'effectiveness-review']);
      expect(again.items[0]?.links).toContainEqual({ kind: 'supplier', targetId: supplier.json().id });

      // Taking over an item twice (a double click) creates it once and says so.
      const twice = await admin.request('POST', url('/accept'), { startOn: startOn(), items: [{ key: 'supplier-avv' }, { key: 'backup-321' }] });
      expect(twice.statusCode, twice.body).toBe(200);
      expect(twice.json()).toEqual({ created: [{ key: 'supplier-avv', taskId: expect.any(String) }], skipped: ['backup-321'] });
      const none = await admin.request('POST', url('/accept'), { startOn: startOn(), items: [{ key: 'supplier-avv' }] });
      expect(none.json()).toEqual({ created: [], skipped: ['supplier-avv'] });
      const rows = await taskRows();
      expect(rows.filter((r) => r.source_key === 'roadmap:supplier-avv')).toHaveLength(1);
      const acceptances = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from roadmap_acceptances where organisation_id = ${orgId}`);
      expect(acceptances[0]?.n).toBe(2);
    });

    it('writes the tasks in English when the proposal was read in English', async () => {
      const other = await createOrganisationWithAdmin(t, 'Practice English', 'english@praxis-c.example');
      // A plan started three weeks ago: week 1 ended, so its task is due today rather than in the past.
      const res = await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/roadmap/accept`, {
        startOn: addDays(practiceToday(), -21),
        locale: 'en',
        items: [{ key: 'check-nis2' }],
      });
      expect(res.statusCode, res.body).toBe(200);
      const [row] = await queryRows<{ title: string; description: string; due_on: string }>(
        t.ctx.db,
        sql`select title, description, due_on::text from tasks where organisation_id = ${other.organisationId} and source = 'roadmap'`,
      );
      expect(row?.title).toBe('Run the NIS2 applicability check');
      expect(row?.description).toContain('Legal basis: § 28 BSIG');
      expect(row?.due_on).toBe(practiceToday());
    });

    it('gives an MVZ outside NIS2 the KBV-only plan: no § 33, § 38 or § 30 BSIG', async () => {
      const other = await createOrganisationWithAdmin(t, 'MVZ Klein', 'klein@praxis-d.example');
      const base = `/api/v1/organisations/${other.organisationId}`;
      expect((await other.agent.request('POST', `${base}/applicability/nis2`, { financialYear: 2025, check: smallMvz })).statusCode).toBe(201);
      expect((await other.agent.request('POST', `${base}/applicability/kbv`, { check: mediumPractice })).statusCode).toBe(201);
      const p = (await other.agent.request('GET', `${base}/roadmap/proposal`)).json() as RoadmapProposal;
      expect(p.scope).toMatchObject({ nis2: 'not_in_scope', nis2Category: 'not_affected' });
      const keys = p.items.map((i) => i.key);
      expect(keys).toContain('leadership-awareness');
      for (const key of ['bsi-registration', 'management-training', 'management-approval', 'security-policy', 'incident-response'])
        expect(keys).not.toContain(key);
      expect(p.items.flatMap((i) => i.citations).filter((c) => c.includes('BSIG'))).toEqual([]);
    });

    it('words the plan from the quick-check answers carried into the organisation, with the same keys and weeks', async () => {
      // Two MVZ created by the same person, checked alike; one carries the quick check over (decision 030).
      const answers = answersWith('unknown', { backup_daily: 'yes', backup_offline: 'yes', emergency_plan: 'no', admin_mfa: 'partly' });
      const create = async (name: string, quickCheck?: unknown) => {
        const res = await admin.request('POST', '/api/v1/organisations', {
          name,
          legalForm: 'mvz_gmbh',
          locations: [{ name }],
          ...(quickCheck ? { quickCheck } : {}),
        });
        expect(res.statusCode, res.body).toBe(201);
        const base = `/api/v1/organisations/${res.json().id as string}`;
        expect((await admin.request('POST', `${base}/applicability/nis2`, { financialYear: 2025, check: importantMvz })).statusCode).toBe(201);
        expect((await admin.request('POST', `${base}/applicability/kbv`, { check: mediumPractice })).statusCode).toBe(201);
        return base;
      };
      const plainBase = await create('MVZ ohne Schnellcheck');
      const carriedBase = await create('MVZ mit Schnellcheck', { version: QUICK_CHECK_VERSION, answers: answerEntries(answers) });
      const plain = (await admin.request('GET', `${plainBase}/roadmap/proposal`)).json() as RoadmapProposal;
      const carried = (await admin.request('GET', `${carriedBase}/roadmap/proposal`)).json() as RoadmapProposal;
      expect(carried).not.toEqual(plain);
      const weekKeys = (p: RoadmapProposal) => p.items.map((i) => `${i.week}:${i.key}`).sort();
      expect(weekKeys(carried)).toEqual(weekKeys(plain));
      expect(plain.items.every((i) => i.quickCheck === null)).toBe(true);

      const byKey = new Map(carried.items.map((i) => [i.key, i]));
      // "Ja" to the daily and the offline backup: KBV Anlage 1 Nr. 21–24 only need confirming with evidence.
      expect(byKey.get('backup-321')).toMatchObject({
        quickCheck: { outcome: 'confirm', questionIds: ['backup_daily', 'backup_offline'] },
        text: { todo: 'roadmap.items.backup-321.todoConfirm' },
      });
      // "Nein" to the emergency plan (§ 30 Abs. 2 Satz 2 Nr. 3 BSIG): a known gap, first in week 5.
      expect(byKey.get('emergency-plan')?.quickCheck).toEqual({ outcome: 'gap', questionIds: ['emergency_plan'] });
      expect(carried.items.filter((i) => i.week === 5)[0]?.key).toBe('emergency-plan');
      expect(plain.items.filter((i) => i.week === 5)[0]?.key).toBe('security-policy');
      // "Teilweise" and "weiß nicht" change nothing.
      expect(byKey.get('mfa-admins')?.quickCheck).toBeNull();

      // Taken over, the task says so in its title and description; the key is the same as without the quick check.
      const res = await admin.request('POST', `${carriedBase}/roadmap/accept`, {
        startOn: startOn(),
        locale: 'de',
        items: [{ key: 'backup-321' }, { key: 'emergency-plan' }],
      });
      expect(res.statusCode, res.body).toBe(200);
      const tasks = await queryRows<{ source_key: string; title: string; description: string }>(
        t.ctx.db,
        sql`select source_key, title, description from tasks where source = 'roadmap' and organisation_id = ${carriedBase.split('/').pop()!} order by source_key`,
      );
      expect(tasks.map((row) => [row.source_key, row.title])).toEqual([
        ['roadmap:backup-321', 'Bestätigen und Nachweis ablegen: Datensicherung nach der 3-2-1-Regel'],
        ['roadmap:emergency-plan', 'Notfallplan schreiben'],
      ]);
      expect(tasks[0]!.description).toMatch(/^Laut Schnellcheck ist das umgesetzt\./);
      expect(tasks[0]!.description).toContain('Im Schnellcheck mit Ja beantwortet (Tägliche Datensicherung, Sicherung getrennt vom Netz).');
      expect(tasks[1]!.description).toContain('Im Schnellcheck mit Nein beantwortet (Notfallplan).');
      const after = (await admin.request('GET', `${carriedBase}/roadmap/proposal`)).json() as RoadmapProposal;
      expect(after.items.map((i) => i.key)).not.toContain('backup-321');
    });

    it('lets every member read the plan, and only management and the IT lead take it over', async () => {
      const invite = await admin.request('POST', org('/invitations'), { email: 'staff@praxis-a.example', role: 'staff' });
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Sam Staff', password: PASSWORD } });
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, accepted.json().enrolment.secret);
      const staff = await login(t, 'staff@praxis-a.example', accepted.json().enrolment.secret);
      expect((await staff.request('GET', url('/proposal'))).statusCode).toBe(200);
      expect((await staff.request('GET', url())).statusCode).toBe(200);
      expect((await staff.request('POST', url('/accept'), { startOn: startOn(), items: [{ key: 'effectiveness-review' }] })).statusCode).toBe(403);
      // The staff member is a member: as an owner, that is fine.
      const res = await admin.request('POST', url('/accept'), { startOn: startOn(), items: [{ key: 'effectiveness-review', ownerUserId: staff.userId }] });
      expect(res.statusCode, res.body).toBe(200);
    });
  });
}
