import { describe, expect, it } from 'vitest';
import { clocksOf, newestFirst } from './incident-clocks.ts';

describe('timeline order', () => {
  it('shows the newest first and keeps the logical order within a typed minute', () => {
    const events = [
      { at: '2026-01-15T10:00:00.000Z', kind: 'submitted' },
      { at: '2026-01-15T10:00:00.000Z', kind: 'handling_completed' },
      { at: '2026-01-15T10:00:31.000Z', kind: 'reported' },
      { at: '2026-01-15T10:00:45.000Z', kind: 'assessed' },
      { at: '2026-01-15T10:03:10.000Z', kind: 'measure' },
    ];
    expect(newestFirst(events).map((e) => e.kind)).toEqual(['measure', 'handling_completed', 'submitted', 'assessed', 'reported']);
  });
});

describe('the clocks of an incident', () => {
  const incident = (submissions: { kind: string; submittedAt: string; reference: string | null }[]) =>
    ({
      submissions,
      clocks: {
        bsig: {
          earlyWarningDue: '2026-01-16T10:00:00.000+01:00',
          notificationDue: '2026-01-18T10:00:00.000+01:00',
          progressReportDue: '2026-02-18T23:59:59.999+01:00',
          progressReportProvisional: true,
          finalReportDue: null,
          finalReportProvisional: true,
        },
        gdpr: { art33Required: true, art33Due: '2026-01-18T10:00:00.000+01:00', art34Required: true, documentationRequired: true },
      },
    }) as unknown as Parameters<typeof clocksOf>[0];

  it('lists the reports in the order of urgency', () => {
    expect(clocksOf(incident([])).map((c) => c.kind)).toEqual(['early_warning', 'notification', 'gdpr_art33', 'gdpr_art34', 'progress_report']);
  });

  it('counts the early warning as done once the notification went out', () => {
    const clocks = clocksOf(incident([{ kind: 'notification', submittedAt: '2026-01-15T18:00:00.000+01:00', reference: 'A-1' }]));
    expect(clocks[0]).toMatchObject({ kind: 'early_warning', doneAt: '2026-01-15T18:00:00.000+01:00', coveredBy: 'notification', reference: null });
    expect(clocks[1]).toMatchObject({ kind: 'notification', coveredBy: null, reference: 'A-1' });
  });
});
