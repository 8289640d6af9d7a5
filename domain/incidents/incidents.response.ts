import { z } from 'zod';
import { instantSchema, okSchema, type ResponseOf } from '../common/response.ts';
import { explanationSchema, legalSourceSchema } from '../kbv/explanation.ts';
import { bsigDeadlinesSchema, gdprDutiesSchema } from './deadlines.schema.ts';
import { reportKinds, significanceAnswersSchema, suspectedOrigins } from './incident.schema.ts';
import { draftKinds } from './report-draft.ts';

// What the incident and intake routes answer. The server encodes every answer with these schemas (fields they do not
// name, such as the intake key of an incident, are dropped), the OpenAPI document describes them, and the client types
// its data with ResponseOf<…>.

export { okSchema };

/** The stages nextDeadline can name: the reports with a date, and an intermediate report the BSI asked for by a date. */
export const deadlineKinds = ['early_warning', 'notification', 'gdpr_art33', 'progress_report', 'final_report', 'intermediate_report'] as const;

export const nextDeadlineSchema = z.object({
  kind: z.enum(deadlineKinds),
  due: z.string().describe('Instant in ISO 8601 with offset'),
  isOverdue: z.boolean(),
  remainingMs: z.number().describe('Milliseconds from now to the deadline; negative once it has passed'),
  isProvisional: z.boolean(),
});

/** One incident in the list, with the report due next. */
export const incidentSummarySchema = z.object({
  id: z.uuid(),
  number: z.number(),
  title: z.string(),
  noticedAt: instantSchema,
  patientDataInvolved: z.boolean(),
  significant: z.boolean().nullable().describe('Null until assessed'),
  handlingCompletedAt: instantSchema.nullable(),
  next: nextDeadlineSchema.nullable(),
});

export const reportedIncidentSchema = z.object({ id: z.uuid(), number: z.number() });

export const significanceResultSchema = z.object({ significant: z.boolean(), reasons: z.array(explanationSchema) });

/** What the timeline holds: the system's own entries and the notes, measures and contacts people add. */
export const timelineKinds = [
  'reported',
  'alert',
  'assessed',
  'submitted',
  'handling_completed',
  'note',
  'measure',
  'contact',
  'escalation_ticked',
  'escalation_unticked',
  'intermediate_requested',
] as const;

export const incidentEventSchema = z.object({
  id: z.uuid(),
  at: instantSchema,
  kind: z.enum(timelineKinds),
  text: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const submissionSchema = z.object({
  kind: z.enum(reportKinds),
  submittedAt: instantSchema,
  reference: z.string().nullable(),
  recordedAt: instantSchema,
});

/** A request of the BSI for an intermediate report (§ 32 Abs. 1 Nr. 3 BSIG) and, once recorded, its answer. */
export const intermediateRequestSchema = z.object({
  id: z.uuid(),
  requestedAt: z.string(),
  dueAt: z.string().nullable().describe('The date the BSI set in its request; null when it set none'),
  reference: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submissionReference: z.string().nullable(),
});

export const escalationTickSchema = z.object({ step: z.string(), tickedAt: instantSchema, tickedBy: z.uuid().nullable() });
export const escalationTicksSchema = z.object({ ticks: z.array(escalationTickSchema) });

const personSchema = z.object({ name: z.string(), email: z.string(), phone: z.string() });

export const incidentClocksSchema = z.object({
  bsig: bsigDeadlinesSchema.nullable(),
  gdpr: gdprDutiesSchema.nullable(),
  explanations: z.array(explanationSchema),
  legalBasis: z.array(legalSourceSchema),
  categoryAssumed: z.boolean().describe('No NIS2 check stored: counted as an important entity'),
  next: nextDeadlineSchema.nullable(),
});

/** One incident with its assessment, timeline, submissions, the BSI's requests, the escalation checklist and the clocks. */
export const incidentDetailSchema = z.object({
  id: z.uuid(),
  number: z.number(),
  title: z.string(),
  description: z.string(),
  noticedAt: instantSchema,
  locationIds: z.array(z.uuid()),
  systems: z.string(),
  suspectedOrigin: z.enum(suspectedOrigins),
  patientDataInvolved: z.boolean(),
  significant: z.boolean().nullable(),
  significance: significanceAnswersSchema.nullable().describe('The answers of the assessment; null until assessed'),
  assessedAt: instantSchema.nullable(),
  handlingCompletedAt: instantSchema.nullable(),
  reportedBy: z.uuid().nullable(),
  createdAt: instantSchema,
  assessment: significanceResultSchema.nullable(),
  submissions: z.array(submissionSchema),
  intermediateRequests: z.array(intermediateRequestSchema),
  escalationTicks: z.array(escalationTickSchema),
  escalation: z
    .array(personSchema.extend({ role: z.string() }))
    .describe('The organisation’s own escalation chain (§ 33 BSIG preparation); empty when not set up'),
  contactPoint: personSchema.nullable().describe('The contact point reachable at all times (24/7), when named'),
  events: z.array(incidentEventSchema),
  clocks: incidentClocksSchema,
});

export const createdIdSchema = z.object({ id: z.uuid() });

export const reportDraftSchema = z.object({
  kind: z.enum(draftKinds),
  form: z.enum(['report', 'letter']).describe('A report to an authority (fields) or a letter to the persons concerned (Art. 34 GDPR)'),
  title: z.string(),
  recipient: z.string(),
  due: z.string().nullable(),
  notes: z.array(z.string()).describe('Hints for the practice, not for the recipient'),
  sections: z.array(
    z.object({
      heading: z.string(),
      fields: z.array(z.object({ label: z.string(), value: z.string() })),
      paragraphs: z.array(z.string()).optional(),
      items: z.array(z.string()).optional(),
    }),
  ),
  signature: z.object({ role: z.string(), name: z.string() }).optional(),
  text: z.string(),
});

/** An intake token as listed: never the token itself, which is shown once when created. */
export const intakeTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(['incident_intake']),
  createdAt: instantSchema,
  lastUsedAt: instantSchema.nullable(),
  revokedAt: instantSchema.nullable(),
});
export const intakeTokenListSchema = z.array(intakeTokenSchema);
export const createdIntakeTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum(['incident_intake']),
  token: z.string().describe('Shown this once'),
});

/** The answer to a detection tool's alert: the incident it opened (201) or extended (200). */
export const intakeResultSchema = z.object({ incidentId: z.uuid(), number: z.number(), appended: z.boolean() });

export type IncidentSummary = ResponseOf<typeof incidentSummarySchema>;
export type NextDeadline = ResponseOf<typeof nextDeadlineSchema>;
export type IncidentDetail = ResponseOf<typeof incidentDetailSchema>;
export type IncidentEvent = ResponseOf<typeof incidentEventSchema>;
export type Submission = ResponseOf<typeof submissionSchema>;
export type IntermediateRequestAnswer = ResponseOf<typeof intermediateRequestSchema>;
export type EscalationTicks = ResponseOf<typeof escalationTicksSchema>;
export type ReportedIncident = ResponseOf<typeof reportedIncidentSchema>;
export type SignificanceResultAnswer = ResponseOf<typeof significanceResultSchema>;
export type ReportDraft = ResponseOf<typeof reportDraftSchema>;
export type IntakeToken = ResponseOf<typeof intakeTokenSchema>;
export type CreatedIntakeToken = ResponseOf<typeof createdIntakeTokenSchema>;
