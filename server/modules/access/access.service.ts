import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  type AccountInput,
  type AccountListQuery,
  type AccountUpdate,
  accessIssueCodes,
  type ChecklistItemInput,
  type ChecklistKind,
} from '../../../domain/access/access.schema.ts';
import { accountWarnings, leaverFlag } from '../../../domain/access/access-rules.ts';
import { defaultChecklist } from '../../../domain/access/checklist-defaults.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { assets, checklistTemplates, people, personAccounts, personChecklistItems, personChecklists, users } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { accountsOfPerson, listAccounts, summariseAccess } from './access.queries.ts';

type AccountRow = typeof personAccounts.$inferSelect & { assetName: string | null };

function present(row: AccountRow, personEndsOn: string | null, today: string) {
  const { organisationId: _organisation, ...account } = row;
  return { ...account, warnings: accountWarnings(row, personEndsOn, today) };
}

async function findPerson(tx: Tx, organisationId: string, personId: string) {
  const [person] = await tx
    .select({ id: people.id, name: people.name, endsOn: people.endsOn })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  if (!person) throw new AppError('access.person_not_found', 404);
  return person;
}

async function findAccount(tx: Tx, organisationId: string, accountId: string, lock = false) {
  const query = tx
    .select()
    .from(personAccounts)
    .where(and(eq(personAccounts.organisationId, organisationId), eq(personAccounts.id, accountId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('access.account_not_found', 404);
  return row;
}

/** The account as answered: with its asset's name and its person's warnings. */
async function answerAccount(tx: Tx, organisationId: string, row: typeof personAccounts.$inferSelect) {
  const person = await findPerson(tx, organisationId, row.personId);
  const [asset] = row.assetId
    ? await tx
        .select({ name: assets.name })
        .from(assets)
        .where(and(eq(assets.organisationId, organisationId), eq(assets.id, row.assetId)))
    : [];
  return present({ ...row, assetName: asset?.name ?? null }, person.endsOn, practiceToday());
}

async function checkAsset(tx: Tx, organisationId: string, assetId: string | null) {
  if (!assetId) return;
  const [asset] = await tx
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.organisationId, organisationId), eq(assets.id, assetId)));
  if (!asset) throw fieldError(['assetId'], accessIssueCodes.assetUnknown);
}

/** An asset deleted in a transaction beside this one. */
function asFieldError(error: unknown): unknown {
  return databaseErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? fieldError(['assetId'], accessIssueCodes.assetUnknown) : error;
}

export async function personAccountsOf(tx: Tx, organisationId: string, personId: string) {
  const person = await findPerson(tx, organisationId, personId);
  const today = practiceToday();
  const rows = await accountsOfPerson(tx, organisationId, personId);
  return {
    person,
    leaver: leaverFlag({ endsOn: person.endsOn, accounts: rows }, today),
    accounts: rows.map((row) => present(row, person.endsOn, today)),
  };
}

export async function listPage(tx: Tx, organisationId: string, query: AccountListQuery) {
  const today = practiceToday();
  const page = await listAccounts(tx, organisationId, query, today);
  return {
    ...page,
    items: page.items.map((row) => ({ ...present(row, row.personEndsOn, today), personName: row.personName, personEndsOn: row.personEndsOn })),
  };
}

export const summary = (tx: Tx, organisationId: string) => summariseAccess(tx, organisationId, practiceToday());

export async function createAccount(tx: Tx, actor: Actor, personId: string, input: AccountInput) {
  const organisationId = actor.organisationId;
  const person = await findPerson(tx, organisationId, personId);
  await checkAsset(tx, organisationId, input.assetId);
  const id = randomUUID();
  const [row] = await tx
    .insert(personAccounts)
    .values({ ...input, organisationId, id, personId })
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'access.account_created',
    entityType: 'person_account',
    entityId: id,
    data: { personId, personName: person.name, system: input.system, accountName: input.accountName, isAdmin: input.isAdmin, mfa: input.mfa },
  });
  return answerAccount(tx, organisationId, row!);
}

/**
 * Replaces an account when the client saw the current revision (409 otherwise). Disabling through a change records
 * today as the day; enabling again clears it.
 */
export async function updateAccount(tx: Tx, actor: Actor, accountId: string, input: AccountUpdate) {
  const organisationId = actor.organisationId;
  const { revision, ...fields } = input;
  const before = await findAccount(tx, organisationId, accountId);
  await checkAsset(tx, organisationId, fields.assetId);
  const disabledOn = fields.status === 'active' ? null : (before.disabledOn ?? practiceToday());
  const [row] = await tx
    .update(personAccounts)
    .set({ ...fields, disabledOn, revision: sql`${personAccounts.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(personAccounts.organisationId, organisationId), eq(personAccounts.id, accountId), eq(personAccounts.revision, revision)))
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  if (!row) throw new AppError('access.revision_conflict', 409);
  const changed = Object.keys(fields).filter((key) => before[key as keyof typeof before] !== fields[key as keyof typeof fields]);
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'access.account_updated',
    entityType: 'person_account',
    entityId: accountId,
    data: { personId: row.personId, system: row.system, accountName: row.accountName, changed },
  });
  return answerAccount(tx, organisationId, row);
}

/**
 * Disables an account: status disabled from today (Europe/Berlin). Idempotent: an account already disabled stays as it
 * is, with its first day, and no second audit entry is written. The row is locked so that simultaneous requests queue.
 */
export async function disableAccount(tx: Tx, actor: Actor, accountId: string) {
  const organisationId = actor.organisationId;
  const before = await findAccount(tx, organisationId, accountId, true);
  if (before.status === 'disabled') return answerAccount(tx, organisationId, before);
  const [row] = await tx
    .update(personAccounts)
    .set({ status: 'disabled', disabledOn: practiceToday(), revision: sql`${personAccounts.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(personAccounts.organisationId, organisationId), eq(personAccounts.id, accountId)))
    .returning();
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'access.account_disabled',
    entityType: 'person_account',
    entityId: accountId,
    data: { personId: before.personId, system: before.system, accountName: before.accountName },
  });
  return answerAccount(tx, organisationId, row!);
}

export async function deleteAccount(tx: Tx, actor: Actor, accountId: string) {
  const [row] = await tx
    .delete(personAccounts)
    .where(and(eq(personAccounts.organisationId, actor.organisationId), eq(personAccounts.id, accountId)))
    .returning({ personId: personAccounts.personId, system: personAccounts.system, accountName: personAccounts.accountName });
  if (!row) throw new AppError('access.account_not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'access.account_deleted',
    entityType: 'person_account',
    entityId: accountId,
    data: row,
  });
}

// Checklists ----------------------------------------------------------------------------------------------------------

async function ownTemplate(tx: Tx, organisationId: string, kind: ChecklistKind) {
  const [row] = await tx
    .select()
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.organisationId, organisationId), eq(checklistTemplates.kind, kind)));
  return row;
}

/** The organisation's template of a kind, or the built-in defaults in the given language while it has none. */
export async function getTemplate(tx: Tx, organisationId: string, kind: ChecklistKind, locale: 'de' | 'en') {
  const row = await ownTemplate(tx, organisationId, kind);
  if (!row) return { kind, isDefault: true, items: defaultChecklist(kind, locale), updatedAt: null };
  return { kind, isDefault: false, items: row.items, updatedAt: row.updatedAt };
}

export async function putTemplate(tx: Tx, actor: Actor, kind: ChecklistKind, items: ChecklistItemInput[]) {
  const organisationId = actor.organisationId;
  const [row] = await tx
    .insert(checklistTemplates)
    .values({ organisationId, kind, items })
    .onConflictDoUpdate({
      target: [checklistTemplates.organisationId, checklistTemplates.kind],
      set: { items, revision: sql`${checklistTemplates.revision} + 1`, updatedAt: new Date() },
    })
    .returning();
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'access.checklist_template_saved',
    entityType: 'checklist_template',
    entityId: null,
    data: { kind, items: items.map((item) => item.title) },
  });
  return { kind, isDefault: false, items: row!.items, updatedAt: row!.updatedAt };
}

/** Back to the built-in defaults: the organisation's own template is removed. */
export async function resetTemplate(tx: Tx, actor: Actor, kind: ChecklistKind, locale: 'de' | 'en') {
  const removed = await tx
    .delete(checklistTemplates)
    .where(and(eq(checklistTemplates.organisationId, actor.organisationId), eq(checklistTemplates.kind, kind)))
    .returning({ kind: checklistTemplates.kind });
  if (removed.length > 0) {
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'access.checklist_template_reset',
      entityType: 'checklist_template',
      entityId: null,
      data: { kind },
    });
  }
  return getTemplate(tx, actor.organisationId, kind, locale);
}

async function checklistsWhere(tx: Tx, organisationId: string, where: { personId?: string; checklistId?: string }) {
  const lists = await tx
    .select()
    .from(personChecklists)
    .where(
      and(
        eq(personChecklists.organisationId, organisationId),
        where.personId ? eq(personChecklists.personId, where.personId) : undefined,
        where.checklistId ? eq(personChecklists.id, where.checklistId) : undefined,
      ),
    )
    .orderBy(sql`${personChecklists.completedAt} is null desc`, sql`${personChecklists.startedAt} desc`, personChecklists.id);
  if (lists.length === 0) return [];
  const items = await tx
    .select({
      checklistId: personChecklistItems.checklistId,
      position: personChecklistItems.position,
      title: personChecklistItems.title,
      hint: personChecklistItems.hint,
      doneAt: personChecklistItems.doneAt,
      doneByName: users.name,
    })
    .from(personChecklistItems)
    .innerJoin(
      personChecklists,
      and(eq(personChecklists.organisationId, personChecklistItems.organisationId), eq(personChecklists.id, personChecklistItems.checklistId)),
    )
    .leftJoin(users, eq(users.id, personChecklistItems.doneByUserId))
    .where(
      and(
        eq(personChecklistItems.organisationId, organisationId),
        where.personId ? eq(personChecklists.personId, where.personId) : undefined,
        where.checklistId ? eq(personChecklistItems.checklistId, where.checklistId) : undefined,
      ),
    )
    .orderBy(asc(personChecklistItems.position));
  return lists.map(({ organisationId: _o, startedByUserId: _s, ...list }) => ({
    ...list,
    items: items.filter((item) => item.checklistId === list.id).map(({ checklistId: _c, ...item }) => item),
  }));
}

export async function checklistsOf(tx: Tx, organisationId: string, personId: string) {
  await findPerson(tx, organisationId, personId);
  return checklistsWhere(tx, organisationId, { personId });
}

/**
 * Starts a checklist for a person, copying the template's items as they stand. One open checklist per kind and person:
 * a second start is a 409, also when both arrive at once (the unique partial index decides).
 */
export async function startChecklist(tx: Tx, actor: Actor, personId: string, kind: ChecklistKind, locale: 'de' | 'en') {
  const organisationId = actor.organisationId;
  const person = await findPerson(tx, organisationId, personId);
  const template = await getTemplate(tx, organisationId, kind, locale);
  const id = randomUUID();
  await tx
    .insert(personChecklists)
    .values({ organisationId, id, personId, kind, startedByUserId: actor.userId })
    .catch((error: unknown) => {
      throw databaseErrorOf(error)?.code === UNIQUE_VIOLATION ? new AppError('access.checklist_open', 409) : error;
    });
  await tx
    .insert(personChecklistItems)
    .values(template.items.map((item, index) => ({ organisationId, checklistId: id, position: index + 1, title: item.title, hint: item.hint })));
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'access.checklist_started',
    entityType: 'person_checklist',
    entityId: id,
    data: { personId, personName: person.name, kind, items: template.items.length },
  });
  const [checklist] = await checklistsWhere(tx, organisationId, { checklistId: id });
  return checklist!;
}

/**
 * Ticks or unticks one item. The checklist is complete when every item is done; unticking reopens it (409 when
 * another checklist of the kind was started meanwhile). Completing the offboarding checklist disables no account.
 */
export async function setItemDone(tx: Tx, actor: Actor, checklistId: string, position: number, done: boolean) {
  const organisationId = actor.organisationId;
  const [list] = await tx
    .select()
    .from(personChecklists)
    .where(and(eq(personChecklists.organisationId, organisationId), eq(personChecklists.id, checklistId)))
    .for('update');
  if (!list) throw new AppError('access.checklist_not_found', 404);
  const [item] = await tx
    .select()
    .from(personChecklistItems)
    .where(
      and(
        eq(personChecklistItems.organisationId, organisationId),
        eq(personChecklistItems.checklistId, checklistId),
        eq(personChecklistItems.position, position),
      ),
    );
  if (!item) throw new AppError('access.checklist_item_not_found', 404);
  if ((item.doneAt !== null) !== done) {
    await tx
      .update(personChecklistItems)
      .set(done ? { doneAt: new Date(), doneByUserId: actor.userId } : { doneAt: null, doneByUserId: null })
      .where(
        and(
          eq(personChecklistItems.organisationId, organisationId),
          eq(personChecklistItems.checklistId, checklistId),
          eq(personChecklistItems.position, position),
        ),
      );
    const [open] = await tx
      .select({ n: sql<number>`count(*) filter (where ${personChecklistItems.doneAt} is null)::int`.mapWith(Number) })
      .from(personChecklistItems)
      .where(and(eq(personChecklistItems.organisationId, organisationId), eq(personChecklistItems.checklistId, checklistId)));
    const complete = (open?.n ?? 0) === 0;
    if (complete !== (list.completedAt !== null)) {
      await tx
        .update(personChecklists)
        .set({ completedAt: complete ? new Date() : null })
        .where(and(eq(personChecklists.organisationId, organisationId), eq(personChecklists.id, checklistId)))
        .catch((error: unknown) => {
          throw databaseErrorOf(error)?.code === UNIQUE_VIOLATION ? new AppError('access.checklist_open', 409) : error;
        });
    }
    await appendAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: done ? 'access.checklist_item_done' : 'access.checklist_item_undone',
      entityType: 'person_checklist',
      entityId: checklistId,
      data: { personId: list.personId, kind: list.kind, position, title: item.title, completed: complete },
    });
  }
  const [checklist] = await checklistsWhere(tx, organisationId, { checklistId });
  return checklist!;
}
