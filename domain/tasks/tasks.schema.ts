// Tasks (issue 11): what someone has to do, by when, and what it serves.

import { z } from 'zod';
import { eventDate, plainText, safeText } from '../common/input.ts';
import { listQuerySchema } from '../common/list.ts';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Where a task came from: typed in, the generated 8-week roadmap, or the recurring cycle after it. */
export const TASK_SOURCES = ['manual', 'roadmap', 'recurring', 'document'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** What a task can serve: a catalog requirement (by its id) or a record of a register or an incident (by its uuid). */
export const TASK_LINK_KINDS = ['requirement', 'risk', 'asset', 'supplier', 'person', 'incident'] as const;
export type TaskLinkKind = (typeof TASK_LINK_KINDS)[number];

export interface TaskLink {
  kind: TaskLinkKind;
  targetId: string;
}

/**
 * How often a recurring task comes back. The cycle after the roadmap (seed article on NIS2 for MVZ): the risk register
 * and the emergency plan quarterly, a phishing simulation and a tabletop exercise yearly, an external assessment every
 * two years; § 38 Abs. 3 BSIG management training yearly (see domain/management).
 */
export const TASK_RHYTHMS = ['quarterly', 'yearly', 'biennial'] as const;
export type TaskRhythm = (typeof TASK_RHYTHMS)[number];

export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 8000;
export const TASK_COMMENT_MAX = 4000;
/** Links of one task or template: enough for a measure that serves several requirements and records. */
export const TASK_LINKS_MAX = 20;
export const TASK_LINK_TARGET_MAX = 100;
/** The organisation's own recurring templates besides the built-in ones: a handful in practice, bounded so the page stays one list. */
export const TASK_TEMPLATES_MAX = 50;
/** Weeks the board shows at once. */
export const TASK_BOARD_WEEKS_MAX = 12;
/** Cards per week column; the column says how many more there are. */
export const TASK_BOARD_PER_WEEK_MAX = 100;
const REVISION_MAX = 2_147_483_647;

/** Codes of the refusals at a field (translated under "issues." in client/locales). */
export const taskIssueCodes = {
  dueBeforeCreated: 'task.due_before_created',
  ownerUnknown: 'task.owner_unknown',
  linkUnknown: 'task.link_unknown',
  requirementUnknown: 'task.requirement_unknown',
  linkTwice: 'task.link_twice',
  titleRequired: 'task.title_required',
  weekInvalid: 'task.week_invalid',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One link: a requirement by its catalog id (KBV-A1-25, BSIG-30-2-03), any other kind by the record's uuid. Whether the
 * record exists in the organisation is the server's check (a 400 at the same field).
 */
export const taskLinkSchema = z
  .object({
    kind: z.enum(TASK_LINK_KINDS),
    targetId: safeText().trim().min(1).max(TASK_LINK_TARGET_MAX),
  })
  .superRefine((link, context) => {
    if (link.kind !== 'requirement' && !UUID.test(link.targetId)) {
      context.addIssue({ code: 'custom', path: ['targetId'], message: taskIssueCodes.linkUnknown });
    }
  });

/** The same record twice in one list is a typing slip: refused at the second entry. */
function noTwice(links: readonly TaskLink[], context: z.RefinementCtx, path: string) {
  const seen = new Set<string>();
  links.forEach((link, index) => {
    const key = `${link.kind}/${link.targetId.toLowerCase()}`;
    if (seen.has(key)) context.addIssue({ code: 'custom', path: [path, index, 'targetId'], message: taskIssueCodes.linkTwice });
    seen.add(key);
  });
}

const linksField = z.array(taskLinkSchema).max(TASK_LINKS_MAX).default([]);

const taskFields = {
  title: safeText().trim().min(1).max(TASK_TITLE_MAX),
  description: plainText(TASK_DESCRIPTION_MAX),
  /** A member of the organisation; null while nobody has taken it on. */
  ownerUserId: z.uuid().nullable().default(null),
  /** From 2000 up to five years ahead; not before the day the task was created (the server's check). */
  dueOn: eventDate().nullable().default(null),
  links: linksField,
};

export const taskInputSchema = z.object(taskFields).superRefine((task, context) => noTwice(task.links, context, 'links'));
export type TaskInput = z.output<typeof taskInputSchema>;

/**
 * A change: the whole record, its status and the revision it was based on (409 when someone changed it meanwhile).
 * Setting `done` completes the task as the complete route does (a recurring one schedules its next occurrence).
 */
export const taskUpdateSchema = z
  .object({ ...taskFields, status: z.enum(TASK_STATUSES), revision: z.int().min(1).max(REVISION_MAX) })
  .superRefine((task, context) => noTwice(task.links, context, 'links'));
export type TaskUpdate = z.output<typeof taskUpdateSchema>;

export const taskCommentInputSchema = z.object({ body: safeText().trim().min(1).max(TASK_COMMENT_MAX) });
export type TaskCommentInput = z.output<typeof taskCommentInputSchema>;

/** An ISO 8601 week, e.g. 2026-W49 (Monday to Sunday), in the years the app accepts dates for. */
export const isoWeekSchema = () =>
  z
    .string()
    .regex(/^(20\d\d|2100)-W(0[1-9]|[1-4]\d|5[0-3])$/, { message: taskIssueCodes.weekInvalid, abort: true })
    .refine((week) => Number(week.slice(6)) <= isoWeeksInYear(Number(week.slice(0, 4))), { message: taskIssueCodes.weekInvalid });

/** 52 or 53: a year has 53 ISO weeks when 1 January or 31 December is a Thursday (ISO 8601, § 3.2.2). */
export function isoWeeksInYear(year: number): number {
  const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday(year, 1, 1) === 4 || weekday(year, 12, 31) === 4 ? 53 : 52;
}

const flag = () =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'));

/** Open and in progress: what still needs doing. */
export const TASK_ACTIVE_STATUSES = ['open', 'in_progress'] as const satisfies readonly TaskStatus[];

const taskFilters = {
  /** Tasks the signed-in person owns. */
  mine: flag(),
  /** Open or in progress with a due day before today (Europe/Berlin). */
  overdue: flag(),
  /** Due in this ISO week. */
  week: isoWeekSchema().optional(),
  /** One status, or `active` for open and in progress. */
  status: z.enum([...TASK_STATUSES, 'active']).optional(),
  /** One owner, or `none` for tasks nobody has taken on. */
  ownerUserId: z.union([z.uuid(), z.literal('none')]).optional(),
  source: z.enum(TASK_SOURCES).optional(),
  /** Tasks linked to this requirement or record (both given). */
  linkKind: z.enum(TASK_LINK_KINDS).optional(),
  linkTargetId: safeText().trim().min(1).max(TASK_LINK_TARGET_MAX).optional(),
};

/** The task list: by due day (tasks without one last), title, status, last change or creation. */
export const taskListQuerySchema = listQuerySchema({
  sort: ['dueOn', 'title', 'status', 'updatedAt', 'createdAt'],
  defaultSort: 'dueOn',
  defaultOrder: 'asc',
  search: true,
  filters: taskFilters,
});
export type TaskListQuery = z.output<typeof taskListQuerySchema>;

/** The board: columns by ISO week from `from` (default: this week), with the overdue ones before them. */
export const taskBoardQuerySchema = z.object({
  from: isoWeekSchema().optional(),
  weeks: z.coerce.number().int().min(1).max(TASK_BOARD_WEEKS_MAX).default(6),
  perWeek: z.coerce.number().int().min(1).max(TASK_BOARD_PER_WEEK_MAX).default(30),
  mine: flag(),
  ownerUserId: z.union([z.uuid(), z.literal('none')]).optional(),
  source: z.enum(TASK_SOURCES).optional(),
});
export type TaskBoardQuery = z.output<typeof taskBoardQuerySchema>;

/** The language of the requirement titles in a task's links. */
export const taskLocaleQuerySchema = z.object({ locale: z.enum(['de', 'en']).default('de') });

/** What a link may point to, for the picker: records of one kind whose name contains `q`. */
export const taskLinkTargetsQuerySchema = z.object({
  kind: z.enum(TASK_LINK_KINDS).default('requirement'),
  q: safeText().trim().max(100).optional(),
  locale: z.enum(['de', 'en']).default('de'),
});

// ---------------------------------------------------------------------------------------------------------------
// Recurring templates

const templateLinks = z.array(taskLinkSchema).max(TASK_LINKS_MAX).default([]);

/** The organisation's own recurring task. */
export const taskTemplateInputSchema = z
  .object({
    title: safeText().trim().min(1).max(TASK_TITLE_MAX),
    description: plainText(TASK_DESCRIPTION_MAX),
    rhythm: z.enum(TASK_RHYTHMS),
    active: z.boolean().default(true),
    defaultOwnerUserId: z.uuid().nullable().default(null),
    links: templateLinks,
  })
  .superRefine((template, context) => noTwice(template.links, context, 'links'));
export type TaskTemplateInput = z.output<typeof taskTemplateInputSchema>;

/**
 * A change of a template, built-in or own, on the revision it was based on (0 for a built-in one never changed). A
 * built-in template's title or description left null (or equal to its default text) follows the reader's language.
 */
export const taskTemplateUpdateSchema = z
  .object({
    title: safeText().trim().min(1).max(TASK_TITLE_MAX).nullable().default(null),
    description: safeText().trim().max(TASK_DESCRIPTION_MAX).nullable().default(null),
    rhythm: z.enum(TASK_RHYTHMS),
    active: z.boolean().default(true),
    defaultOwnerUserId: z.uuid().nullable().default(null),
    links: templateLinks,
    revision: z.int().min(0).max(REVISION_MAX),
  })
  .superRefine((template, context) => noTwice(template.links, context, 'links'));
export type TaskTemplateUpdate = z.output<typeof taskTemplateUpdateSchema>;

/** Start the recurring cycle: every active template's first occurrence, one rhythm after this day. */
export const recurringStartSchema = z.object({ startOn: eventDate() });
export type RecurringStart = z.output<typeof recurringStartSchema>;
