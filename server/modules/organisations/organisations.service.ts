import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../domain/auth/roles.ts';
import {
  type CreateOrganisation,
  type LocationInput,
  MAX_LOCATIONS_PER_ORGANISATION,
  type OrganisationInput,
} from '../../../domain/organisations/organisation.schema.ts';
import type { QuickCheckAnswerSet } from '../../../domain/quickcheck/quickcheck.schema.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { locations, memberships, organisations, requirementStatuses, users } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { asLocale } from '../../i18n/texts.ts';
import { appendAudit } from '../audit/audit.ts';
import { carryQuickCheck } from '../quickcheck/quickcheck.ts';

/**
 * Takes the organisation's row lock until the transaction ends, so that checks across rows ("one administrator
 * remains", "one location remains", "at most N locations", "one open invitation per address") see every write that
 * committed before and none that runs beside them. FOR NO KEY UPDATE queues lockers among themselves but not the
 * foreign-key checks of ordinary inserts (FOR KEY SHARE), so writes that do not take this lock are not held up.
 * Take it before anything else in the transaction (before appendAudit's head lock), always in this order.
 */
export async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('no key update');
  if (!org) throw new AppError('organisation.not_found', 404);
}

/** A name that slipped past the check (a rename beside another one) still answers as a field error. */
function asNameTaken(error: unknown): unknown {
  const db = databaseErrorOf(error);
  return db?.code === UNIQUE_VIOLATION && db.constraint === 'locations_name_unique' ? fieldError(['name'], 'location.name_taken') : error;
}

/**
 * Creates an organisation with its locations and makes the creator its administrator. Runs as system (a new tenant
 * has no row-level-security context yet) inside the caller's transaction.
 */
export async function createOrganisation(tx: Tx, creatorUserId: string, creatorRole: Role, input: CreateOrganisation): Promise<{ id: string }> {
  const id = randomUUID();
  await tx.insert(organisations).values({ id, name: input.name, legalForm: input.legalForm });
  await tx.insert(memberships).values({ organisationId: id, userId: creatorUserId, role: creatorRole, isAdmin: true });
  await appendAudit(tx, {
    organisationId: id,
    actorUserId: creatorUserId,
    action: 'organisation.created',
    entityType: 'organisation',
    entityId: id,
    data: { name: input.name, legalForm: input.legalForm },
  });
  await appendAudit(tx, {
    organisationId: id,
    actorUserId: creatorUserId,
    action: 'member.added',
    entityType: 'membership',
    entityId: creatorUserId,
    data: { role: creatorRole, isAdmin: true },
  });
  // The schema has limited and de-duplicated the list; nobody else sees the new organisation before commit.
  for (const location of input.locations) {
    await addLocationRow(tx, { userId: creatorUserId, organisationId: id }, location);
  }
  return { id };
}

/** Carries quick-check answers into an organisation just created; the notes on its statuses are in the creator's language. */
export async function carryQuickCheckInto(tx: Tx, organisationId: string, userId: string, answerSet: QuickCheckAnswerSet) {
  const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return carryQuickCheck(tx, { organisationId, userId, locale: asLocale(user?.locale) }, answerSet);
}

export async function getOrganisation(tx: Tx, organisationId: string) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new AppError('organisation.not_found', 404);
  return org;
}

export async function updateOrganisation(tx: Tx, actor: Actor, input: OrganisationInput) {
  const before = await getOrganisation(tx, actor.organisationId);
  await tx.update(organisations).set({ name: input.name, legalForm: input.legalForm, updatedAt: new Date() }).where(eq(organisations.id, actor.organisationId));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'organisation.updated',
    entityType: 'organisation',
    entityId: actor.organisationId,
    data: { before: { name: before.name, legalForm: before.legalForm }, after: input },
  });
  return getOrganisation(tx, actor.organisationId);
}

export async function listLocations(tx: Tx, organisationId: string) {
  const rows = await tx.select().from(locations).where(eq(locations.organisationId, organisationId)).orderBy(asc(locations.name), asc(locations.id));
  const collator = new Intl.Collator('de');
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/** Same comparison as the unique index locations_name_unique, so the check and the database agree. */
async function assertUniqueName(tx: Tx, organisationId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.organisationId, organisationId), sql`lower(trim(${locations.name})) = lower(trim(${name}))`));
  if (clash && clash.id !== exceptId) throw fieldError(['name'], 'location.name_taken');
}

/** Adds a location; the count and the name are checked under the organisation lock, so N at once cannot pass the cap. */
export async function insertLocation(tx: Tx, actor: Pick<Actor, 'userId' | 'organisationId'>, input: LocationInput) {
  await lockOrganisation(tx, actor.organisationId);
  const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from locations where organisation_id = ${actor.organisationId}`);
  if (count!.n >= MAX_LOCATIONS_PER_ORGANISATION) throw new AppError('location.limit_reached', 400);
  await assertUniqueName(tx, actor.organisationId, input.name);
  return addLocationRow(tx, actor, input);
}

async function addLocationRow(tx: Tx, actor: Pick<Actor, 'userId' | 'organisationId'>, input: LocationInput) {
  const id = randomUUID();
  const [row] = await tx
    .insert(locations)
    // clock_timestamp, not the transaction's now(): locations made in one setup keep the order they were entered in.
    .values({ organisationId: actor.organisationId, id, ...input, createdAt: sql`clock_timestamp()` })
    .returning()
    .catch((error: unknown) => {
      throw asNameTaken(error);
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'location.created',
    entityType: 'location',
    entityId: id,
    data: input,
  });
  return row!;
}

export async function updateLocation(tx: Tx, actor: Actor, locationId: string, input: LocationInput) {
  const [before] = await tx
    .select()
    .from(locations)
    .where(and(eq(locations.organisationId, actor.organisationId), eq(locations.id, locationId)));
  if (!before) throw new AppError('location.not_found', 404);
  await assertUniqueName(tx, actor.organisationId, input.name, locationId);
  const [row] = await tx
    .update(locations)
    .set({ ...input, updatedAt: new Date() })
    .where(and(eq(locations.organisationId, actor.organisationId), eq(locations.id, locationId)))
    .returning()
    .catch((error: unknown) => {
      throw asNameTaken(error);
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'location.updated',
    entityType: 'location',
    entityId: locationId,
    data: { before: { name: before.name, street: before.street, postalCode: before.postalCode, city: before.city }, after: input },
  });
  return row!;
}

/**
 * An organisation keeps at least one location: later modules hang their data on it. Under the organisation lock,
 * two deletions of the last two locations take turns and the second finds one left.
 */
export async function deleteLocation(tx: Tx, actor: Actor, locationId: string) {
  await lockOrganisation(tx, actor.organisationId);
  const all = await listLocations(tx, actor.organisationId);
  const target = all.find((l) => l.id === locationId);
  if (!target) throw new AppError('location.not_found', 404);
  if (all.length === 1) throw new AppError('location.in_use', 409);
  // Work recorded for the location (statuses, evidence) keeps it: nothing is deleted silently.
  const [used] = await tx
    .select({ id: requirementStatuses.id })
    .from(requirementStatuses)
    .where(and(eq(requirementStatuses.organisationId, actor.organisationId), eq(requirementStatuses.locationId, locationId)))
    .limit(1);
  if (used) throw new AppError('location.in_use', 409);
  await tx
    .delete(locations)
    .where(and(eq(locations.organisationId, actor.organisationId), eq(locations.id, locationId)))
    .catch((error: unknown) => {
      // A status written for this location in a transaction beside this one, committed after the check above.
      throw databaseErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? new AppError('location.in_use', 409) : error;
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'location.deleted',
    entityType: 'location',
    entityId: locationId,
    data: { name: target.name },
  });
}
