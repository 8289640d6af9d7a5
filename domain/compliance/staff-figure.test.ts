import { describe, expect, it } from 'vitest';
import { departsFromRegister, typedAwu } from './staff-figure.ts';

describe('a typed staff figure against the people register (issue 10: derived, overridable with a reason)', () => {
  it.each([
    // KBV IT-Sicherheitsrichtlinie § 2 Nr. 2/3: heads permanently handling data; 5 → small, 6 → medium.
    { kind: 'kbvPersons', typed: 6, counted: 6, value: 6, departs: false, why: 'the register figure taken as it is' },
    { kind: 'kbvPersons', typed: 5, counted: 6, value: 6, departs: true, why: 'one fewer: across the Anlage 2 border' },
    { kind: 'kbvPersons', typed: 21, counted: 0, value: 0, departs: false, why: 'an empty register decides nothing' },
    // Recommendation 2003/361/EC Annex Art. 5: AWU as fractions, compared to the hundredth.
    { kind: 'awu', typed: 49.9, counted: 60, value: 49.9, departs: false, why: 'same AWU' },
    { kind: 'awu', typed: 49.904, counted: 60, value: 49.9, departs: false, why: 'same to the hundredth' },
    { kind: 'awu', typed: 50, counted: 60, value: 49.9, departs: true, why: 'across the § 28 BSIG border of 50' },
    { kind: 'awu', typed: 250, counted: 0, value: 0, departs: false, why: 'nobody counted' },
  ] as const)('$kind typed $typed, register $value of $counted people: departs = $departs ($why)', ({ kind, typed, counted, value, departs }) => {
    expect(departsFromRegister(kind, typed, { counted, value })).toBe(departs);
  });

  it.each([
    { check: { staffAwu: 12.5 }, awu: 12.5 },
    { check: { staff: { fullTimeHeads: 10, partTimeHeads: 4, partTimeFraction: 0.5 } }, awu: 12 },
    { check: {}, awu: 0 },
  ])('the AWU typed as $check is $awu', ({ check, awu }) => {
    expect(typedAwu(check)).toBe(awu);
  });
});
