import type { SheetDefinition } from '../common/spreadsheet.ts';
import { contractTypes, personRoles } from './people.schema.ts';

/**
 * The people register as a spreadsheet (export, template and import). The key a re-import updates by is the
 * personnel number when the row has one (ignoring case; one number twice in a file is a row error). A row without a
 * number is matched by its name: the name must be unique among the file's rows without a number, and it updates an
 * existing person only when exactly one person of that name is recorded (two of the same name: a row error asking
 * for personnel numbers); otherwise it creates a person. Weekly hours are read as text so that 38,5 and 38.5 both
 * work. Titles under sheet.people (docs/decisions/026-people-register.md).
 */
export const personSheet = {
  register: 'people',
  key: 'personnelNumber',
  columns: [
    {
      field: 'personnelNumber',
      title: 'sheet.people.personnelNumber',
      type: 'text',
      aliases: ['personalnr.', 'personal-nr.', 'pers.-nr.', 'personalnummer', 'employee id'],
      width: 14,
    },
    { field: 'name', title: 'sheet.people.name', type: 'text', required: true, aliases: ['name', 'mitarbeiter', 'mitarbeiterin', 'employee'], width: 28 },
    {
      field: 'role',
      title: 'sheet.people.role',
      type: 'enum',
      values: personRoles,
      labels: 'sheet.people.roles',
      required: true,
      aliases: ['funktion', 'position'],
      width: 22,
    },
    { field: 'location', title: 'sheet.people.location', type: 'text', aliases: ['ort', 'standort', 'site'], width: 20 },
    { field: 'email', title: 'sheet.people.email', type: 'text', aliases: ['e-mail', 'mail'], width: 26 },
    { field: 'startsOn', title: 'sheet.people.startsOn', type: 'date', aliases: ['eintritt', 'beginn', 'start'], width: 14 },
    { field: 'endsOn', title: 'sheet.people.endsOn', type: 'date', aliases: ['austritt', 'ende', 'end'], width: 14 },
    { field: 'weeklyHours', title: 'sheet.people.weeklyHours', type: 'text', aliases: ['stunden', 'wochenstunden', 'hours'], width: 14 },
    {
      field: 'contractType',
      title: 'sheet.people.contractType',
      type: 'enum',
      values: contractTypes,
      labels: 'sheet.people.contractTypes',
      aliases: ['vertrag', 'contract'],
      width: 18,
    },
    { field: 'handlesPatientData', title: 'sheet.people.handlesPatientData', type: 'boolean', aliases: ['patientendaten', 'patient data'], width: 14 },
    { field: 'notes', title: 'sheet.people.notes', type: 'text', aliases: ['bemerkung', 'bemerkungen', 'notizen'], width: 40 },
  ],
} as const satisfies SheetDefinition;

/** Reads weekly hours as written in a sheet: "38,5", "38.5", "20 h"; undefined when it is not a number. */
export function parseWeeklyHours(text: string): number | null | undefined {
  const cleaned = text
    .trim()
    .replace(/\s*(h|std\.?|stunden|hours)$/i, '')
    .replace(',', '.');
  if (cleaned === '') return null;
  if (!/^\d{1,3}(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}
