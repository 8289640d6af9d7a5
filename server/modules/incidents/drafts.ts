import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DocumentBlock, DocumentModel } from '../../../domain/documents/document-model.ts';
import type { SignificanceAnswers } from '../../../domain/incidents/incident.schema.ts';
import { openIntermediateRequests } from '../../../domain/incidents/intermediate.ts';
import { buildPersonsNotice, personsNoticeOffered } from '../../../domain/incidents/persons-notice.ts';
import {
  buildReportDraft,
  type Draft,
  type DraftInput,
  type DraftKind,
  type DraftSection,
  type Locale,
  reportHeader,
} from '../../../domain/incidents/report-draft.ts';
import type { Tx } from '../../db/connect.ts';
import { incidentEvents, locations, memberships, organisations, users } from '../../db/schema.ts';
import { type DocumentFormat, documentHeaders, renderDocument } from '../../documents/render.ts';
import { AppError } from '../../http/errors.ts';
import { formatDate, t } from '../../i18n/texts.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';
import { practiceContact } from '../registration/registration.ts';
import { getIncident } from './incidents.service.ts';

type IncidentWithClocks = Awaited<ReturnType<typeof getIncident>>;

/** The BSI's open request an intermediate report answers: the one due first. */
const openRequestOf = (incident: IncidentWithClocks) => openIntermediateRequests(incident.intermediateRequests, new Date())[0] ?? null;

const dueOf = (kind: DraftKind, incident: IncidentWithClocks): string | null => {
  const { clocks } = incident;
  switch (kind) {
    case 'early_warning':
      return clocks.bsig?.earlyWarningDue ?? null;
    case 'notification':
      return clocks.bsig?.notificationDue ?? null;
    case 'intermediate_report':
      return openRequestOf(incident)?.dueAt ?? null;
    case 'progress_report':
      return clocks.bsig?.progressReportDue ?? null;
    case 'final_report':
      return clocks.bsig?.finalReportDue ?? null;
    case 'gdpr_art33':
      return clocks.gdpr?.art33Due ?? null;
    case 'gdpr_art34':
      return null;
  }
};

function intermediateRequestOf(incident: IncidentWithClocks) {
  const open = openRequestOf(incident);
  const request = incident.intermediateRequests.find((r) => r.id === open?.id) ?? incident.intermediateRequests.at(-1);
  return request ? { requestedAt: new Date(request.requestedAt), reference: request.reference } : null;
}

/** What a draft is filled from: the incident, its timeline and the organisation's master data. */
async function draftInput(tx: Tx, organisationId: string, incident: IncidentWithClocks, kind: DraftKind): Promise<DraftInput> {
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  const reporter = incident.reportedBy
    ? ((await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, incident.reportedBy)))[0] ?? null)
    : null;
  const [dpo] = await tx
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'data_protection_officer')))
    .orderBy(asc(users.name), asc(users.id))
    .limit(1);
  const locationNames = incident.locationIds.length
    ? (
        await tx
          .select({ name: locations.name })
          .from(locations)
          .where(and(eq(locations.organisationId, organisationId), inArray(locations.id, incident.locationIds)))
      ).map((l) => l.name)
    : [];
  const measures = await tx
    .select({ at: incidentEvents.at, text: incidentEvents.text })
    .from(incidentEvents)
    .where(and(eq(incidentEvents.organisationId, organisationId), eq(incidentEvents.incidentId, incident.id), eq(incidentEvents.kind, 'measure')))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
  const { nis2 } = await latestCheckSummaries(tx, organisationId);
  const authorityInformed = incident.submissions.find((s) => s.kind === 'gdpr_art33');
  return {
    organisation: { name: organisation!.name, legalForm: organisation!.legalForm, category: nis2?.category ?? null },
    reporter,
    dataProtectionOfficer: dpo ?? null,
    incident: {
      number: incident.number,
      title: incident.title,
      description: incident.description,
      noticedAt: incident.noticedAt,
      systems: incident.systems,
      suspectedOrigin: incident.suspectedOrigin,
      patientDataInvolved: incident.patientDataInvolved,
      locations: locationNames,
      significance: incident.significance as SignificanceAnswers | null,
      handlingCompletedAt: incident.handlingCompletedAt,
    },
    measures,
    authorityInformedAt: authorityInformed ? new Date(authorityInformed.submittedAt) : null,
    practiceContact: kind === 'gdpr_art34' ? await practiceContact(tx, organisationId) : null,
    intermediateRequest: intermediateRequestOf(incident),
    due: dueOf(kind, incident),
    now: new Date(),
  };
}

/** A draft with what its document needs besides: the organisation's name and the incident's number. */
export interface IncidentDraft {
  draft: Draft;
  organisation: string;
  number: number;
}

/**
 * The draft of one report or of the letter to the persons concerned, filled from the incident. The letter exists
 * only when personal data are involved (Art. 34 DSGVO); asked for another incident it is not found.
 */
export async function loadIncidentDraft(tx: Tx, organisationId: string, incidentId: string, kind: DraftKind, locale: Locale): Promise<IncidentDraft> {
  const incident = await getIncident(tx, organisationId, incidentId);
  if (kind === 'gdpr_art34' && !personsNoticeOffered(incident)) throw new AppError('incident.draft_not_offered', 404);
  const input = await draftInput(tx, organisationId, incident, kind);
  const draft =
    kind === 'gdpr_art34'
      ? buildPersonsNotice(input, locale, (key, values) => t(locale, `reportDraft.art34.${key}`, values))
      : buildReportDraft(kind, input, locale);
  return { draft, organisation: input.organisation.name, number: incident.number };
}

export async function incidentDraft(tx: Tx, organisationId: string, incidentId: string, kind: DraftKind, locale: Locale): Promise<Draft> {
  return (await loadIncidentDraft(tx, organisationId, incidentId, kind, locale)).draft;
}

/**
 * The file name of a downloaded draft, without extension, in the reader's language and ASCII only (safe in a
 * Content-Disposition header): praxisschild-vorfall-3-fruehe-erstmeldung / praxisschild-incident-3-early-warning.
 */
export function draftFileStem(locale: Locale, kind: DraftKind, number: number): string {
  return t(locale, 'reportDraft.fileName', { number, kind: t(locale, `reportDraft.kind.${kind}`) });
}

/** The line under every draft: a draft, to be checked against the law and the authority's form (or, for a letter, before sending). */
export function draftFooter(locale: Locale, form: Draft['form'] = 'report'): string {
  return t(locale, form === 'letter' ? 'reportDraft.art34.footer' : 'reportDraft.footer');
}

function sectionBlocks(section: DraftSection): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  if (section.heading) blocks.push({ kind: 'heading', level: 2, text: section.heading });
  for (const text of section.paragraphs ?? []) blocks.push({ kind: 'paragraph', text });
  if (section.items?.length) blocks.push({ kind: 'list', items: section.items });
  if (section.fields.length) blocks.push({ kind: 'fields', rows: section.fields });
  return blocks;
}

/**
 * A draft as a document of the shared kit: the title, the organisation, "Entwurf" as its version, today's date, the
 * recipient and the deadline under the title, the hints for the practice as notes, each section as a heading with
 * its fields (a report) or its text and list (a letter, signed by the practice), and the footer as small print.
 */
export function draftDocument(draft: Draft, context: { organisation: string; locale: Locale; now: Date }): DocumentModel {
  const { locale } = context;
  const header = reportHeader(draft, locale);
  const letter = draft.form === 'letter';
  const blocks: DocumentBlock[] = draft.notes.map((text) => ({ kind: 'paragraph', text, tone: 'note' }));
  blocks.push(...draft.sections.flatMap(sectionBlocks));
  if (draft.signature) blocks.push({ kind: 'signature', rows: [{ role: draft.signature.role, name: draft.signature.name, date: '' }] });
  return {
    locale,
    title: draft.title,
    subtitle: header.to,
    organisation: context.organisation,
    versionLabel: t(locale, 'reportDraft.versionLabel'),
    dateLabel: formatDate(locale, context.now),
    statusLine: letter ? t(locale, 'reportDraft.art34.when') : header.due,
    blocks,
    footnote: draftFooter(locale, draft.form),
  };
}

/** One draft as a PDF or Word file with its download headers. */
export async function draftFile(loaded: IncidentDraft, locale: Locale, format: DocumentFormat, now = new Date()) {
  const model = draftDocument(loaded.draft, { organisation: loaded.organisation, locale, now });
  return {
    body: await renderDocument(model, format),
    headers: documentHeaders(format, draftFileStem(locale, loaded.draft.kind, loaded.number)),
  };
}
