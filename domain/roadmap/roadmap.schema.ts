import { z } from 'zod';
import { calendarDate, EARLIEST_EVENT, LATEST_DATE } from '../common/input.ts';
import { roadmapKeys } from './roadmap.ts';

/** Issue codes of the plan's acceptance; they double as translation keys under "issues." in client/locales. */
export const roadmapIssueCodes = {
  itemTwice: 'roadmap.item_twice',
  itemNotProposed: 'roadmap.item_not_proposed',
  ownerNotMember: 'roadmap.owner_not_member',
  dueInPast: 'roadmap.due_in_past',
  startInPast: 'roadmap.start_in_past',
} as const;

const planDate = () => calendarDate({ from: EARLIEST_EVENT, to: LATEST_DATE });

/** One proposed item taken over: who takes it on and by when (left out: nobody yet, the end of its week). */
export const roadmapAcceptItemSchema = z.object({
  key: z.enum(roadmapKeys),
  ownerUserId: z.uuid().nullable().optional(),
  dueOn: planDate().nullable().optional(),
});

/**
 * Taking over the proposal: the first Monday of the plan (a later day of the week starts the plan in that week) and
 * the items kept. The texts of the tasks are written in `locale`, the language the person read them in.
 */
export const roadmapAcceptSchema = z
  .object({
    startOn: planDate(),
    locale: z.enum(['de', 'en']).default('de'),
    items: z.array(roadmapAcceptItemSchema).min(1).max(roadmapKeys.length),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.items.forEach((item, index) => {
      if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: ['items', index, 'key'], message: roadmapIssueCodes.itemTwice });
      seen.add(item.key);
    });
  });
export type RoadmapAccept = z.output<typeof roadmapAcceptSchema>;
