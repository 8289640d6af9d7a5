// Typed view of the tables created by the SQL files in migrations/ (the SQL is the source of truth).

import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AccountStatus, AccountSystem, ChecklistItemInput, ChecklistKind } from '../../domain/access/access.schema.ts';
import type { AssetKind, AssetRelationKind, ProtectionNeed } from '../../domain/assets/assets.schema.ts';
import type { Role } from '../../domain/auth/roles.ts';
import type { LegalForm } from '../../domain/organisations/organisation.schema.ts';
import type { ContractType, PersonRole } from '../../domain/people/people.schema.ts';
import type { RiskTreatment } from '../../domain/risks/risks.schema.ts';
import type { AvvStatus, C5Basis, C5Type, SupplierCriticality } from '../../domain/suppliers/suppliers.schema.ts';
import type { TaskLink, TaskLinkKind, TaskRhythm, TaskSource, TaskStatus } from '../../domain/tasks/tasks.schema.ts';
import type { AttendanceStatus, ConfirmationMethod, TrainingTopic } from '../../domain/training/training.schema.ts';

/** bytea as a Node Buffer on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  legalForm: text('legal_form').$type<LegalForm>().notNull(),
  /** Months a leaver's record is kept after the end date (migration 0025); then it may be deleted. */
  peopleRetentionMonths: integer('people_retention_months').notNull().default(36),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Per-organisation numbers (incident #1, #2, …), raised in one statement so that simultaneous requests never share one. */
export const organisationCounters = pgTable('organisation_counters', {
  organisationId: uuid('organisation_id').primaryKey(),
  incidentNumber: integer('incident_number').notNull().default(0),
});

export const locations = pgTable(
  'locations',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabledAt: ts('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  locale: text('locale').notNull().default('de'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    isAdmin: boolean('is_admin').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] })],
);

export const invitations = pgTable(
  'invitations',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    isAdmin: boolean('is_admin').notNull().default(false),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  state: text('state').notNull(),
  csrfToken: text('csrf_token').notNull(),
  organisationId: uuid('organisation_id'),
  pendingTotpSecretEnc: text('pending_totp_secret_enc'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

export const outboxMails = pgTable(
  'outbox_mails',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    kind: text('kind').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    delivery: text('delivery').notNull(),
    error: text('error'),
    claimedAt: ts('claimed_at'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    failedAt: ts('failed_at'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    organisationId: uuid('organisation_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.seq] })],
);

export const auditHeads = pgTable('audit_heads', {
  organisationId: uuid('organisation_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

export const catalogRequirements = pgTable('catalog_requirements', {
  id: text('id').primaryKey(),
  framework: text('framework').notNull(),
  catalogVersion: text('catalog_version').notNull(),
  annex: integer('annex'),
  number: integer('number').notNull(),
  reference: text('reference').notNull(),
  titleDe: text('title_de').notNull(),
  titleEn: text('title_en').notNull(),
  summaryDe: text('summary_de').notNull(),
  summaryEn: text('summary_en').notNull(),
  summaryConfidence: text('summary_confidence').notNull(),
  targetObjectDe: text('target_object_de'),
  targetObjectEn: text('target_object_en'),
  appliesIf: jsonb('applies_if').notNull().$type<string[]>(),
  effectiveFrom: date('effective_from', { mode: 'string' }),
  newInRevision: boolean('new_in_revision').notNull(),
  sourceUrl: text('source_url'),
  sortOrder: integer('sort_order').notNull(),
  withdrawnAt: date('withdrawn_at', { mode: 'string' }),
});

export const applicabilityChecks = pgTable(
  'applicability_checks',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    financialYear: integer('financial_year'),
    inputs: jsonb('inputs').notNull().$type<Record<string, unknown>>(),
    result: jsonb('result').notNull().$type<Record<string, unknown>>(),
    checkedAt: ts('checked_at').notNull().defaultNow(),
    checkedBy: uuid('checked_by'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const requirementStatuses = pgTable(
  'requirement_statuses',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    requirementId: text('requirement_id').notNull(),
    locationId: uuid('location_id'),
    status: text('status').notNull(),
    notApplicableReason: text('not_applicable_reason'),
    ownerUserId: uuid('owner_user_id'),
    dueDate: date('due_date', { mode: 'string' }),
    notes: text('notes'),
    evidenceCount: integer('evidence_count').notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const evidenceFiles = pgTable(
  'evidence_files',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    requirementStatusId: uuid('requirement_status_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const incidents = pgTable(
  'incidents',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    noticedAt: ts('noticed_at').notNull(),
    locationIds: uuid('location_ids').array().notNull(),
    systems: text('systems').notNull(),
    suspectedOrigin: text('suspected_origin').notNull(),
    patientDataInvolved: boolean('patient_data_involved').notNull(),
    significance: jsonb('significance').$type<Record<string, unknown>>(),
    significant: boolean('significant'),
    assessedAt: ts('assessed_at'),
    handlingCompletedAt: ts('handling_completed_at'),
    reportedBy: uuid('reported_by'),
    intakeKey: text('intake_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const incidentEvents = pgTable(
  'incident_events',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    incidentId: uuid('incident_id').notNull(),
    at: ts('at').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const incidentSubmissions = pgTable(
  'incident_submissions',
  {
    organisationId: uuid('organisation_id').notNull(),
    incidentId: uuid('incident_id').notNull(),
    kind: text('kind').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    reference: text('reference'),
    recordedBy: uuid('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.incidentId, t.kind] })],
);

export const incidentIntermediateRequests = pgTable(
  'incident_intermediate_requests',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    incidentId: uuid('incident_id').notNull(),
    requestedAt: ts('requested_at').notNull(),
    dueAt: ts('due_at'),
    requestReference: text('request_reference'),
    submittedAt: ts('submitted_at'),
    submissionReference: text('submission_reference'),
    recordedBy: uuid('recorded_by'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const incidentEscalationTicks = pgTable(
  'incident_escalation_ticks',
  {
    organisationId: uuid('organisation_id').notNull(),
    incidentId: uuid('incident_id').notNull(),
    step: text('step').notNull(),
    tickedAt: ts('ticked_at').notNull().defaultNow(),
    tickedBy: uuid('ticked_by'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.incidentId, t.step] })],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    scope: text('scope').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const jobs = pgTable('jobs', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id'),
  kind: text('kind').notNull(),
  runAt: ts('run_at').notNull(),
  payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
  uniqueKey: text('unique_key'),
  attempts: integer('attempts').notNull().default(0),
  lockedUntil: ts('locked_until'),
  doneAt: ts('done_at'),
  lastError: text('last_error'),
  failedAt: ts('failed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const registrationSetups = pgTable('registration_setups', {
  organisationId: uuid('organisation_id').primaryKey(),
  data: jsonb('data').notNull().$type<Record<string, unknown>>(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** Failed sign-ins per (e-mail address, client address): the progressive delay of migration 0013. */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    email: text('email').notNull(),
    client: text('client').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: ts('last_failure_at').notNull().defaultNow(),
    blockedUntil: ts('blocked_until'),
  },
  (t) => [primaryKey({ columns: [t.email, t.client] })],
);

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    usedAt: ts('used_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const instanceSettings = pgTable('instance_settings', {
  id: boolean('id').primaryKey().default(true),
  publicUrl: text('public_url'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const assets = pgTable(
  'assets',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<AssetKind>().notNull(),
    locationId: uuid('location_id'),
    owner: text('owner').notNull().default(''),
    inventoryNumber: text('inventory_number').notNull().default(''),
    manufacturer: text('manufacturer').notNull().default(''),
    model: text('model').notNull().default(''),
    version: text('version').notNull().default(''),
    operatingSystem: text('operating_system').notNull().default(''),
    supportEndsOn: date('support_ends_on', { mode: 'string' }),
    protectionNeed: text('protection_need').$type<ProtectionNeed>().notNull().default('normal'),
    lastPatchedOn: date('last_patched_on', { mode: 'string' }),
    adminMfa: boolean('admin_mfa'),
    encryptedAtRest: boolean('encrypted_at_rest'),
    networkSegment: text('network_segment').notNull().default(''),
    notes: text('notes').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Kept by PostgreSQL (migration 0024): what the list's search looks in, lowered. Never written, never answered. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`lower(name || E'\x1f' || inventory_number || E'\x1f' || manufacturer || E'\x1f' || model || E'\x1f' || owner)`),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const assetRelations = pgTable(
  'asset_relations',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    sourceId: uuid('source_id').notNull(),
    kind: text('kind').$type<AssetRelationKind>().notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const suppliers = pgTable(
  'suppliers',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    services: text('services').notNull().default(''),
    criticality: text('criticality').$type<SupplierCriticality>().notNull().default('medium'),
    patientDataAccess: boolean('patient_data_access'),
    avvStatus: text('avv_status').$type<AvvStatus>(),
    avvSignedOn: date('avv_signed_on', { mode: 'string' }),
    avvEvidenceId: uuid('avv_evidence_id'),
    cloudHealthData: boolean('cloud_health_data'),
    c5Basis: text('c5_basis').$type<C5Basis>(),
    c5Type: text('c5_type').$type<C5Type>(),
    c5Scope: text('c5_scope').notNull().default(''),
    c5ReportDate: date('c5_report_date', { mode: 'string' }),
    c5ValidUntil: date('c5_valid_until', { mode: 'string' }),
    securityAgreement: boolean('security_agreement'),
    auditRights: boolean('audit_rights'),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    emergencyContact: text('emergency_contact').notNull().default(''),
    emergencyPhone: text('emergency_phone').notNull().default(''),
    subProcessors: text('sub_processors').notNull().default(''),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const supplierAssets = pgTable(
  'supplier_assets',
  {
    organisationId: uuid('organisation_id').notNull(),
    supplierId: uuid('supplier_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.supplierId, t.assetId] })],
);

export const risks = pgTable(
  'risks',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    owner: text('owner').notNull().default(''),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    residualLikelihood: integer('residual_likelihood'),
    residualImpact: integer('residual_impact'),
    treatment: text('treatment').$type<RiskTreatment>().notNull().default('reduce'),
    measures: text('measures').notNull().default(''),
    requirementIds: text('requirement_ids').array().notNull().default([]),
    reviewOn: date('review_on', { mode: 'string' }),
    templateId: text('template_id'),
    acceptedByUserId: uuid('accepted_by_user_id'),
    acceptedAt: ts('accepted_at'),
    acceptedRevision: integer('accepted_revision'),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** The column mapping a register's last import used, by column title (server/spreadsheet/remembered-mapping.ts). */
export const importMappings = pgTable(
  'import_mappings',
  {
    organisationId: uuid('organisation_id').notNull(),
    register: text('register').notNull(),
    mapping: jsonb('mapping').notNull().$type<Record<string, string | null>>(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.register] })],
);

/** The people of the practice (migration 0025): with or without an account; access, training and § 38 hang on them. */
export const people = pgTable(
  'people',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    personnelNumber: text('personnel_number').notNull().default(''),
    role: text('role').$type<PersonRole>().notNull(),
    locationId: uuid('location_id'),
    email: text('email').notNull().default(''),
    userId: uuid('user_id'),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** numeric(4,1) as a JavaScript number (at most 80.0, one decimal: exact in a double). */
    weeklyHours: numeric('weekly_hours', { mode: 'number' }),
    contractType: text('contract_type').$type<ContractType>().notNull().default('permanent'),
    handlesPatientData: boolean('handles_patient_data').notNull().default(true),
    notes: text('notes').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    searchText: text('search_text').notNull().generatedAlwaysAs(sql`lower(name || E'\x1f' || personnel_number || E'\x1f' || email)`),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** A managing director's training under § 38 Abs. 3 BSIG (migration 0028). */
export const managementTrainings = pgTable(
  'management_trainings',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id'),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    agenda: text('agenda').notNull(),
    provider: text('provider').notNull(),
    durationMinutes: integer('duration_minutes'),
    certificateEvidenceId: uuid('certificate_evidence_id'),
    notes: text('notes').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id'),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** A managing director's approval of the measures as they stood (§ 38 Abs. 1 BSIG; migration 0028). Append-only. */
export const managementApprovals = pgTable(
  'management_approvals',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id'),
    approvedByUserId: uuid('approved_by_user_id').notNull(),
    approvedAt: ts('approved_at').notNull().defaultNow(),
    statusVersion: bigint('status_version', { mode: 'number' }).notNull(),
    kbvDone: integer('kbv_done').notNull(),
    kbvTotal: integer('kbv_total').notNull(),
    nis2Done: integer('nis2_done').notNull(),
    nis2Total: integer('nis2_total').notNull(),
    remark: text('remark').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** Awareness training (migration 0027): courses with a recurrence, their sessions, who attended, confirmation links. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    topic: text('topic').$type<TrainingTopic>().notNull(),
    description: text('description').notNull().default(''),
    durationMinutes: integer('duration_minutes').notNull(),
    recurrenceMonths: integer('recurrence_months').notNull().default(12),
    mandatory: boolean('mandatory').notNull().default(true),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    courseId: uuid('course_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    trainer: text('trainer').notNull().default(''),
    locationId: uuid('location_id'),
    notes: text('notes').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const trainingAttendanceLists = pgTable(
  'training_attendance_lists',
  {
    organisationId: uuid('organisation_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.sessionId] })],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    sessionId: uuid('session_id').notNull(),
    personId: uuid('person_id'),
    personRole: text('person_role').$type<PersonRole>().notNull(),
    personLocationId: uuid('person_location_id'),
    status: text('status').$type<AttendanceStatus>().notNull().default('invited'),
    confirmedAt: ts('confirmed_at'),
    confirmationMethod: text('confirmation_method').$type<ConfirmationMethod>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const trainingConfirmations = pgTable(
  'training_confirmations',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    attendanceId: uuid('attendance_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** Accounts, cards and keys a person holds (migration 0026): never a secret, only that the access exists. */
export const personAccounts = pgTable(
  'person_accounts',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    system: text('system').$type<AccountSystem>().notNull(),
    assetId: uuid('asset_id'),
    accountName: text('account_name').notNull().default(''),
    isAdmin: boolean('is_admin').notNull().default(false),
    mfa: boolean('mfa'),
    status: text('status').$type<AccountStatus>().notNull().default('active'),
    disabledOn: date('disabled_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** An organisation's own on- or offboarding checklist (migration 0026); without one the built-in defaults apply. */
export const checklistTemplates = pgTable(
  'checklist_templates',
  {
    organisationId: uuid('organisation_id').notNull(),
    kind: text('kind').$type<ChecklistKind>().notNull(),
    items: jsonb('items').notNull().$type<ChecklistItemInput[]>(),
    revision: integer('revision').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind] })],
);

/** A checklist started for a person, with the template's items copied (migration 0026). */
export const personChecklists = pgTable(
  'person_checklists',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').$type<ChecklistKind>().notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    startedByUserId: uuid('started_by_user_id'),
    completedAt: ts('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const personChecklistItems = pgTable(
  'person_checklist_items',
  {
    organisationId: uuid('organisation_id').notNull(),
    checklistId: uuid('checklist_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    hint: text('hint').notNull().default(''),
    doneAt: ts('done_at'),
    doneByUserId: uuid('done_by_user_id'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.checklistId, t.position] })],
);

/** Tasks (migration 0029): manual, from the roadmap or the recurring cycle; what they serve and the comments on them. */
export const tasks = pgTable(
  'tasks',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerUserId: uuid('owner_user_id'),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    doneAt: ts('done_at'),
    doneBy: uuid('done_by'),
    source: text('source').$type<TaskSource>().notNull().default('manual'),
    sourceKey: text('source_key'),
    roadmapWeek: integer('roadmap_week'),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    templateId: uuid('template_id'),
    followsTaskId: uuid('follows_task_id'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const taskLinks = pgTable(
  'task_links',
  {
    organisationId: uuid('organisation_id').notNull(),
    taskId: uuid('task_id').notNull(),
    kind: text('kind').$type<TaskLinkKind>().notNull(),
    targetId: text('target_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.taskId, t.kind, t.targetId] })],
);

export const taskComments = pgTable(
  'task_comments',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    taskId: uuid('task_id').notNull(),
    authorUserId: uuid('author_user_id'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** Quick-check answers an organisation carried over at its creation, with the server's result (migration 0030). */
export const quickChecks = pgTable(
  'quick_checks',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    questionSetVersion: text('question_set_version').notNull(),
    answers: jsonb('answers').notNull().$type<Record<string, string>>(),
    result: jsonb('result').notNull().$type<Record<string, unknown>>(),
    score: integer('score').notNull(),
    prefilledRequirementIds: text('prefilled_requirement_ids').array().notNull().default(sql`'{}'`),
    carriedAt: ts('carried_at').notNull().defaultNow(),
    carriedByUserId: uuid('carried_by_user_id'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** Acceptances of the 8-week plan (migration 0032): the Monday its first week starts and how many tasks it created. */
export const roadmapAcceptances = pgTable(
  'roadmap_acceptances',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    taskCount: integer('task_count').notNull(),
    acceptedAt: ts('accepted_at').notNull().defaultNow(),
    acceptedBy: uuid('accepted_by'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** Calendar feeds behind a secret address: only the token's hash is stored (migration 0033). */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    scope: text('scope').$type<'personal' | 'organisation'>().notNull(),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    locale: text('locale').$type<'de' | 'en'>().notNull().default('de'),
    createdAt: ts('created_at').notNull().defaultNow(),
    rotatedAt: ts('rotated_at'),
    lastFetchedAt: ts('last_fetched_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** Each member's reminder mails in one organisation (migration 0033). */
export const calendarPreferences = pgTable(
  'calendar_preferences',
  {
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id').notNull(),
    taskReminders: boolean('task_reminders').notNull().default(true),
    dailyDigest: boolean('daily_digest').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] })],
);

/** Reminders and digests sent, keyed so that each goes out once (migration 0033). */
export const calendarRemindersSent = pgTable(
  'calendar_reminders_sent',
  {
    organisationId: uuid('organisation_id').notNull(),
    kind: text('kind').$type<'task_week_before' | 'task_due' | 'digest'>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind, t.subjectId, t.day] })],
);

/** Recurring task templates (migration 0031): the organisation's changes to the built-in ones and its own. */
export const taskTemplates = pgTable(
  'task_templates',
  {
    organisationId: uuid('organisation_id').notNull(),
    id: uuid('id').notNull(),
    builtInKey: text('built_in_key'),
    title: text('title'),
    description: text('description'),
    rhythm: text('rhythm').$type<TaskRhythm>().notNull(),
    active: boolean('active').notNull().default(true),
    defaultOwnerUserId: uuid('default_owner_user_id'),
    links: jsonb('links').notNull().$type<TaskLink[]>().default([]),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);
export * from './schema-documents.ts';
