import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CreateOrganisation, LocationInput, OrganisationInput } from '../../../domain/organisations/organisation.schema.ts';
import type { Role } from '../../../domain/auth/roles.ts';
import type { Tx } from '../../db/connect.ts';
import { locations, memberships, organisations, requirementStatuses } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.service.ts';

/**
 * Creates an organisation with its locations and makes the creator its administrator. Runs as system (a new tenant
 * has no row-level-security context yet) inside the caller's transaction.
 */
export async function createOrganisation(
  tx: Tx,
  creatorUserId: string,
  creatorRole: Role,
  input: CreateOrganisation,
): Promise<{ id: string }> {
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
  for (const location of input.locations) {
    await insertLocation(tx, { userId: creatorUserId, organisationId: id }, location);
  }
  return { id };
}

export async function getOrganisation(tx: Tx, organisationId: string) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new AppError('organisation.not_found', 404);
  return org;
}

export async function updateOrganisation(tx: Tx, actor: Actor, input: OrganisationInput) {
  const before = await getOrganisation(tx, actor.organisationId);
  await tx
    .update(organisations)
    .set({ name: input.name, legalForm: input.legalForm, updatedAt: new Date() })
    .where(eq(organisations.id, actor.organisationId));
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

async function assertUniqueName(tx: Tx, organisationId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.organisationId, organisationId), sql`lower(${locations.name}) = lower(${name})`));
  if (clash && clash.id !== exceptId) throw fieldError(['name'], 'location.name_taken');
}

export async function insertLocation(tx: Tx, actor: Pick<Actor, 'userId' | 'organisationId'>, input: LocationInput) {
  await assertUniqueName(tx, actor.organisationId, input.name);
  const id = randomUUID();
  const [row] = await tx
    .insert(locations)
    .values({ organisationId: actor.organisationId, id, ...input })
    .returning();
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
    .returning();
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

/** An organisation keeps at least one location: later modules hang their data on it. */
export async function deleteLocation(tx: Tx, actor: Actor, locationId: string) {
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
  await tx.delete(locations).where(and(eq(locations.organisationId, actor.organisationId), eq(locations.id, locationId)));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'location.deleted',
    entityType: 'location',
    entityId: locationId,
    data: { name: target.name },
  });
}
