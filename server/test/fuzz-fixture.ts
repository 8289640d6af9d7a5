import { QUICK_CHECK_VERSION, quickCheckQuestions } from '../../domain/quickcheck/questions.ts';

// The fuzz suite's fixture: the records the fuzzed routes work on, and the bodies the routes accept (fuzz.suite.ts).

/** The records the routes work on, created before the fuzzing starts. */
export interface Fixture {
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

export interface FuzzSpec {
  /** A body the route accepts, the starting point of every mutation. */
  body: (f: Fixture) => unknown;
  /** Tables that must be unchanged when the route answers 4xx. */
  tables: string[];
  /** Who sends it: the signed-in administrator (default), nobody, or a detection tool with an API token. */
  as?: 'admin' | 'anonymous' | 'intake';
  /** The body is multipart/form-data (evidence upload), or a spreadsheet upload with its own sample files and fields. */
  multipart?: true | { files: Buffer[]; fields: string[] };
}

export const incidentTables = [
  'incidents',
  'incident_events',
  'incident_submissions',
  'incident_intermediate_requests',
  'incident_escalation_ticks',
  'audit_events',
  'jobs',
];
export const organisationTables = ['organisations', 'locations', 'memberships', 'audit_events'];
export const assetTables = ['assets', 'asset_relations', 'audit_events'];
export const assetBody = (f: Fixture) => ({
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
export const sheetUploads = {
  files: [
    Buffer.from('Inventarnummer;Bezeichnung;Art\nF-1;Fuzz-PC;workstation\n'),
    Buffer.from('Inventarnummer;Bezeichnung;Art\nF-1;Fuzz-PC;workstation\nf-1;Doppelt;server\n'),
    Buffer.from('Name,Kind,Support end\n"=1+1",Toaster,31.02.2026\n'),
    Buffer.from('PK\x03\x04 kein Arbeitsbuch'),
    Buffer.from('\uFEFF;;;\n;;;\n', 'utf8'),
  ],
  fields: ['mapping'],
};
export const supplierTables = ['suppliers', 'supplier_assets', 'audit_events'];
export const managementTables = ['management_trainings', 'management_approvals', 'audit_events'];
export const managementTrainingBody = (f: Fixture) => ({
  heldOn: '2026-11-20',
  agenda: 'Pflichten nach § 38 BSIG, Meldewege nach § 32, aktuelle Angriffe auf Praxen',
  provider: 'Ärztekammer Nordrhein',
  durationMinutes: 180,
  certificateEvidenceId: f.avvEvidenceId,
  notes: 'Zertifikat liegt in der Personalakte',
});
export const supplierSheetUploads = {
  files: [
    Buffer.from('Name;Bedeutung;Patientendaten\nFuzz GmbH;Hoch;ja\n'),
    Buffer.from('Name;Bedeutung\nFuzz GmbH;Hoch\nfuzz gmbh;Niedrig\n'),
    Buffer.from('Name,C5 report date,C5 valid until\n"=1+1",2026-02-15,2026-01-01\n'),
    Buffer.from('PK\x03\x04 kein Arbeitsbuch'),
    Buffer.from('\uFEFF;;;\n;;;\n', 'utf8'),
  ],
  fields: ['mapping'],
};
export const peopleTables = ['people', 'organisations', 'audit_events'];
export const personSheetUploads = {
  files: [
    Buffer.from('Personalnummer;Name;Funktion;Wochenstunden\nF-1;Fuzz Person;Pflegekraft;38,5\n'),
    Buffer.from('Personalnummer;Name;Funktion\nF-1;Fuzz Person;Pflegekraft\nf-1;Doppelt;Extern\n'),
    Buffer.from('Name,Role,Start,End,Weekly hours\n"=1+1",Nurse,2026-05-01,2026-04-01,viel\n'),
    Buffer.from('PK\x03\x04 kein Arbeitsbuch'),
    Buffer.from('\uFEFF;;;\n;;;\n', 'utf8'),
  ],
  fields: ['mapping'],
};
export const personBody = (f: Fixture) => ({
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
export const calendarTables = ['calendar_feeds', 'calendar_preferences', 'audit_events'];
export const phishingTables = ['phishing_campaigns', 'phishing_recipients', 'phishing_settings', 'phishing_results', 'audit_events', 'jobs'];
export const trainingTables = [
  'training_courses',
  'training_sessions',
  'training_attendance',
  'training_attendance_lists',
  'training_confirmations',
  'audit_events',
];
export const trainingCourseBody = () => ({
  title: 'Phishing erkennen',
  topic: 'phishing',
  description: 'Gefälschte Absender, Anhänge, Links',
  durationMinutes: 45,
  recurrenceMonths: 12,
  mandatory: true,
});
export const trainingSessionBody = (f: Fixture) => ({
  courseId: f.courseId,
  heldOn: '2026-03-02',
  trainer: 'Frau Dr. Weber',
  locationId: f.locationId,
  notes: '',
});
export const accessTables = ['person_accounts', 'checklist_templates', 'person_checklists', 'person_checklist_items', 'audit_events'];
export const accountBody = (f: Fixture) => ({
  system: 'pvs',
  assetId: f.assetId,
  accountName: 'm.muster',
  isAdmin: true,
  mfa: false,
  notes: 'Konnektor-Verwaltung',
});
export const taskTables = ['tasks', 'task_links', 'task_comments', 'task_templates', 'audit_events'];
export const documentTables = ['documents', 'document_versions', 'document_approvals', 'management_approvals', 'tasks', 'audit_events'];
export const taskBody = (f: Fixture) => ({
  title: 'Rücksicherung des PVS testen',
  description: 'Auf dem Testrechner im Labor',
  ownerUserId: f.userId,
  dueOn: '2027-06-30',
  links: [
    { kind: 'requirement', targetId: 'KBV-A1-25' },
    { kind: 'asset', targetId: f.assetId },
  ],
});
export const taskTemplateBody = (f: Fixture) => ({
  title: 'Firewall-Regeln durchsehen',
  description: 'Mit dem IT-Dienstleister',
  rhythm: 'yearly',
  active: true,
  defaultOwnerUserId: f.userId,
  links: [{ kind: 'requirement', targetId: 'KBV-A1-11' }],
});
export const checklistTemplateBody = () => ({ items: [{ title: 'Schlüssel ausgeben', hint: 'Ins Schlüsselbuch' }, { title: 'PVS-Zugang anlegen' }] });
export const supplierBody = (f: Fixture) => ({
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
export const riskTables = ['risks', 'organisation_counters', 'audit_events'];
export const riskSheetUploads = {
  files: [
    Buffer.from('Nr.;Risiko;Eintrittswahrscheinlichkeit;Schadensausmaß\n;Fuzz-Risiko;möglich;5\n'),
    Buffer.from('Nr.;Risiko;Eintrittswahrscheinlichkeit;Schadensausmaß\nR-1;Fuzz;1;1\n1;Doppelt;2;2\nR-999;Unbekannt;1;1\n'),
    Buffer.from('No.,Risk,Likelihood,Impact,Requirements\n,"=1+1",9,0,KBV-A9-99\n'),
    Buffer.from('PK\x03\x04 kein Arbeitsbuch'),
    Buffer.from('\uFEFF;;;\n;;;\n', 'utf8'),
  ],
  fields: ['mapping'],
};
export const riskBody = () => ({
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
export const significance = {
  severeDisruption: 'unsure',
  financialLoss: 'no',
  considerableHarmToOthers: 'yes',
  maliciousSuspected: true,
  crossBorderImpact: false,
  personalDataBreach: true,
  gdprRisk: 'risk',
};
export const nis2Check = {
  sector: 'healthcare_provider',
  kritisOperator: false,
  staffAwu: 12.5,
  annualTurnoverEur: 2_000_000,
  balanceSheetTotalEur: 1_000_000,
};
export const kbvCheck = { personsHandlingData: 8, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true };
export const person = { name: 'Bernd Bereit', email: 'bereit@praxis-a.example', phone: '+49 30 1234567' };
/** The practice's calendar day (Europe/Berlin), for bodies with dates relative to today. */
export const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

/** A complete quick-check answer set: the score and PDF routes store nothing, whatever they receive. */
export const quickCheckAnswers = {
  version: QUICK_CHECK_VERSION,
  answers: quickCheckQuestions.map((q, i) => ({ questionId: q.id, answer: ['yes', 'partly', 'no', 'unknown'][i % 4] })),
};

/**
 * One line per write route ("METHOD url" as registered). A route missing here fails the coverage test below: add it
 * with a body the route accepts and the tables it writes.
 */
