import { describe, expect, it } from 'vitest';
import type { ReportingDeadlinesCheckInput } from './deadlines.schema.ts';
import { reportingDeadlinesCheckSchema } from './deadlines.schema.ts';
import {
  addCalendarMonths,
  computeRegistrationDeadline,
  computeReportingDeadlines,
  endOfBerlinDay,
  formatBerlin,
  nextDeadline,
  parseInstant,
  registrationDueDate,
} from './deadlines.ts';

function incident(overrides: Partial<ReportingDeadlinesCheckInput> = {}): ReportingDeadlinesCheckInput {
  return {
    awareAt: '2026-01-15T10:00:00+01:00',
    entityCategory: 'important',
    significantIncident: true,
    personalDataBreach: false,
    ...overrides,
  };
}

const bsigOf = (overrides: Partial<ReportingDeadlinesCheckInput> = {}) => {
  const result = computeReportingDeadlines(incident(overrides)).bsig;
  if (!result) throw new Error('expected BSIG deadlines');
  return result;
};
const codes = (items: { code: string }[]) => items.map((i) => i.code);

describe('early warning 24 h and notification 72 h after awareness, as elapsed hours (§ 32 Abs. 1 Nr. 1, 2 BSIG)', () => {
  it.each([
    // awareAt, early warning, notification
    ['2026-01-15T10:00:00+01:00', '2026-01-16T10:00:00.000+01:00', '2026-01-18T10:00:00.000+01:00'],
    // Spring forward on 2026-03-29 (02:00 CET → 03:00 CEST): the Berlin clock time moves one hour later.
    ['2026-03-28T12:00:00+01:00', '2026-03-29T13:00:00.000+02:00', '2026-03-31T13:00:00.000+02:00'],
    ['2026-03-29T01:30:00+01:00', '2026-03-30T02:30:00.000+02:00', '2026-04-01T02:30:00.000+02:00'],
    // Fall back on 2026-10-25 (03:00 CEST → 02:00 CET): one hour earlier.
    ['2026-10-24T12:00:00+02:00', '2026-10-25T11:00:00.000+01:00', '2026-10-27T11:00:00.000+01:00'],
    ['2026-10-25T02:30:00+02:00', '2026-10-26T01:30:00.000+01:00', '2026-10-28T01:30:00.000+01:00'], // the first 02:30
    ['2026-10-25T02:30:00+01:00', '2026-10-26T02:30:00.000+01:00', '2026-10-28T02:30:00.000+01:00'], // the second 02:30
  ])('aware at %s: early warning %s, notification %s', (awareAt, earlyWarningDue, notificationDue) => {
    expect(bsigOf({ awareAt })).toMatchObject({ earlyWarningDue, notificationDue });
  });

  // The same instant written with another offset gives the same deadlines, rendered in Berlin time.
  it.each(['2026-01-15T09:00:00Z', '2026-01-15T09:00:00.000Z', '2026-01-15T14:30:00+05:30', '2026-01-15T04:00-05:00', '2026-01-15T10:00:00+0100'])(
    '%s is the same instant as 10:00 in Berlin',
    (awareAt) => {
      expect(bsigOf({ awareAt })).toMatchObject({ earlyWarningDue: '2026-01-16T10:00:00.000+01:00', notificationDue: '2026-01-18T10:00:00.000+01:00' });
    },
  );
});

describe('BSIG clock only for significant incidents of NIS2 entities (§ 2 Nr. 11, § 28, § 32 Abs. 1 BSIG)', () => {
  it.each([
    ['important', true, true],
    ['particularly_important', true, true],
    ['not_affected', true, false],
    ['important', false, false],
    ['particularly_important', false, false],
  ] as const)('%s, significant %s: BSIG deadlines %s', (entityCategory, significantIncident, applies) => {
    const result = computeReportingDeadlines(incident({ entityCategory, significantIncident }));
    expect(result.bsig !== null).toBe(applies);
    expect(result.explanations.length).toBeGreaterThan(0);
  });

  it('says why the BSIG clock does not run', () => {
    expect(codes(computeReportingDeadlines(incident({ entityCategory: 'not_affected' })).explanations)).toContain('incident.bsig_not_entity');
    expect(codes(computeReportingDeadlines(incident({ significantIncident: false })).explanations)).toContain('incident.bsig_not_significant');
  });
});

describe('one calendar month, to the end of the Berlin day, month-end rule (§§ 187 Abs. 1, 188 Abs. 2, 3 BGB)', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2025-12-06', 3, '2026-03-06'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
  ])('%s + %i month(s) = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  // The end of a day is the next Berlin midnight minus 1 ms, with the offset valid on that day.
  it.each([
    ['2026-02-28', '2026-02-28T23:59:59.999+01:00'],
    ['2026-03-28', '2026-03-28T23:59:59.999+01:00'],
    ['2026-03-29', '2026-03-29T23:59:59.999+02:00'], // 23-hour day
    ['2026-10-25', '2026-10-25T23:59:59.999+01:00'], // 25-hour day
    ['2026-07-01', '2026-07-01T23:59:59.999+02:00'],
  ])('the day %s ends at %s', (date, expected) => {
    expect(formatBerlin(endOfBerlinDay(date))).toBe(expected);
    expect(endOfBerlinDay(date).plus({ milliseconds: 1 }).setZone('Europe/Berlin').toFormat('HH:mm:ss.SSS')).toBe('00:00:00.000');
  });
});

describe('final report one month after the notification was submitted (§ 32 Abs. 1 Nr. 4 BSIG)', () => {
  const completedEarly = '2026-01-20T12:00:00+01:00';
  it.each([
    // notificationSubmittedAt, finalReportDue, anchor
    ['2026-01-16T09:00:00+01:00', '2026-02-16T23:59:59.999+01:00', 'notification_submitted'], // early
    ['2026-01-17T23:59:00+01:00', '2026-02-17T23:59:59.999+01:00', 'notification_submitted'],
    ['2026-01-19T08:00:00+01:00', '2026-02-19T23:59:59.999+01:00', 'notification_submitted'], // late: still from the actual day
    ['2026-01-31T10:00:00+01:00', '2026-02-28T23:59:59.999+01:00', 'notification_submitted'], // 31 Jan → 28 Feb
    ['2026-01-31T23:30:00Z', '2026-03-01T23:59:59.999+01:00', 'notification_submitted'], // already 1 Feb in Berlin
  ])('submitted %s: final report by %s', (notificationSubmittedAt, finalReportDue, finalReportAnchor) => {
    expect(bsigOf({ notificationSubmittedAt, handlingCompletedAt: completedEarly })).toEqual({
      earlyWarningDue: '2026-01-16T10:00:00.000+01:00',
      notificationDue: '2026-01-18T10:00:00.000+01:00',
      progressReportDue: null,
      progressReportDueDate: null,
      progressReportProvisional: false,
      finalReportDue,
      finalReportDueDate: finalReportDue.slice(0, 10),
      finalReportProvisional: false,
      finalReportAnchor,
    });
  });

  it('flags a notification submitted after 72 hours', () => {
    const result = computeReportingDeadlines(incident({ notificationSubmittedAt: '2026-01-19T08:00:00+01:00', handlingCompletedAt: completedEarly }));
    expect(codes(result.explanations)).toContain('incident.notification_late');
    const onTime = computeReportingDeadlines(incident({ notificationSubmittedAt: '2026-01-18T10:00:00+01:00', handlingCompletedAt: completedEarly }));
    expect(codes(onTime.explanations)).not.toContain('incident.notification_late');
  });

  // Before submission the month runs provisionally from the 72-hour deadline, the latest lawful submission.
  it.each([
    ['2026-01-15T10:00:00+01:00', '2026-02-18T23:59:59.999+01:00'],
    ['2026-01-28T12:00:00+01:00', '2026-02-28T23:59:59.999+01:00'], // notification due 31 Jan → 28 Feb
    ['2028-01-28T12:00:00+01:00', '2028-02-29T23:59:59.999+01:00'], // leap year
    ['2026-02-26T10:00:00+01:00', '2026-04-01T23:59:59.999+02:00'], // due 1 March CET, final day in CEST
    ['2026-09-22T10:00:00+02:00', '2026-10-25T23:59:59.999+01:00'], // due 25 Sep, final day after fall back
  ])('not yet submitted, aware %s: provisional final report by %s', (awareAt, finalReportDue) => {
    const result = bsigOf({ awareAt, handlingCompletedAt: awareAt });
    expect(result).toMatchObject({ finalReportDue, finalReportProvisional: true, finalReportAnchor: 'notification_deadline', progressReportDue: null });
  });
});

describe('progress report while handling continues, final report one month after handling (§ 32 Abs. 2 BSIG)', () => {
  const submitted = '2026-01-16T09:00:00+01:00'; // one month → end of 2026-02-16

  it.each([
    // handlingCompletedAt, progressReportDue, finalReportDue, anchor, provisional
    ['2026-02-16T23:59:00+01:00', null, '2026-02-16T23:59:59.999+01:00', 'notification_submitted', false], // completed on the day
    ['2026-02-17T00:00:00+01:00', '2026-02-16T23:59:59.999+01:00', '2026-03-17T23:59:59.999+01:00', 'handling_completed', false],
    ['2026-03-31T10:00:00+02:00', '2026-02-16T23:59:59.999+01:00', '2026-04-30T23:59:59.999+02:00', 'handling_completed', false], // month end
    [undefined, '2026-02-16T23:59:59.999+01:00', null, 'handling_ongoing', true],
  ] as const)(
    'handling completed %s: progress %s, final %s',
    (handlingCompletedAt, progressReportDue, finalReportDue, finalReportAnchor, finalReportProvisional) => {
      const overrides = handlingCompletedAt
        ? { notificationSubmittedAt: submitted, handlingCompletedAt }
        : { notificationSubmittedAt: submitted, handlingOngoing: true };
      expect(bsigOf(overrides)).toMatchObject({
        progressReportDue,
        progressReportDueDate: progressReportDue?.slice(0, 10) ?? null,
        progressReportProvisional: false,
        finalReportDue,
        finalReportDueDate: finalReportDue?.slice(0, 10) ?? null,
        finalReportAnchor,
        finalReportProvisional,
      });
    },
  );

  it('explains that the final date waits for the end of handling', () => {
    const result = computeReportingDeadlines(incident({ notificationSubmittedAt: submitted, handlingOngoing: true }));
    expect(codes(result.explanations)).toEqual(expect.arrayContaining(['incident.progress_report_due', 'incident.final_report_awaits_handling']));
  });

  it('applies the statutory one month after the notification when nothing is said about the handling', () => {
    expect(bsigOf({ notificationSubmittedAt: submitted })).toMatchObject({
      progressReportDue: null,
      finalReportDue: '2026-02-16T23:59:59.999+01:00',
      finalReportDueDate: '2026-02-16',
      finalReportProvisional: false,
      finalReportAnchor: 'notification_submitted',
    });
    expect(bsigOf({})).toMatchObject({ progressReportDue: null, finalReportDue: '2026-02-18T23:59:59.999+01:00', finalReportProvisional: true });
  });

  it('keeps the progress date provisional while the notification is outstanding', () => {
    expect(bsigOf({ handlingOngoing: true })).toMatchObject({
      progressReportDue: '2026-02-18T23:59:59.999+01:00',
      progressReportProvisional: true,
      finalReportDue: null,
      finalReportProvisional: true,
      finalReportAnchor: 'handling_ongoing',
    });
  });
});

describe('personal-data breaches (Art. 33, 34 GDPR)', () => {
  it.each([
    // gdprRisk, encrypted, art33Required, art34Required
    ['none', false, false, false],
    ['unlikely', false, false, false], // Art. 33(1): no notification when unlikely to result in a risk
    ['risk', false, true, false],
    ['high', false, true, true], // Art. 34(1)
    ['high', true, true, false], // Art. 34(3)(a): encrypted, keys not compromised
    ['risk', true, true, false],
  ] as const)('risk %s, encrypted %s: Art. 33 %s, Art. 34 %s', (gdprRisk, encryptedWithUncompromisedKeys, art33Required, art34Required) => {
    const { gdpr } = computeReportingDeadlines(incident({ personalDataBreach: true, gdprRisk, encryptedWithUncompromisedKeys }));
    expect(gdpr).toEqual({
      art33Required,
      art33Due: art33Required ? '2026-01-18T10:00:00.000+01:00' : null,
      art34Required,
      documentationRequired: true, // Art. 33(5): always
    });
  });

  it('counts the 72 hours across the clock change, independently of the BSIG clock', () => {
    const result = computeReportingDeadlines(
      incident({ awareAt: '2026-03-28T11:00:00Z', entityCategory: 'not_affected', personalDataBreach: true, gdprRisk: 'high' }),
    );
    expect(result.bsig).toBeNull();
    expect(result.gdpr?.art33Due).toBe('2026-03-31T13:00:00.000+02:00');
  });

  it('has no GDPR duties without a breach', () => {
    expect(computeReportingDeadlines(incident({ personalDataBreach: false, gdprRisk: 'high' })).gdpr).toBeNull();
  });

  it('cites its sources in every explanation', () => {
    const result = computeReportingDeadlines(incident({ personalDataBreach: true, gdprRisk: 'high', encryptedWithUncompromisedKeys: true }));
    for (const item of result.explanations) expect(item.legalBasis.length).toBeGreaterThan(0);
    expect(codes(result.explanations)).toEqual(expect.arrayContaining(['gdpr.art33_due', 'gdpr.art34_encrypted', 'gdpr.documentation_required']));
    expect(result.legalBasis.map((s) => s.citation)).toEqual(expect.arrayContaining(['§ 32 Abs. 1 Nr. 1 BSIG', 'Art. 34 Abs. 3 lit. a DSGVO']));
  });
});

describe('registration three months after first qualifying (§ 33 Abs. 1 BSIG with §§ 187, 188 BGB)', () => {
  it.each([
    ['2025-12-06', '2026-03-06'], // in scope when the law took effect
    ['2025-11-30', '2026-02-28'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-29', '2028-02-29'],
    ['2026-05-31', '2026-08-31'],
  ])('qualifies since %s: register by %s', (qualifiesSince, expected) => {
    expect(registrationDueDate(qualifiesSince)).toBe(expected);
    expect(computeRegistrationDeadline(qualifiesSince)).toMatchObject({
      registrationDueDate: expected,
      legalBasis: expect.arrayContaining([expect.objectContaining({ citation: '§ 33 Abs. 1 BSIG' })]),
    });
  });
});

describe('the deadline that is due next, for the clocks in the app', () => {
  const all = computeReportingDeadlines(incident({ personalDataBreach: true, gdprRisk: 'risk', handlingOngoing: true }));

  it.each([
    // now, submitted, kind, due, remaining hours
    ['2026-01-15T11:00:00+01:00', {}, 'early_warning', '2026-01-16T10:00:00.000+01:00', 23],
    ['2026-01-16T11:00:00+01:00', {}, 'early_warning', '2026-01-16T10:00:00.000+01:00', -1], // overdue stays first
    ['2026-01-16T11:00:00+01:00', { earlyWarningAt: '2026-01-15T12:00:00+01:00' }, 'notification', '2026-01-18T10:00:00.000+01:00', 47],
    ['2026-01-16T11:00:00+01:00', { notificationAt: '2026-01-16T10:30:00+01:00' }, 'gdpr_art33', '2026-01-18T10:00:00.000+01:00', 47],
    [
      '2026-01-20T10:00:00+01:00',
      { notificationAt: '2026-01-16T10:30:00+01:00', gdprArt33At: '2026-01-16T10:30:00+01:00' },
      'progress_report',
      '2026-02-18T23:59:59.999+01:00',
      null,
    ],
    ['2026-01-20T09:00:00Z', { earlyWarningAt: '2026-01-15T12:00:00+01:00' }, 'notification', '2026-01-18T10:00:00.000+01:00', -48],
  ] as const)('at %s with %o: %s due %s', (now, submitted, kind, due, hours) => {
    const next = nextDeadline(all, submitted, now);
    expect(next).toMatchObject({ kind, due });
    if (hours !== null) expect(next?.remainingMs).toBe(hours * 3_600_000);
    expect(next?.isOverdue).toBe(hours !== null && hours < 0);
  });

  it('accepts a Date as now and marks a date counted from an unsent notification as provisional', () => {
    const next = nextDeadline(all, { notificationAt: '2026-01-16T10:30:00+01:00', gdprArt33At: '2026-01-16T10:30:00+01:00' }, new Date('2026-01-20T09:00:00Z'));
    expect(next).toMatchObject({ kind: 'progress_report', isProvisional: true, isOverdue: false });
  });

  it('moves on to the final report once handling is done, and ends when everything is in', () => {
    const done = computeReportingDeadlines(
      incident({ notificationSubmittedAt: '2026-01-16T09:00:00+01:00', handlingCompletedAt: '2026-01-20T12:00:00+01:00' }),
    );
    const sent = { notificationAt: '2026-01-16T09:00:00+01:00' };
    expect(nextDeadline(done, sent, '2026-01-21T00:00:00+01:00')).toMatchObject({
      kind: 'final_report',
      due: '2026-02-16T23:59:59.999+01:00',
      isProvisional: false,
    });
    expect(nextDeadline(done, { ...sent, finalReportAt: '2026-02-01T10:00:00+01:00' }, '2026-02-02T00:00:00+01:00')).toBeNull();
  });

  it('has nothing to show while the final date waits for the handling', () => {
    const ongoing = computeReportingDeadlines(incident({ notificationSubmittedAt: '2026-01-16T09:00:00+01:00', handlingOngoing: true }));
    expect(
      nextDeadline(ongoing, { notificationAt: '2026-01-16T09:00:00+01:00', progressReportAt: '2026-02-10T09:00:00+01:00' }, '2026-02-11T00:00:00+01:00'),
    ).toBeNull();
  });
});

describe('instants need an offset and a real date', () => {
  it.each([
    ['2026-01-15T10:00:00', 'datetime_with_offset'],
    ['2026-01-15', 'datetime_with_offset'],
    ['15.01.2026 10:00', 'datetime_with_offset'],
    ['2026-02-30T10:00:00+01:00', 'invalid_date'],
    ['2026-01-15T25:00:00+01:00', 'invalid_date'],
  ])('refuses awareAt %s (%s)', (awareAt, message) => {
    const result = reportingDeadlinesCheckSchema.safeParse(incident({ awareAt }));
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: ['awareAt'], message }));
  });

  it('refuses an end before the awareness and names each field', () => {
    const result = reportingDeadlinesCheckSchema.safeParse(
      incident({ notificationSubmittedAt: '2026-01-15T08:59:00Z', handlingCompletedAt: '2026-01-14T10:00:00+01:00', personalDataBreach: true }),
    );
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['gdprRisk', 'required_for_breach'],
      ['notificationSubmittedAt', 'before_aware_at'],
      ['handlingCompletedAt', 'before_aware_at'],
    ]);
  });

  it('accepts handling completed before the notification was submitted', () => {
    const input = incident({ notificationSubmittedAt: '2026-01-17T10:00:00+01:00', handlingCompletedAt: '2026-01-15T12:00:00+01:00' });
    expect(reportingDeadlinesCheckSchema.safeParse(input).success).toBe(true);
  });

  it('throws on an instant without offset handed to the rules directly', () => {
    expect(() => parseInstant('2026-01-15T10:00:00')).toThrow(RangeError);
  });
});
