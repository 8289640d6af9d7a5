import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import type { ApiIssue } from '../../../domain/common/errors.ts';
import { isDueBeforeCreated, isoWeekOf, practiceDay } from '../../../domain/tasks/task-rules.ts';
import {
  type TaskBoardQuery,
  type TaskInput,
  type TaskLinkKind,
  type TaskListQuery,
  type TaskStatus,
  type TaskUpdate,
  taskIssueCodes,
} from '../../../domain/tasks/tasks.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { taskComments, taskLinks, tasks, users } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { scheduleNextOccurrence, templateOf } from './recurring.service.ts';
import { insertTasks, linkAndOwnerIssues, normaliseLinks } from './task-drafts.ts';
import { labelLinks, linkKey, linkTargets, listTasks, overdueSql, taskBoard, taskSummary } from './tasks.queries.ts';

type Locale = 'de' | 'en';

function refuse(issues: ApiIssue[]) {
  if (issues.length > 0) throw new AppError('validation_failed', 400, issues);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

export const today = () => practiceDay(new Date());

export const listPage = (tx: Tx, actor: Actor, query: TaskListQuery) => listTasks(tx, actor.organisationId, actor.userId, query, today());

export function board(tx: Tx, actor: Actor, query: TaskBoardQuery) {
  const day = today();
  return taskBoard(tx, actor.organisationId, actor.userId, query, day, query.from ?? isoWeekOf(day));
}

export function summary(tx: Tx, actor: Actor) {
  const day = today();
  return taskSummary(tx, actor.organisationId, actor.userId, day, isoWeekOf(day));
}

export const pickerTargets = (tx: Tx, organisationId: string, kind: TaskLinkKind, q: string | undefined, locale: Locale) =>
  linkTargets(tx, organisationId, kind, q, locale);

export async function lockTask(tx: Tx, organisationId: string, taskId: string) {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.organisationId, organisationId), eq(tasks.id, taskId)))
    .for('update');
  if (!row) throw new AppError('task.not_found', 404);
  return row;
}
export type TaskRow = Awaited<ReturnType<typeof lockTask>>;

/** One task with its links in words, its comments, its template and the occurrence that followed it. */
export async function getTask(tx: Tx, organisationId: string, taskId: string, locale: Locale) {
  const day = today();
  const creator = sql<string | null>`(select u.name from users u where u.id = ${tasks.createdBy})`;
  const finisher = sql<string | null>`(select u.name from users u where u.id = ${tasks.doneBy})`;
  const [row] = await tx
    .select({
      id: tasks.id,
      title: tasks.title,
      description: tasks.description,
      status: tasks.status,
      dueOn: tasks.dueOn,
      overdue: overdueSql(day),
      ownerUserId: tasks.ownerUserId,
      ownerName: users.name,
      source: tasks.source,
      sourceKey: tasks.sourceKey,
      templateId: tasks.templateId,
      followsTaskId: tasks.followsTaskId,
      roadmapWeek: tasks.roadmapWeek,
      doneAt: tasks.doneAt,
      doneBy: tasks.doneBy,
      doneByName: finisher,
      createdBy: tasks.createdBy,
      createdByName: creator,
      revision: tasks.revision,
      createdAt: tasks.createdAt,
      updatedAt: tasks.updatedAt,
    })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.ownerUserId))
    .where(and(eq(tasks.organisationId, organisationId), eq(tasks.id, taskId)));
  if (!row) throw new AppError('task.not_found', 404);
  const links = await tx
    .select({ kind: taskLinks.kind, targetId: taskLinks.targetId })
    .from(taskLinks)
    .where(and(eq(taskLinks.organisationId, organisationId), eq(taskLinks.taskId, taskId)))
    .orderBy(asc(taskLinks.kind), asc(taskLinks.targetId));
  const labels = await labelLinks(tx, organisationId, links, locale);
  const comments = await tx
    .select({
      id: taskComments.id,
      authorUserId: taskComments.authorUserId,
      authorName: users.name,
      body: taskComments.body,
      createdAt: taskComments.createdAt,
    })
    .from(taskComments)
    .leftJoin(users, eq(users.id, taskComments.authorUserId))
    .where(and(eq(taskComments.organisationId, organisationId), eq(taskComments.taskId, taskId)))
    .orderBy(asc(taskComments.createdAt), asc(taskComments.id));
  const [next] = await tx
    .select({ id: tasks.id, title: tasks.title, dueOn: tasks.dueOn, status: tasks.status })
    .from(tasks)
    .where(and(eq(tasks.organisationId, organisationId), eq(tasks.followsTaskId, taskId)));
  const template = row.templateId ? await templateOf(tx, organisationId, row.templateId) : null;
  return {
    ...row,
    linkCount: links.length,
    commentCount: comments.length,
    links: links.map((link) => ({ ...link, ...(labels.get(linkKey(link)) ?? { label: null, reference: null }) })),
    comments,
    template: template ? { id: template.id, rhythm: template.rhythm, active: template.active } : null,
    next: next ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/**
 * Creates a task typed in by a person. Refused at the field, all at once: a due day before today (a task cannot have
 * been due before it existed), an owner who is not a member, a link to nothing in this organisation.
 */
export async function createTask(tx: Tx, actor: Actor, input: TaskInput, locale: Locale) {
  const links = normaliseLinks(input.links);
  const issues: ApiIssue[] = [];
  if (input.dueOn && isDueBeforeCreated(input.dueOn, today())) {
    issues.push({ path: ['dueOn'], code: taskIssueCodes.dueBeforeCreated, message: taskIssueCodes.dueBeforeCreated });
  }
  issues.push(...(await linkAndOwnerIssues(tx, actor.organisationId, { path: 'ownerUserId', userId: input.ownerUserId }, links)));
  refuse(issues);
  const [created] = await insertTasks(tx, actor, [{ ...input, links, source: 'manual' }]);
  return getTask(tx, actor.organisationId, created!.id, locale);
}

/** Staff work on their own tasks only; the editors of `tasks.edit` on every task. */
function assertMayWork(actor: Actor, task: TaskRow) {
  if (!isAllowed('tasks.edit', actor) && task.ownerUserId !== actor.userId) throw new AppError('task.not_owner', 403);
}

/**
 * Moves a locked task to a status: to done with the instant and the person (and, for a recurring task, its next
 * occurrence), back from done without them. Cancelling a recurring occurrence schedules the next one too: the rhythm
 * goes on until its template is switched off.
 */
async function changeStatus(tx: Tx, actor: Actor, task: TaskRow, status: TaskStatus) {
  const now = new Date();
  const done = status === 'done';
  const [row] = await tx
    .update(tasks)
    .set({
      status,
      doneAt: done ? (task.status === 'done' ? task.doneAt : now) : null,
      doneBy: done ? (task.status === 'done' ? task.doneBy : actor.userId) : null,
      revision: sql`${tasks.revision} + 1`,
      updatedAt: now,
    })
    .where(and(eq(tasks.organisationId, actor.organisationId), eq(tasks.id, task.id)))
    .returning();
  const ended = (status === 'done' || status === 'cancelled') && task.status !== 'done' && task.status !== 'cancelled';
  if (ended) await scheduleNextOccurrence(tx, actor, task, today());
  return row!;
}

/**
 * Replaces a task when the client saw the current revision; otherwise 409 and nothing is written. The row is locked
 * first, so that of ten changes on one revision exactly one applies. Owner and links are checked only where they
 * change: a link to a record deleted since does not block saving the rest.
 */
export async function updateTask(tx: Tx, actor: Actor, taskId: string, input: TaskUpdate, locale: Locale) {
  const before = await lockTask(tx, actor.organisationId, taskId);
  if (before.revision !== input.revision) throw new AppError('task.revision_conflict', 409);
  const links = normaliseLinks(input.links);
  const current = await tx
    .select({ kind: taskLinks.kind, targetId: taskLinks.targetId })
    .from(taskLinks)
    .where(and(eq(taskLinks.organisationId, actor.organisationId), eq(taskLinks.taskId, taskId)));
  const had = new Set(current.map(linkKey));
  const issues: ApiIssue[] = [];
  if (input.dueOn && input.dueOn !== before.dueOn && isDueBeforeCreated(input.dueOn, practiceDay(before.createdAt))) {
    issues.push({ path: ['dueOn'], code: taskIssueCodes.dueBeforeCreated, message: taskIssueCodes.dueBeforeCreated });
  }
  const owner = input.ownerUserId !== before.ownerUserId ? { path: 'ownerUserId', userId: input.ownerUserId } : null;
  const added = links.map((link, index) => ({ link, index })).filter(({ link }) => !had.has(linkKey(link)));
  const found = await linkAndOwnerIssues(
    tx,
    actor.organisationId,
    owner,
    added.map((a) => a.link),
  );
  // The link issues name the position in the request, not in the list of added links.
  issues.push(...found.map((issue) => (issue.path[0] === 'links' ? { ...issue, path: ['links', added[issue.path[1] as number]!.index, 'targetId'] } : issue)));
  refuse(issues);

  await tx
    .update(tasks)
    .set({ title: input.title, description: input.description, ownerUserId: input.ownerUserId, dueOn: input.dueOn })
    .where(and(eq(tasks.organisationId, actor.organisationId), eq(tasks.id, taskId)));
  const keep = new Set(links.map(linkKey));
  const removed = current.filter((link) => !keep.has(linkKey(link)));
  for (const link of removed) {
    await tx
      .delete(taskLinks)
      .where(
        and(
          eq(taskLinks.organisationId, actor.organisationId),
          eq(taskLinks.taskId, taskId),
          eq(taskLinks.kind, link.kind),
          eq(taskLinks.targetId, link.targetId),
        ),
      );
  }
  if (added.length > 0) {
    await tx
      .insert(taskLinks)
      .values(added.map(({ link }) => ({ organisationId: actor.organisationId, taskId, ...link })))
      .onConflictDoNothing();
  }
  // One revision step for the whole change; the status change takes it (and ends or reopens the task).
  if (input.status !== before.status) await changeStatus(tx, actor, { ...before, ownerUserId: input.ownerUserId }, input.status);
  else {
    await tx
      .update(tasks)
      .set({ revision: sql`${tasks.revision} + 1`, updatedAt: new Date() })
      .where(and(eq(tasks.organisationId, actor.organisationId), eq(tasks.id, taskId)));
  }
  const changed: string[] = (['title', 'description', 'ownerUserId', 'dueOn', 'status'] as const).filter((key) => before[key] !== input[key]);
  if (removed.length > 0 || added.length > 0) changed.push('links');
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: input.status === 'done' && before.status !== 'done' ? 'task.completed' : 'task.updated',
    entityType: 'task',
    entityId: taskId,
    data: {
      title: input.title,
      changed,
      status: input.status,
      dueOn: input.dueOn,
      ownerUserId: input.ownerUserId,
      linksAdded: added.map((a) => a.link),
      linksRemoved: removed,
    },
  });
  return getTask(tx, actor.organisationId, taskId, locale);
}

/**
 * Completes a task: done, when and by whom; a recurring one creates its next occurrence in the same transaction. The
 * row is locked, so of ten completions at once one completes and the others find it done and answer it unchanged.
 */
export async function completeTask(tx: Tx, actor: Actor, taskId: string, locale: Locale) {
  const task = await lockTask(tx, actor.organisationId, taskId);
  assertMayWork(actor, task);
  if (task.status !== 'done') {
    await changeStatus(tx, actor, task, 'done');
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'task.completed',
      entityType: 'task',
      entityId: taskId,
      data: { title: task.title, dueOn: task.dueOn, source: task.source },
    });
  }
  return getTask(tx, actor.organisationId, taskId, locale);
}

/** Back to open from done or cancelled; the next occurrence a completion created stays. Open tasks stay as they are. */
export async function reopenTask(tx: Tx, actor: Actor, taskId: string, locale: Locale) {
  const task = await lockTask(tx, actor.organisationId, taskId);
  assertMayWork(actor, task);
  if (task.status === 'done' || task.status === 'cancelled') {
    await changeStatus(tx, actor, task, 'open');
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'task.reopened',
      entityType: 'task',
      entityId: taskId,
      data: { title: task.title, from: task.status },
    });
  }
  return getTask(tx, actor.organisationId, taskId, locale);
}

/** Deletes a task with its links and comments; the audit trail keeps what it was. */
export async function deleteTask(tx: Tx, actor: Actor, taskId: string) {
  const [row] = await tx
    .delete(tasks)
    .where(and(eq(tasks.organisationId, actor.organisationId), eq(tasks.id, taskId)))
    .returning({ title: tasks.title, status: tasks.status, dueOn: tasks.dueOn, source: tasks.source, sourceKey: tasks.sourceKey });
  if (!row) throw new AppError('task.not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'task.deleted',
    entityType: 'task',
    entityId: taskId,
    data: row,
  });
}

/** A comment on a task by anyone who works on tasks (staff too, on every task: asking is part of the work). */
export async function addComment(tx: Tx, actor: Actor, taskId: string, body: string) {
  const [task] = await tx
    .select({ id: tasks.id, title: tasks.title })
    .from(tasks)
    .where(and(eq(tasks.organisationId, actor.organisationId), eq(tasks.id, taskId)))
    .for('share');
  if (!task) throw new AppError('task.not_found', 404);
  const id = randomUUID();
  const [comment] = await tx
    .insert(taskComments)
    .values({ organisationId: actor.organisationId, id, taskId, authorUserId: actor.userId, body })
    .returning({ id: taskComments.id, authorUserId: taskComments.authorUserId, body: taskComments.body, createdAt: taskComments.createdAt });
  const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'task.commented',
    entityType: 'task',
    entityId: taskId,
    data: { title: task.title, commentId: id, length: body.length },
  });
  return { ...comment!, authorName: author?.name ?? null };
}
