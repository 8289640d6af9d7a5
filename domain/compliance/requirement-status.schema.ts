import { z } from 'zod';

export const requirementStatuses = ['open', 'in_progress', 'implemented', 'not_applicable'] as const;
export const requirementStatusSchema = z.enum(requirementStatuses);
export type RequirementStatus = z.infer<typeof requirementStatusSchema>;

const isoDate = z.iso.date();

/** One status per requirement and scope (the whole organisation, or one location). */
export const updateRequirementStatusSchema = z
  .object({
    locationId: z.uuid().nullable().default(null),
    status: requirementStatusSchema,
    notApplicableReason: z.string().trim().max(2000).nullable().optional(),
    ownerUserId: z.uuid().nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    notes: z.string().max(10_000).nullable().optional(),
  })
  .superRefine((value, ctx) => {
    // "Nicht anwendbar" must say why, so an auditor can follow the decision.
    if (value.status === 'not_applicable' && !value.notApplicableReason?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['notApplicableReason'], message: 'reason_required' });
    }
  });
export type UpdateRequirementStatus = z.output<typeof updateRequirementStatusSchema>;
