import { z } from 'zod';
import { calendarDate, EARLIEST_EVENT, LATEST_DATE, safeText } from '../common/input.ts';

export const requirementStatuses = ['open', 'in_progress', 'implemented', 'not_applicable'] as const;
export const requirementStatusSchema = z.enum(requirementStatuses);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;

// A due date before the KBV guideline (2020) or next century is a typo; see docs/decisions/010-input-limits.md.
const dueDate = calendarDate({ from: EARLIEST_EVENT, to: LATEST_DATE });

/** One status per requirement and scope (the whole organisation, or one location). */
export const updateRequirementStatusSchema = z
  .object({
    locationId: z.uuid().nullable().default(null),
    status: requirementStatusSchema,
    notApplicableReason: safeText().trim().max(2000).nullable().optional(),
    ownerUserId: z.uuid().nullable().optional(),
    dueDate: dueDate.nullable().optional(),
    notes: safeText().max(10_000).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    // "Nicht anwendbar" must say why, so an auditor can follow the decision.
    if (value.status === 'not_applicable' && !value.notApplicableReason?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['notApplicableReason'], message: 'reason_required' });
    }
  });
export type UpdateRequirementStatus = z.output<typeof updateRequirementStatusSchema>;
