import { describe, expect, it } from 'vitest';
import type { BsigDeadlines } from './deadlines.schema.ts';
import type { IncidentReportKind } from './incident.schema.ts';
import { pendingDeadlines, reminderTimes } from './reminders.ts';

const bsig = {
  earlyWarningDue: '2026-01-16T10:00:00.000+01:00',
  notificationDue: '2026-01-18T10:00:00.000+01:00',
  progressReportDue: null,
  finalReportDue: '2026-02-18T23:59:59.999+01:00',
} as unknown as BsigDeadlines;
const gdpr = { art33Required: true, art33Due: '2026-01-18T10:00:00.000+01:00', art34Required: false, documentationRequired: true as const };

describe('pending deadlines (§ 32 BSIG stages, Art. 33 GDPR)', () => {
  it.each<[string, IncidentReportKind[], string[]]>([
    ['nothing submitted', [], ['early_warning', 'notification', 'final_report', 'gdpr_art33']],
    ['early warning sent', ['early_warning'], ['notification', 'final_report', 'gdpr_art33']],
    ['notification sent without early warning: it covers the early warning', ['notification'], ['final_report', 'gdpr_art33']],
    ['everything sent', ['notification', 'final_report', 'gdpr_art33'], []],
  ])('%s', (_label, submitted, expected) => {
    expect(pendingDeadlines(bsig, gdpr, new Set(submitted)).map((p) => p.kind)).toEqual(expected);
  });

  it('has nothing pending without clocks', () => {
    expect(pendingDeadlines(null, null, new Set())).toEqual([]);
  });
});

describe('reminder times', () => {
  it('plans 12 h, 2 h before and at the deadline, skipping times already past', () => {
    const due = '2026-01-16T10:00:00.000+01:00';
    expect(reminderTimes(due, new Date('2026-01-15T00:00:00Z')).map((r) => [r.offsetHours, r.runAt.toISOString()])).toEqual([
      [12, '2026-01-15T21:00:00.000Z'],
      [2, '2026-01-16T07:00:00.000Z'],
      [0, '2026-01-16T09:00:00.000Z'],
    ]);
    expect(reminderTimes(due, new Date('2026-01-16T08:00:00Z')).map((r) => r.offsetHours)).toEqual([0]);
  });
});
