import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { and, asc, eq, inArray } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import type { SignificanceAnswers } from '../../../domain/incidents/incident.schema.ts';
import { openIntermediateRequests } from '../../../domain/incidents/intermediate.ts';
import { buildReportDraft, type Draft, type DraftKind, type Locale } from '../../../domain/incidents/report-draft.ts';
import type { Tx } from '../../db/connect.ts';
import { incidentEvents, locations, memberships, organisations, users } from '../../db/schema.ts';
import { t } from '../../i18n/texts.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';
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
  }
};

function intermediateRequestOf(incident: IncidentWithClocks) {
  const open = openRequestOf(incident);
  const request = incident.intermediateRequests.find((r) => r.id === open?.id) ?? incident.intermediateRequests.at(-1);
  return request ? { requestedAt: new Date(request.requestedAt), reference: request.reference } : null;
}

/** The draft of one report, filled from the incident, its timeline and the organisation's master data. */
export async function incidentDraft(tx: Tx, organisationId: string, incidentId: string, kind: DraftKind, locale: Locale): Promise<Draft> {
  const incident = await getIncident(tx, organisationId, incidentId);
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  const reporter = incident.reportedBy
    ? ((await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, incident.reportedBy)))[0] ?? null)
    : null;
  const [dpo] = await tx
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'data_protection_officer')))
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
    .where(and(eq(incidentEvents.organisationId, organisationId), eq(incidentEvents.incidentId, incidentId), eq(incidentEvents.kind, 'measure')))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
  const { nis2 } = await latestCheckSummaries(tx, organisationId);
  return buildReportDraft(
    kind,
    {
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
      intermediateRequest: intermediateRequestOf(incident),
      due: dueOf(kind, incident),
      now: new Date(),
    },
    locale,
  );
}

/**
 * The file name of a downloaded draft, in the reader's language and ASCII only (safe in a Content-Disposition
 * header): praxisschild-vorfall-3-fruehe-erstmeldung.pdf / praxisschild-incident-3-early-warning.pdf.
 */
export function draftFileName(locale: Locale, kind: DraftKind, number: number, ext: 'pdf' | 'docx'): string {
  return `${t(locale, 'reportDraft.fileName', { number, kind: t(locale, `reportDraft.kind.${kind}`) })}.${ext}`;
}

/** The line under every draft: a draft, to be checked against the law and the authority's form. */
export function draftFooter(locale: Locale): string {
  return t(locale, 'reportDraft.footer');
}

/** The draft as a PDF (pdfkit's built-in Helvetica covers the German letters, § and the German quotes). */
export function draftToPdf(draft: Pick<Draft, 'title' | 'sections' | 'text'>, footer: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: draft.title, Creator: 'praxisschild' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(15).text(draft.title);
    doc.moveDown(0.4).font('Helvetica').fontSize(10).fillColor('#444').text(draft.text.split('\n').slice(1, 3).join('\n'));
    for (const section of draft.sections) {
      doc.moveDown(0.8).fillColor('#000').font('Helvetica-Bold').fontSize(12).text(section.heading);
      doc.moveDown(0.2);
      for (const field of section.fields) {
        doc.font('Helvetica-Bold').fontSize(9.5).fillColor('#333').text(field.label);
        doc.font('Helvetica').fontSize(10.5).fillColor('#000').text(field.value, { indent: 8 });
        doc.moveDown(0.25);
      }
    }
    doc.moveDown(1).font('Helvetica-Oblique').fontSize(8).fillColor('#666').text(footer);
    doc.end();
  });
}

/** The draft as a Word document, for practices that edit and sign it before sending. */
export function draftToDocx(draft: Draft, footer: string): Promise<Buffer> {
  const [, recipient, due] = draft.text.split('\n');
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(draft.title)] }),
    new Paragraph({ children: [new TextRun({ text: recipient ?? '', color: '444444' })] }),
    new Paragraph({ children: [new TextRun({ text: due ?? '', color: '444444' })] }),
  ];
  for (const section of draft.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240 }, children: [new TextRun(section.heading)] }));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: section.fields.map(
          (field) =>
            new TableRow({
              children: [
                new TableCell({
                  width: { size: 38, type: WidthType.PERCENTAGE },
                  children: [new Paragraph({ children: [new TextRun({ text: field.label, bold: true })] })],
                }),
                new TableCell({ width: { size: 62, type: WidthType.PERCENTAGE }, children: [new Paragraph(field.value)] }),
              ],
            }),
        ),
      }),
    );
  }
  children.push(
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { before: 360 },
      children: [new TextRun({ text: footer, italics: true, size: 16, color: '666666' })],
    }),
  );
  return Packer.toBuffer(new Document({ creator: 'praxisschild', title: draft.title, sections: [{ children }] }));
}
