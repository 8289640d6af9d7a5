import { z } from 'zod';
import { calendarDateSchema, instantSchema, type ResponseOf } from '../common/response.ts';
import { managementApprovalStates, managementTrainingStates } from './management.ts';

const progressSchema = z.object({ done: z.int(), total: z.int() });

/** The measures as they stand: what a director approves now. */
export const statusSnapshotSchema = z.object({ version: z.int(), kbv: progressSchema, nis2: progressSchema });

export const managementOverviewSchema = z.object({
  today: calendarDateSchema,
  status: statusSnapshotSchema,
  directors: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      /** Linked to an account in praxisschild: only then can the director approve in the app. */
      hasAccount: z.boolean(),
      /** The signed-in member is this director: only then is "approve" offered. */
      isYou: z.boolean(),
      trainings: z.int(),
      lastTrainingOn: calendarDateSchema.nullable(),
      training: z.object({ state: z.enum(managementTrainingStates), dueOn: calendarDateSchema.nullable(), daysLeft: z.int().nullable() }),
      lastApprovalAt: instantSchema.nullable(),
      approval: z.object({ state: z.enum(managementApprovalStates), changesSince: z.int() }),
      missing: z.array(z.enum(['training', 'approval'])),
    }),
  ),
});
export type ManagementOverview = ResponseOf<typeof managementOverviewSchema>;

export const managementTrainingSchema = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  heldOn: calendarDateSchema,
  agenda: z.string(),
  provider: z.string(),
  durationMinutes: z.int().nullable(),
  certificateEvidenceId: z.uuid().nullable(),
  notes: z.string(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ManagementTraining = ResponseOf<typeof managementTrainingSchema>;

export const managementApprovalSchema = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  approvedByUserId: z.uuid(),
  approvedAt: instantSchema,
  statusVersion: z.int(),
  kbvDone: z.int(),
  kbvTotal: z.int(),
  nis2Done: z.int(),
  nis2Total: z.int(),
  remark: z.string(),
});
export type ManagementApproval = ResponseOf<typeof managementApprovalSchema>;

export const directorRecordsSchema = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), hasAccount: z.boolean() }),
  trainings: z.array(managementTrainingSchema.extend({ certificate: z.object({ id: z.uuid(), fileName: z.string() }).nullable() })),
  approvals: z.array(managementApprovalSchema),
});
export type DirectorRecords = ResponseOf<typeof directorRecordsSchema>;
