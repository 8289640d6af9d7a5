import { z } from 'zod';
import type { Role } from '../../../domain/auth/roles.ts';
import { roadmapAcceptItemSchema, roadmapAcceptSchema } from '../../../domain/roadmap/roadmap.schema.ts';
import { earliestPlanStart, mondayOf } from '../../../domain/roadmap/roadmap.ts';
import type { RoadmapProposalItem } from './roadmap.api.ts';

/** One proposed item as the form keeps it: taken over or not, who takes it on, and a due date of its own ('' = end of its week). */
export interface ItemValues {
  key: RoadmapProposalItem['key'];
  include: boolean;
  ownerUserId: string | null;
  dueOn: string;
}

export interface ProposalValues {
  [field: string]: unknown;
  startOn: string;
  items: ItemValues[];
}

export const nothingChosen = 'roadmap.nothing_chosen';

/**
 * The form's schema, built on the request schema: every proposed item stays in the form (taken over or not), so that
 * an issue at `items.3.dueOn` names the row the person sees. The server's answer is mapped back the same way.
 */
export const proposalFormSchema = z
  .object({
    startOn: roadmapAcceptSchema.shape.startOn,
    items: z.array(
      z.object({
        key: roadmapAcceptItemSchema.shape.key,
        include: z.boolean(),
        ownerUserId: z.uuid().nullable(),
        dueOn: z.union([z.literal(''), roadmapAcceptItemSchema.shape.dueOn.unwrap().unwrap()]),
      }),
    ),
  })
  .refine((values) => values.items.some((item) => item.include), { path: ['items'], message: nothingChosen });

/** The request body: the chosen items only; an empty date is left out (the server takes the end of the week). */
export function acceptBody(values: ProposalValues, locale: 'de' | 'en') {
  return {
    startOn: values.startOn,
    locale,
    items: values.items
      .filter((item) => item.include)
      .map((item) => ({ key: item.key, ownerUserId: item.ownerUserId, ...(item.dueOn ? { dueOn: item.dueOn } : {}) })),
  };
}

/** Where a row of the request sits in the form: the request holds only the chosen rows. */
export function formIndexOf(values: ProposalValues): number[] {
  return values.items.flatMap((item, index) => (item.include ? [index] : []));
}

/**
 * The values the form starts with: what was typed before in this tab (kept until the plan is taken over), else every
 * item taken over with the first member holding the suggested role as owner and no date of its own.
 */
export function initialValues(
  items: readonly RoadmapProposalItem[],
  proposal: { today: string; defaultStartOn: string },
  members: readonly { userId: string; role: Role }[],
  draft: ProposalValues | null,
): ProposalValues {
  const kept = new Map((draft?.items ?? []).map((item) => [item.key, item]));
  const memberIds = new Set(members.map((m) => m.userId));
  return {
    // A start typed earlier stays while the server still takes it.
    startOn: draft?.startOn && mondayOf(draft.startOn) >= earliestPlanStart(proposal.today) ? draft.startOn : proposal.defaultStartOn,
    items: items.map((item) => {
      const before = kept.get(item.key);
      if (before) {
        return {
          key: item.key,
          include: before.include,
          ownerUserId: before.ownerUserId && memberIds.has(before.ownerUserId) ? before.ownerUserId : null,
          dueOn: before.dueOn,
        };
      }
      return { key: item.key, include: true, ownerUserId: members.find((m) => m.role === item.ownerRole)?.userId ?? null, dueOn: '' };
    }),
  };
}
