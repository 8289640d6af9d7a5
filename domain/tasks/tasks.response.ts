import { z } from 'zod';
import { listPageSchema } from '../common/list.ts';
import { calendarDateSchema, instantSchema, type ResponseOf } from '../common/response.ts';
import { builtInTemplateKeys } from './recurring-defaults.ts';
import { TASK_LINK_KINDS, TASK_RHYTHMS, TASK_SOURCES, TASK_STATUSES } from './tasks.schema.ts';

/** A task as lists and the board show it. */
export const taskItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  dueOn: calendarDateSchema.nullable(),
  /** Open or in progress with the due day passed (Europe/Berlin), computed by the server for today. */
  overdue: z.boolean(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  source: z.enum(TASK_SOURCES),
  /** The recurring template it came from, if any. */
  templateId: z.uuid().nullable(),
  roadmapWeek: z.int().nullable(),
  linkCount: z.int(),
  commentCount: z.int(),
  doneAt: instantSchema.nullable(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const taskListSchema = listPageSchema(taskItemSchema);

/**
 * A link with what a person reads: the requirement's reference and title (in the asked language) or the record's
 * number and name. Both are null when the record was deleted since; the link stays as written.
 */
export const taskLinkViewSchema = z.object({
  kind: z.enum(TASK_LINK_KINDS),
  targetId: z.string(),
  label: z.string().nullable(),
  reference: z.string().nullable(),
});

export const taskCommentSchema = z.object({
  id: z.uuid(),
  authorUserId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: instantSchema,
});

export const taskDetailSchema = taskItemSchema.extend({
  description: z.string(),
  sourceKey: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  doneBy: z.uuid().nullable(),
  doneByName: z.string().nullable(),
  links: z.array(taskLinkViewSchema),
  comments: z.array(taskCommentSchema),
  /** The recurring template and its rhythm as it stands now. */
  template: z.object({ id: z.uuid(), rhythm: z.enum(TASK_RHYTHMS), active: z.boolean() }).nullable(),
  /** The occurrence this one follows, and the one created when this one was completed. */
  followsTaskId: z.uuid().nullable(),
  next: z.object({ id: z.uuid(), title: z.string(), dueOn: calendarDateSchema.nullable(), status: z.enum(TASK_STATUSES) }).nullable(),
});

const column = z.object({ total: z.int(), items: z.array(taskItemSchema) });

/** The board: the overdue tasks, then one column per ISO week (Monday to Sunday), grouped in SQL. */
export const taskBoardSchema = z.object({
  today: calendarDateSchema,
  overdue: column,
  weeks: z.array(column.extend({ week: z.string(), from: calendarDateSchema, to: calendarDateSchema })),
});

/** Counts for the filter chips of the list, in one pass. */
export const taskSummarySchema = z.object({
  today: calendarDateSchema,
  week: z.string(),
  active: z.int(),
  overdue: z.int(),
  mine: z.int(),
  mineOverdue: z.int(),
  dueThisWeek: z.int(),
  unassigned: z.int(),
});

export const taskLinkTargetSchema = z.object({ id: z.string(), label: z.string(), reference: z.string().nullable() });

export const taskTemplateSchema = z.object({
  id: z.uuid(),
  /** The built-in template's key, or null for the organisation's own. */
  builtInKey: z.enum(builtInTemplateKeys).nullable(),
  title: z.string(),
  description: z.string(),
  /** Whether the organisation wrote its own title or description (a built-in one otherwise reads in the asked language). */
  ownText: z.boolean(),
  rhythm: z.enum(TASK_RHYTHMS),
  active: z.boolean(),
  defaultOwnerUserId: z.uuid().nullable(),
  defaultOwnerName: z.string().nullable(),
  links: z.array(taskLinkViewSchema),
  /** Where the duty and its rhythm come from (built-in templates). */
  source: z.string().nullable(),
  /** 0 for a built-in template the organisation never changed. */
  revision: z.int(),
  /** The occurrence still to do, if the cycle runs for this template. */
  openTask: z.object({ id: z.uuid(), dueOn: calendarDateSchema.nullable() }).nullable(),
});

export const recurringStartedSchema = z.object({
  /** The occurrences created now. */
  created: z.array(z.object({ id: z.uuid(), templateId: z.uuid(), title: z.string(), dueOn: calendarDateSchema })),
  /** Active templates that already had an occurrence to do. */
  running: z.int(),
});

export type TaskItem = ResponseOf<typeof taskItemSchema>;
export type TaskList = ResponseOf<typeof taskListSchema>;
export type TaskDetail = ResponseOf<typeof taskDetailSchema>;
export type TaskLinkView = ResponseOf<typeof taskLinkViewSchema>;
export type TaskComment = ResponseOf<typeof taskCommentSchema>;
export type TaskBoard = ResponseOf<typeof taskBoardSchema>;
export type TaskSummary = ResponseOf<typeof taskSummarySchema>;
export type TaskLinkTarget = ResponseOf<typeof taskLinkTargetSchema>;
export type TaskTemplate = ResponseOf<typeof taskTemplateSchema>;
export type RecurringStarted = ResponseOf<typeof recurringStartedSchema>;
