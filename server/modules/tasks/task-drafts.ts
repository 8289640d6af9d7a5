import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { ApiIssue } from '../../../domain/common/errors.ts';
import { type TaskLink, type TaskSource, taskIssueCodes } from '../../../domain/tasks/tasks.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { memberships, taskLinks, tasks } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { appendAudit } from '../audit/audit.ts';
import { existingLinks, linkKey } from './tasks.queries.ts';

/** A task to create, as the roadmap, the recurring cycle or a person typing one in hands it over. */
export interface TaskDraft {
  title: string;
  description?: string;
  /** Must be a member of the actor's organisation: callers check it (see memberIdsOf in the tasks module). */
  ownerUserId?: string | null;
  /** YYYY-MM-DD */
  dueOn?: string | null;
  source?: TaskSource;
  /** Unique per organisation: a draft whose key exists already is skipped (not an error). */
  sourceKey?: string | null;
  roadmapWeek?: number | null;
  links?: TaskLink[];
  /** The recurring template it is an occurrence of. */
  templateId?: string | null;
  /** The occurrence whose completion created it: one follower per task, a second draft for the same one is skipped. */
  followsTaskId?: string | null;
}

/**
 * Inserts tasks with their links inside the caller's tenant transaction and audits each one. A draft whose sourceKey
 * exists already (created before, or by a request that ran at the same time) is skipped, as is a second follower of
 * the same occurrence; the ids of the tasks that were created are returned in the order of the drafts that produced
 * them.
 */
export async function insertTasks(tx: Tx, actor: Actor, drafts: readonly TaskDraft[]): Promise<{ id: string; sourceKey: string | null }[]> {
  const created: { id: string; sourceKey: string | null }[] = [];
  for (const draft of drafts) {
    const id = randomUUID();
    // No conflict target: the source key and the follower are both unique (partial indexes), and either one taken
    // means the task exists already.
    const rows = await tx
      .insert(tasks)
      .values({
        organisationId: actor.organisationId,
        id,
        title: draft.title,
        description: draft.description ?? '',
        ownerUserId: draft.ownerUserId ?? null,
        dueOn: draft.dueOn ?? null,
        source: draft.source ?? 'manual',
        sourceKey: draft.sourceKey ?? null,
        roadmapWeek: draft.roadmapWeek ?? null,
        templateId: draft.templateId ?? null,
        followsTaskId: draft.followsTaskId ?? null,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: tasks.id });
    if (rows.length === 0) continue;
    const links = dedupeLinks(draft.links ?? []);
    if (links.length > 0) {
      await tx.insert(taskLinks).values(links.map((link) => ({ organisationId: actor.organisationId, taskId: id, ...link })));
    }
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'task.created',
      entityType: 'task',
      entityId: id,
      data: {
        title: draft.title,
        source: draft.source ?? 'manual',
        sourceKey: draft.sourceKey ?? null,
        dueOn: draft.dueOn ?? null,
        ownerUserId: draft.ownerUserId ?? null,
        links: links.length,
      },
    });
    created.push({ id, sourceKey: draft.sourceKey ?? null });
  }
  return created;
}

function dedupeLinks(links: readonly TaskLink[]): TaskLink[] {
  const seen = new Map<string, TaskLink>();
  for (const link of links) seen.set(`${link.kind}\u001f${link.targetId}`, { kind: link.kind, targetId: link.targetId });
  return [...seen.values()];
}

/** Record ids as stored: uuids in lower case (a requirement id is kept as the catalog writes it). */
export function normaliseLinks(links: readonly TaskLink[]): TaskLink[] {
  return links.map((link) => ({ kind: link.kind, targetId: link.kind === 'requirement' ? link.targetId : link.targetId.toLowerCase() }));
}

/** Which of these accounts are members of the organisation (the owner of a task must be one). */
export async function memberIdsOf(tx: Tx, organisationId: string, userIds: readonly (string | null | undefined)[]): Promise<Set<string>> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, ids)));
  return new Set(rows.map((r) => r.userId));
}

/**
 * Issues for an owner who is not a member and for links to nothing in this organisation. Another organisation's member
 * or record reads exactly like one that does not exist: the answer never says it exists elsewhere.
 */
export async function linkAndOwnerIssues(
  tx: Tx,
  organisationId: string,
  owner: { path: string; userId: string | null } | null,
  links: readonly TaskLink[],
): Promise<ApiIssue[]> {
  const issues: ApiIssue[] = [];
  if (owner?.userId && !(await memberIdsOf(tx, organisationId, [owner.userId])).has(owner.userId)) {
    issues.push({ path: [owner.path], code: taskIssueCodes.ownerUnknown, message: taskIssueCodes.ownerUnknown });
  }
  const found = await existingLinks(tx, organisationId, links);
  links.forEach((link, index) => {
    if (found.has(linkKey(link))) return;
    const code = link.kind === 'requirement' ? taskIssueCodes.requirementUnknown : taskIssueCodes.linkUnknown;
    issues.push({ path: ['links', index, 'targetId'], code, message: code });
  });
  return issues;
}
