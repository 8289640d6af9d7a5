import { describe, expect, it } from 'vitest';
import { quarterOf } from './management-report.data.ts';

describe('the quarter a management report speaks for (§ 38 Abs. 1 BSIG, reported quarterly)', () => {
  it.each([
    // Midnight in Berlin, not in UTC: 22:30 UTC on 31 March is already 1 April, 00:30 summer time.
    ['2026-03-31T22:30:00Z', 2026, 2, '2026-04-01', '2026-06-30', '2026-03-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z'],
    ['2026-03-31T21:59:00Z', 2026, 1, '2026-01-01', '2026-03-31', '2025-12-31T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    // New Year's Eve 23:30 UTC is 00:30 on 1 January in Berlin: the first quarter of the next year.
    ['2026-12-31T23:30:00Z', 2027, 1, '2027-01-01', '2027-03-31', '2026-12-31T23:00:00.000Z', '2027-03-31T22:00:00.000Z'],
    // The fourth quarter spans the autumn clock change: it starts at 22:00 UTC and ends at 23:00 UTC.
    ['2026-11-15T12:00:00Z', 2026, 4, '2026-10-01', '2026-12-31', '2026-09-30T22:00:00.000Z', '2026-12-31T23:00:00.000Z'],
  ])('at %s it is %i, quarter %i', (now, year, quarter, from, to, start, end) => {
    const q = quarterOf(new Date(now));
    expect({ year: q.year, quarter: q.quarter, from: q.from, to: q.to, start: q.start.toISOString(), end: q.end.toISOString() }).toEqual({
      year,
      quarter,
      from,
      to,
      start,
      end,
    });
  });
});
