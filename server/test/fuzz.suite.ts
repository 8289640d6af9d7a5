import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_CHECK_VERSION, quickCheckQuestions } from '../../domain/quickcheck/questions.ts';
import { addDays, nextMonday } from '../../domain/roadmap/roadmap.ts';
import { type Engine, queryRows } from '../db/connect.ts';
import { people } from '../db/schema.ts';
import { campaignBody } from '../modules/phishing/phishing.fixtures.ts';
import { multipart, samplePdf, samplePng } from './files.ts';
import { type Agent, PASSWORD, runFirstSetup, startTestApp, type TestApp } from './test-app.ts';

/**
 * Absurd input on every write route: generated bodies (valid-looking values mixed with NUL, lone surrogates, huge
 * strings, years 0/1/1899/10000, wrong types, nested junk), junk in path ids and query strings, and malformed
 * multipart. Each route must answer below 500, and a 4xx must leave the tables it touches exactly as they were.
 *
 * Reproduce a run with FUZZ_SEED=<printed seed>; FUZZ_RUNS sets the bodies per route (default 80, which keeps CI under
 * its 30 minutes with 90 write routes on two engines; run FUZZ_RUNS=500 npm run test:api for a deeper search).
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261201);
const runs = Number(process.env.FUZZ_RUNS ?? 80);

/** The records the routes work on, created before the fuzzing starts. */
interface Fixture {
  organisationId: string;
  locationId: string;
  spareLocationId: string;
  userId: string;
  memberId: string;
  invitationId: string;
  token: string;
  incidentId: string;
  requestId: string;
  tokenId: string;
  evidenceId: string;
  requirementId: string;
  kind: string;
  assetId: string;
  spareAssetId: string;
  targetAssetId: string;
  relationId: string;
  supplierId: string;
  spareSupplierId: string;
  avvEvidenceId: string;
  riskId: string;
  spareRiskId: string;
  templateId: string;
  directorId: string;
  trainingId: string;
  spareTrainingId: string;
  personId: string;
  sparePersonId: string;
  courseId: string;
  spareCourseId: string;
  sessionId: string;
  spareSessionId: string;
  trainingPersonId: string;
  confirmationToken: string;
  accountId: string;
  documentKind: string;
  versionNumber: string;
  documentRevision: number;
  spareAccountId: string;
  checklistId: string;
  position: string;
  feedId: string;
  spareFeedId: string;
  feedToken: string;
  taskId: string;
  spareTaskId: string;
  taskTemplateId: string;
  spareTaskTemplateId: string;
  campaignId: string;
  spareCampaignId: string;
  trackingToken: string;
}

interface FuzzSpec {
  /** A body the route accepts, the starting point of every mutation. */
  body: (f: Fixture) => unknown;
  /** Tables that must be unchanged when the route answers 4xx. */
  tables: string[];
  /** Who sends it: the signed-in administrator (default), nobody, or a detection tool with an API token. */
  as?: 'admin' | 'anonymous' | 'intake';
  /** The body is multipart/form-data (evidence upload), or a spreadsheet upload with its own sample files and fields. */
  multipart?: true | { files: Buffer[]; fields: string[] };
}

const incidentTables = [
  'incidents',
  'incident_events',
  'incident_submissions',
  'incident_intermediate_requests',
  'incident_escalation_ticks',
  'audit_events',
  'jobs',
];
const organisationTables = ['organisations', 'locations', 'memberships', 'audit_events'];
const assetTables = ['assets', 'asset_relations', 'audit_events'];
const assetBody = (f: Fixture) => ({
  name: 'PVS-Server Empfang',
  kind: 'server',
  locationId: f.locationId,
  owner: 'Praxisleitung',
  inventoryNumber: 'INV-0815',
  manufacturer: 'Fujitsu',
  model: 'Primergy TX1320',
  version: 'M5',
  operatingSystem: 'Windows Server 2019',
  supportEndsOn: '2029-01-09',
  protectionNeed: 'very_high',
  lastPatchedOn: '2026-11-20',
  adminMfa: false,
  encryptedAtRest: true,
  networkSegment: 'VLAN 10',
  notes: 'Im Serverschrank hinter dem Empfang',
});
/** Spreadsheets for the import routes: a good CSV, broken ones, a ZIP that is no workbook; the mapping as a field. */
const sheetUploads = {
  files: [
    Buffer.from('Inventarnummer;Bezeichnung;Art\nF-1;Fuzz-PC;workstation\n'),
    Buffer.from('Inventarnummer;Bezeichnung;Art\nF-1;Fuzz-PC;workstation\nf-1;Doppelt;server\n'),
    Buffer.from('Name,Kind,Support end\n"=1+1",Toaster,31.02.2026\n'),
    Buffer.from('PK\x03\x04 kein Arbeitsbuch'),
    Buffer.from('\uFEFF;;;\n;;;\n', 'utf8'),
  ],
  fields: ['mapping'],
};
const supplierTables = ['suppliers', 'supplier_assets', 'audit_events'];
const managementTables = ['management_trainings', 'management_approvals', 'audit_events'];
const managementTrainingBody = (f: Fixture) => ({
  heldOn: '2026-11-20',
  agenda: 'Pflichten nach § 38 BSIG, Meldewege nach § 32, aktuelle Angriffe auf Praxen',
  provider: 'Ärztekammer Nordrhein',
  durationMinutes: 180,
  certificateEvidenceId: f.avvEvidenceId,
  notes: 'Zertifikat liegt in der Personalakte',
});
const supplierSheetUploads = {
  files: [
    Buffer.from('Name;Bedeutung;Patientendaten\nFuzz GmbH;Hoch;ja\n'),
    Buffer.from('Name;Bedeutung\nFuzz GmbH;Hoch\nfuzz gmbh;Niedrig\n'),
    Buffer.from('Name,C5 report date,C5 valid until\n"=1+1",2026-02-15,2026-01-01\n'),
    Buffer.from('PK\x03\x04 kein Arbeitsbuch'),
    Buffer.from('\uFEFF;;;\n;;;\n', 'utf8'),
  ],
  fields: ['mapping'],
};
const peopleTables = ['people', 'organisations', 'audit_events'];
const personSheetUploads = {
  files: [
    Buffer.from('Personalnummer;Name;Funktion;Wochenstunden\nF-1;Fuzz Person;Pflegekraft;38,5\n'),
    Buffer.from('Personalnummer;Name;Funktion\nF-1;Fuzz Person;Pflegekraft\nf-1;Doppelt;Extern\n'),
    Buffer.from('Name,Role,Start,End,Weekly hours\n"=1+1",Nurse,2026-05-01,2026-04-01,viel\n'),
    Buffer.from('PK\x03\x04 kein Arbeitsbuch'),
    Buffer.from('\uFEFF;;;\n;;;\n', 'utf8'),
  ],
  fields: ['mapping'],
};
const personBody = (f: Fixture) => ({
  name: 'Anna Berger',
  personnelNumber: 'P-0001',
  role: 'medical_assistant',
  locationId: f.locationId,
  email: 'anna@praxis-a.example',
  startsOn: '2023-04-01',
  endsOn: '2027-03-31',
  weeklyHours: 38.5,
  contractType: 'fixed_term',
  handlesPatientData: true,
  notes: 'Empfang und Labor',
});
const calendarTables = ['calendar_feeds', 'calendar_preferences', 'audit_events'];
const phishingTables = ['phishing_campaigns', 'phishing_recipients', 'phishing_settings', 'phishing_results', 'audit_events', 'jobs'];
const trainingTables = ['training_courses', 'training_sessions', 'training_attendance', 'training_attendance_lists', 'training_confirmations', 'audit_events'];
const trainingCourseBody = () => ({
  title: 'Phishing erkennen',
  topic: 'phishing',
  description: 'Gefälschte Absender, Anhänge, Links',
  durationMinutes: 45,
  recurrenceMonths: 12,
  mandatory: true,
});
const trainingSessionBody = (f: Fixture) => ({ courseId: f.courseId, heldOn: '2026-03-02', trainer: 'Frau Dr. Weber', locationId: f.locationId, notes: '' });
const accessTables = ['person_accounts', 'checklist_templates', 'person_checklists', 'person_checklist_items', 'audit_events'];
const accountBody = (f: Fixture) => ({ system: 'pvs', assetId: f.assetId, accountName: 'm.muster', isAdmin: true, mfa: false, notes: 'Konnektor-Verwaltung' });
const taskTables = ['tasks', 'task_links', 'task_comments', 'task_templates', 'audit_events'];
const documentTables = ['documents', 'document_versions', 'document_approvals', 'management_approvals', 'tasks', 'audit_events'];
const taskBody = (f: Fixture) => ({
  title: 'Rücksicherung des PVS testen',
  description: 'Auf dem Testrechner im Labor',
  ownerUserId: f.userId,
  dueOn: '2027-06-30',
  links: [
    { kind: 'requirement', targetId: 'KBV-A1-25' },
    { kind: 'asset', targetId: f.assetId },
  ],
});
const taskTemplateBody = (f: Fixture) => ({
  title: 'Firewall-Regeln durchsehen',
  description: 'Mit dem IT-Dienstleister',
  rhythm: 'yearly',
  active: true,
  defaultOwnerUserId: f.userId,
  links: [{ kind: 'requirement', targetId: 'KBV-A1-11' }],
});
const checklistTemplateBody = () => ({ items: [{ title: 'Schlüssel ausgeben', hint: 'Ins Schlüsselbuch' }, { title: 'PVS-Zugang anlegen' }] });
const supplierBody = (f: Fixture) => ({
  name: 'Praxis-IT Müller GmbH',
  services: 'Betreuung der Arbeitsplätze und des Servers, Fernwartung',
  criticality: 'high',
  patientDataAccess: true,
  avvStatus: 'signed',
  avvSignedOn: '2025-03-01',
  avvEvidenceId: f.avvEvidenceId,
  cloudHealthData: true,
  c5Basis: 'attestation',
  c5Type: 'type2',
  c5Scope: 'Rechenzentrum Frankfurt, Backup-Dienst',
  c5ReportDate: '2026-02-15',
  c5ValidUntil: '2027-02-14',
  securityAgreement: true,
  auditRights: false,
  contactName: 'Frau Müller',
  contactEmail: 'support@praxis-it.example',
  contactPhone: '+49 30 1234567',
  emergencyContact: 'Bereitschaft',
  emergencyPhone: '+49 171 1234567',
  subProcessors: 'Hetzner Online GmbH',
  nextReviewOn: '2027-06-30',
  notes: 'Vertrag liegt im Ordner Verträge',
});
// The counter row too: a refused create must not use up a risk number.
const riskTables = ['risks', 'organisation_counters', 'audit_events'];
const riskSheetUploads = {
  files: [
    Buffer.from('Nr.;Risiko;Eintrittswahrscheinlichkeit;Schadensausmaß\n;Fuzz-Risiko;möglich;5\n'),
    Buffer.from('Nr.;Risiko;Eintrittswahrscheinlichkeit;Schadensausmaß\nR-1;Fuzz;1;1\n1;Doppelt;2;2\nR-999;Unbekannt;1;1\n'),
    Buffer.from('No.,Risk,Likelihood,Impact,Requirements\n,"=1+1",9,0,KBV-A9-99\n'),
    Buffer.from('PK\x03\x04 kein Arbeitsbuch'),
    Buffer.from('\uFEFF;;;\n;;;\n', 'utf8'),
  ],
  fields: ['mapping'],
};
const riskBody = () => ({
  title: 'Ransomware verschlüsselt den PVS-Server',
  description: 'Über einen ungepatchten Fernwartungszugang',
  owner: 'Praxisleitung',
  likelihood: 3,
  impact: 5,
  residualLikelihood: 2,
  residualImpact: 4,
  treatment: 'accept',
  measures: 'Offline-Sicherung, Fernwartung nur auf Anfrage',
  requirementIds: ['KBV-A1-16', 'BSIG-30-2-03'],
  reviewOn: '2027-06-30',
  templateId: null,
});
const significance = {
  severeDisruption: 'unsure',
  financialLoss: 'no',
  considerableHarmToOthers: 'yes',
  maliciousSuspected: true,
  crossBorderImpact: false,
  personalDataBreach: true,
  gdprRisk: 'risk',
};
const nis2Check = { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 12.5, annualTurnoverEur: 2_000_000, balanceSheetTotalEur: 1_000_000 };
const kbvCheck = { personsHandlingData: 8, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true };
const person = { name: 'Bernd Bereit', email: 'bereit@praxis-a.example', phone: '+49 30 1234567' };
/** The practice's calendar day (Europe/Berlin), for bodies with dates relative to today. */
const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** A complete quick-check answer set: the score and PDF routes store nothing, whatever they receive. */
const quickCheckAnswers = {
  version: QUICK_CHECK_VERSION,
  answers: quickCheckQuestions.map((q, i) => ({ questionId: q.id, answer: ['yes', 'partly', 'no', 'unknown'][i % 4] })),
};

/**
 * One line per write route ("METHOD url" as registered). A route missing here fails the coverage test below: add it
 * with a body the route accepts and the tables it writes.
 */
const specs: Record<string, FuzzSpec> = {
  'POST /api/v1/setup': {
    as: 'anonymous',
    tables: organisationTables,
    body: () => ({
      organisation: { name: 'Praxis Z', legalForm: 'bag', locations: [{ name: 'Haupt', postalCode: '10115', city: 'Berlin' }] },
      admin: { name: 'Zoe Zweit', email: 'zoe@praxis-z.example', password: PASSWORD },
      locale: 'de',
    }),
  },
  'POST /api/v1/auth/login': {
    as: 'anonymous',
    tables: ['sessions'],
    body: () => ({ email: 'niemand@praxis-a.example', password: 'falsches Passwort bleibt falsch' }),
  },
  'POST /api/v1/auth/totp': { as: 'anonymous', tables: ['sessions'], body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/enrolment/confirm': { as: 'anonymous', tables: ['sessions', 'users'], body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/logout': { as: 'anonymous', tables: ['sessions'], body: () => ({}) },
  'POST /api/v1/auth/recovery': { as: 'anonymous', tables: ['sessions'], body: () => ({ code: 'k7m2q-9xw3d' }) },
  'POST /api/v1/auth/recovery-codes': { as: 'anonymous', tables: ['users'], body: () => ({ password: PASSWORD, code: '123456' }) },
  'PUT /api/v1/auth/password': {
    as: 'anonymous',
    tables: ['users', 'sessions'],
    body: () => ({ currentPassword: PASSWORD, newPassword: 'ein ganz neuer langer Satz' }),
  },
  'POST /api/v1/auth/password-reset': { as: 'anonymous', tables: ['outbox_mails'], body: () => ({ email: 'niemand@praxis-a.example' }) },
  'POST /api/v1/auth/password-reset/confirm': {
    as: 'anonymous',
    tables: ['users', 'sessions'],
    body: () => ({ token: 'r'.repeat(43), password: 'ein ganz neuer langer Satz' }),
  },
  'PUT /api/v1/auth/profile': { tables: ['users'], body: () => ({ locale: 'de' }) },
  'PUT /api/v1/auth/current-organisation': { tables: ['users'], body: (f) => ({ organisationId: f.organisationId }) },
  'POST /api/v1/organisations': {
    tables: organisationTables,
    body: () => ({
      name: 'Praxis Neu',
      legalForm: 'einzelpraxis',
      locations: [{ name: 'Standort Neu', street: 'Weg 1', postalCode: '20095', city: 'Hamburg' }],
    }),
  },
  'PATCH /api/v1/organisations/:organisationId': { tables: organisationTables, body: () => ({ name: 'Praxis A', legalForm: 'mvz_gmbh' }) },
  'POST /api/v1/organisations/:organisationId/locations': {
    tables: organisationTables,
    body: () => ({ name: 'Filiale Süd', street: 'Hauptstraße 5', postalCode: '80331', city: 'München' }),
  },
  'PATCH /api/v1/organisations/:organisationId/locations/:locationId': {
    tables: organisationTables,
    body: () => ({ name: 'Hauptstandort', postalCode: '10115', city: 'Berlin' }),
  },
  'DELETE /api/v1/organisations/:organisationId/locations/:spareLocationId': { tables: organisationTables, body: () => undefined },
  'PATCH /api/v1/organisations/:organisationId/members/:memberId': { tables: organisationTables, body: () => ({ role: 'staff', isAdmin: false }) },
  'DELETE /api/v1/organisations/:organisationId/members/:memberId': { tables: organisationTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/members/:memberId/reset-mfa': { tables: ['users', 'audit_events'], body: () => undefined },
  'POST /api/v1/organisations/:organisationId/invitations': {
    tables: ['invitations', 'outbox_mails', 'audit_events'],
    body: () => ({ email: 'neu@praxis-a.example', role: 'it_lead', isAdmin: false }),
  },
  'DELETE /api/v1/organisations/:organisationId/invitations/:invitationId': { tables: ['invitations', 'audit_events'], body: () => undefined },
  'POST /api/v1/invitations/:token/accept': {
    as: 'anonymous',
    tables: ['users', 'memberships', 'invitations'],
    body: () => ({ name: 'Nina Neu', password: PASSWORD }),
  },
  'POST /api/v1/invitations/:token/join': { tables: ['memberships', 'invitations'], body: () => undefined },
  'POST /api/v1/checks/nis2': { as: 'anonymous', tables: [], body: () => nis2Check },
  'POST /api/v1/checks/kbv': { as: 'anonymous', tables: [], body: () => kbvCheck },
  'POST /api/v1/checks/reporting-deadlines': {
    as: 'anonymous',
    tables: [],
    body: () => ({
      awareAt: '2026-11-20T09:30:00+01:00',
      entityCategory: 'important',
      significantIncident: true,
      notificationSubmittedAt: '2026-11-22T09:30:00+01:00',
      personalDataBreach: true,
      gdprRisk: 'high',
    }),
  },
  'POST /api/v1/checks/registration-deadline': { as: 'anonymous', tables: [], body: () => ({ qualifiesSince: '2025-12-06' }) },
  'POST /api/v1/quick-check/score': { as: 'anonymous', tables: ['quick_checks', 'audit_events'], body: () => quickCheckAnswers },
  'POST /api/v1/quick-check/pdf': { as: 'anonymous', tables: ['quick_checks', 'audit_events'], body: () => ({ ...quickCheckAnswers, lang: 'en' }) },
  'POST /api/v1/organisations/:organisationId/applicability/nis2': {
    tables: ['applicability_checks', 'audit_events'],
    body: () => ({ financialYear: 2025, check: nis2Check }),
  },
  'POST /api/v1/organisations/:organisationId/applicability/kbv': {
    tables: ['applicability_checks', 'audit_events'],
    body: () => ({ check: kbvCheck, targetObjects: { medicalDevices: true } }),
  },
  'PUT /api/v1/organisations/:organisationId/requirements/:requirementId/status': {
    tables: ['requirement_statuses', 'audit_events'],
    body: (f) => ({ locationId: f.locationId, status: 'in_progress', ownerUserId: f.userId, dueDate: '2027-03-31', notes: 'Schulung geplant' }),
  },
  'POST /api/v1/organisations/:organisationId/requirements/:requirementId/evidence': {
    multipart: true,
    tables: ['evidence_files', 'requirement_statuses', 'audit_events'],
    body: () => undefined,
  },
  'DELETE /api/v1/organisations/:organisationId/evidence/:evidenceId': { tables: ['evidence_files', 'audit_events'], body: () => undefined },
  'POST /api/v1/organisations/:organisationId/assets/import/preview': { multipart: sheetUploads, tables: assetTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/assets/import': { multipart: sheetUploads, tables: assetTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/incidents': {
    tables: incidentTables,
    body: (f) => ({
      title: 'Verdächtige Mail geöffnet',
      description: 'Anhang ausgeführt',
      noticedAt: '2026-11-30T08:15:00+01:00',
      locationIds: [f.locationId],
      systems: 'Empfang-PC',
      suspectedOrigin: 'phishing',
      patientDataInvolved: false,
    }),
  },
  'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/significance': { tables: incidentTables, body: () => significance },
  'POST /api/v1/organisations/:organisationId/incidents/:incidentId/events': {
    tables: incidentTables,
    body: () => ({ kind: 'measure', text: 'Rechner vom Netz genommen', at: '2026-11-30T08:40:00+01:00' }),
  },
  'POST /api/v1/organisations/:organisationId/incidents/:incidentId/submissions': {
    tables: incidentTables,
    body: () => ({ kind: 'early_warning', submittedAt: '2026-11-30T12:00:00+01:00', reference: 'BSI-2026-0815' }),
  },
  'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/handling-completed': {
    tables: incidentTables,
    body: () => ({ completedAt: '2026-12-01T10:00:00+01:00' }),
  },
  'POST /api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests': {
    tables: incidentTables,
    body: () => ({ requestedAt: '2026-11-30T09:00:00+01:00', dueAt: '2026-12-02T12:00:00+01:00', reference: 'BSI-2026-0815' }),
  },
  'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests/:requestId/submission': {
    tables: incidentTables,
    body: () => ({ submittedAt: '2026-12-01T10:00:00+01:00', reference: 'BSI-2026-0815-Z1' }),
  },
  'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/escalation': { tables: incidentTables, body: () => ({ step: 'itLead', ticked: true }) },
  'POST /api/v1/organisations/:organisationId/api-tokens': {
    tables: ['api_tokens', 'audit_events'],
    body: () => ({ name: 'Virenscanner Labor', scope: 'incident_intake' }),
  },
  'DELETE /api/v1/organisations/:organisationId/api-tokens/:tokenId': { tables: ['api_tokens', 'audit_events'], body: () => undefined },
  'POST /api/v1/organisations/:organisationId/incidents/intake': {
    as: 'intake',
    tables: incidentTables,
    body: () => ({
      source: 'Defender',
      severity: 'critical',
      title: 'Verschlüsselung erkannt',
      detectedAt: '2026-11-30T03:12:00+01:00',
      host: 'LABOR-PC',
      details: 'Prozess vssadmin.exe',
    }),
  },
  'POST /api/v1/organisations/:organisationId/assets': { tables: assetTables, body: assetBody },
  'PUT /api/v1/organisations/:organisationId/assets/:assetId': {
    tables: assetTables,
    body: (f) => ({ ...assetBody(f), inventoryNumber: 'INV-0001', revision: 1 }),
  },
  'DELETE /api/v1/organisations/:organisationId/assets/:spareAssetId': { tables: assetTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/assets/:assetId/relations': {
    tables: assetTables,
    body: (f) => ({ kind: 'runs_on', targetId: f.targetAssetId }),
  },
  'DELETE /api/v1/organisations/:organisationId/assets/:assetId/relations/:relationId': { tables: assetTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/suppliers': { tables: supplierTables, body: supplierBody },
  'POST /api/v1/organisations/:organisationId/suppliers/import/preview': { multipart: supplierSheetUploads, tables: supplierTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/suppliers/import': { multipart: supplierSheetUploads, tables: supplierTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/suppliers/:supplierId': {
    tables: supplierTables,
    body: (f) => ({ ...supplierBody(f), name: 'IT-Dienstleister', revision: 1 }),
  },
  'DELETE /api/v1/organisations/:organisationId/suppliers/:spareSupplierId': { tables: supplierTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/suppliers/:supplierId/assets': {
    tables: supplierTables,
    body: (f) => ({ assetIds: [f.assetId, f.targetAssetId] }),
  },
  'POST /api/v1/organisations/:organisationId/people': { tables: peopleTables, body: personBody },
  'POST /api/v1/organisations/:organisationId/people/import/preview': { multipart: personSheetUploads, tables: peopleTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/people/import': { multipart: personSheetUploads, tables: peopleTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/people/:personId': {
    tables: peopleTables,
    body: (f) => ({ ...personBody(f), personnelNumber: 'P-0002', revision: 1 }),
  },
  'DELETE /api/v1/organisations/:organisationId/people/:sparePersonId': { tables: peopleTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/people/retention': { tables: peopleTables, body: () => ({ months: 24 }) },
  'POST /api/v1/organisations/:organisationId/risks': { tables: riskTables, body: riskBody },
  'PUT /api/v1/organisations/:organisationId/risks/:riskId': { tables: riskTables, body: () => ({ ...riskBody(), revision: 1 }) },
  'DELETE /api/v1/organisations/:organisationId/risks/:spareRiskId': { tables: riskTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/risks/templates/:templateId/adopt': { tables: riskTables, body: () => ({ locale: 'en' }) },
  'POST /api/v1/organisations/:organisationId/risks/:riskId/acceptance': { tables: riskTables, body: () => ({ revision: 1 }) },
  'DELETE /api/v1/organisations/:organisationId/risks/:riskId/acceptance': { tables: riskTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/management/people/:directorId/trainings': { tables: managementTables, body: managementTrainingBody },
  'PUT /api/v1/organisations/:organisationId/management/trainings/:trainingId': {
    tables: managementTables,
    body: (f) => ({ ...managementTrainingBody(f), revision: 1 }),
  },
  'DELETE /api/v1/organisations/:organisationId/management/trainings/:spareTrainingId': { tables: managementTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/management/people/:directorId/approvals': {
    tables: managementTables,
    body: () => ({ remark: 'Gebilligt mit der Maßgabe, das Backup bis März zu testen.' }),
  },
  'POST /api/v1/organisations/:organisationId/risks/import/preview': { multipart: riskSheetUploads, tables: riskTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/risks/import': { multipart: riskSheetUploads, tables: riskTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/risks/matrix-labels': {
    tables: ['risk_matrix_labels', 'audit_events'],
    body: () => ({
      labels: { likelihood: ['nie', 'selten', 'manchmal', 'oft', 'ständig'], impact: ['klein', 'spürbar', 'teuer', 'schwer', 'existenziell'] },
      revision: 0,
    }),
  },
  'POST /api/v1/organisations/:organisationId/training/courses': { tables: trainingTables, body: trainingCourseBody },
  'PUT /api/v1/organisations/:organisationId/training/courses/:courseId': { tables: trainingTables, body: () => ({ ...trainingCourseBody(), revision: 1 }) },
  'DELETE /api/v1/organisations/:organisationId/training/courses/:spareCourseId': { tables: trainingTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/training/sessions': { tables: trainingTables, body: trainingSessionBody },
  'PUT /api/v1/organisations/:organisationId/training/sessions/:sessionId': {
    tables: trainingTables,
    body: (f) => ({ ...trainingSessionBody(f), revision: 1 }),
  },
  'DELETE /api/v1/organisations/:organisationId/training/sessions/:spareSessionId': { tables: trainingTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/training/sessions/:sessionId/attendance': {
    tables: trainingTables,
    body: (f) => ({ attendees: [{ personId: f.trainingPersonId, attended: true }] }),
  },
  'POST /api/v1/organisations/:organisationId/training/sessions/:sessionId/attendance-list': { multipart: true, tables: trainingTables, body: () => undefined },
  'DELETE /api/v1/organisations/:organisationId/training/sessions/:sessionId/attendance-list': { tables: trainingTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/training/sessions/:sessionId/confirmations': {
    tables: [...trainingTables, 'outbox_mails'],
    body: (f) => ({ personIds: [f.trainingPersonId] }),
  },
  'POST /api/v1/training-confirmations/:confirmationToken': { as: 'anonymous', tables: trainingTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/people/:personId/accounts': { tables: accessTables, body: accountBody },
  'PUT /api/v1/organisations/:organisationId/accounts/:accountId': {
    tables: accessTables,
    body: (f) => ({ ...accountBody(f), status: 'active', revision: 1 }),
  },
  'DELETE /api/v1/organisations/:organisationId/accounts/:spareAccountId': { tables: accessTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/accounts/:accountId/disable': { tables: accessTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/checklist-templates/onboarding': { tables: accessTables, body: checklistTemplateBody },
  'PUT /api/v1/organisations/:organisationId/checklist-templates/offboarding': { tables: accessTables, body: checklistTemplateBody },
  'DELETE /api/v1/organisations/:organisationId/checklist-templates/onboarding': { tables: accessTables, body: () => undefined },
  'DELETE /api/v1/organisations/:organisationId/checklist-templates/offboarding': { tables: accessTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/people/:personId/checklists': { tables: accessTables, body: () => ({ kind: 'offboarding', locale: 'de' }) },
  'PUT /api/v1/organisations/:organisationId/checklists/:checklistId/items/:position': { tables: accessTables, body: () => ({ done: true }) },
  'POST /api/v1/organisations/:organisationId/calendar/feeds': { tables: calendarTables, body: () => ({ scope: 'personal' }) },
  'POST /api/v1/organisations/:organisationId/calendar/feeds/:feedId/rotate': { tables: calendarTables, body: () => undefined },
  'DELETE /api/v1/organisations/:organisationId/calendar/feeds/:spareFeedId': { tables: calendarTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/calendar/preferences': { tables: calendarTables, body: () => ({ taskReminders: true, dailyDigest: false }) },
  'POST /api/v1/organisations/:organisationId/tasks': { tables: taskTables, body: taskBody },
  'PUT /api/v1/organisations/:organisationId/tasks/:taskId': {
    tables: taskTables,
    body: (f) => ({ ...taskBody(f), status: 'in_progress', revision: 1 }),
  },
  'DELETE /api/v1/organisations/:organisationId/tasks/:spareTaskId': { tables: taskTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/tasks/:taskId/complete': { tables: taskTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/tasks/:taskId/reopen': { tables: taskTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/tasks/:taskId/comments': { tables: taskTables, body: () => ({ body: 'Termin steht: Freitag, 10 Uhr.' }) },
  'POST /api/v1/organisations/:organisationId/tasks/templates': { tables: taskTables, body: taskTemplateBody },
  'PUT /api/v1/organisations/:organisationId/tasks/templates/:taskTemplateId': {
    tables: taskTables,
    body: (f) => ({ ...taskTemplateBody(f), revision: 1 }),
  },
  'DELETE /api/v1/organisations/:organisationId/tasks/templates/:spareTaskTemplateId': { tables: taskTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/phishing/campaigns': { tables: phishingTables, body: () => campaignBody() },
  'PUT /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId': { tables: phishingTables, body: () => ({ ...campaignBody(), revision: 1 }) },
  'DELETE /api/v1/organisations/:organisationId/phishing/campaigns/:spareCampaignId': { tables: phishingTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId/test-send': { tables: phishingTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId/schedule': { tables: phishingTables, body: () => ({ revision: 1 }) },
  'POST /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId/close': { tables: phishingTables, body: () => undefined },
  'PUT /api/v1/organisations/:organisationId/phishing/settings/named-mode': {
    tables: phishingTables,
    body: () => ({ enabled: true, agreementReference: 'BV Phishing 2026', agreementDate: '2026-11-30' }),
  },
  'PUT /api/v1/organisations/:organisationId/phishing/settings/smtp': { tables: phishingTables, body: () => ({ smtpUrl: 'smtps://u:p@mail.example.org:465' }) },
  'POST /api/v1/phishing/submit/:trackingToken': { as: 'anonymous', tables: phishingTables, body: () => ({}) },
  'POST /api/v1/phishing/lessons/:trackingToken/training': {
    as: 'anonymous',
    tables: [...phishingTables, 'training_attendance'],
    body: () => ({ locale: 'de', answers: [{ questionId: 'sender', optionId: 'b' }] }),
  },
  'POST /api/v1/phishing/forwarded': {
    as: 'anonymous',
    tables: phishingTables,
    body: () => ({ raw: 'Subject: Paket\r\n\r\nhttps://x/api/v1/phishing/click/abc' }),
  },
  'POST /api/v1/organisations/:organisationId/tasks/templates/reset': { tables: taskTables, body: () => undefined },
  'POST /api/v1/organisations/:organisationId/tasks/recurring/start': { tables: taskTables, body: () => ({ startOn: '2027-01-04' }) },
  'PUT /api/v1/organisations/:organisationId/registration': {
    tables: ['registration_setups', 'audit_events'],
    body: () => ({
      qualifiesSince: '2025-12-06',
      street: 'Hauptstraße 1',
      postalCode: '10115',
      city: 'Berlin',
      email: 'it@praxis-a.example',
      phone: '+49 30 555',
      memberStates: ['DE', 'AT'],
      contactPoint: person,
      mukHolder: person,
      mukBackup: person,
      escalation: [{ role: 'IT-Dienstleister', ...person }],
      checklist: { mukAccount: true },
    }),
  },
  'PUT /api/v1/organisations/:organisationId/documents/:documentKind': {
    tables: documentTables,
    body: (f) => ({ revision: f.documentRevision, texts: { pvsDown: '- Papierformulare im Notfallordner nutzen.', findings: '' }, reviewMonths: 12 }),
  },
  'POST /api/v1/organisations/:organisationId/documents/:documentKind/versions': { tables: documentTables, body: () => ({ note: 'Nach dem Umbau' }) },
  'POST /api/v1/organisations/:organisationId/documents/:documentKind/versions/:versionNumber/approval': {
    tables: documentTables,
    body: () => ({ remark: 'Gelesen und gebilligt' }),
  },
  'POST /api/v1/organisations/:organisationId/roadmap/accept': {
    tables: ['tasks', 'task_links', 'roadmap_acceptances', 'audit_events'],
    body: (f) => ({
      startOn: nextMonday(berlinToday()),
      locale: 'de',
      items: [{ key: 'backup-321', ownerUserId: f.userId, dueOn: addDays(nextMonday(berlinToday()), 11) }, { key: 'updates' }],
    }),
  },
};

/** Route parameters named after the fixture: `:locationId` is a location that stays, `:spareLocationId` one to delete. */
const registeredAs: Record<string, string> = {
  'DELETE /api/v1/organisations/:organisationId/locations/:locationId': 'DELETE /api/v1/organisations/:organisationId/locations/:spareLocationId',
  'PATCH /api/v1/organisations/:organisationId/members/:userId': 'PATCH /api/v1/organisations/:organisationId/members/:memberId',
  'DELETE /api/v1/organisations/:organisationId/members/:userId': 'DELETE /api/v1/organisations/:organisationId/members/:memberId',
  'POST /api/v1/organisations/:organisationId/members/:userId/reset-mfa': 'POST /api/v1/organisations/:organisationId/members/:memberId/reset-mfa',
  'DELETE /api/v1/organisations/:organisationId/assets/:assetId': 'DELETE /api/v1/organisations/:organisationId/assets/:spareAssetId',
  'DELETE /api/v1/organisations/:organisationId/suppliers/:supplierId': 'DELETE /api/v1/organisations/:organisationId/suppliers/:spareSupplierId',
  'DELETE /api/v1/organisations/:organisationId/risks/:riskId': 'DELETE /api/v1/organisations/:organisationId/risks/:spareRiskId',
  'POST /api/v1/organisations/:organisationId/management/people/:personId/trainings':
    'POST /api/v1/organisations/:organisationId/management/people/:directorId/trainings',
  'POST /api/v1/organisations/:organisationId/management/people/:personId/approvals':
    'POST /api/v1/organisations/:organisationId/management/people/:directorId/approvals',
  'DELETE /api/v1/organisations/:organisationId/management/trainings/:trainingId':
    'DELETE /api/v1/organisations/:organisationId/management/trainings/:spareTrainingId',
  'DELETE /api/v1/organisations/:organisationId/people/:personId': 'DELETE /api/v1/organisations/:organisationId/people/:sparePersonId',
  'DELETE /api/v1/organisations/:organisationId/training/courses/:courseId': 'DELETE /api/v1/organisations/:organisationId/training/courses/:spareCourseId',
  'DELETE /api/v1/organisations/:organisationId/training/sessions/:sessionId': 'DELETE /api/v1/organisations/:organisationId/training/sessions/:spareSessionId',
  'DELETE /api/v1/organisations/:organisationId/accounts/:accountId': 'DELETE /api/v1/organisations/:organisationId/accounts/:spareAccountId',
  'DELETE /api/v1/organisations/:organisationId/calendar/feeds/:feedId': 'DELETE /api/v1/organisations/:organisationId/calendar/feeds/:spareFeedId',
  'DELETE /api/v1/organisations/:organisationId/tasks/:taskId': 'DELETE /api/v1/organisations/:organisationId/tasks/:spareTaskId',
  'DELETE /api/v1/organisations/:organisationId/tasks/templates/:taskTemplateId':
    'DELETE /api/v1/organisations/:organisationId/tasks/templates/:spareTaskTemplateId',
  'DELETE /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId':
    'DELETE /api/v1/organisations/:organisationId/phishing/campaigns/:spareCampaignId',
};
const specKey = (route: { method: string; url: string }) => registeredAs[`${route.method} ${route.url}`] ?? `${route.method} ${route.url}`;

// ---- generators ---------------------------------------------------------------------------------------------------

/** Texts PostgreSQL cannot store, texts that look fine, and texts far beyond any limit. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'Titel\u0000mit NUL',
    '\ud800',
    'halbes Emoji \ud83d',
    '\udfff am Anfang',
    '\ud83d\ude00 ganzes Emoji',
    '\u001b[31mrot',
    '',
    '   ',
    'Müller & Söhne <script>alert(1)</script>',
    "'; drop table incidents; --",
    '%00',
    '\\u0000',
    'a'.repeat(1_000_001),
    'ä'.repeat(10_001),
  ),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

/** Dates a person mistypes or a script makes up. */
const nastyDate = fc.oneof(
  fc.constantFrom(
    '0000-01-01',
    '0001-01-01',
    '1899-12-31',
    '1901-01-01',
    '10000-01-01',
    '9999-12-31',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+01:00',
    '1899-12-31T23:59:59Z',
    '9999-12-31T23:59:59-12:00',
    '10000-01-01T00:00:00Z',
    '+010000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '2026-02-30T10:00:00+01:00',
    '2026-13-01',
    '2026-11-30T25:61:00Z',
    '2026-11-30T10:00:00+99:99',
    '2026-11-30',
    '30.11.2026',
  ),
  fc.date({ min: new Date(-62_198_755_200_000), max: new Date(253_402_300_799_000), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: -1, max: 3000 }).map((year) => `${String(year).padStart(4, '0')}-06-15T12:00:00+02:00`),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, 1899, 10_000),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

const scalarJunk = fc.oneof(nastyString, nastyDate, nastyNumber, fc.boolean(), fc.constant(null));
/** Objects and arrays of junk, a few levels deep, with keys that are junk too. */
const nestedJunk = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarJunk, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'title', 'name')), tie('value'), { maxKeys: 5 }),
})).value;
const junk = fc.oneof({ weight: 3, arbitrary: scalarJunk }, { weight: 1, arbitrary: nestedJunk });

type Json = unknown;

/** Every path to a leaf of a valid body: the places a mutation can hit. */
function leafPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...prefix, i])) : [prefix];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k])) : [prefix];
  }
  return [prefix];
}

function setAt(body: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, Json>;
  const next = setAt(copy[head!], rest, replacement);
  if (next === undefined && rest.length === 0) delete copy[head!];
  else copy[head!] = next;
  return copy;
}
const REMOVE = Symbol('remove');

/** What a request sends: a JSON body, raw bytes with some content type, or (for uploads) a multipart body. */
interface Sent {
  payload?: string | Buffer;
  contentType?: string;
  /** Junk for one path parameter, percent-encoded, or for the query string. */
  param?: string;
  query?: string;
}

function jsonBody(valid: Json): fc.Arbitrary<Sent> {
  const paths = leafPaths(valid);
  const mutated = fc.oneof(
    // One leaf replaced by junk, several leaves replaced, one left out, or junk added where none belongs.
    { weight: 5, arbitrary: fc.tuple(fc.nat(), junk).map(([i, j]) => setAt(valid, paths[i % paths.length]!, j)) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(fc.nat(), junk), { minLength: 2, maxLength: 6 })
        .map((hits) => hits.reduce((b, [i, j]) => setAt(b, paths[i % paths.length]!, j), valid)),
    },
    { weight: 1, arbitrary: fc.nat().map((i) => setAt(valid, paths[i % paths.length]!, REMOVE)) },
    { weight: 1, arbitrary: fc.tuple(nastyString, nestedJunk).map(([k, j]) => (valid && typeof valid === 'object' ? { ...valid, [k]: j } : { [k]: j })) },
    { weight: 1, arbitrary: junk },
    { weight: 1, arbitrary: fc.constant(valid) },
  );
  const asJson = mutated.map((body): Sent => (body === undefined ? {} : { payload: JSON.stringify(body), contentType: 'application/json' }));
  const raw = fc.oneof(
    fc.constantFrom<Sent>(
      { payload: '{"title": "ohne Ende', contentType: 'application/json' },
      { payload: '{"a":1}', contentType: 'application/json; charset=latin1' },
      { payload: '[]', contentType: 'application/json' },
      { payload: 'null', contentType: 'application/json' },
      { payload: '"\\u0000"', contentType: 'application/json' },
      { payload: '{"__proto__": {"isAdmin": true}}', contentType: 'application/json' },
      { payload: '{"title": "x"}', contentType: 'text/plain' },
      { payload: 'title=x', contentType: 'application/x-www-form-urlencoded' },
      { payload: Buffer.from([0xff, 0xfe, 0x00, 0x7b]), contentType: 'application/json' },
      { payload: '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', contentType: 'application/json' },
      { payload: 'x'.repeat(1_100_000), contentType: 'application/json' },
    ),
    fc.uint8Array({ maxLength: 200 }).map((bytes): Sent => ({ payload: Buffer.from(bytes), contentType: 'application/json' })),
  );
  return fc.oneof({ weight: 12, arbitrary: asJson }, { weight: 1, arbitrary: raw });
}

/** Path and query junk, percent-encoded as a client could send it (lone surrogates as their invalid UTF-8 bytes). */
const urlJunk = fc.oneof(
  fc.constantFrom(
    '%00',
    '%ED%A0%80',
    '%FF%FE',
    '..%2F..%2Fetc',
    'x'.repeat(5000),
    '00000000-0000-0000-0000-000000000000',
    'KBV-A9-99',
    '%20',
    'null',
    '-1',
    '1e309',
  ),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);

function multipartBody(sheet?: { files: Buffer[]; fields: string[] }): fc.Arbitrary<Sent> {
  const b = 'fuzzboundary';
  const header = (name: string, fileName?: string) =>
    `Content-Disposition: form-data; name="${name}"${fileName === undefined ? '' : `; filename="${fileName}"`}\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const part = fc.record({
    name: fc.oneof(
      fc.constant('file'),
      ...(sheet ? [fc.constantFrom(...sheet.fields)] : []),
      nastyString.map((s) => s.slice(0, 50)),
    ),
    fileName: fc.option(
      fc.oneof(
        fc.constantFrom('nachweis.pdf', 'a\u0000.pdf', '../../etc/passwd', 'x.html', '', 'ä'.repeat(300)),
        nastyString.map((s) => s.slice(0, 300)),
      ),
      { nil: undefined },
    ),
    content: fc.oneof(
      fc.constantFrom(samplePdf, samplePng, Buffer.alloc(0), Buffer.from('<html></html>')),
      ...(sheet
        ? [
            fc.constantFrom(...sheet.files),
            fc.constantFrom('{"0":"name","1":"name"}', '{"0":"kind","99999":"x"}', '[1]', 'null', '{"0":null}').map((text) => Buffer.from(text)),
            nestedJunk.map((value) => Buffer.from(JSON.stringify(value) ?? '')),
          ]
        : []),
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    ),
  });
  const wellFormed = fc.array(part, { minLength: 0, maxLength: 3 }).map(
    (parts): Sent => ({
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.concat([
        ...parts.flatMap((p) => [Buffer.from(`--${b}\r\n${header(p.name, p.fileName)}`), p.content, Buffer.from('\r\n')]),
        Buffer.from(`--${b}--\r\n`),
      ]),
    }),
  );
  const good = multipart('nachweis.pdf', samplePdf);
  const broken = fc.oneof(
    fc.nat({ max: good.payload.length }).map((cut): Sent => ({ contentType: good.contentType, payload: good.payload.subarray(0, cut) })),
    fc.constantFrom<Sent>(
      { contentType: 'multipart/form-data', payload: good.payload },
      { contentType: 'multipart/form-data; boundary=', payload: good.payload },
      { contentType: 'multipart/form-data; boundary=falsch', payload: good.payload },
      { contentType: `multipart/form-data; boundary=${'x'.repeat(200)}`, payload: good.payload },
      { contentType: 'multipart/mixed; boundary=x', payload: '--x--' },
      { contentType: 'application/json', payload: '{"file": "JVBERi0="}' },
      { contentType: `multipart/form-data; boundary=${b}`, payload: `--${b}\r\nGarbage without colon\r\n\r\nx\r\n--${b}--\r\n` },
      { contentType: `multipart/form-data; boundary=${b}`, payload: `--${b}\r\n${header('file')}nur ein Feld\r\n--${b}--\r\n` },
      {
        contentType: `multipart/form-data; boundary=${b}`,
        payload: Array.from({ length: 30 }, (_, i) => `--${b}\r\n${header(`f${i}`)}x\r\n`).join('') + `--${b}--\r\n`,
      },
      {
        contentType: good.contentType,
        payload: Buffer.concat([good.payload.subarray(0, 150), Buffer.alloc(26 * 1024 * 1024, 0x41), good.payload.subarray(150)]),
      },
    ),
    fc.uint8Array({ maxLength: 400 }).map((bytes): Sent => ({ contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.from(bytes) })),
  );
  const query = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: urlJunk.map((junk) => `locationId=${junk}`) });
  return fc.tuple(fc.oneof(wellFormed, broken), query).map(([sent, q]): Sent => (q === undefined ? sent : { ...sent, query: q }));
}

function requests(spec: FuzzSpec, fixture: Fixture): Sent[] {
  const body = spec.multipart ? multipartBody(spec.multipart === true ? undefined : spec.multipart) : jsonBody(spec.body(fixture));
  // About one request in ten carries junk in a path id instead of the real one.
  const param = fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: urlJunk });
  const arbitrary = fc.tuple(body, param).map(([sent, param]) => (param === undefined ? sent : { ...sent, param }));
  return fc.sample(arbitrary, { seed: seed + hash(JSON.stringify(Object.keys(spec.body(fixture) ?? {}))), numRuns: runs });
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

// ---- the suite ----------------------------------------------------------------------------------------------------

/**
 * The suite on one engine; `fuzz.pglite.api.test.ts` and `fuzz.postgres.api.test.ts` each run it, so that the two
 * engines run in parallel test workers.
 */
export function fuzzSuite({ engine, skipReason }: { engine: Engine; skipReason: string | null }) {
  describe.skipIf(skipReason !== null)(`fuzzed input on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let fixture: Fixture;
    let intakeTokens: string[];
    let requestCount = 0;

    /**
     * Row count and newest row version of each table, for "nothing changed" after a refused request: an insert or
     * update writes a row version with a newer transaction id (xmin), a delete lowers the count.
     */
    async function tableState(tables: string[]): Promise<string> {
      if (tables.length === 0) return '';
      const parts = tables.map(
        (table) => sql`select ${table}::text as t, count(*)::int as n, coalesce(max(xmin::text::bigint), 0)::text as h from ${sql.identifier(table)}`,
      );
      const rows = await queryRows<{ t: string; n: number; h: string }>(t.ctx.db, sql.join(parts, sql` union all `));
      return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join(' ');
    }

    async function send(route: { method: string; url: string }, spec: FuzzSpec, sent: Sent): Promise<LightMyRequestResponse> {
      requestCount += 1;
      const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const junkAt = sent.param !== undefined && names.length ? names[requestCount % names.length] : undefined;
      const key = specKey(route);
      const keyNames = [...key.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      let i = 0;
      const url =
        route.url.replace(/:(\w+)/g, (_m, name: string) => {
          const fixtureName = keyNames[i++] ?? name;
          return name === junkAt ? sent.param! : (fixture as unknown as Record<string, string>)[fixtureName]!;
        }) + (sent.query ? `?${sent.query}` : '');
      const headers: Record<string, string> = {};
      if (sent.contentType) headers['content-type'] = sent.contentType;
      if ((spec.as ?? 'admin') === 'admin') Object.assign(headers, { cookie: admin.cookie, 'x-csrf-token': admin.csrf });
      if (spec.as === 'intake') headers.authorization = `Bearer ${intakeTokens[requestCount % intakeTokens.length]}`;
      // A new client address per request keeps the per-address rate limits from answering in the validator's place.
      const remoteAddress = `10.${(requestCount >> 16) & 255}.${(requestCount >> 8) & 255}.${requestCount & 255}`;
      return t.app.inject({ method: route.method as 'POST', url, headers, remoteAddress, ...(sent.payload !== undefined ? { payload: sent.payload } : {}) });
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      const setup = await runFirstSetup(t.app);
      admin = setup.agent;
      const organisationId = setup.organisationId;
      const org = (path: string) => `/api/v1/organisations/${organisationId}${path}`;
      const ok = (res: LightMyRequestResponse) => {
        if (res.statusCode >= 300) throw new Error(`fixture: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const locations = ok(await admin.request('GET', org('/locations'))) as { id: string }[];
      const spare = ok(await admin.request('POST', org('/locations'), { name: 'Zum Entfernen' }));
      const linkToken = (link: string) => new URL(link).pathname.split('/').pop()!;
      const memberInvite = ok(await admin.request('POST', org('/invitations'), { email: 'mitglied@praxis-a.example', role: 'staff' }));
      ok(
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/invitations/${linkToken(memberInvite.link)}/accept`,
          payload: { name: 'Mia Mitglied', password: PASSWORD },
        }),
      );
      const members = ok(await admin.request('GET', org('/members'))) as { userId?: string; id?: string; email: string }[];
      const member = members.find((m) => m.email === 'mitglied@praxis-a.example')!;
      const pending = ok(await admin.request('POST', org('/invitations'), { email: 'offen@praxis-a.example', role: 'auditor' }));
      const incident = ok(
        await admin.request('POST', org('/incidents'), { title: 'Vorfall für den Fuzzer', noticedAt: '2026-11-29T10:00:00+01:00', patientDataInvolved: false }),
      );
      const intermediateRequest = ok(
        await admin.request('POST', org(`/incidents/${incident.id}/intermediate-requests`), { requestedAt: '2026-11-29T18:00:00+01:00' }),
      );
      intakeTokens = [];
      for (let n = 0; n < 5; n++) intakeTokens.push(ok(await admin.request('POST', org('/api-tokens'), { name: `Melder ${n}` })).token);
      const revocable = ok(await admin.request('POST', org('/api-tokens'), { name: 'Zum Widerrufen' }));
      const upload = multipart('nachweis.pdf', samplePdf);
      const evidence = ok(
        await t.app.inject({
          method: 'POST',
          url: org('/requirements/KBV-A1-01/evidence'),
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': upload.contentType },
          payload: upload.payload,
        }),
      );
      const asset = ok(await admin.request('POST', org('/assets'), { name: 'Konnektor', kind: 'ti_connector', inventoryNumber: 'INV-0001' }));
      const spareAsset = ok(await admin.request('POST', org('/assets'), { name: 'Altgerät', kind: 'printer' }));
      const targetAsset = ok(await admin.request('POST', org('/assets'), { name: 'Serverraum-Rack', kind: 'server' }));
      const relation = ok(await admin.request('POST', org(`/assets/${asset.id}/relations`), { kind: 'stored_in', targetId: targetAsset.id }));
      // The AVV of the suppliers is a file of its own: the fuzzed evidence delete must not take it away.
      const avvUpload = multipart('AVV.pdf', samplePdf);
      const avvEvidence = ok(
        await t.app.inject({
          method: 'POST',
          url: org('/requirements/KBV-A1-04/evidence'),
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': avvUpload.contentType },
          payload: avvUpload.payload,
        }),
      );
      const supplier = ok(await admin.request('POST', org('/suppliers'), { name: 'IT-Dienstleister' }));
      const spareSupplier = ok(await admin.request('POST', org('/suppliers'), { name: 'Ehemaliger Dienstleister' }));
      const risk = ok(await admin.request('POST', org('/risks'), { title: 'Konnektor fällt aus', likelihood: 3, impact: 4, treatment: 'accept' }));
      const spareRisk = ok(await admin.request('POST', org('/risks'), { title: 'Erledigtes Risiko', likelihood: 1, impact: 1 }));
      // The managing director is the administrator's own person record, so that approvals pass the "only yourself" rule.
      const directorId = randomUUID();
      await t.ctx.db.insert(people).values({ organisationId, id: directorId, name: 'Dr. Maria Muster', role: 'management', userId: admin.userId });
      const training = { heldOn: '2026-11-20', agenda: 'Pflichten nach § 38 BSIG', provider: 'Ärztekammer' };
      const managementTraining = ok(await admin.request('POST', org(`/management/people/${directorId}/trainings`), training));
      const spareTraining = ok(await admin.request('POST', org(`/management/people/${directorId}/trainings`), training));
      const person = ok(await admin.request('POST', org('/people'), { name: 'Berta Beispiel', role: 'nurse', startsOn: '2022-01-01' }));
      // Starts in the future: one the delete route may remove.
      const sparePerson = ok(await admin.request('POST', org('/people'), { name: 'Noch nicht da', role: 'physician', startsOn: '2030-01-01' }));
      const course = ok(await admin.request('POST', org('/training/courses'), { title: 'Phishing', topic: 'phishing', durationMinutes: 45 }));
      const spareCourse = ok(await admin.request('POST', org('/training/courses'), { title: 'Alte Schulung', topic: 'other', durationMinutes: 10 }));
      const trainingSession = ok(await admin.request('POST', org('/training/sessions'), { courseId: course.id, heldOn: '2026-03-02' }));
      const spareSession = ok(await admin.request('POST', org('/training/sessions'), { courseId: course.id, heldOn: '2026-03-03' }));
      // People are written directly: their routes belong to the people register (issue 10, part 1).
      const [trainingPerson] = await queryRows<{ id: string }>(
        t.ctx.db,
        sql`insert into people (organisation_id, id, name, role, email) values (${organisationId}, gen_random_uuid(), 'Lena Schmidt', 'nurse', 'lena@praxis-a.example') returning id`,
      );
      ok(await admin.request('PUT', org(`/training/sessions/${trainingSession.id}/attendance`), { attendees: [{ personId: trainingPerson!.id }] }));
      const confirmation = ok(await admin.request('POST', org(`/training/sessions/${trainingSession.id}/confirmations`), { personIds: [trainingPerson!.id] }));
      const account = ok(await admin.request('POST', org(`/people/${person.id}/accounts`), { system: 'windows_ad', accountName: 'mmuster' }));
      const spareAccount = ok(await admin.request('POST', org(`/people/${person.id}/accounts`), { system: 'email', accountName: 'alt' }));
      const checklist = ok(await admin.request('POST', org(`/people/${person.id}/checklists`), { kind: 'onboarding' }));
      // The organisation feed is renewed by the fuzzer, the personal one revoked; its token is the read route's.
      const organisationFeed = ok(await admin.request('POST', org('/calendar/feeds'), { scope: 'organisation' }));
      const personalFeed = ok(await admin.request('POST', org('/calendar/feeds'), { scope: 'personal' }));
      const task = ok(await admin.request('POST', org('/tasks'), { title: 'Rücksicherung testen', dueOn: '2027-06-30' }));
      const spareTask = ok(await admin.request('POST', org('/tasks'), { title: 'Zum Löschen' }));
      const taskTemplate = ok(await admin.request('POST', org('/tasks/templates'), { title: 'Firewall-Regeln durchsehen', rhythm: 'yearly' }));
      const spareTaskTemplate = ok(await admin.request('POST', org('/tasks/templates'), { title: 'Alte Vorlage', rhythm: 'quarterly' }));
      // The emergency plan needs the 24/7 contact before a version can be issued.
      const registration = ok(await admin.request('GET', org('/registration')));
      ok(
        await admin.request('PUT', org('/registration'), {
          ...registration.setup,
          contactPoint: { name: 'Rufbereitschaft', phone: '0800 1234567', email: '' },
        }),
      );
      const documentVersion = ok(await admin.request('POST', org('/documents/emergency_plan/versions'), { note: 'Erste Fassung' }));
      const campaign = ok(await admin.request('POST', org('/phishing/campaigns'), campaignBody()));
      const spareCampaign = ok(await admin.request('POST', org('/phishing/campaigns'), campaignBody({ name: 'Zum Entfernen' })));
      fixture = {
        campaignId: campaign.id,
        spareCampaignId: spareCampaign.id,
        trackingToken: 'T'.repeat(43),
        organisationId,
        locationId: locations[0]!.id,
        spareLocationId: spare.id,
        userId: admin.userId,
        memberId: member.userId ?? member.id!,
        invitationId: pending.id,
        token: linkToken(pending.link),
        incidentId: incident.id,
        requestId: intermediateRequest.id,
        tokenId: revocable.id,
        evidenceId: evidence.id,
        requirementId: 'KBV-A1-02',
        kind: 'early_warning',
        assetId: asset.id,
        spareAssetId: spareAsset.id,
        targetAssetId: targetAsset.id,
        relationId: relation.id,
        supplierId: supplier.id,
        spareSupplierId: spareSupplier.id,
        avvEvidenceId: avvEvidence.id,
        riskId: risk.id,
        spareRiskId: spareRisk.id,
        courseId: course.id,
        spareCourseId: spareCourse.id,
        sessionId: trainingSession.id,
        spareSessionId: spareSession.id,
        trainingPersonId: trainingPerson!.id,
        confirmationToken: linkToken(confirmation.links[0].link),
        templateId: 'RT-01',
        directorId,
        trainingId: managementTraining.id,
        spareTrainingId: spareTraining.id,
        personId: person.id,
        sparePersonId: sparePerson.id,
        accountId: account.id,
        spareAccountId: spareAccount.id,
        checklistId: checklist.id,
        position: '1',
        feedId: organisationFeed.id,
        spareFeedId: personalFeed.id,
        feedToken: linkToken(personalFeed.url).replace(/\.ics$/, ''),
        taskId: task.id,
        spareTaskId: spareTask.id,
        taskTemplateId: taskTemplate.id,
        spareTaskTemplateId: spareTaskTemplate.id,
        documentKind: 'emergency_plan',
        versionNumber: String(documentVersion.versions[0].number),
        documentRevision: documentVersion.revision,
      };
      console.info(`[fuzz] ${engine}: seed ${seed}, ${runs} bodies per route (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} reproduces this run)`);
    });
    afterAll(async () => t?.close());

    it('has a fuzz spec for every write route, so routes added later are fuzzed too', () => {
      const writes = t.routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
      const missing = writes.map(specKey).filter((key) => !(key in specs));
      expect(missing, 'add a line to `specs` in server/test/fuzz.suite.ts for each').toEqual([]);
    });

    it('sees a write in the table state (insert, update and delete)', async () => {
      const org = `/api/v1/organisations/${fixture.organisationId}/locations`;
      const before = await tableState(['locations']);
      const created = await admin.request('POST', org, { name: 'Prüfstandort' });
      const inserted = await tableState(['locations']);
      await admin.request('PATCH', `${org}/${created.json().id}`, { name: 'Prüfstandort neu' });
      const updated = await tableState(['locations']);
      await admin.request('DELETE', `${org}/${created.json().id}`);
      expect(new Set([before, inserted, updated])).toHaveProperty('size', 3);
      expect(await tableState(['locations'])).not.toBe(updated);
    });

    it('answers junk query strings and path ids on every read route below 500', async () => {
      const reads = t.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
      const queries = fc.sample(
        fc.record({
          name: fc.constantFrom('limit', 'before', 'locale', 'locationId', 'cursor', 'page', 'status', 'q'),
          value: urlJunk,
          param: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: urlJunk }),
        }),
        { seed, numRuns: Math.max(10, Math.floor(runs / 8)) },
      );
      const failures: string[] = [];
      for (const route of reads) {
        for (const q of queries) {
          const res = await send(route, {} as FuzzSpec, { query: `${q.name}=${q.value}`, ...(q.param !== undefined ? { param: q.param } : {}) });
          if (res.statusCode >= 500)
            failures.push(`${res.statusCode} ← GET ${route.url} ?${q.name}=${q.value.slice(0, 40)} param=${JSON.stringify(q.param?.slice(0, 40))}`);
        }
      }
      expect(failures.slice(0, 30), `${failures.length} failures with seed ${seed}`).toEqual([]);
    }, 120_000);

    // The cases measured on the old code, each named: a 400 at the field with the code the browser translates.
    it.each([
      ['POST', '/incidents', { title: 'Alter Vorfall', noticedAt: '0001-01-01T00:00:00+01:00', patientDataInvolved: false }, 'noticedAt', 'date.out_of_range'],
      ['POST', '/incidents', { title: 'Ferner Vorfall', noticedAt: '10000-01-01T00:00:00Z', patientDataInvolved: false }, 'noticedAt', 'datetime_with_offset'],
      [
        'POST',
        '/incidents',
        { title: 'Titel mit \u0000 NUL', noticedAt: '2026-11-30T10:00:00+01:00', patientDataInvolved: false },
        'title',
        'text.control_character',
      ],
      [
        'POST',
        '/incidents',
        { title: 'Emoji halb \ud83d', noticedAt: '2026-11-30T10:00:00+01:00', patientDataInvolved: false },
        'title',
        'text.invalid_character',
      ],
      ['POST', '/incidents/:incidentId/events', { kind: 'note', text: 'Notiz', at: '1899-12-31T10:00:00Z' }, 'at', 'date.out_of_range'],
      ['PUT', '/requirements/KBV-A1-03/status', { status: 'open', dueDate: '1901-01-01' }, 'dueDate', 'date.out_of_range'],
      ['PUT', '/requirements/KBV-A1-03/status', { status: 'open', notes: 'a\u0000b' }, 'notes', 'text.control_character'],
      ['PUT', '/registration', { escalation: [{ role: 'IT', name: 'Name \udc00', phone: '', email: '' }] }, 'escalation.0.name', 'text.invalid_character'],
      ['PUT', '/registration', { qualifiesSince: '1999-12-31' }, 'qualifiesSince', 'date.out_of_range'],
      ['POST', '/locations', { name: 'Filiale\u0000' }, 'name', 'text.control_character'],
      ['POST', '/risks', { title: 'Risiko\u0000', likelihood: 1, impact: 1 }, 'title', 'text.control_character'],
      ['POST', '/risks', { title: 'Altes Risiko', likelihood: 1, impact: 1, reviewOn: '0001-01-01' }, 'reviewOn', 'date.out_of_range'],
      ['POST', '/risks', { title: 'Unbekannt', likelihood: 1, impact: 1, requirementIds: ['KBV-A5-99'] }, 'requirementIds.0', 'risk.requirement_unknown'],
      ['POST', '/tasks', { title: 'Aufgabe\u0000' }, 'title', 'text.control_character'],
      ['POST', '/tasks', { title: 'Alte Aufgabe', dueOn: '2000-01-01' }, 'dueOn', 'task.due_before_created'],
      ['POST', '/tasks', { title: 'Ferne Aufgabe', dueOn: '0001-01-01' }, 'dueOn', 'date.out_of_range'],
      ['POST', '/tasks', { title: 'Verknüpft', links: [{ kind: 'requirement', targetId: 'KBV-A5-99' }] }, 'links.0.targetId', 'task.requirement_unknown'],
      ['POST', '/tasks', { title: 'Fremd', ownerUserId: '00000000-0000-4000-8000-000000000001' }, 'ownerUserId', 'task.owner_unknown'],
    ])('%s %s refuses absurd input at the field (%s)', async (method, path, body, field, code) => {
      const url = `/api/v1/organisations/${fixture.organisationId}${path.replace(':incidentId', fixture.incidentId)}`;
      const before = await tableState(['incidents', 'incident_events', 'requirement_statuses', 'registration_setups', 'locations', 'risks']);
      // JSON.stringify keeps a lone surrogate as the escape \udXXX, as a browser's fetch would send it.
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().issues).toContainEqual(expect.objectContaining({ path: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), code }));
      expect(await tableState(['incidents', 'incident_events', 'requirement_statuses', 'registration_setups', 'locations', 'risks'])).toBe(before);
    });

    it(`answers every fuzzed request below 500 and changes nothing when it refuses`, async () => {
      const failures: string[] = [];
      const statusCounts: Record<string, number> = {};
      const started = Date.now();
      // FUZZ_ROUTES=<pattern> fuzzes only the routes whose URL matches (a module's own run); unset: every write route.
      const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;
      const writes = t.routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && specKey(r) in specs && (!only || only.test(r.url)));
      for (const route of writes) {
        const spec = specs[specKey(route)]!;
        let state = await tableState(spec.tables);
        for (const sent of requests(spec, fixture)) {
          const res = await send(route, spec, sent);
          statusCounts[res.statusCode] = (statusCounts[res.statusCode] ?? 0) + 1;
          const shown = `${route.method} ${route.url} ${sent.contentType ?? ''} ${String(sent.payload ?? '').slice(0, 200)}${sent.param !== undefined ? ` param=${JSON.stringify(sent.param.slice(0, 40))}` : ''}${sent.query ? ` ?${sent.query.slice(0, 40)}` : ''}`;
          if (res.statusCode >= 500) failures.push(`${res.statusCode} ← ${shown}`);
          const after = await tableState(spec.tables);
          if (res.statusCode >= 400 && after !== state) failures.push(`${res.statusCode} but wrote ← ${shown}`);
          state = after;
        }
      }
      console.info(
        `[fuzz] ${engine}: ${requestCount} requests on ${writes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s; answers ${JSON.stringify(statusCounts)}`,
      );
      const byRoute: Record<string, number> = {};
      for (const failure of failures) {
        const where = failure.split(' ← ')[1]!.split(' ').slice(0, 2).join(' ');
        byRoute[`${failure.split(' ← ')[0]} ${where}`] = (byRoute[`${failure.split(' ← ')[0]} ${where}`] ?? 0) + 1;
      }
      expect(failures.slice(0, 30), `${failures.length} failures with seed ${seed}: ${JSON.stringify(byRoute, null, 1)}`).toEqual([]);
    }, 300_000);
  });
}
