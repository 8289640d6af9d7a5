import { describe, expect, it } from 'vitest';
import {
  addDays,
  defaultPlanStart,
  earliestPlanStart,
  kbvCitations,
  mondayOf,
  nextMonday,
  planWeeks,
  proposeRoadmap,
  type RoadmapInput,
  roadmapDefinitions,
  roadmapKeys,
  scheduleRoadmap,
} from './roadmap.ts';
import { allIds, every, mvz, tidyRegisters } from './test-inputs.ts';

const done = (input: RoadmapInput): RoadmapInput => ({ ...input, statuses: every('implemented'), registers: { ...tidyRegisters } });
const keys = (input: RoadmapInput) => proposeRoadmap(input).map((i) => i.key);
const item = (input: RoadmapInput, key: string) => proposeRoadmap(input).find((i) => i.key === key);
const weeksOf = (input: RoadmapInput) => Object.fromEntries(proposeRoadmap(input).map((i) => [i.key, i.week]));

describe('the 8-week plan: which tasks, in which week', () => {
  it('gives an MVZ in NIS2 scope with nothing done the seed order: stock, quick wins, documents, management, BSI', () => {
    const weeks = weeksOf(mvz());
    // Weeks 1–2: scope, IT inventory, suppliers, people and accounts (§ 30 Abs. 2 Satz 2 Nr. 9 BSIG: asset management).
    expect(weeks).toMatchObject({ 'inventory-assets': 1, 'inventory-suppliers': 2, 'inventory-people': 2, 'inventory-accounts': 2 });
    // Weeks 3–4: MFA on administrator accounts (§ 30 Abs. 2 Satz 2 Nr. 10 BSIG), 3-2-1 backups (KBV Anlage 1 Nr. 21–24),
    // phishing kick-off (KBV Anlage 1 Nr. 9, 10).
    expect(weeks).toMatchObject({ 'mfa-admins': 3, 'backup-321': 3, 'phishing-kickoff': 3, 'backup-restore-test': 4 });
    // Weeks 5–6: security policy and risk register (Nr. 1), emergency plan (Nr. 3), suppliers (Nr. 4), incidents (Nr. 2, § 32).
    expect(weeks).toMatchObject({ 'security-policy': 5, 'risk-register': 5, 'emergency-plan': 5, 'supplier-security': 6, 'incident-response': 6 });
    // Week 7: § 38 Abs. 3 BSIG training and § 38 Abs. 1 approval; week 8: § 33 BSIG registration.
    expect(weeks).toMatchObject({ 'management-training': 7, 'management-approval': 7, 'bsi-registration': 8, 'effectiveness-review': 8 });
    const list = proposeRoadmap(mvz());
    expect(list.map((i) => i.week)).toEqual([...list.map((i) => i.week)].sort((a, b) => a - b));
  });

  it('gives an MVZ outside NIS2 (§ 28 BSIG: not affected) a KBV-only plan: nothing under §§ 30, 33, 38 BSIG', () => {
    const input = mvz({ nis2: { category: 'not_affected' } });
    const list = proposeRoadmap(input);
    for (const key of [
      'security-policy',
      'risk-register',
      'emergency-plan',
      'supplier-security',
      'incident-response',
      'management-training',
      'bsi-registration',
    ]) {
      expect(list.map((i) => i.key)).not.toContain(key);
    }
    // KBV Anlage 1 Nr. 8: the practice's leadership, in the week NIS2 gives to management training.
    expect(item(input, 'leadership-awareness')).toMatchObject({ week: 7, requirementIds: ['KBV-A1-08'] });
    const cited = list.flatMap((i) => [...i.citations, ...i.requirementIds]);
    expect(cited.filter((c) => c.includes('BSIG'))).toEqual([]);
    // The annexes that apply to a medium practice (KBV guideline, practice sizes): 2 yes, 3 and 4 no.
    expect(keys(input)).toContain('network');
    expect(keys(input)).not.toContain('mobile-management');
    expect(keys(input)).not.toContain('medical-devices');
  });

  it('proposes the NIS2 check first and nothing under the BSIG while it has not been run (§ 28 BSIG)', () => {
    const input = mvz({ nis2: null });
    expect(proposeRoadmap(input)[0]).toMatchObject({ key: 'check-nis2', week: 1, citations: ['§ 28 BSIG'] });
    expect(keys(input)).not.toContain('bsi-registration');
    // KBV Anlage 1 Nr. 8 binds the practice whatever NIS2 says.
    expect(keys(input)).toContain('leadership-awareness');
    expect(
      proposeRoadmap(input)
        .flatMap((i) => i.requirementIds)
        .filter((id) => id.startsWith('BSIG')),
    ).toEqual([]);
  });

  it('plans with every KBV annex until the practice size is determined, and proposes determining it (§ 390 SGB V)', () => {
    const input = mvz({ kbv: { assessed: false, guidelineApplies: true, annexes: [1, 2, 3, 4, 5] } });
    expect(keys(input)).toEqual(expect.arrayContaining(['check-kbv', 'mobile-management', 'medical-devices']));
    expect(item(input, 'check-kbv')?.citations).toContain('§ 390 SGB V');
  });

  it('gives nothing when everything is done, the registers are filled and nothing is flagged', () => {
    expect(proposeRoadmap(done(mvz()))).toEqual([]);
    expect(proposeRoadmap(done(mvz({ nis2: { category: 'not_affected' } })))).toEqual([]);
    expect(
      proposeRoadmap(done(mvz({ nis2: { category: 'particularly_important' }, kbv: { assessed: true, guidelineApplies: true, annexes: [1, 2, 3, 4, 5] } }))),
    ).toEqual([]);
  });

  it('counts "not applicable" as done, as the catalog does', () => {
    expect(proposeRoadmap({ ...done(mvz()), statuses: every('not_applicable') })).toEqual([]);
  });

  it('counts "in progress" as still open', () => {
    const input = { ...done(mvz()), statuses: { ...every('implemented'), 'KBV-A1-25': 'in_progress' as const } };
    expect(keys(input)).toEqual(['backup-restore-test']);
  });

  it.each([
    // [what is still open, the only task it gives, the source]
    ['KBV-A1-22', 'backup-321', 'KBV Anlage 1 Nr. 22: protected backups'],
    ['KBV-A1-16', 'updates', 'KBV Anlage 1 Nr. 16: missing updates are noticed'],
    ['KBV-A2-01', 'network', 'KBV Anlage 2 Nr. 1: alerting and logging'],
    ['KBV-A5-03', 'telematics', 'KBV Anlage 5 Nr. 3: TI components out of reach'],
    ['KBV-A1-05', 'staff-rules', 'KBV Anlage 1 Nr. 5: duties and responsibilities'],
    ['KBV-A1-50', 'supplier-c5', 'KBV Anlage 1 Nr. 50 with § 393 SGB V: C5 for cloud services'],
    ['BSIG-30-2-03', 'emergency-plan', '§ 30 Abs. 2 Satz 2 Nr. 3 BSIG: business continuity'],
    ['BSIG-30-2-05', 'procurement-vulnerabilities', '§ 30 Abs. 2 Satz 2 Nr. 5 BSIG: procurement and vulnerabilities'],
    ['BSIG-30-2-06', 'effectiveness-review', '§ 30 Abs. 2 Satz 2 Nr. 6 BSIG: effectiveness'],
    ['BSIG-30-2-08', 'encryption', '§ 30 Abs. 2 Satz 2 Nr. 8 BSIG: cryptography'],
    ['BSIG-30-2-07', 'training-programme', '§ 30 Abs. 2 Satz 2 Nr. 7 BSIG: regular training'],
    ['BSIG-30-2-09', 'inventory-assets', '§ 30 Abs. 2 Satz 2 Nr. 9 BSIG: asset management'],
  ])('with everything else done, %s open gives only %s (%s)', (id, key) => {
    const input = { ...done(mvz()), statuses: { ...every('implemented'), [id]: 'open' as const } };
    expect(keys(input)).toEqual([key]);
    expect(item(input, key)?.links).toContainEqual({ kind: 'requirement', targetId: id });
  });

  it('cites only the open requirements of a group, in ranges (KBV Anlage 1 Nr. 21–24)', () => {
    const open = { ...every('implemented'), 'KBV-A1-21': 'open', 'KBV-A1-22': 'open', 'KBV-A1-23': 'in_progress', 'KBV-A1-24': 'open' } as const;
    const backup = item({ ...done(mvz()), statuses: open }, 'backup-321');
    // In NIS2 scope the task also serves § 30 Abs. 2 Satz 2 Nr. 3 BSIG (backup management).
    expect(backup?.requirementIds).toEqual(['KBV-A1-21', 'KBV-A1-22', 'KBV-A1-23', 'KBV-A1-24', 'BSIG-30-2-03']);
    expect(backup?.citations).toEqual(['KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 21–24', '§ 30 Abs. 2 Satz 2 Nr. 3 BSIG']);
    const kbvOnly = item({ ...done(mvz({ nis2: { category: 'not_affected' } })), statuses: open }, 'backup-321');
    expect(kbvOnly?.citations).toEqual(['KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 21–24']);
  });

  it('leaves out groups whose target object the practice does not have (KBV guideline, target objects)', () => {
    const input = mvz({
      kbv: {
        assessed: true,
        guidelineApplies: true,
        annexes: [1, 2, 5],
        targetObjects: { usesSmartphonesOrTablets: false, usesMobilePhones: false, usesMobileApps: false },
      },
    });
    expect(keys(input)).not.toContain('mobile-devices');
    expect(keys(mvz())).toContain('mobile-devices');
    const withMailServer = mvz({ kbv: { assessed: true, guidelineApplies: true, annexes: [1, 2, 3, 5], targetObjects: { operatesOwnMailServer: false } } });
    // KBV Anlage 1 Nr. 40 (mail clients) still applies; Anlage 3 Nr. 15–17 (own mail server) do not.
    expect(item(withMailServer, 'email')?.requirementIds).toEqual(['KBV-A1-40']);
  });
});

describe('the 8-week plan: what the registers flag', () => {
  it.each([
    ['assets', 'inventory-assets'],
    ['suppliers', 'inventory-suppliers'],
    ['people', 'inventory-people'],
    ['accounts', 'inventory-accounts'],
  ] as const)('proposes filling the empty register of %s, and nothing once it holds records', (register, key) => {
    const input = done(mvz());
    expect(keys({ ...input, registers: { ...input.registers, [register]: 0 } })).toEqual([key]);
    expect(keys(input)).not.toContain(key);
  });

  it('proposes the risk register under § 30 Abs. 2 Satz 2 Nr. 1 BSIG only while it is empty and the measure open', () => {
    const input = mvz({ statuses: { ...every('implemented'), 'BSIG-30-2-01': 'open' } }, { ...tidyRegisters, risks: 0 });
    expect(keys(input)).toEqual(['security-policy', 'risk-register']);
    expect(keys({ ...input, registers: { ...input.registers, risks: 3 } })).toEqual(['security-policy']);
    expect(keys(mvz({ nis2: { category: 'not_affected' } }, { risks: 0 }))).not.toContain('risk-register');
  });

  it('links the people who left and still have access, in week 1 (KBV Anlage 1 Nr. 2)', () => {
    const input = mvz({ statuses: every('implemented') }, { ...tidyRegisters, leaversWithAccess: { count: 2, ids: ['p1', 'p2'] } });
    expect(proposeRoadmap(input)).toEqual([
      expect.objectContaining({
        key: 'leavers-access',
        week: 1,
        params: { n: 2 },
        text: expect.objectContaining({ todo: 'roadmap.items.leavers-access.todoFlagged' }),
        links: expect.arrayContaining([
          { kind: 'person', targetId: 'p1' },
          { kind: 'person', targetId: 'p2' },
        ]),
      }),
    ]);
  });

  it('links at most 20 records and still names how many there are', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `s${i}`);
    const input = mvz({ statuses: every('implemented') }, { ...tidyRegisters, suppliersWithoutAvv: { count: 30, ids } });
    const avv = item(input, 'supplier-avv')!;
    expect(avv.params).toEqual({ n: 30 });
    expect(avv.links.filter((l) => l.kind === 'supplier')).toHaveLength(20);
    // Art. 28 DSGVO binds every practice, in NIS2 scope or not.
    expect(avv.citations).toContain('Art. 28 DSGVO');
    expect(keys({ ...input, nis2: { category: 'not_affected' } })).toContain('supplier-avv');
  });

  it.each([
    ['admin accounts without MFA are flagged', { adminsWithoutMfa: { count: 1, ids: ['p9'] } }, 'important', true],
    ['every admin account has MFA', {}, 'important', false],
    ['no accounts are recorded and § 30 Abs. 2 Satz 2 Nr. 10 BSIG is open', { accounts: 0 }, 'important', true],
    ['outside NIS2 with no accounts recorded (KBV has no MFA duty: the accounts come first)', { accounts: 0 }, 'not_affected', false],
    [
      'outside NIS2 with flagged admin accounts (Art. 32 DSGVO, state of the art)',
      { adminsWithoutMfa: { count: 3, ids: ['a', 'b', 'c'] } },
      'not_affected',
      true,
    ],
  ] as const)('MFA on administrator accounts when %s: %s', (_name, registers, category, expected) => {
    const input = mvz({ nis2: { category }, statuses: { ...every('implemented'), 'BSIG-30-2-10': 'open' } }, { ...tidyRegisters, ...registers });
    expect(keys(input).includes('mfa-admins')).toBe(expected);
  });

  it.each([
    ['no director in the people register', [], 'todoNoDirectors'],
    ['a director never trained', [{ personId: 'd1', lastTrainingOn: null, hasApproval: true }], 'todoFlagged'],
    ['a director trained 13 months ago (yearly, § 38 Abs. 3 BSIG)', [{ personId: 'd1', lastTrainingOn: '2025-02-03', hasApproval: true }], 'todoFlagged'],
    ['a director trained 11 months ago', [{ personId: 'd1', lastTrainingOn: '2025-04-03', hasApproval: true }], null],
  ] as const)('§ 38 Abs. 3 BSIG training with %s', (_name, directors, variant) => {
    const input = mvz({ statuses: every('implemented') }, { ...tidyRegisters, directors });
    const training = item(input, 'management-training');
    expect(training?.text.todo ?? null).toBe(variant && `roadmap.items.management-training.${variant}`);
  });

  it('asks every director who has not approved the measures for the approval (§ 38 Abs. 1 BSIG)', () => {
    const directors = [
      { personId: 'd1', lastTrainingOn: '2026-01-10', hasApproval: true },
      { personId: 'd2', lastTrainingOn: '2026-01-10', hasApproval: false },
    ];
    const approval = item(mvz({ statuses: every('implemented') }, { ...tidyRegisters, directors }), 'management-approval');
    expect(approval).toMatchObject({ week: 7, params: { n: 1 }, citations: ['§ 38 Abs. 1 BSIG'] });
    expect(approval?.links).toEqual([{ kind: 'person', targetId: 'd2' }]);
  });

  it('proposes the § 33 BSIG registration until it is ticked as done, and never outside NIS2', () => {
    const input = mvz({ statuses: every('implemented') }, { ...tidyRegisters, registeredWithBsi: false });
    expect(keys(input)).toEqual(['bsi-registration']);
    expect(item(input, 'bsi-registration')).toMatchObject({ week: 8, citations: ['§ 33 BSIG'], ownerRole: 'management' });
    expect(keys({ ...input, nis2: { category: 'not_affected' } })).toEqual([]);
  });

  it('proposes the incident path (§ 32 BSIG) while no escalation chain is recorded, even when Nr. 2 is ticked', () => {
    const input = mvz({ statuses: every('implemented') }, { ...tidyRegisters, escalationChainRecorded: false });
    expect(keys(input)).toEqual(['incident-response']);
    expect(item(input, 'incident-response')?.citations).toEqual(expect.arrayContaining(['§ 32 BSIG', 'Art. 33 DSGVO']));
  });

  it.each([
    ['a phishing session 3 months ago', '2025-12-01', false],
    ['a phishing session 13 months ago', '2025-02-01', true],
    ['none', null, true],
  ] as const)('proposes the phishing kick-off (KBV Anlage 1 Nr. 10) after %s: %s', (_name, lastAwarenessTrainingOn, expected) => {
    const input = mvz({ statuses: { ...every('implemented'), 'KBV-A1-10': 'open' } }, { ...tidyRegisters, lastAwarenessTrainingOn });
    expect(keys(input).includes('phishing-kickoff')).toBe(expected);
  });

  it('proposes C5 (§ 393 SGB V) with the flagged cloud services linked, and without a flag while KBV Anlage 1 Nr. 50 is open', () => {
    const flagged = item(mvz({ statuses: every('implemented') }, { ...tidyRegisters, suppliersWithoutC5: { count: 1, ids: ['c1'] } }), 'supplier-c5');
    expect(flagged).toMatchObject({ params: { n: 1 }, citations: expect.arrayContaining(['§ 393 SGB V']) });
    expect(flagged?.links).toContainEqual({ kind: 'supplier', targetId: 'c1' });
    const open = item(mvz({ statuses: { ...every('implemented'), 'KBV-A1-50': 'open' } }, tidyRegisters), 'supplier-c5');
    expect(open?.text.todo).toBe('roadmap.items.supplier-c5.todo');
  });
});

describe('the 8-week plan: every requirement has a task', () => {
  it.each(allIds)('%s is served by an item, so an open status is never left out of the plan', (id) => {
    expect(roadmapDefinitions.some((d) => (d.serves ?? []).includes(id))).toBe(true);
  });

  it('names only catalog ids and has unique keys', () => {
    const known = new Set(allIds);
    const named = roadmapDefinitions.flatMap((d) => [...(d.serves ?? []), ...(d.cites ?? [])]);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
    expect(new Set(roadmapKeys).size).toBe(roadmapKeys.length);
  });

  it('groups 92 open KBV requirements and 10 open measures into far fewer tasks', () => {
    const all = mvz({ kbv: { assessed: true, guidelineApplies: true, annexes: [1, 2, 3, 4, 5] }, nis2: { category: 'particularly_important' } });
    const count = proposeRoadmap(all).length;
    expect(count).toBeGreaterThan(25);
    expect(count).toBeLessThanOrEqual(roadmapKeys.length);
  });
});

describe('the 8-week plan: dates', () => {
  it.each([
    ['2026-03-04', '2026-03-02'], // Wednesday
    ['2026-03-02', '2026-03-02'], // Monday
    ['2026-03-08', '2026-03-02'], // Sunday
    ['2026-03-29', '2026-03-23'], // the Sunday of the spring clock change: calendar days, no hours
    ['2027-01-01', '2026-12-28'], // across the year
  ])('the Monday of the week of %s is %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });

  it.each([
    ['2026-03-04', '2026-03-09'],
    ['2026-03-09', '2026-03-09'],
    ['2026-10-24', '2026-10-26'], // the Saturday before the autumn clock change
  ])('the default start for %s is the Monday %s', (today, monday) => {
    expect(nextMonday(today)).toBe(monday);
  });

  it.each([
    // [today, the running plan's start, the default start]
    ['2026-03-04', null, '2026-03-09'],
    ['2026-03-04', '2026-02-02', '2026-02-02'], // week 5 of the running plan: new items join it
    ['2026-03-27', '2026-02-02', '2026-02-02'], // its week 8
    ['2026-03-30', '2026-02-02', '2026-03-30'], // after its eighth week: a new plan, from this Monday
    ['2026-03-04', '2026-03-16', '2026-03-16'], // a plan that starts later
  ])('on %s with a plan started %s a new proposal starts on %s', (today, running, expected) => {
    expect(defaultPlanStart(today, running)).toBe(expected);
  });

  it('lets a plan start at most eight weeks back, so that this week is one of its weeks', () => {
    expect(earliestPlanStart('2026-03-04')).toBe('2026-01-12');
    expect(planWeeks(earliestPlanStart('2026-03-04'))[7]?.startsOn).toBe(mondayOf('2026-03-04'));
  });

  it('makes each item due on the Friday of its week', () => {
    const scheduled = scheduleRoadmap(
      [
        { key: 'a', week: 1 as const },
        { key: 'b', week: 8 as const },
      ],
      '2026-03-09',
    );
    expect(scheduled.map((s) => s.dueOn)).toEqual(['2026-03-13', '2026-05-01']);
    expect(planWeeks('2026-03-11')[0]).toEqual({ week: 1, startsOn: '2026-03-09', endsOn: '2026-03-13' });
    expect(planWeeks('2026-03-09')[7]).toEqual({ week: 8, startsOn: '2026-04-27', endsOn: '2026-05-01' });
  });

  it('never proposes a due date before today when the plan started earlier this week', () => {
    expect(scheduleRoadmap([{ week: 1 as const }], '2026-03-09', '2026-03-14')[0]?.dueOn).toBe('2026-03-14');
  });

  it('adds calendar days without a time zone', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('writes KBV citations per annex with ranges', () => {
    expect(kbvCitations(['KBV-A1-30', 'KBV-A1-31', 'KBV-A1-32', 'KBV-A1-34', 'KBV-A2-05', 'KBV-A2-06'])).toEqual([
      'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 30–32, 34',
      'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 2 Nr. 5, 6',
    ]);
  });
});
