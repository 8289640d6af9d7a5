import { describe, expect, it } from 'vitest';
import { assessRequirement, berlinDate, type OrganisationProfile } from './applicability.ts';
import type { KbvRequirement } from './requirement.ts';
import { kbvRequirements } from './requirements.data.ts';

function requirement(id: string): KbvRequirement {
  const found = kbvRequirements.find((r) => r.id === id);
  if (!found) throw new Error(`no requirement ${id}`);
  return found;
}

const medium: OrganisationProfile = { guidelineApplies: true, annexes: [1, 2, 5] };

describe('KBV requirement applicability (KBV-IT-Sicherheitsrichtlinie 2025; § 390 SGB V)', () => {
  // Start dates: requirements new in the 2025 revision bind from 2025-10-01 (six-month transition).
  it.each([
    ['KBV-A1-01', '2025-09-30', true, false, 'kbv.requirement_not_yet_effective'],
    ['KBV-A1-01', '2025-10-01', true, true, 'kbv.requirement_mandatory'],
    ['KBV-A1-11', '2025-04-01', true, true, 'kbv.requirement_mandatory'], // carried over: the revised text from 2025-04-01
    // The 2021 text (§ 75b SGB V a. F.) before that day is not modelled; see docs/decisions/019-legal-details.md.
    ['KBV-A1-11', '2025-03-31', true, false, 'kbv.requirement_not_yet_effective'],
  ])('%s on %s: applicable %s, mandatory %s', (id, today, applicable, mandatory, code) => {
    const result = assessRequirement(requirement(id), medium, today);
    expect(result).toMatchObject({ requirementId: id, applicable, mandatory, effectiveFrom: requirement(id).effectiveFrom });
    expect(result.reason.code).toBe(code);
  });

  // KBV versions: carried-over requirements have applied since 2021 (revised text since 2025-04-01); new ones since 2025-10-01.
  it.each([
    ['KBV-A1-11', /seit 2021 verbindlich, in der überarbeiteten Fassung seit dem 01\.04\.2025/],
    ['KBV-A1-01', /mit der Fassung 2025 neu hinzugekommen und seit dem 01\.10\.2025 verbindlich/],
  ])('%s says since when it binds', (id, text) => {
    expect(assessRequirement(requirement(id), medium, '2026-01-15').reason.de).toMatch(text);
  });

  // Annexes follow size: Anlage 3 only for large practices, Anlage 4 only with major medical devices.
  it.each([
    ['KBV-A3-01', medium],
    ['KBV-A4-01', medium],
    ['KBV-A2-01', { guidelineApplies: true, annexes: [1, 5] }],
  ])('%s outside the profile’s annexes is not applicable', (id, profile) => {
    const result = assessRequirement(requirement(id), profile, '2026-01-15');
    expect(result.applicable).toBe(false);
    expect(result.mandatory).toBe(false);
    expect(result.reason.code).toBe('kbv.requirement_annex_not_applicable');
    expect(result.reason.legalBasis).toContain(`KBV-IT-Sicherheitsrichtlinie (2025), Anlage ${requirement(id).annex}`);
  });

  // A requirement bites only if its target object exists (e.g. Windows items only with Windows computers).
  it.each([
    ['KBV-A1-27', 'usesWindowsClients', /Windows/],
    ['KBV-A1-45', 'operatesOwnWebApplication', /eigene Webanwendung/],
    ['KBV-A5-05', 'usesHostedConnector', /gehosteten Konnektor/],
    ['KBV-A1-40', 'usesEmail', /E-Mail/],
    ['KBV-A2-04', 'runsWindowsDomain', /Windows-Domäne/],
  ] as const)('%s without %s is not applicable, with the reason', (id, flag, german) => {
    const result = assessRequirement(requirement(id), { ...medium, targetObjects: { [flag]: false } }, '2026-01-15');
    expect(result.applicable).toBe(false);
    expect(result.mandatory).toBe(false);
    expect(result.reason).toMatchObject({ code: 'kbv.requirement_target_object_absent', params: { targetObject: flag } });
    expect(result.reason.de).toMatch(german);
  });

  it('a target object nobody answered for counts as present', () => {
    const result = assessRequirement(requirement('KBV-A1-27'), { ...medium, targetObjects: { usesEmail: false } }, '2026-01-15');
    expect(result).toMatchObject({ applicable: true, mandatory: true });
  });

  it('an unrelated absent target object does not drop a requirement', () => {
    const result = assessRequirement(requirement('KBV-A5-04'), { ...medium, targetObjects: { usesHostedConnector: false } }, '2026-01-15');
    expect(result.applicable).toBe(true);
  });

  // § 390 SGB V binds contract practices only: others see applicable requirements as recommendations.
  it('applicable but never mandatory when the guideline does not bind the practice', () => {
    const result = assessRequirement(requirement('KBV-A1-01'), { ...medium, guidelineApplies: false }, '2026-01-15');
    expect(result).toMatchObject({ applicable: true, mandatory: false });
    expect(result.reason.code).toBe('kbv.requirement_voluntary');
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => assessRequirement(requirement('KBV-A1-01'), medium, '1.10.2025')).toThrow(/YYYY-MM-DD/);
  });

  // The start dates are German calendar days: 22:30 UTC on 30 September is already 1 October in Berlin (CEST).
  it.each([
    ['2025-09-30T21:59:59Z', '2025-09-30'],
    ['2025-09-30T22:00:00Z', '2025-10-01'],
    ['2025-03-31T21:59:59Z', '2025-03-31'], // CEST since 30 March
    ['2025-12-31T22:59:59Z', '2025-12-31'], // CET
    ['2025-12-31T23:00:00Z', '2026-01-01'],
  ])('berlinDate(%s) is %s', (instant, date) => {
    expect(berlinDate(new Date(instant))).toBe(date);
  });
});
