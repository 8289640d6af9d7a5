import { z } from 'zod';
import { roles } from '../auth/roles.ts';
import { calendarDateSchema, instantSchema, type ResponseOf } from '../common/response.ts';
import { nis2Categories } from '../nis2/nis2-check.schema.ts';
import { TASK_LINK_KINDS, TASK_STATUSES } from '../tasks/tasks.schema.ts';
import { ROADMAP_QUICK_CHECK_OUTCOMES } from './roadmap.quickcheck.ts';
import { roadmapKeys } from './roadmap.ts';

const week = z.number().int().min(1).max(8);
const phase = z.enum(['inventory', 'quick_wins', 'documentation', 'leadership', 'registration']);

/** One proposed task; title, reason and to-do are locale keys filled with `params`. */
export const roadmapItemSchema = z.object({
  key: z.enum(roadmapKeys),
  week,
  phase,
  ownerRole: z.enum(roles),
  text: z.object({ title: z.string(), why: z.string(), todo: z.string() }),
  params: z.record(z.string(), z.number()),
  citations: z.array(z.string()),
  requirementIds: z.array(z.string()),
  links: z.array(z.object({ kind: z.enum(TASK_LINK_KINDS), targetId: z.string() })),
  /**
   * What the quick check carried over at setup said (decision 032, addendum): confirm (answered "yes": the title reads
   * "Bestätigen und Nachweis ablegen: …" and `text.todo` is the smaller to-do), gap (answered "no": first in its
   * week) or contradicted ("yes", but a register names records); null without a word from the quick check.
   */
  quickCheck: z.object({ outcome: z.enum(ROADMAP_QUICK_CHECK_OUTCOMES), questionIds: z.array(z.string()) }).nullable(),
});

/** What the plan would propose now, without what is planned already. */
export const roadmapProposalSchema = z.object({
  today: calendarDateSchema,
  /** The running plan's Monday while the current week is one of its eight, else the first Monday on or after today. */
  defaultStartOn: calendarDateSchema,
  scope: z.object({
    /** From the newest NIS2 check: in scope (important or particularly important), not in scope, or not checked yet. */
    nis2: z.enum(['in_scope', 'not_in_scope', 'not_assessed']),
    nis2Category: z.enum(nis2Categories).nullable(),
    kbvAssessed: z.boolean(),
    /** False for a practice outside contract medical care: the KBV guideline is a recommendation there. */
    kbvGuidelineApplies: z.boolean(),
    annexes: z.array(z.number().int()),
  }),
  items: z.array(roadmapItemSchema),
  /** Items the plan would propose again but that are tasks already. */
  alreadyPlanned: z.number().int(),
  /** Whether any item was taken over before. */
  planned: z.boolean(),
});

/** The result of taking the proposal over: the tasks created, and the items that were tasks already. */
export const roadmapAcceptedSchema = z.object({
  created: z.array(z.object({ key: z.enum(roadmapKeys), taskId: z.uuid() })),
  skipped: z.array(z.enum(roadmapKeys)),
});

const planTaskSchema = z.object({
  id: z.uuid(),
  /** The roadmap item it came from. */
  key: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  dueOn: calendarDateSchema.nullable(),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  overdue: z.boolean(),
});

const progressSchema = z.object({
  done: z.number().int(),
  /** Tasks not cancelled. */
  total: z.number().int(),
});

/** The plan as taken over: its tasks by week, with progress per week and overall. */
export const roadmapPlanSchema = z.object({
  today: calendarDateSchema,
  /** The Monday the latest acceptance's plan starts on, or null before any. */
  startOn: calendarDateSchema.nullable(),
  lastAcceptedAt: instantSchema.nullable(),
  weeks: z.array(
    z.object({
      week,
      phase,
      /** Monday and Friday of the week in the plan started on startOn. */
      startsOn: calendarDateSchema.nullable(),
      endsOn: calendarDateSchema.nullable(),
      progress: progressSchema,
      tasks: z.array(planTaskSchema),
    }),
  ),
  progress: progressSchema,
});

export type RoadmapProposal = ResponseOf<typeof roadmapProposalSchema>;
export type RoadmapProposalItem = RoadmapProposal['items'][number];
export type RoadmapAccepted = ResponseOf<typeof roadmapAcceptedSchema>;
export type RoadmapPlan = ResponseOf<typeof roadmapPlanSchema>;
