import { roundAwu } from '../people/headcount.ts';

/**
 * Whether a figure typed into the Betroffenheitscheck departs from what the people register gives (issue 10, item 1:
 * "derived from this list … can still be overridden with a reason"). The register decides nothing while it holds nobody
 * who counts; otherwise a different figure needs a reason, stored with the check. Head counts are compared exactly
 * (KBV IT-Sicherheitsrichtlinie § 2: persons permanently handling data), annual work units to the hundredth
 * (Recommendation 2003/361/EC Annex Art. 5, as roundAwu rounds them).
 */
export type StaffFigureKind = 'kbvPersons' | 'awu';

export interface RegisterFigure {
  /** People in the register who count towards this figure (contributors). */
  counted: number;
  value: number;
}

export function departsFromRegister(kind: StaffFigureKind, typed: number, register: RegisterFigure): boolean {
  if (register.counted === 0) return false;
  if (kind === 'kbvPersons') return typed !== register.value;
  return roundAwu(typed) !== roundAwu(register.value);
}

/** Annual work units of the NIS2 check's staff answer, given directly or as heads (Annex Art. 5: part-time as fractions). */
export function typedAwu(check: {
  staffAwu?: number | undefined;
  staff?: { fullTimeHeads: number; partTimeHeads: number; partTimeFraction: number } | undefined;
}): number {
  if (check.staffAwu !== undefined) return check.staffAwu;
  const staff = check.staff;
  return staff ? staff.fullTimeHeads + staff.partTimeHeads * staff.partTimeFraction : 0;
}
