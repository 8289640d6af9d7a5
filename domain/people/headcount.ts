import type { ContractType, PersonRole } from './people.schema.ts';
import { DEFAULT_FULL_TIME_HOURS } from './people.schema.ts';

/**
 * The figures the Betroffenheitscheck asks for, derived from the people register. The server computes the same in SQL
 * (server/modules/people/people.queries.ts, figuresCondition and awuExpression); an API test holds both to the same
 * answers.
 *
 * KBV practice size (KBV-IT-Sicherheitsrichtlinie 2025, "Praxisgrößen"; domain/kbv/practice-size.ts): persons
 * permanently entrusted with processing data, counted as heads — part-time staff count fully. From the register: the
 * people active on the reference day who handle patient data, excluding contractors and externals (they are not staff
 * of the practice; their access is a matter of the supplier register and the AVV).
 *
 * NIS2 staff figure (§ 28 Abs. 4 BSIG via Empfehlung 2003/361/EG, Anhang Art. 5): annual work units over the last
 * twelve months (the reference period, Art. 4 Abs. 1). A full-time person working the whole year counts 1; part-time
 * work and work for part of the year count as fractions (Art. 5 Satz 1). Apprentices and students in vocational
 * training are not counted (Art. 5 Satz 2); owner-managers are (Art. 5 lit. c). Contractors and externals are not
 * staff. Missing weekly hours count as full time and are reported as "assumed".
 */
export interface HeadcountPerson {
  role: PersonRole;
  contractType: ContractType;
  handlesPatientData: boolean;
  startsOn: string | null;
  endsOn: string | null;
  weeklyHours: number | null;
}

/** Active on the day: started (or no start date) and not yet left (or no end date). */
export function activeOn(person: Pick<HeadcountPerson, 'startsOn' | 'endsOn'>, day: string): boolean {
  return (person.startsOn === null || person.startsOn <= day) && (person.endsOn === null || person.endsOn >= day);
}

/** Staff of the practice at all: contractors and externals work for it, not in it. */
export function isStaff(person: Pick<HeadcountPerson, 'role' | 'contractType'>): boolean {
  return person.contractType !== 'contractor' && person.role !== 'external';
}

/** Counts for the KBV practice size on the day (a head, whatever the hours). */
export function countsForKbv(person: HeadcountPerson, day: string): boolean {
  return activeOn(person, day) && person.handlesPatientData && isStaff(person);
}

/** Counts for the NIS2 staff figure at all (before the period is looked at): not an apprentice, not outside staff. */
export function countsForAwu(person: Pick<HeadcountPerson, 'role' | 'contractType'>): boolean {
  return isStaff(person) && person.contractType !== 'apprentice';
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

function dayText(number: number): string {
  return new Date(number * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The twelve months ending on the day: from the day after the same day a year before (29 February falls back to
 * 28 February, as PostgreSQL's `date - interval '1 year'` does) up to and including the day.
 */
export function referencePeriod(day: string): { from: string; to: string; days: number } {
  const year = Number(day.slice(0, 4)) - 1;
  const month = Number(day.slice(5, 7));
  const lastOfMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const sameDay = Math.min(Number(day.slice(8, 10)), lastOfMonth);
  const from = dayNumber(`${String(year).padStart(4, '0')}-${day.slice(5, 7)}-${String(sameDay).padStart(2, '0')}`) + 1;
  const to = dayNumber(day);
  return { from: dayText(from), to: day, days: to - from + 1 };
}

/** Days of the period the person was employed (start and end inclusive). */
export function daysEmployed(person: Pick<HeadcountPerson, 'startsOn' | 'endsOn'>, day: string): number {
  const period = referencePeriod(day);
  const start = Math.max(dayNumber(period.from), person.startsOn ? dayNumber(person.startsOn) : -Infinity);
  const end = Math.min(dayNumber(period.to), person.endsOn ? dayNumber(person.endsOn) : Infinity);
  return Math.max(0, end - start + 1);
}

/** One person's annual work units over the twelve months ending on the day (0 when not counted). */
export function personAwu(person: HeadcountPerson, day: string, fullTimeHours = DEFAULT_FULL_TIME_HOURS): number {
  if (!countsForAwu(person)) return 0;
  const employed = daysEmployed(person, day);
  if (employed === 0) return 0;
  const hours = person.weeklyHours ?? fullTimeHours;
  return (Math.min(1, hours / fullTimeHours) * employed) / referencePeriod(day).days;
}

export interface StaffFigures {
  /** Persons permanently handling patient data on the day (KBV practice size). */
  kbvPersons: number;
  /** Annual work units over the twelve months ending on the day, to two decimals (NIS2 staff figure). */
  awu: number;
  /** People counted in the annual work units (employed some time in the period). */
  heads: number;
  /** Of those, how many had no weekly hours and were counted as full time. */
  assumedFullTime: number;
  fullTimeHours: number;
}

/** Rounded to two decimals, as the check shows it and the SQL answers it. */
export const roundAwu = (awu: number) => Math.round(awu * 100) / 100;

export function staffFigures(people: readonly HeadcountPerson[], day: string, fullTimeHours = DEFAULT_FULL_TIME_HOURS): StaffFigures {
  let kbvPersons = 0;
  let awu = 0;
  let heads = 0;
  let assumedFullTime = 0;
  for (const person of people) {
    if (countsForKbv(person, day)) kbvPersons += 1;
    const units = personAwu(person, day, fullTimeHours);
    if (units > 0) {
      awu += units;
      heads += 1;
      if (person.weeklyHours === null) assumedFullTime += 1;
    }
  }
  return { kbvPersons, awu: roundAwu(awu), heads, assumedFullTime, fullTimeHours };
}
