import { DateTime } from 'luxon';
import { z } from 'zod';
import { eventDate, eventInstant } from '../common/input.ts';
import { explanationSchema, legalSourceSchema } from '../kbv/explanation.ts';
import { nis2Categories } from '../nis2/nis2-check.schema.ts';

/**
 * An event instant in ISO 8601 with an offset, e.g. 2026-01-15T10:00:00+01:00, between 2000-01-01 and five years from
 * now; impossible dates (30 February) are refused. See domain/common/input.ts.
 */
export const instantSchema = eventInstant();

/** A calendar date, YYYY-MM-DD, of an event (from 2000-01-01 up to five years ahead). */
export const calendarDateSchema = eventDate();

export const gdprRisks = ['none', 'unlikely', 'risk', 'high'] as const;
export type GdprRisk = (typeof gdprRisks)[number];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The epoch milliseconds of a field that passed its own check, or null, so cross-field rules can run beside field errors. */
function millisOf(value: unknown): number | null {
  if (typeof value !== 'string' || !instantSchema.safeParse(value).success) return null;
  return DateTime.fromISO(value, { setZone: true }).toMillis();
}

/** True unless both instants are valid and `field` lies before awareAt. */
function isNotBeforeAwareness(input: Record<string, unknown>, field: 'notificationSubmittedAt' | 'handlingCompletedAt'): boolean {
  const aware = millisOf(input.awareAt);
  const end = millisOf(input[field]);
  return aware === null || end === null || end >= aware;
}

// Run even when other fields failed, so that every field error is reported at once.
const whenObject = (payload: { value: unknown }) => isObject(payload.value);

/** Input of the public reporting-deadline check (§ 32 BSIG, Art. 33 and 34 GDPR). Nothing is stored. */
export const reportingDeadlinesCheckSchema = z
  .object({
    awareAt: instantSchema.describe('When the practice became aware of the incident (Kenntniserlangung), with offset, e.g. 2026-01-15T10:00:00+01:00'),
    entityCategory: z.enum(nis2Categories).describe('NIS2 category of the practice (§ 28 BSIG), e.g. from POST /api/v1/checks/nis2'),
    significantIncident: z.boolean().describe('Whether the incident is significant (erheblicher Sicherheitsvorfall, § 2 Nr. 11 BSIG)'),
    notificationSubmittedAt: instantSchema
      .optional()
      .describe('When the 72-hour incident notification (§ 32(1) Nr. 2 BSIG) was actually submitted; not before awareAt'),
    handlingCompletedAt: instantSchema.optional().describe('When the handling of the incident was completed; not before awareAt'),
    handlingOngoing: z
      .boolean()
      .default(false)
      .describe(
        'Handling is known to go on past the one-month date: a progress report is then due at that date and the final report one month after handling ends (§ 32(2) BSIG). Without it and without handlingCompletedAt, the final report is due one month after the notification',
      ),
    personalDataBreach: z.boolean().describe('Whether personal data were breached (Art. 4 Nr. 12 GDPR)'),
    gdprRisk: z
      .enum(gdprRisks)
      .optional()
      .describe('Risk of the breach to the rights and freedoms of the persons concerned; required when personalDataBreach is true'),
    encryptedWithUncompromisedKeys: z
      .boolean()
      .default(false)
      .describe('The breached data were encrypted to the state of the art and the keys were not compromised (Art. 34(3)(a) GDPR)'),
  })
  .refine((input) => input.personalDataBreach !== true || input.gdprRisk !== undefined, {
    path: ['gdprRisk'],
    message: 'required_for_breach',
    when: whenObject,
  })
  .refine((input) => isNotBeforeAwareness(input, 'notificationSubmittedAt'), {
    path: ['notificationSubmittedAt'],
    message: 'before_aware_at',
    when: whenObject,
  })
  .refine((input) => isNotBeforeAwareness(input, 'handlingCompletedAt'), {
    path: ['handlingCompletedAt'],
    message: 'before_aware_at',
    when: whenObject,
  });
export type ReportingDeadlinesCheck = z.output<typeof reportingDeadlinesCheckSchema>;
export type ReportingDeadlinesCheckInput = z.input<typeof reportingDeadlinesCheckSchema>;

const instantOut = z.string().describe('Instant in ISO 8601 with the Europe/Berlin offset, e.g. 2026-01-16T10:00:00.000+01:00');
const dateOut = z.string().describe('Calendar date in Europe/Berlin, YYYY-MM-DD');

/** What anchors the final report date. */
export const finalReportAnchors = ['notification_submitted', 'notification_deadline', 'handling_completed', 'handling_ongoing'] as const;
export type FinalReportAnchor = (typeof finalReportAnchors)[number];

export const bsigDeadlinesSchema = z.object({
  earlyWarningDue: instantOut.describe('Early warning, 24 elapsed hours after awareness (§ 32(1) Nr. 1 BSIG)'),
  notificationDue: instantOut.describe('Incident notification, 72 elapsed hours after awareness (§ 32(1) Nr. 2 BSIG)'),
  progressReportDue: instantOut
    .nullable()
    .describe('Progress report instead of the final report when handling is not completed one month after the notification (§ 32(2) BSIG)'),
  progressReportDueDate: dateOut.nullable(),
  progressReportProvisional: z.boolean().describe('True while the progress date is counted from the notification deadline, not its submission'),
  finalReportDue: instantOut
    .nullable()
    .describe('End of the last day for the final report (next Berlin midnight minus 1 ms); null while handling is ongoing past the progress report'),
  finalReportDueDate: dateOut.nullable(),
  finalReportProvisional: z
    .boolean()
    .describe('True until the notification has been submitted (the date then assumes submission at its deadline) or while the final date is unknown'),
  finalReportAnchor: z.enum(finalReportAnchors).describe('What the final report date was computed from'),
});
export type BsigDeadlines = z.infer<typeof bsigDeadlinesSchema>;

export const gdprDutiesSchema = z.object({
  art33Required: z.boolean().describe('Notification to the supervisory authority (Art. 33(1) GDPR)'),
  art33Due: instantOut.nullable().describe('72 elapsed hours after awareness; null when no notification is required'),
  art34Required: z.boolean().describe('Communication to the data subjects without undue delay (Art. 34 GDPR)'),
  documentationRequired: z.literal(true).describe('Every breach is documented (Art. 33(5) GDPR)'),
});
export type GdprDuties = z.infer<typeof gdprDutiesSchema>;

export const reportingDeadlinesSchema = z.object({
  bsig: bsigDeadlinesSchema.nullable().describe('Null when § 32 BSIG does not apply (not significant, or not an NIS2 entity)'),
  gdpr: gdprDutiesSchema.nullable().describe('Null when no personal data were breached'),
  explanations: z.array(explanationSchema),
  legalBasis: z.array(legalSourceSchema),
});
export type ReportingDeadlines = z.infer<typeof reportingDeadlinesSchema>;

/** Input of the public registration-deadline check (§ 33 BSIG). */
export const registrationDeadlineCheckSchema = z.object({
  qualifiesSince: calendarDateSchema.describe(
    'Day from which the organisation first (or again) qualifies as an important or particularly important entity; 2025-12-06 for those in scope when the law took effect',
  ),
});
export type RegistrationDeadlineCheck = z.infer<typeof registrationDeadlineCheckSchema>;

export const registrationDeadlineSchema = z.object({
  registrationDueDate: dateOut.describe('Last day for the registration with the BSI (§ 33(1) BSIG)'),
  explanations: z.array(explanationSchema),
  legalBasis: z.array(legalSourceSchema),
});
export type RegistrationDeadline = z.infer<typeof registrationDeadlineSchema>;
