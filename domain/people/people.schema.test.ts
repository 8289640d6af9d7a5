import { describe, expect, it } from 'vitest';
import { peopleRetentionInputSchema, personInputSchema, personListQuerySchema, personStatus, personUpdateSchema } from './people.schema.ts';
import { parseWeeklyHours, personSheet } from './people.sheet.ts';

const valid = { name: 'Anna Berger', role: 'medical_assistant' };

describe('person input', () => {
  it('fills what the register leaves open', () => {
    expect(personInputSchema.parse(valid)).toMatchObject({
      personnelNumber: '',
      locationId: null,
      email: '',
      userId: null,
      startsOn: null,
      endsOn: null,
      weeklyHours: null,
      contractType: 'permanent',
      handlesPatientData: true,
      notes: '',
    });
  });

  // Bad input is a field-level 400, never something PostgreSQL has to refuse.
  const bad: [string, Record<string, unknown>, string][] = [
    ['empty name', { ...valid, name: '  ' }, 'name'],
    ['NUL in the name', { ...valid, name: 'Anna\u0000' }, 'name'],
    ['unknown role', { ...valid, role: 'janitor' }, 'role'],
    ['unknown contract type', { ...valid, contractType: 'freelance' }, 'contractType'],
    ['personnel number too long', { ...valid, personnelNumber: 'x'.repeat(51) }, 'personnelNumber'],
    ['e-mail without @', { ...valid, email: 'anna' }, 'email'],
    ['location not an id', { ...valid, locationId: 'Praxis' }, 'locationId'],
    ['start not a date', { ...valid, startsOn: '31.12.2026' }, 'startsOn'],
    ['end before start', { ...valid, startsOn: '2026-05-01', endsOn: '2026-04-30' }, 'endsOn'],
    ['no hours', { ...valid, weeklyHours: 0 }, 'weeklyHours'],
    ['too many hours', { ...valid, weeklyHours: 80.5 }, 'weeklyHours'],
    ['hours not in half steps', { ...valid, weeklyHours: 38.25 }, 'weeklyHours'],
  ];
  it.each(bad)('refuses %s at the field', (_name, input, field) => {
    const result = personInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it('asks a change for its revision and checks the dates there too', () => {
    expect(personUpdateSchema.safeParse(valid).success).toBe(false);
    const crossed = personUpdateSchema.safeParse({ ...valid, revision: 1, startsOn: '2026-05-01', endsOn: '2026-04-01' });
    expect(crossed.error?.issues[0]).toMatchObject({ path: ['endsOn'], message: 'person.ends_before_start' });
  });

  it('keeps the retention period within 0 to 120 months', () => {
    expect(peopleRetentionInputSchema.safeParse({ months: 36 }).success).toBe(true);
    expect(peopleRetentionInputSchema.safeParse({ months: 121 }).success).toBe(false);
    expect(peopleRetentionInputSchema.safeParse({ months: 1.5 }).success).toBe(false);
  });
});

describe('status on the practice day', () => {
  it.each([
    [null, null, 'active'],
    ['2026-12-06', null, 'active'],
    ['2026-12-07', null, 'future'],
    [null, '2026-12-06', 'active'],
    [null, '2026-12-05', 'leaver'],
  ])('start %s, end %s → %s', (startsOn, endsOn, status) => {
    expect(personStatus({ startsOn, endsOn }, '2026-12-06')).toBe(status);
  });
});

describe('the people list query', () => {
  it('takes the filters and refuses unknown values at the field', () => {
    expect(personListQuerySchema.parse({ role: 'physician', status: 'leaver', counted: 'kbv', q: ' anna ' })).toMatchObject({
      role: 'physician',
      status: 'leaver',
      counted: 'kbv',
      q: 'anna',
      sort: 'name',
    });
    expect(personListQuerySchema.safeParse({ status: 'gone' }).error?.issues[0]?.path).toEqual(['status']);
  });
});

describe('the people sheet', () => {
  it('keys re-imports by personnel number and names each column once', () => {
    expect(personSheet.key).toBe('personnelNumber');
    const fields = personSheet.columns.map((c) => c.field);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it.each([
    ['38,5', 38.5],
    ['38.5', 38.5],
    ['20 h', 20],
    ['', null],
    ['viel', undefined],
    ['-5', undefined],
  ])('reads weekly hours %j as %s', (text, hours) => {
    expect(parseWeeklyHours(text)).toBe(hours);
  });
});
