import { z } from 'zod';
import { safeText } from '../common/input.ts';
import { gdprRisks, instantSchema } from './deadlines.schema.ts';

/** What a practice can say about where an incident probably came from, in plain words. */
export const suspectedOrigins = [
  'unknown',
  'phishing',
  'malware',
  'ransomware',
  'attack',
  'lost_device',
  'human_error',
  'outage',
  'supplier',
  'other',
] as const;

/**
 * Reporting an incident in under a minute: what happened, when it was noticed, where, which systems, the suspected
 * origin, and whether patient data are involved. No patient names or health data belong here.
 */
export const reportIncidentSchema = z.object({
  title: safeText().trim().min(3).max(200),
  description: safeText().trim().max(10_000).default(''),
  noticedAt: instantSchema.describe('When the practice became aware (ISO 8601 with offset): the § 32 BSIG and Art. 33 GDPR clocks start here'),
  locationIds: z.array(z.uuid()).max(200).default([]),
  systems: safeText().trim().max(2000).default(''),
  suspectedOrigin: z.enum(suspectedOrigins).default('unknown'),
  patientDataInvolved: z.boolean(),
});
export type ReportIncident = z.output<typeof reportIncidentSchema>;

/**
 * The significance assessment (§ 2 Nr. 11 BSIG): has the incident caused, or can it cause, severe disruption of the
 * practice's services or financial loss, or considerable damage to others (patients above all)? "unsure" is an
 * answer: the BSI expects a report on justified suspicion.
 */
const level = z.enum(['no', 'unsure', 'yes']);
export const significanceAnswersSchema = z.object({
  severeDisruption: level.describe('Patient care or practice operations severely disrupted, or could be'),
  financialLoss: level.describe('Financial loss for the practice, or could be (§ 2 Nr. 11 Buchst. a BSIG: any financial loss, no "considerable")'),
  considerableHarmToOthers: level.describe('Considerable material or non-material damage to patients or others, or could be'),
  maliciousSuspected: z.boolean().describe('Suspected to be caused by unlawful or malicious acts (asked in the early warning)'),
  crossBorderImpact: z.boolean().describe('Could have an impact in other EU states (asked in the early warning)'),
  personalDataBreach: z.boolean().describe('Personal data were lost, disclosed, altered or made unavailable (Art. 4 Nr. 12 GDPR)'),
  gdprRisk: z.enum(gdprRisks).describe('Risk to the persons concerned (Art. 33/34 GDPR)'),
  encryptedWithUncompromisedKeys: z.boolean().default(false),
});
export type SignificanceAnswers = z.output<typeof significanceAnswersSchema>;

export const incidentEventKinds = ['note', 'measure', 'contact'] as const;
export const addIncidentEventSchema = z.object({
  kind: z.enum(incidentEventKinds),
  text: safeText().trim().min(2).max(10_000),
  at: instantSchema.optional(),
});
export type AddIncidentEvent = z.output<typeof addIncidentEventSchema>;

export const reportKinds = ['early_warning', 'notification', 'progress_report', 'final_report', 'gdpr_art33', 'gdpr_art34'] as const;
export type IncidentReportKind = (typeof reportKinds)[number];
export const recordSubmissionSchema = z.object({
  kind: z.enum(reportKinds),
  submittedAt: instantSchema,
  reference: safeText().trim().max(200).optional(),
});
export type RecordSubmission = z.output<typeof recordSubmissionSchema>;

export const completeHandlingSchema = z.object({ completedAt: instantSchema });

const isLater = (later: string | undefined, earlier: string | undefined) =>
  later === undefined || earlier === undefined || Date.parse(later) >= Date.parse(earlier);

/**
 * § 32 Abs. 1 Nr. 3 BSIG: on the BSI's request, an intermediate report (Zwischenmeldung) on relevant status updates.
 * The law sets no period of its own; the BSI names one in its request, so `dueAt` is what the request says, if anything.
 * Recording the same request twice (same `requestedAt`) updates it instead of adding a second one.
 */
export const recordIntermediateRequestSchema = z
  .object({
    requestedAt: instantSchema.describe('When the BSI’s request for an intermediate report arrived'),
    dueAt: instantSchema.optional().describe('The date the BSI set in its request, if it set one; not before requestedAt'),
    reference: safeText().trim().max(200).optional().describe('The BSI’s reference of the request'),
  })
  .refine((input) => isLater(input.dueAt, input.requestedAt), { path: ['dueAt'], message: 'before_requested_at' });
export type RecordIntermediateRequest = z.output<typeof recordIntermediateRequestSchema>;

/** That the intermediate report asked for by one request went out (when, reference); not before the request. */
export const recordIntermediateSubmissionSchema = z.object({
  submittedAt: instantSchema,
  reference: safeText().trim().max(200).optional(),
});
export type RecordIntermediateSubmission = z.output<typeof recordIntermediateSubmissionSchema>;

/**
 * The steps of the escalation checklist ("Wer muss Bescheid wissen?"): the fixed chain (IT lead, management, DPO in
 * parallel) or, when the organisation has its own chain (registration preparation, § 33 BSIG), its entries by position.
 */
export const fixedEscalationSteps = ['itLead', 'management', 'dpo'] as const;
export const escalationStepSchema = z.string().regex(/^(itLead|management|dpo|own-(0|[1-9]\d?))$/, 'incident.escalation_step_unknown');
export const setEscalationTickSchema = z.object({
  step: escalationStepSchema.describe('itLead, management, dpo, or own-<n> for the n-th entry (from 0) of the organisation’s own chain'),
  ticked: z.boolean().describe('true: this person or role has been informed; false: take the tick back'),
});
export type SetEscalationTick = z.output<typeof setEscalationTickSchema>;

export const createApiTokenSchema = z.object({
  name: safeText().trim().min(2).max(100).describe('What the token is for, e.g. "Virenscanner Empfang"'),
  scope: z.enum(['incident_intake']).default('incident_intake'),
});

/** A small alert from a detection tool (antivirus, EDR, firewall, backup monitor). */
export const intakeAlertSchema = z.object({
  source: safeText().trim().min(1).max(100).describe('The sending tool, e.g. "Defender"'),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  title: safeText().trim().min(3).max(200),
  detectedAt: instantSchema,
  host: safeText().trim().max(200).optional(),
  details: safeText().max(10_000).optional(),
});
export type IntakeAlert = z.output<typeof intakeAlertSchema>;
