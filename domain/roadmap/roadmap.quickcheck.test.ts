import { describe, expect, it } from 'vitest';
import { QUICK_CHECK_VERSION, type QuickCheckAnswer, quickCheckQuestions } from '../quickcheck/questions.ts';
import { answersWith } from '../quickcheck/test-answers.ts';
import { proposeRoadmap, type RegisterFacts, type RoadmapInput, type RoadmapQuickCheck, roadmapDefinitions, roadmapTitle } from './roadmap.ts';
import { mvz } from './test-inputs.ts';

/** The quick check carried over at setup: "weiß nicht" everywhere (changes nothing), then the answers of a case. */
const carried = (answers: Record<string, QuickCheckAnswer>) => ({ version: QUICK_CHECK_VERSION, answers: answersWith('unknown', answers) });
const withAnswers = (input: RoadmapInput, answers: Record<string, QuickCheckAnswer>): RoadmapInput => ({ ...input, quickCheck: carried(answers) });
const find = (input: RoadmapInput, key: string) => proposeRoadmap(input).find((i) => i.key === key);

/** An MVZ in NIS2 scope (important entity, KBV Anlagen 1, 2, 5), nothing done and nothing recorded. */
const nis2Mvz = mvz();
/** A small practice outside NIS2: KBV Anlage 1 (and 5) only. */
const smallPractice = mvz({ nis2: { category: 'not_affected' }, kbv: { assessed: true, guidelineApplies: true, annexes: [1, 5] } });
const inputs = { nis2Mvz, smallPractice };

type Expected = RoadmapQuickCheck['outcome'] | null;

describe('the 8-week plan reads the quick check carried over at setup (decision 032, addendum)', () => {
  it.each<[string, keyof typeof inputs, Record<string, QuickCheckAnswer>, string, Expected, string[]]>([
    // [source, input, answers, item, outcome, questions it rests on]
    ['§ 30 Abs. 2 Satz 2 Nr. 10 BSIG: MFA', 'nis2Mvz', { admin_mfa: 'yes' }, 'mfa-admins', 'confirm', ['admin_mfa']],
    ['§ 30 Abs. 2 Satz 2 Nr. 10 BSIG: MFA', 'nis2Mvz', { admin_mfa: 'no' }, 'mfa-admins', 'gap', ['admin_mfa']],
    ['KBV Anlage 1 Nr. 13: authentication for network management', 'nis2Mvz', { admin_mfa: 'no' }, 'network', 'gap', ['admin_mfa']],
    ['KBV Anlage 1 Nr. 21–24: backups', 'nis2Mvz', { backup_daily: 'yes', backup_offline: 'yes' }, 'backup-321', 'confirm', ['backup_daily', 'backup_offline']],
    ['KBV Anlage 1 Nr. 22: offline backup', 'nis2Mvz', { backup_daily: 'yes', backup_offline: 'no' }, 'backup-321', 'gap', ['backup_offline']],
    ['KBV Anlage 1 Nr. 22: "partly" is no confirmation', 'nis2Mvz', { backup_daily: 'yes', backup_offline: 'partly' }, 'backup-321', null, []],
    ['KBV Anlage 1 Nr. 25: restore test', 'nis2Mvz', { restore_tested: 'yes' }, 'backup-restore-test', 'confirm', ['restore_tested']],
    ['KBV Anlage 1 Nr. 14–17: updates', 'nis2Mvz', { updates: 'yes', unsupported_systems: 'yes' }, 'updates', 'confirm', ['updates', 'unsupported_systems']],
    ['KBV Anlage 1 Nr. 17 not asked ("weiß nicht")', 'nis2Mvz', { updates: 'yes' }, 'updates', null, []],
    ['KBV Anlage 2 Nr. 1 (logging) is not asked', 'nis2Mvz', { firewall: 'yes', remote_access: 'yes', admin_mfa: 'yes' }, 'network', null, []],
    [
      'KBV Anlage 1 Nr. 11–13: network',
      'smallPractice',
      { firewall: 'yes', remote_access: 'yes', admin_mfa: 'yes' },
      'network',
      'confirm',
      ['firewall', 'remote_access', 'admin_mfa'],
    ],
    ['KBV Anlage 1 Nr. 26: own accounts', 'nis2Mvz', { everyday_accounts: 'no' }, 'access-rights', 'gap', ['everyday_accounts']],
    ['KBV Anlage 1 Nr. 28, Anlage 2 Nr. 3 are not asked', 'nis2Mvz', { everyday_accounts: 'yes' }, 'access-rights', null, []],
    ['KBV Anlage 1 Nr. 2: leavers', 'nis2Mvz', { leavers: 'no' }, 'staff-lifecycle', 'gap', ['leavers']],
    ['KBV Anlage 1 Nr. 1 (onboarding) is not asked', 'nis2Mvz', { leavers: 'yes' }, 'staff-lifecycle', null, []],
    [
      'KBV Anlage 5: "trifft nicht zu" is no written reason',
      'nis2Mvz',
      { ti_connector: 'not_applicable', ti_admin_data: 'not_applicable' },
      'telematics',
      null,
      [],
    ],
    ['KBV Anlage 5 Nr. 2, 8: connector maintenance', 'nis2Mvz', { ti_connector: 'no', ti_admin_data: 'yes' }, 'telematics', 'gap', ['ti_connector']],
    ['§ 30 Abs. 2 Satz 2 Nr. 4 BSIG: supply chain', 'nis2Mvz', { supplier_contracts: 'yes' }, 'supplier-security', 'confirm', ['supplier_contracts']],
    ['KBV Anlage 1 Nr. 50, § 393 SGB V: C5', 'nis2Mvz', { cloud_c5: 'yes' }, 'supplier-c5', 'confirm', ['cloud_c5']],
    ['§ 30 Abs. 2 Satz 2 Nr. 7 BSIG: training', 'nis2Mvz', { staff_training: 'yes' }, 'training-programme', 'confirm', ['staff_training']],
    ['KBV Anlage 1 Nr. 41 (spam) is not asked', 'nis2Mvz', { staff_training: 'yes' }, 'phishing-kickoff', null, []],
    ['KBV Anlage 1 Nr. 9, 10: awareness', 'nis2Mvz', { staff_training: 'no' }, 'phishing-kickoff', 'gap', ['staff_training']],
    ['§ 30 Abs. 2 Satz 2 Nr. 3 BSIG: emergency plan', 'nis2Mvz', { emergency_plan: 'yes' }, 'emergency-plan', 'confirm', ['emergency_plan']],
    ['§ 30 Abs. 2 Satz 2 Nr. 3 BSIG: emergency plan', 'nis2Mvz', { emergency_plan: 'no' }, 'emergency-plan', 'gap', ['emergency_plan']],
    ['§ 32 BSIG, § 30 Abs. 2 Satz 2 Nr. 2: incidents', 'nis2Mvz', { incident_reporting: 'yes' }, 'incident-response', 'confirm', ['incident_reporting']],
    ['§ 33 BSIG: registration', 'nis2Mvz', { nis2_registration: 'yes' }, 'bsi-registration', 'confirm', ['nis2_registration']],
    ['§ 33 BSIG: "partly" changes nothing', 'nis2Mvz', { nis2_registration: 'partly' }, 'bsi-registration', null, []],
    ['§ 30 Abs. 2 Satz 2 Nr. 1 BSIG: risk analysis', 'nis2Mvz', { risk_analysis: 'yes' }, 'risk-register', 'confirm', ['risk_analysis']],
    ['§ 38 Abs. 1 BSIG: approval', 'nis2Mvz', { risk_analysis: 'yes' }, 'management-approval', 'confirm', ['risk_analysis']],
    ['§ 38 Abs. 1 BSIG: approval', 'nis2Mvz', { risk_analysis: 'no' }, 'management-approval', 'gap', ['risk_analysis']],
    ['KBV Anlage 1 Nr. 8: leadership', 'smallPractice', { management_training: 'yes' }, 'leadership-awareness', 'confirm', ['management_training']],
    ['§ 38 Abs. 3 BSIG: no director recorded is missing data', 'nis2Mvz', { management_training: 'yes' }, 'management-training', null, []],
  ])('%s: %s, answers %j → %s is %s', (_source, input, answers, key, outcome, questionIds) => {
    const without = find(inputs[input], key);
    const item = find(withAnswers(inputs[input], answers), key);
    expect(without?.quickCheck).toBeNull();
    expect(item, key).toBeDefined();
    expect(item?.quickCheck).toEqual(outcome ? { outcome, questionIds } : null);
    // The key, week, links and citations never change: acceptance and regeneration work as before.
    expect({ ...item, quickCheck: null, text: without?.text }).toEqual(without);
    expect(item?.text.todo).toBe(outcome === 'confirm' ? `roadmap.items.${key}.todoConfirm` : without?.text.todo);
  });

  it.each<[string, Partial<RegisterFacts>, Record<string, QuickCheckAnswer>, string]>([
    // A register's records win over a self-assessment: the task keeps the register's wording and says they differ.
    ['access register: admin without MFA', { accounts: 3, adminsWithoutMfa: { count: 1, ids: ['p1'] } }, { admin_mfa: 'yes' }, 'mfa-admins'],
    ['access register: leaver with access (KBV Anlage 1 Nr. 2)', { leaversWithAccess: { count: 1, ids: ['p2'] } }, { leavers: 'yes' }, 'leavers-access'],
    [
      'supplier register: no processor agreement (Art. 28 DSGVO)',
      { suppliersWithoutAvv: { count: 2, ids: ['s1', 's2'] } },
      { supplier_contracts: 'yes' },
      'supplier-avv',
    ],
    ['supplier register: no C5 (§ 393 SGB V)', { suppliersWithoutC5: { count: 1, ids: ['s3'] } }, { cloud_c5: 'yes' }, 'supplier-c5'],
    [
      'people register: director without training (§ 38 Abs. 3 BSIG)',
      { directors: [{ personId: 'd1', lastTrainingOn: null, hasApproval: true }] },
      { management_training: 'yes' },
      'management-training',
    ],
  ])('%s: a "yes" is contradicted, the flagged wording stays', (_source, registers, answers, key) => {
    const input = mvz({}, registers);
    const item = find(withAnswers(input, answers), key);
    expect(item?.quickCheck?.outcome).toBe('contradicted');
    expect(item?.text.todo).toBe(`roadmap.items.${key}.todoFlagged`);
    expect(item?.text.todo).toBe(find(input, key)?.text.todo);
  });

  it('titles a confirmation "Bestätigen und Nachweis ablegen: …" and leaves the others as they are', () => {
    const texts: Record<string, string> = {
      'roadmap.items.backup-321.title': 'Datensicherung nach der 3-2-1-Regel',
      'roadmap.quickCheck.confirmTitle': 'Bestätigen und Nachweis ablegen: {{title}}',
    };
    const translate = (key: string, values: Record<string, string> = {}) => (texts[key] ?? key).replace('{{title}}', values.title ?? '');
    const confirmed = find(withAnswers(nis2Mvz, { backup_daily: 'yes', backup_offline: 'yes' }), 'backup-321')!;
    expect(roadmapTitle(confirmed, translate)).toBe('Bestätigen und Nachweis ablegen: Datensicherung nach der 3-2-1-Regel');
    const gap = find(withAnswers(nis2Mvz, { backup_offline: 'no' }), 'backup-321')!;
    expect(roadmapTitle(gap, translate)).toBe('Datensicherung nach der 3-2-1-Regel');
  });

  it('never adds, drops or moves an item to another week, whatever was answered', () => {
    const scenarios = [nis2Mvz, smallPractice, mvz({ nis2: null, kbv: { assessed: false, guidelineApplies: true, annexes: [1, 2, 3, 4, 5] } })];
    for (const input of scenarios) {
      const plain = proposeRoadmap(input).map((i) => `${i.week}:${i.key}`);
      for (const all of ['yes', 'partly', 'no', 'unknown'] as const) {
        const answered = proposeRoadmap({ ...input, quickCheck: { version: QUICK_CHECK_VERSION, answers: answersWith(all) } });
        expect(answered.map((i) => `${i.week}:${i.key}`).sort()).toEqual([...plain].sort());
        if (all === 'partly' || all === 'unknown') expect(answered.every((i) => i.quickCheck === null)).toBe(true);
      }
    }
  });

  it('puts a known gap first in its week, after the checks that decide the scope', () => {
    const week = (input: RoadmapInput, n: number) =>
      proposeRoadmap(input)
        .filter((i) => i.week === n)
        .map((i) => i.key);
    expect(week(nis2Mvz, 3)).toEqual(['mfa-admins', 'backup-321', 'phishing-kickoff']);
    expect(week(withAnswers(nis2Mvz, { staff_training: 'no' }), 3)).toEqual(['phishing-kickoff', 'mfa-admins', 'backup-321']);
    // Week 1 before any check: the NIS2 and KBV checks stay first even when the leavers' gap is known (§ 28 BSIG, § 390 SGB V).
    const unchecked = mvz(
      { nis2: null, kbv: { assessed: false, guidelineApplies: true, annexes: [1, 2, 3, 4, 5] } },
      { leaversWithAccess: { count: 1, ids: ['p'] } },
    );
    expect(week(withAnswers(unchecked, { leavers: 'no' }), 1)).toEqual(['check-nis2', 'check-kbv', 'leavers-access', 'inventory-assets']);
    expect(find(withAnswers(unchecked, { leavers: 'no' }), 'leavers-access')?.quickCheck).toEqual({ outcome: 'gap', questionIds: ['leavers'] });
  });

  it('reads only answers of the current question set', () => {
    const old = { ...nis2Mvz, quickCheck: { version: '2025-0', answers: answersWith('yes') } };
    expect(proposeRoadmap(old).every((i) => i.quickCheck === null)).toBe(true);
    expect(proposeRoadmap({ ...nis2Mvz, quickCheck: null })).toEqual(proposeRoadmap(nis2Mvz));
  });

  it('maps every question of the quick check to at least one item, and names only questions that exist', () => {
    const questionIds = new Set(quickCheckQuestions.map((q) => q.id));
    const asked = roadmapDefinitions.flatMap((d) => d.asks ?? []);
    expect(asked.filter((id) => !questionIds.has(id))).toEqual([]);
    expect([...questionIds].filter((id) => !asked.includes(id))).toEqual([]);
  });
});
