import { describe, expect, it } from 'vitest';
import { determinePracticeSize } from './practice-size.ts';

const profile = (personsHandlingData: number, overrides: Partial<Parameters<typeof determinePracticeSize>[0]> = {}) => ({
  personsHandlingData,
  significantScaleProcessing: false,
  majorMedicalDevices: false,
  contractPractice: true,
  ...overrides,
});

describe('KBV practice size (KBV-IT-Sicherheitsrichtlinie 2025, Praxisgrößen; § 390 SGB V)', () => {
  // Size classes by persons permanently handling data: up to 5 small, 6–20 medium, more than 20 large.
  it.each([
    [1, 'small', [1, 5]],
    [5, 'small', [1, 5]],
    [6, 'medium', [1, 2, 5]],
    [12, 'medium', [1, 2, 5]],
    [20, 'medium', [1, 2, 5]],
    [21, 'large', [1, 2, 3, 5]],
    [250, 'large', [1, 2, 3, 5]],
  ])('%i persons: %s, annexes %j', (persons, size, annexes) => {
    const result = determinePracticeSize(profile(persons));
    expect(result.size).toBe(size);
    expect(result.annexes).toEqual(annexes);
    expect(result.guidelineApplies).toBe(true);
  });

  // Significant-scale processing makes a practice large regardless of its head count.
  it('a 3-person practice processing data on a significant scale is large', () => {
    const result = determinePracticeSize(profile(3, { significantScaleProcessing: true }));
    expect(result.size).toBe('large');
    expect(result.annexes).toEqual([1, 2, 3, 5]);
    expect(result.reasons.map((r) => r.code)).toContain('kbv.size_large_significant_scale');
  });

  // Anlage 4 applies to every practice with major medical devices, whatever its size; the list stays sorted.
  it.each([
    [3, [1, 4, 5]],
    [12, [1, 2, 4, 5]],
    [30, [1, 2, 3, 4, 5]],
  ])('major medical devices with %i persons: annexes %j', (persons, annexes) => {
    const result = determinePracticeSize(profile(persons, { majorMedicalDevices: true }));
    expect(result.annexes).toEqual(annexes);
    expect(result.reasons.find((r) => r.code === 'kbv.annex_major_medical_devices')?.legalBasis).toEqual(['KBV-IT-Sicherheitsrichtlinie (2025), Anlage 4']);
  });

  // § 390 SGB V binds contract medical care only; others get the annexes as a recommendation.
  it('a practice outside contract medical care is not bound but still gets the annexes as a recommendation', () => {
    const result = determinePracticeSize(profile(8, { contractPractice: false }));
    expect(result.guidelineApplies).toBe(false);
    expect(result.annexes).toEqual([1, 2, 5]);
    const voluntary = result.reasons.find((r) => r.code === 'kbv.guideline_voluntary');
    expect(voluntary?.en).toMatch(/voluntary best practice/);
    expect(voluntary?.de).toMatch(/freiwillige Empfehlung/);
  });

  it('cites its legal basis in every reason and lists the sources with links', () => {
    const result = determinePracticeSize(profile(12, { majorMedicalDevices: true }));
    for (const reason of result.reasons) {
      expect(reason.legalBasis.length).toBeGreaterThan(0);
      expect(reason.de).not.toBe('');
      expect(reason.en).not.toBe('');
    }
    expect(result.legalBasis.map((s) => s.citation)).toEqual(
      expect.arrayContaining(['§ 390 SGB V', 'KBV-IT-Sicherheitsrichtlinie (2025), Praxisgrößen', 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 2']),
    );
    for (const source of result.legalBasis) expect(source.url).toMatch(/^https:\/\//);
  });
});
