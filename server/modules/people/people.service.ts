import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type PersonExportQuery, type PersonInput, type PersonListQuery, personIssueCodes, personStatus } from '../../../domain/people/people.schema.ts';
import { personSheet } from '../../../domain/people/people.sheet.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { locations, memberships, organisations, people } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { t } from '../../i18n/texts.ts';
import { exportSheet, type SheetRow, sheetFileName, sheetMediaTypes } from '../../spreadsheet/export.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { computeFigures, listPeople, peopleForExport, summarisePeople } from './people.queries.ts';

type PersonRow = typeof people.$inferSelect;

/** The first day a leaver's record may be deleted: the day after end date + retention months. */
export function deletableFrom(endsOn: string | null, retentionMonths: number): string | null {
  if (!endsOn) return null;
  return DateTime.fromISO(endsOn, { zone: 'utc' }).plus({ months: retentionMonths, days: 1 }).toISODate();
}

async function retentionMonths(tx: Tx, organisationId: string): Promise<number> {
  const [row] = await tx.select({ months: organisations.peopleRetentionMonths }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.months ?? 36;
}

function answer(row: PersonRow, today: string, months: number) {
  const { organisationId: _organisation, searchText: _search, ...person } = row;
  const status = personStatus(row, today);
  return { ...person, status, deletableFrom: status === 'leaver' ? deletableFrom(row.endsOn, months) : null };
}

export async function listPage(tx: Tx, organisationId: string, query: PersonListQuery) {
  const today = practiceToday();
  const months = await retentionMonths(tx, organisationId);
  const page = await listPeople(tx, organisationId, query, today);
  return { ...page, items: page.items.map((row) => answer(row, today, months)) };
}

export async function summary(tx: Tx, organisationId: string) {
  return { ...(await summarisePeople(tx, organisationId, practiceToday())), retentionMonths: await retentionMonths(tx, organisationId) };
}

export const figures = (tx: Tx, organisationId: string, query: { on?: string | undefined; fullTimeHours: number }) =>
  computeFigures(tx, organisationId, query.on ?? practiceToday(), query.fullTimeHours);

async function findPerson(tx: Tx, organisationId: string, personId: string): Promise<PersonRow> {
  const [row] = await tx
    .select()
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  if (!row) throw new AppError('person.not_found', 404);
  return row;
}

export async function getPerson(tx: Tx, organisationId: string, personId: string) {
  return answer(await findPerson(tx, organisationId, personId), practiceToday(), await retentionMonths(tx, organisationId));
}

/** Refusals a person can act on, at the field: a personnel number taken meanwhile, a location removed meanwhile. */
function asFieldError(error: unknown): unknown {
  const db = databaseErrorOf(error);
  if (db?.code === UNIQUE_VIOLATION && db.constraint === 'people_personnel_number_unique')
    return fieldError(['personnelNumber'], personIssueCodes.personnelNumberTaken);
  if (db?.code === FOREIGN_KEY_VIOLATION && db.constraint?.includes('location')) return fieldError(['locationId'], personIssueCodes.locationUnknown);
  if (db?.code === FOREIGN_KEY_VIOLATION && db.constraint?.includes('user')) return fieldError(['userId'], personIssueCodes.userUnknown);
  return error;
}

/** The checks a schema cannot make: the number not yet taken, the location and the account in this organisation. */
async function checkInput(tx: Tx, organisationId: string, input: PersonInput, exceptId?: string) {
  if (input.personnelNumber) {
    const [clash] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), sql`lower(${people.personnelNumber}) = lower(${input.personnelNumber})`));
    if (clash && clash.id !== exceptId) throw fieldError(['personnelNumber'], personIssueCodes.personnelNumberTaken);
  }
  if (input.locationId) {
    const [location] = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.organisationId, organisationId), eq(locations.id, input.locationId)));
    if (!location) throw fieldError(['locationId'], personIssueCodes.locationUnknown);
  }
  if (input.userId) {
    const [member] = await tx
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, input.userId)));
    if (!member) throw fieldError(['userId'], personIssueCodes.userUnknown);
  }
}

/** What the audit trail keeps of a person: no e-mail address, no notes (data minimisation, Art. 5 Abs. 1 lit. c DSGVO). */
const auditData = (input: PersonInput) => ({
  name: input.name,
  personnelNumber: input.personnelNumber,
  role: input.role,
  contractType: input.contractType,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
});

export async function createPerson(tx: Tx, actor: Actor, input: PersonInput) {
  await checkInput(tx, actor.organisationId, input);
  const id = randomUUID();
  const [row] = await tx
    .insert(people)
    .values({ ...input, organisationId: actor.organisationId, id })
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'person.created',
    entityType: 'person',
    entityId: id,
    data: auditData(input),
  });
  return answer(row!, practiceToday(), await retentionMonths(tx, actor.organisationId));
}

/** Replaces a person when the client saw the current revision; otherwise 409 and nothing is written. */
export async function updatePerson(tx: Tx, actor: Actor, personId: string, input: PersonInput & { revision: number }) {
  const { revision, ...fields } = input;
  const before = await findPerson(tx, actor.organisationId, personId);
  await checkInput(tx, actor.organisationId, fields, personId);
  const [row] = await tx
    .update(people)
    .set({ ...fields, revision: sql`${people.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(people.organisationId, actor.organisationId), eq(people.id, personId), eq(people.revision, revision)))
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  if (!row) throw new AppError('person.revision_conflict', 409);
  const changed = Object.keys(fields).filter((key) => before[key as keyof PersonRow] !== fields[key as keyof typeof fields]);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'person.updated',
    entityType: 'person',
    entityId: personId,
    data: { name: row.name, changed },
  });
  return answer(row, practiceToday(), await retentionMonths(tx, actor.organisationId));
}

/**
 * Deletes a person only when the register no longer needs them: a person who never started (start date after today),
 * or a leaver whose end date plus the organisation's retention period has passed. Everyone else: 409 with the reason
 * (person.still_employed, person.retention_running); records of other modules that still point at the person: 409
 * person.in_use.
 */
export async function deletePerson(tx: Tx, actor: Actor, personId: string) {
  const row = await findPerson(tx, actor.organisationId, personId);
  const today = practiceToday();
  const status = personStatus(row, today);
  if (status === 'active') throw new AppError('person.still_employed', 409);
  if (status === 'leaver') {
    const from = deletableFrom(row.endsOn, await retentionMonths(tx, actor.organisationId));
    if (from && from > today) throw new AppError('person.retention_running', 409);
  }
  await tx
    .delete(people)
    .where(and(eq(people.organisationId, actor.organisationId), eq(people.id, personId)))
    .catch((error: unknown) => {
      throw databaseErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? new AppError('person.in_use', 409) : error;
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'person.deleted',
    entityType: 'person',
    entityId: personId,
    data: { name: row.name, personnelNumber: row.personnelNumber, status, endsOn: row.endsOn },
  });
}

/** Sets how many months a leaver's record is kept after the end date. */
export async function setRetention(tx: Tx, actor: Actor, input: { months: number }) {
  const before = await retentionMonths(tx, actor.organisationId);
  await tx.update(organisations).set({ peopleRetentionMonths: input.months, updatedAt: new Date() }).where(eq(organisations.id, actor.organisationId));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'people.retention_changed',
    entityType: 'organisation',
    entityId: actor.organisationId,
    data: { from: before, to: input.months },
  });
  return { months: input.months };
}

/** The register (or its filtered part) as XLSX or CSV, titles and labels in the reader's language. */
export async function exportPeople(tx: Tx, organisationId: string, query: PersonExportQuery) {
  const today = practiceToday();
  const rows = await peopleForExport(tx, organisationId, query, today);
  const sheetRows: SheetRow[] = rows.map(({ person, location }) => ({
    personnelNumber: person.personnelNumber,
    name: person.name,
    role: person.role,
    location: location ?? '',
    email: person.email,
    startsOn: person.startsOn,
    endsOn: person.endsOn,
    weeklyHours: person.weeklyHours,
    contractType: person.contractType,
    handlesPatientData: person.handlesPatientData,
    notes: person.notes,
  }));
  const title = t(query.locale, 'staff.title');
  const file = await exportSheet(personSheet, sheetRows, { format: query.format, locale: query.locale, sheetTitle: title });
  return { file, fileName: sheetFileName(title, today, query.format), mediaType: sheetMediaTypes[query.format] };
}
