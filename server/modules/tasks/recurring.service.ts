import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type BuiltInTemplateKey, builtInTemplates, builtInTemplatesById } from '../../../domain/tasks/recurring-defaults.ts';
import { firstOccurrenceOn, nextOccurrenceOn, practiceDay } from '../../../domain/tasks/task-rules.ts';
import {
  TASK_TEMPLATES_MAX,
  type TaskLink,
  type TaskRhythm,
  type TaskTemplateInput,
  type TaskTemplateUpdate,
  taskIssueCodes,
} from '../../../domain/tasks/tasks.schema.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { tasks, taskTemplates, users } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { asLocale, type Locale, t } from '../../i18n/texts.ts';
import { appendAudit } from '../audit/audit.ts';
import { insertTasks, linkAndOwnerIssues, memberIdsOf, normaliseLinks } from './task-drafts.ts';
import { existingLinks, labelLinks, linkKey } from './tasks.queries.ts';

/**
 * The recurring cycle (issue 11, part 3): templates with a rhythm, the first occurrence of each when the cycle starts,
 * and the next occurrence whenever one is completed. Built-in templates (domain/tasks/recurring-defaults.ts) have no
 * row until the organisation changes one; their text comes from the locale files while the organisation keeps it.
 */

/** A template as it counts for an organisation: the built-in one with the organisation's changes, or its own. */
export interface TemplateState {
  id: string;
  builtInKey: BuiltInTemplateKey | null;
  /** The organisation's own title and description; null on a built-in template: its default text. */
  ownTitle: string | null;
  ownDescription: string | null;
  rhythm: TaskRhythm;
  active: boolean;
  defaultOwnerUserId: string | null;
  links: TaskLink[];
  /** 0 for a built-in template without a row. */
  revision: number;
  source: string | null;
}

type TemplateRow = typeof taskTemplates.$inferSelect;

function fromRow(row: TemplateRow): TemplateState {
  const builtIn = row.builtInKey ? builtInTemplatesById.get(row.id) : undefined;
  return {
    id: row.id,
    builtInKey: builtIn?.key ?? null,
    ownTitle: row.title,
    ownDescription: row.description,
    rhythm: row.rhythm,
    active: row.active,
    defaultOwnerUserId: row.defaultOwnerUserId,
    links: row.links,
    revision: row.revision,
    source: builtIn?.source ?? null,
  };
}

function builtInState(id: string): TemplateState | null {
  const builtIn = builtInTemplatesById.get(id);
  if (!builtIn) return null;
  return {
    id: builtIn.id,
    builtInKey: builtIn.key,
    ownTitle: null,
    ownDescription: null,
    rhythm: builtIn.rhythm,
    active: true,
    defaultOwnerUserId: null,
    links: [...builtIn.links],
    revision: 0,
    source: builtIn.source,
  };
}

/** Every template of the organisation: the built-in ones in their order, then its own by title. */
async function allTemplates(tx: Tx, organisationId: string): Promise<TemplateState[]> {
  const rows = await tx
    .select()
    .from(taskTemplates)
    .where(eq(taskTemplates.organisationId, organisationId))
    .orderBy(sql`lower(coalesce(${taskTemplates.title}, ''))`, taskTemplates.id);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const builtIn = builtInTemplates.map((template) => {
    const row = byId.get(template.id);
    return row ? fromRow(row) : builtInState(template.id)!;
  });
  const own = rows.filter((row) => !row.builtInKey).map(fromRow);
  return [...builtIn, ...own];
}

/** One template as it counts for the organisation, or null. */
export async function templateOf(tx: Tx, organisationId: string, templateId: string): Promise<TemplateState | null> {
  const [row] = await tx
    .select()
    .from(taskTemplates)
    .where(and(eq(taskTemplates.organisationId, organisationId), eq(taskTemplates.id, templateId)));
  return row ? fromRow(row) : builtInState(templateId);
}

/** The title and description a task or the page shows: the organisation's own, else the default text in `locale`. */
function textOf(template: TemplateState, locale: Locale) {
  const key = template.builtInKey;
  return {
    title: template.ownTitle ?? (key ? t(locale, `tasks.builtIn.${key}.title`) : ''),
    description: template.ownDescription ?? (key ? t(locale, `tasks.builtIn.${key}.description`) : ''),
  };
}

/** The language of the person acting: the generated tasks are written in it (their profile, as mails are). */
async function profileLocale(tx: Tx, userId: string): Promise<Locale> {
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return asLocale(row?.locale);
}

/** Serialises the cycle's writes of one organisation (the template cap, starting the cycle) across connections. */
async function lockCycle(tx: Tx, organisationId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`praxisschild.tasks.recurring:${organisationId}`}, 0))`);
}

/** The templates as the page shows them: texts in `locale`, links in words, the default owner's name, the open occurrence. */
async function describe(tx: Tx, organisationId: string, templates: TemplateState[], locale: Locale) {
  const labels = await labelLinks(
    tx,
    organisationId,
    templates.flatMap((template) => template.links),
    locale,
  );
  const ownerIds = [...new Set(templates.map((template) => template.defaultOwnerUserId).filter((id): id is string => Boolean(id)))];
  const owners = ownerIds.length
    ? new Map((await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds))).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  const ids = templates.map((template) => template.id);
  const open = ids.length
    ? await queryRows<{ template_id: string; id: string; due_on: string | null }>(
        tx,
        sql`select distinct on (template_id) template_id, id, to_char(due_on, 'YYYY-MM-DD') as due_on from tasks
            where organisation_id = ${organisationId} and template_id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}) and status in ('open', 'in_progress')
            order by template_id, due_on nulls last, id`,
      )
    : [];
  const openBy = new Map(open.map((row) => [row.template_id, { id: row.id, dueOn: row.due_on }]));
  return templates.map((template) => ({
    id: template.id,
    builtInKey: template.builtInKey,
    ...textOf(template, locale),
    ownText: template.ownTitle !== null || template.ownDescription !== null,
    rhythm: template.rhythm,
    active: template.active,
    defaultOwnerUserId: template.defaultOwnerUserId,
    defaultOwnerName: template.defaultOwnerUserId ? (owners.get(template.defaultOwnerUserId) ?? null) : null,
    links: template.links.map((link) => ({ ...link, ...(labels.get(linkKey(link)) ?? { label: null, reference: null }) })),
    source: template.source,
    revision: template.revision,
    openTask: openBy.get(template.id) ?? null,
  }));
}

export async function listTemplates(tx: Tx, organisationId: string, locale: Locale) {
  return describe(tx, organisationId, await allTemplates(tx, organisationId), locale);
}

async function getTemplate(tx: Tx, organisationId: string, templateId: string, locale: Locale) {
  const template = await templateOf(tx, organisationId, templateId);
  if (!template) throw new AppError('task.template_not_found', 404);
  const [described] = await describe(tx, organisationId, [template], locale);
  return described!;
}

/** The organisation's own template; at most TASK_TEMPLATES_MAX of them (409 beyond, also when many arrive at once). */
export async function createTemplate(tx: Tx, actor: Actor, input: TaskTemplateInput, locale: Locale) {
  const links = normaliseLinks(input.links);
  const issues = await linkAndOwnerIssues(tx, actor.organisationId, { path: 'defaultOwnerUserId', userId: input.defaultOwnerUserId }, links);
  if (issues.length) throw new AppError('validation_failed', 400, issues);
  await lockCycle(tx, actor.organisationId);
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from task_templates where organisation_id = ${actor.organisationId} and built_in_key is null`,
  );
  if (Number(count?.n ?? 0) >= TASK_TEMPLATES_MAX) throw new AppError('task.templates_full', 409);
  const id = randomUUID();
  await tx.insert(taskTemplates).values({
    organisationId: actor.organisationId,
    id,
    builtInKey: null,
    title: input.title,
    description: input.description,
    rhythm: input.rhythm,
    active: input.active,
    defaultOwnerUserId: input.defaultOwnerUserId,
    links,
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'task.template_created',
    entityType: 'task_template',
    entityId: id,
    data: { title: input.title, rhythm: input.rhythm, active: input.active },
  });
  return getTemplate(tx, actor.organisationId, id, locale);
}

/** A built-in template's text equal to its default (in either language) stays the default: it follows the reader's language. */
function ownText(template: TemplateState, field: 'title' | 'description', value: string | null): string | null {
  if (value === null || !template.builtInKey) return value;
  const defaults = (['de', 'en'] as const).map((locale) => t(locale, `tasks.builtIn.${template.builtInKey}.${field}`));
  return defaults.includes(value) ? null : value;
}

/**
 * Changes a template on the revision the client saw (0 for a built-in template never changed); otherwise 409 and
 * nothing is written. Each write is one statement conditioned on the revision, so of two changes exactly one wins.
 */
export async function updateTemplate(tx: Tx, actor: Actor, templateId: string, input: TaskTemplateUpdate, locale: Locale) {
  const before = await templateOf(tx, actor.organisationId, templateId);
  if (!before) throw new AppError('task.template_not_found', 404);
  if (!before.builtInKey && input.title === null) throw fieldError(['title'], taskIssueCodes.titleRequired);
  const links = normaliseLinks(input.links);
  const had = new Set(before.links.map(linkKey));
  const added = links.map((link, index) => ({ link, index })).filter(({ link }) => !had.has(linkKey(link)));
  const owner = input.defaultOwnerUserId !== before.defaultOwnerUserId ? { path: 'defaultOwnerUserId', userId: input.defaultOwnerUserId } : null;
  const issues = await linkAndOwnerIssues(
    tx,
    actor.organisationId,
    owner,
    added.map((a) => a.link),
  );
  if (issues.length) {
    throw new AppError(
      'validation_failed',
      400,
      issues.map((issue) => (issue.path[0] === 'links' ? { ...issue, path: ['links', added[issue.path[1] as number]!.index, 'targetId'] } : issue)),
    );
  }
  const values = {
    title: ownText(before, 'title', input.title),
    description: before.builtInKey ? ownText(before, 'description', input.description) : (input.description ?? ''),
    rhythm: input.rhythm,
    active: input.active,
    defaultOwnerUserId: input.defaultOwnerUserId,
    links,
  };
  const written =
    input.revision === 0 && before.builtInKey
      ? await tx
          .insert(taskTemplates)
          .values({ organisationId: actor.organisationId, id: templateId, builtInKey: before.builtInKey, ...values })
          .onConflictDoNothing()
          .returning({ id: taskTemplates.id })
      : await tx
          .update(taskTemplates)
          .set({ ...values, revision: sql`${taskTemplates.revision} + 1`, updatedAt: new Date() })
          .where(and(eq(taskTemplates.organisationId, actor.organisationId), eq(taskTemplates.id, templateId), eq(taskTemplates.revision, input.revision)))
          .returning({ id: taskTemplates.id });
  if (written.length === 0) throw new AppError('task.revision_conflict', 409);
  const changed = (['rhythm', 'active', 'defaultOwnerUserId'] as const).filter((key) => before[key] !== values[key]) as string[];
  if (before.ownTitle !== values.title) changed.push('title');
  if (before.ownDescription !== values.description) changed.push('description');
  if (added.length > 0 || links.length !== before.links.length) changed.push('links');
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'task.template_updated',
    entityType: 'task_template',
    entityId: templateId,
    data: { builtInKey: before.builtInKey, title: values.title, changed, rhythm: values.rhythm, active: values.active },
  });
  return getTemplate(tx, actor.organisationId, templateId, locale);
}

/** Removes the organisation's own template; a built-in one is switched off instead (409). Its tasks stay, without a next. */
export async function deleteTemplate(tx: Tx, actor: Actor, templateId: string) {
  if (builtInTemplatesById.has(templateId)) throw new AppError('task.template_built_in', 409);
  const [row] = await tx
    .delete(taskTemplates)
    .where(and(eq(taskTemplates.organisationId, actor.organisationId), eq(taskTemplates.id, templateId)))
    .returning({ title: taskTemplates.title, rhythm: taskTemplates.rhythm });
  if (!row) throw new AppError('task.template_not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'task.template_deleted',
    entityType: 'task_template',
    entityId: templateId,
    data: row,
  });
}

/** The built-in templates back as shipped (text, rhythm, active, owner, links); the organisation's own stay. */
export async function resetTemplates(tx: Tx, actor: Actor, locale: Locale) {
  const removed = await tx
    .delete(taskTemplates)
    .where(and(eq(taskTemplates.organisationId, actor.organisationId), isNotNull(taskTemplates.builtInKey)))
    .returning({ builtInKey: taskTemplates.builtInKey });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'task.templates_reset',
    entityType: 'task_template',
    data: { reset: removed.map((r) => r.builtInKey) },
  });
  return listTemplates(tx, actor.organisationId, locale);
}

/** The owner of a generated task: the first of the candidates who is still a member, else nobody. */
async function ownerOf(tx: Tx, organisationId: string, candidates: (string | null)[]): Promise<string | null> {
  const members = await memberIdsOf(tx, organisationId, candidates);
  return candidates.find((id): id is string => Boolean(id) && members.has(id!)) ?? null;
}

/** The template's links whose requirement or record still exists: a deleted asset is not carried into the next task. */
async function liveLinks(tx: Tx, organisationId: string, links: TaskLink[]): Promise<TaskLink[]> {
  const found = await existingLinks(tx, organisationId, links);
  return links.filter((link) => found.has(linkKey(link)));
}

const occurrenceKey = (templateId: string, dueOn: string) => `recurring:${templateId}:${dueOn}`;

/**
 * Starts the recurring cycle after the roadmap: the first occurrence of every active template that has none to do yet,
 * due one rhythm after `startOn` (never before today). Idempotent: a template with an open occurrence is counted as
 * running, and the source key `recurring:<templateId>:<dueOn>` is unique, so a second start (or ten at once, queued on
 * the organisation's lock) creates nothing twice. Texts in `locale`, by default the acting person's language.
 */
export async function startRecurringCycle(tx: Tx, actor: Actor, startOn: string, locale?: Locale) {
  await lockCycle(tx, actor.organisationId);
  const language = locale ?? (await profileLocale(tx, actor.userId));
  const today = practiceDay(new Date());
  const active = (await allTemplates(tx, actor.organisationId)).filter((template) => template.active);
  const running = active.length
    ? await tx
        .selectDistinct({ templateId: tasks.templateId })
        .from(tasks)
        .where(
          and(
            eq(tasks.organisationId, actor.organisationId),
            inArray(
              tasks.templateId,
              active.map((template) => template.id),
            ),
            inArray(tasks.status, ['open', 'in_progress']),
          ),
        )
    : [];
  const runningIds = new Set(running.map((r) => r.templateId));
  const due = active.filter((template) => !runningIds.has(template.id));
  const members = await memberIdsOf(
    tx,
    actor.organisationId,
    due.map((template) => template.defaultOwnerUserId),
  );
  const found = await existingLinks(
    tx,
    actor.organisationId,
    due.flatMap((template) => template.links),
  );
  const drafts = due.map((template) => {
    const dueOn = firstOccurrenceOn(startOn, template.rhythm, today);
    return {
      ...textOf(template, language),
      ownerUserId: template.defaultOwnerUserId && members.has(template.defaultOwnerUserId) ? template.defaultOwnerUserId : null,
      dueOn,
      source: 'recurring' as const,
      sourceKey: occurrenceKey(template.id, dueOn),
      templateId: template.id,
      links: template.links.filter((link) => found.has(linkKey(link))),
    };
  });
  const created = await insertTasks(tx, actor, drafts);
  const bySourceKey = new Map(drafts.map((draft) => [draft.sourceKey, draft]));
  const result = created.map(({ id, sourceKey }) => {
    const draft = bySourceKey.get(sourceKey!)!;
    return { id, templateId: draft.templateId, title: draft.title, dueOn: draft.dueOn };
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'task.recurring_started',
    entityType: 'task_template',
    data: { startOn, created: result.length, running: runningIds.size },
  });
  return { created: result, running: runningIds.size };
}

/**
 * The next occurrence of a recurring task that was just completed (or cancelled) on `completedOn`, inside the same
 * transaction: due one rhythm later (domain/tasks/task-rules.ts), owned by the template's default owner or else the
 * same person, while they are members. Once per occurrence (follows_task_id is unique, and the caller holds the
 * task's row lock); none when the template was switched off or removed.
 */
export async function scheduleNextOccurrence(
  tx: Tx,
  actor: Actor,
  task: { id: string; templateId: string | null; ownerUserId: string | null },
  completedOn: string,
): Promise<string | null> {
  if (!task.templateId) return null;
  const template = await templateOf(tx, actor.organisationId, task.templateId);
  if (!template?.active) return null;
  const dueOn = nextOccurrenceOn(completedOn, template.rhythm);
  const [created] = await insertTasks(tx, actor, [
    {
      ...textOf(template, await profileLocale(tx, actor.userId)),
      ownerUserId: await ownerOf(tx, actor.organisationId, [template.defaultOwnerUserId, task.ownerUserId]),
      dueOn,
      source: 'recurring',
      // No source key: the follower is unique by the task it follows, and a key by due day would collide with an open
      // occurrence due that day (a first occurrence completed the day it was created is followed on the same date).
      sourceKey: null,
      templateId: template.id,
      followsTaskId: task.id,
      links: await liveLinks(tx, actor.organisationId, template.links),
    },
  ]);
  return created?.id ?? null;
}
