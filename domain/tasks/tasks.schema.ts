// Tasks (issue 11): what someone has to do, by when, and what it serves.

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Where a task came from: typed in, the generated 8-week roadmap, or the recurring cycle after it. */
export const TASK_SOURCES = ['manual', 'roadmap', 'recurring'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** What a task can serve: a catalog requirement (by its id) or a record of a register or an incident (by its uuid). */
export const TASK_LINK_KINDS = ['requirement', 'risk', 'asset', 'supplier', 'person', 'incident'] as const;
export type TaskLinkKind = (typeof TASK_LINK_KINDS)[number];

export interface TaskLink {
  kind: TaskLinkKind;
  targetId: string;
}
