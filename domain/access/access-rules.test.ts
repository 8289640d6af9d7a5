import { describe, expect, it } from 'vitest';
import { checklistTemplateInputSchema } from './access.schema.ts';
import { type AccountWarningInput, accountWarnings, adminWithoutMfa, daysBetween, type LeaverInput, leaverFlag } from './access-rules.ts';
import { defaultChecklist } from './checklist-defaults.ts';

const today = '2026-12-06';
const active = { status: 'active' };
const disabled = { status: 'disabled' };

describe('leaverFlag (KBV Anlage 1 Nr. 2: every access withdrawn on departure)', () => {
  // Each row: the person, the flag expected on 2026-12-06.
  const table: [string, LeaverInput, ReturnType<typeof leaverFlag>][] = [
    ['left 12 days ago with two active accounts', { endsOn: '2026-11-24', accounts: [active, active] }, { daysSinceLeaving: 12, activeAccounts: 2 }],
    [
      'left yesterday with one of two accounts still active',
      { endsOn: '2026-12-05', accounts: [disabled, active] },
      { daysSinceLeaving: 1, activeAccounts: 1 },
    ],
    ['left, every account disabled: cleared', { endsOn: '2026-11-24', accounts: [disabled, disabled] }, null],
    ['left, no accounts at all', { endsOn: '2026-11-24', accounts: [] }, null],
    ['last working day is today: access still needed', { endsOn: today, accounts: [active] }, null],
    ['leaves next month', { endsOn: '2027-01-31', accounts: [active] }, null],
    ['no end date', { endsOn: null, accounts: [active] }, null],
    ['left across a year boundary', { endsOn: '2025-12-31', accounts: [active] }, { daysSinceLeaving: 340, activeAccounts: 1 }],
  ];
  it.each(table)('%s', (_name, person, expected) => {
    expect(leaverFlag(person, today)).toEqual(expected);
  });

  it('counts calendar days across the change to summer time (Europe/Berlin, 2027-03-28)', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
  });
});

describe('admin accounts without MFA (§ 30 Abs. 2 Satz 2 Nr. 10 BSIG)', () => {
  const table: [string, AccountWarningInput, boolean][] = [
    ['admin without MFA', { isAdmin: true, mfa: false, status: 'active' }, true],
    ['admin, MFA not known: not good enough for an admin login', { isAdmin: true, mfa: null, status: 'active' }, true],
    ['admin with MFA', { isAdmin: true, mfa: true, status: 'active' }, false],
    ['ordinary account without MFA', { isAdmin: false, mfa: false, status: 'active' }, false],
    ['disabled admin account without MFA', { isAdmin: true, mfa: false, status: 'disabled' }, false],
  ];
  it.each(table)('%s', (_name, account, expected) => {
    expect(adminWithoutMfa(account)).toBe(expected);
  });
});

describe('accountWarnings', () => {
  it('links the catalog requirements: KBV-A1-02 and BSIG-30-2-09 for a leaver, BSIG-30-2-10 for admin MFA', () => {
    const warnings = accountWarnings({ isAdmin: true, mfa: null, status: 'active' }, '2026-11-24', today);
    expect(warnings).toEqual([
      { kind: 'leaver_active', requirementIds: ['KBV-A1-02', 'BSIG-30-2-09'], days: 12 },
      { kind: 'admin_mfa_missing', requirementIds: ['BSIG-30-2-10'] },
    ]);
  });
  it('a disabled account of a leaver warns nothing', () => {
    expect(accountWarnings({ isAdmin: true, mfa: false, status: 'disabled' }, '2026-11-24', today)).toEqual([]);
  });
});

describe('checklist defaults and templates', () => {
  it.each(['onboarding', 'offboarding'] as const)('%s defaults exist in German and English with the same length and pass the template schema', (kind) => {
    const de = defaultChecklist(kind, 'de');
    const en = defaultChecklist(kind, 'en');
    expect(de).toHaveLength(5);
    expect(en).toHaveLength(de.length);
    expect(checklistTemplateInputSchema.safeParse({ items: de }).success).toBe(true);
    expect(checklistTemplateInputSchema.safeParse({ items: en }).success).toBe(true);
  });
  it('the onboarding defaults name § 203 StGB and the KBV briefing, the offboarding defaults KBV Anlage 1 Nr. 2', () => {
    expect(JSON.stringify(defaultChecklist('onboarding', 'de'))).toContain('§ 203 StGB');
    expect(JSON.stringify(defaultChecklist('onboarding', 'de'))).toContain('KBV Anlage 1 Nr. 1');
    expect(JSON.stringify(defaultChecklist('offboarding', 'de'))).toContain('KBV Anlage 1 Nr. 2');
  });
  const bad: [string, unknown, (string | number)[]][] = [
    ['no items', { items: [] }, ['items']],
    ['51 items', { items: Array.from({ length: 51 }, () => ({ title: 'x' })) }, ['items']],
    ['empty title', { items: [{ title: '  ' }] }, ['items', 0, 'title']],
    ['title of 201 characters', { items: [{ title: 'x'.repeat(201) }] }, ['items', 0, 'title']],
    ['control character in the title', { items: [{ title: 'ok' }, { title: 'a\u0000b' }] }, ['items', 1, 'title']],
  ];
  it.each(bad)('refuses %s at the field', (_name, input, path) => {
    const result = checklistTemplateInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
