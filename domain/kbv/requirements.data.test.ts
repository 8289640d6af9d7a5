import { describe, expect, it } from 'vitest';
import { kbvRequirements } from './requirements.data.ts';

// KBV-IT-Sicherheitsrichtlinie (2025): 92 numbered requirements, Anlage 1: 50, 2: 10, 3: 17, 4: 6, 5: 9.
describe('KBV requirement data', () => {
  it('holds all 92 requirements with unique ids', () => {
    expect(kbvRequirements).toHaveLength(92);
    expect(new Set(kbvRequirements.map((r) => r.id)).size).toBe(92);
  });

  it.each([
    [1, 50],
    [2, 10],
    [3, 17],
    [4, 6],
    [5, 9],
  ])('Anlage %i has %i requirements', (annex, count) => {
    expect(kbvRequirements.filter((r) => r.annex === annex)).toHaveLength(count);
  });

  it('every requirement has both languages, a start date and a source', () => {
    for (const r of kbvRequirements) {
      expect(r.id).toBe(`KBV-A${r.annex}-${String(r.number).padStart(2, '0')}`);
      expect(r.titleDe && r.titleEn && r.summaryDe && r.summaryEn).toBeTruthy();
      expect(r.effectiveFrom).toMatch(/^2025-(04|10)-01$/);
      expect(r.sourceUrl).toMatch(/^https:\/\//);
    }
  });

  // 29 requirements are new in the 2025 revision and bind from 2025-10-01.
  it('marks the 29 new requirements, all binding from 2025-10-01', () => {
    const added = kbvRequirements.filter((r) => r.newIn2025);
    expect(added).toHaveLength(29);
    expect(new Set(added.map((r) => r.effectiveFrom))).toEqual(new Set(['2025-10-01']));
  });

  // Anlage 4 and 5 are conditional as a whole: major medical devices, TI components.
  it('conditions Anlage 4 on major medical devices and Anlage 5 on TI components', () => {
    for (const r of kbvRequirements.filter((x) => x.annex === 4)) expect(r.appliesIf).toContain('usesMajorMedicalDevices');
    for (const r of kbvRequirements.filter((x) => x.annex === 5)) expect(r.appliesIf).toContain('usesTiComponents');
    expect(kbvRequirements.find((r) => r.id === 'KBV-A5-05')?.appliesIf).toEqual(['usesTiComponents', 'usesHostedConnector']);
  });
});
