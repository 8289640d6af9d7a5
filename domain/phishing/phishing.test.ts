import { describe, expect, it } from 'vitest';
import { ANONYMITY_MIN_GROUP, anonymousGroups, type GroupInput } from './anonymity.ts';
import { closesAt, fillPlaceholders, firstNameOf, isDueToClose, plannedSendTimes } from './campaign-rules.ts';
import { MICRO_TRAINING_PASS, microTrainingForPage, microTrainingQuestions, scoreMicroTraining } from './micro-training.ts';
import {
  campaignInputSchema,
  isTrackingToken,
  namedModeInputSchema,
  smtpSettingsInputSchema,
  unknownPlaceholders,
  usesPlaceholder,
} from './phishing.schema.ts';
import { phishingTemplateIds, phishingTemplates } from './templates.data.ts';

const group = (key: string, recipients: number, clicked = 0): GroupInput => ({
  kind: 'location',
  key,
  label: key,
  recipients,
  sent: recipients,
  opened: clicked,
  clicked,
  submitted: 0,
  reported: 0,
});
const shape = (groups: ReturnType<typeof anonymousGroups>) => groups.map((g) => `${g.kind === 'other' ? `other(${g.mergedGroups})` : g.key}:${g.recipients}`);

describe('anonymity of the report: groups of at least five (issue 13 item 3; § 87 Abs. 1 Nr. 6 BetrVG, § 26 BDSG)', () => {
  it('the minimum is five', () => expect(ANONYMITY_MIN_GROUP).toBe(5));

  it.each([
    ['every group large enough', [group('A', 10), group('B', 5)], ['A:10', 'B:5']],
    ['a group of 4 joins "other", which then pulls in the smallest shown group', [group('A', 10), group('B', 4)], ['other(2):14']],
    ['small groups together reach five', [group('A', 12), group('B', 3), group('C', 2)], ['A:12', 'other(2):5']],
    ['small groups below five pull in the smallest shown group', [group('A', 12), group('B', 6), group('C', 2), group('D', 1)], ['A:12', 'other(3):9']],
    ['equal sizes: the later key moves first', [group('A', 6), group('B', 6), group('C', 3)], ['A:6', 'other(2):9']],
    ['fewer than five in all: nothing', [group('A', 2), group('B', 2)], []],
    ['exactly five in one group', [group('A', 5)], ['A:5']],
    ['four in one group: nothing', [group('A', 4)], []],
    ['empty groups are left out', [group('A', 7), group('B', 0)], ['A:7']],
    ['only small groups that reach five together', [group('A', 1), group('B', 1), group('C', 1), group('D', 1), group('E', 1)], ['other(5):5']],
  ])('%s', (_, groups, expected) => {
    const result = anonymousGroups(groups);
    expect(shape(result)).toEqual(expected);
    // No group below the minimum is ever answered, and the groups add up to the total: nothing can be subtracted out.
    for (const g of result) expect(g.recipients).toBeGreaterThanOrEqual(ANONYMITY_MIN_GROUP);
    if (result.length > 0) expect(result.reduce((s, g) => s + g.recipients, 0)).toBe(groups.reduce((s, g) => s + g.recipients, 0));
  });

  it('sums every count of the merged groups', () => {
    const [, other] = anonymousGroups([group('A', 9, 2), group('B', 3, 1), group('C', 2, 2)]);
    expect(other).toMatchObject({ kind: 'other', recipients: 5, clicked: 3, opened: 3, sent: 5 });
  });
});

describe('timing: spread window and retention (issue 13 items 1 and 3; Art. 5 Abs. 1 lit. e DSGVO)', () => {
  const start = new Date('2026-12-07T07:00:00Z');
  it.each([
    [4, 0, ['07:00', '07:00', '07:00', '07:00']],
    [4, 60, ['07:00', '07:15', '07:30', '07:45']],
    [3, 1, ['07:00:00', '07:00:20', '07:00:40']],
  ] as const)('%i recipients over %i minutes', (count, spread, times) => {
    const planned = plannedSendTimes(count, start, spread).map((d) => d.toISOString().slice(11, 11 + times[0].length));
    expect(planned).toEqual(times);
  });
  it('no recipients, no times', () => expect(plannedSendTimes(0, start, 60)).toEqual([]));

  it.each([
    [0, 14, '2026-12-21T07:00:00.000Z'],
    [120, 30, '2027-01-06T09:00:00.000Z'],
    [0, 45, '2027-01-06T07:00:00.000Z'],
    [0, 0, '2026-12-08T07:00:00.000Z'],
  ])('spread %i min, retention %i days: closes at %s (at most 30 days, at least 1)', (spread, days, expected) => {
    expect(closesAt(start, spread, days).toISOString()).toBe(expected);
  });

  it.each([
    [null, false],
    ['2026-12-07T06:59:59Z', true],
    ['2026-12-07T07:00:00Z', true],
    ['2026-12-07T07:00:01Z', false],
  ] as const)('close due at %s: %s', (at, due) => expect(isDueToClose(at ? new Date(at) : null, start)).toBe(due));
});

describe('texts', () => {
  it.each([
    ['Anna Schmidt', 'Anna'],
    ['Dr. med. Jonas Weber', 'Jonas'],
    ['  Eva  ', 'Eva'],
    ['Dr.', 'Dr.'],
  ])('first name of %j is %j', (name, first) => expect(firstNameOf(name)).toBe(first));

  it('escapes values in HTML but not the links', () => {
    const html = fillPlaceholders('<p>{{firstName}}</p><a href="{{link}}">x</a>{{ unknown }}', { firstName: '<b>&"', link: 'https://a/b?x=1' }, true);
    expect(html).toBe('<p>&lt;b&gt;&amp;&quot;</p><a href="https://a/b?x=1">x</a>');
    expect(fillPlaceholders('Hallo {{firstName}}', { firstName: '<b>' }, false)).toBe('Hallo <b>');
  });

  it('finds unknown placeholders and the link', () => {
    expect(unknownPlaceholders('{{firstName}} {{ link }} {{password}} {{}}')).toEqual(['password', '']);
    expect(usesPlaceholder('go: {{ link }}', 'link')).toBe(true);
    expect(usesPlaceholder('go: {{reportLink}}', 'link')).toBe(false);
  });
});

describe('the template library (issue 13 item 1: at least six, German and English)', () => {
  it('has the six lures the issue names', () => {
    expect(phishingTemplateIds).toEqual(['parcel-notice', 'kv-letter', 'password-expiry', 'fake-invoice', 'shared-document', 'ti-connector-update']);
    expect(phishingTemplates.map((t) => t.id)).toEqual([...phishingTemplateIds]);
  });

  it.each(phishingTemplates.flatMap((t) => (['de', 'en'] as const).map((locale) => [t.id, locale, t] as const)))(
    '%s (%s) is a valid campaign as shipped, with clues',
    (_, locale, template) => {
      const text = template[locale];
      const parsed = campaignInputSchema.safeParse({ name: text.title, templateId: template.id, locale, ...text, audience: { kind: 'all' } });
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(text.clues.length).toBeGreaterThanOrEqual(3);
      expect(text.clues.length).toBe(template[locale === 'de' ? 'en' : 'de'].clues.length);
      expect(text.senderAddress.endsWith('.example')).toBe(true);
    },
  );
});

describe('campaign input', () => {
  const base = phishingTemplates[0]!.de;
  const valid = { name: 'Herbst', templateId: 'parcel-notice', ...base, audience: { kind: 'all' } };
  const issues = (input: unknown) => (campaignInputSchema.safeParse(input).error?.issues ?? []).map((issue) => `${issue.path.join('.')}:${issue.message}`);

  it.each([
    ['unknown placeholder', { subject: 'Hallo {{passwort}}' }, 'subject:phishing.placeholder_unknown'],
    ['text without the link', { bodyText: 'Bitte anrufen.' }, 'bodyText:phishing.link_missing'],
    ['HTML without the link', { bodyHtml: '<p>kein Link</p>' }, 'bodyHtml:phishing.link_missing'],
    ['a script in HTML', { bodyHtml: '<a href="{{link}}">x</a><script>alert(1)</script>' }, 'bodyHtml:phishing.script_in_html'],
    ['an event handler in HTML', { bodyHtml: '<a href="{{link}}" onclick="x()">x</a>' }, 'bodyHtml:phishing.script_in_html'],
    ['a javascript: link', { bodyHtml: '<a href="javascript:alert(1)">{{link}}</a>' }, 'bodyHtml:phishing.script_in_html'],
    [
      'a location twice',
      { audience: { kind: 'locations', locationIds: ['6f0e0a5e-5c1a-4b7e-9a55-0a0b0c0d0e0f', '6f0e0a5e-5c1a-4b7e-9a55-0a0b0c0d0e0f'] } },
      'audience.locationIds.1:phishing.duplicate',
    ],
    ['no roles', { audience: { kind: 'roles', roles: [] } }, 'audience.roles:Too small: expected array to have >=1 items'],
    ['retention beyond 30 days', { retentionDays: 31 }, 'retentionDays:Too big: expected number to be <=30'],
    ['spread beyond a week', { spreadMinutes: 10_081 }, 'spreadMinutes:Too big: expected number to be <=10080'],
    ['a start without offset', { startsAt: '2026-12-08T08:00' }, 'startsAt:datetime_with_offset'],
    ['a sender that is no address', { senderAddress: 'paket' }, 'senderAddress:Invalid email address'],
    ['a NUL in the name', { name: 'a\u0000b' }, 'name:text.control_character'],
  ])('refuses %s at the field', (_, change, expected) => {
    expect(issues({ ...valid, ...change })).toContain(expected);
  });

  it('defaults: German, anonymous, by location, all at once, 14 days', () => {
    expect(campaignInputSchema.parse(valid)).toMatchObject({
      locale: 'de',
      mode: 'anonymous',
      groupBy: 'location',
      spreadMinutes: 0,
      retentionDays: 14,
      startsAt: null,
    });
  });
});

describe('tokens and settings', () => {
  it.each([
    ['A'.repeat(43), true],
    ['abc_DEF-123'.padEnd(43, 'x'), true],
    ['A'.repeat(42), false],
    ['A'.repeat(44), false],
    [`${'A'.repeat(42)}=`, false],
    [`${'A'.repeat(42)}/`, false],
    ['', false],
    [42, false],
  ])('%j is a tracking token: %s', (token, ok) => expect(isTrackingToken(token)).toBe(ok));

  it.each([
    [{ enabled: true, agreementReference: 'BV 2026/3', agreementDate: '2026-11-30' }, true],
    [{ enabled: true, agreementReference: '', agreementDate: '2026-11-30' }, false],
    [{ enabled: true, agreementReference: 'BV' }, false],
    [{ enabled: false }, true],
  ])('named mode needs the works agreement (%#)', (input, ok) => expect(namedModeInputSchema.safeParse(input).success).toBe(ok));

  it.each([
    ['smtps://user:pass@mail.example.org:465', true],
    ['smtp://mail.example.org', true],
    ['http://mail.example.org', false],
    ['mail.example.org', false],
    [null, true],
  ])('SMTP URL %j: %s', (smtpUrl, ok) => expect(smtpSettingsInputSchema.safeParse({ smtpUrl }).success).toBe(ok));
});

describe('the micro-training (§ 30 Abs. 2 Satz 2 Nr. 7 BSIG; KBV Anlage 1 Nr. 10)', () => {
  const right = microTrainingQuestions.map((q) => ({ questionId: q.id, optionId: q.correct }));
  it('has five questions with three options, both languages, no answers on the page', () => {
    for (const locale of ['de', 'en'] as const) {
      const page = microTrainingForPage(locale);
      expect(page.questions).toHaveLength(5);
      for (const q of page.questions) expect(q.options).toHaveLength(3);
      expect(JSON.stringify(page)).not.toMatch(/"correct"|explanation/);
    }
  });
  it.each([
    ['all right', right, 5, true, true],
    ['one wrong', right.map((a, i) => (i === 0 ? { ...a, optionId: 'x' } : a)), 4, true, true],
    ['two wrong', right.map((a, i) => (i < 2 ? { ...a, optionId: 'x' } : a)), 3, false, true],
    ['one missing', right.slice(1), 4, false, false],
    ['a repeated answer counts once (the first)', [{ questionId: 'sender', optionId: 'a' }, ...right], 4, true, true],
  ])('%s', (_, answers, correct, passed, completed) => {
    const result = scoreMicroTraining(answers, 'de');
    expect(result).toMatchObject({ correct, total: 5, passed, completed });
    expect(MICRO_TRAINING_PASS).toBe(4);
  });
});
