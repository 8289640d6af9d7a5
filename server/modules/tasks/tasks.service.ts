import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TaskLink, TaskSource } from '../../../domain/tasks/tasks.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { taskLinks, tasks } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { appendAudit } from '../audit/audit.ts';

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
}

/**
 * Inserts tasks with their links inside the caller's tenant transaction and audits each one. A draft whose sourceKey
 * exists already (created before, or by a request that ran at the same time) is skipped; the ids of the tasks that
 * were created are returned in the order of the drafts that produced them.
 */
export async function insertTasks(tx: Tx, actor: Actor, drafts: readonly TaskDraft[]): Promise<{ id: string; sourceKey: string | null }[]> {
  const created: { id: string; sourceKey: string | null }[] = [];
  for (const draft of drafts) {
    const id = randomUUID();
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
        createdBy: actor.userId,
      })
      .onConflictDoNothing({
        target: [tasks.organisationId, tasks.sourceKey],
        where: sql`source_key is not null`,
      })
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
      data: { title: draft.title, source: draft.source ?? 'manual', sourceKey: draft.sourceKey ?? null },
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
