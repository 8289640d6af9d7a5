import type { OrganisationAnchor } from '../../../domain/audit/audit-anchor.ts';
import type { RequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import type { DocumentBlock, DocumentModel } from '../../../domain/documents/document-model.ts';
import { formatDate, formatDateTime, type Locale, t } from '../../i18n/texts.ts';
import type { WrittenEntry } from './pack-writer.ts';

/** One requirement of the catalog as the index shows it. */
export interface IndexRequirement {
  id: string;
  reference: string;
  title: string;
  applicable: boolean;
  /** Why it does not apply (from the applicability check), in the reader's language. */
  reason: string;
  status: RequirementStatus;
  ownerName: string | null;
  dueDate: string | null;
}

/** One evidence file and what became of it in the pack. */
export interface IndexEvidence {
  requirementId: string;
  fileName: string;
  locationName: string | null;
  /** SHA-256 recorded at upload. */
  recordedSha256: string;
  /** The file as written into the pack; null when it was deleted while the pack was being written. */
  written: WrittenEntry | null;
}

export interface IndexInput {
  locale: Locale;
  organisationName: string;
  createdAt: Date;
  createdBy: string;
  anchor: OrganisationAnchor;
  requirements: readonly IndexRequirement[];
  evidence: readonly IndexEvidence[];
  documents: readonly WrittenEntry[];
}

const DASH = '–';

/** One formatter per language: made once, not once per file (2 000 of them cost about 40 ms). */
const numberFormats: Record<Locale, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** A size the way a file manager shows it: 812 B, 45,3 KB, 2,1 MB (1 KB = 1024 bytes). */
export function formatSize(locale: Locale, bytes: number): string {
  const number = (value: number) => numberFormats[locale].format(value);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${number(bytes / 1024 ** 2)} MB`;
  return `${number(bytes / 1024 ** 3)} GB`;
}

function overview(input: IndexInput): DocumentBlock[] {
  const { locale, anchor } = input;
  const text = (key: string, values?: Record<string, string | number>) => t(locale, `evidencePack.index.${key}`, values);
  const written = input.evidence.flatMap((e) => (e.written ? [e.written] : []));
  return [
    {
      kind: 'fields',
      rows: [
        { label: text('organisation'), value: input.organisationName },
        { label: text('createdAt'), value: formatDateTime(locale, input.createdAt) },
        { label: text('createdBy'), value: input.createdBy },
        {
          label: text('contents'),
          value: text('contentsValue', {
            applicable: input.requirements.filter((r) => r.applicable).length,
            notApplicable: input.requirements.filter((r) => !r.applicable).length,
            files: written.length,
            size: formatSize(
              locale,
              written.reduce((sum, e) => sum + e.size, 0),
            ),
            documents: input.documents.length,
          }),
        },
        { label: text('auditEntries'), value: String(anchor.entries) },
        { label: text('auditHead'), value: `${text('auditHeadEntry', { seq: anchor.seq })}\n${anchor.hash}` },
      ],
    },
  ];
}

function requirementBlocks(input: IndexInput): DocumentBlock[] {
  const { locale } = input;
  const text = (key: string) => t(locale, `evidencePack.index.${key}`);
  const filesOf = new Map<string, number>();
  for (const e of input.evidence) if (e.written) filesOf.set(e.requirementId, (filesOf.get(e.requirementId) ?? 0) + 1);
  const label = (r: IndexRequirement) => `${r.id} (${r.reference})\n${r.title}`;
  const applicable = input.requirements.filter((r) => r.applicable);
  const notApplicable = input.requirements.filter((r) => !r.applicable);
  return [
    { kind: 'heading', level: 1, text: text('requirementsHeading') },
    { kind: 'paragraph', tone: 'muted', text: text('requirementsIntro') },
    {
      kind: 'table',
      columns: [
        { title: text('columnRequirement'), width: 0.44 },
        { title: text('columnStatus'), width: 0.13 },
        { title: text('columnOwner'), width: 0.18 },
        { title: text('columnDue'), width: 0.12 },
        { title: text('columnFiles'), width: 0.13 },
      ],
      rows: applicable.map((r) => [
        label(r),
        t(locale, `requirementStatus.${r.status}`),
        r.ownerName ?? DASH,
        r.dueDate ? formatDate(locale, r.dueDate) : DASH,
        String(filesOf.get(r.id) ?? 0),
      ]),
      empty: text('noRequirements'),
    },
    { kind: 'heading', level: 1, text: text('notApplicableHeading') },
    ...(notApplicable.length > 0 ? [{ kind: 'paragraph', tone: 'muted', text: text('notApplicableIntro') } as const] : []),
    {
      kind: 'table',
      columns: [
        { title: text('columnRequirement'), width: 0.44 },
        { title: text('columnReason'), width: 0.43 },
        { title: text('columnFiles'), width: 0.13 },
      ],
      rows: notApplicable.map((r) => [label(r), r.reason, String(filesOf.get(r.id) ?? 0)]),
      empty: text('noneNotApplicable'),
    },
  ];
}

function fileBlocks(input: IndexInput): DocumentBlock[] {
  const { locale } = input;
  const text = (key: string, values?: Record<string, string | number>) => t(locale, `evidencePack.index.${key}`, values);
  const written = input.evidence.filter((e) => e.written !== null);
  const wholeOrganisation = text('wholeOrganisation');
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: text('evidenceHeading') },
    { kind: 'paragraph', tone: 'muted', text: text('evidenceIntro') },
    {
      kind: 'table',
      columns: [
        { title: text('columnFile'), width: 0.36 },
        { title: text('columnLocation'), width: 0.14 },
        { title: text('columnSize'), width: 0.1 },
        { title: text('columnSha256'), width: 0.4 },
      ],
      rows: written.map((e) => [e.written!.path, e.locationName ?? wholeOrganisation, formatSize(locale, e.written!.size), e.written!.sha256]),
      empty: text('noEvidence'),
    },
    { kind: 'heading', level: 1, text: text('documentsHeading') },
    {
      kind: 'table',
      columns: [
        { title: text('columnFile'), width: 0.5 },
        { title: text('columnSize'), width: 0.1 },
        { title: text('columnSha256'), width: 0.4 },
      ],
      rows: input.documents.map((d) => [d.path, formatSize(locale, d.size), d.sha256]),
      empty: text('noDocuments'),
    },
  ];
  const problems = [
    ...input.evidence.filter((e) => e.written === null).map((e) => text('removed', { requirement: e.requirementId, file: e.fileName })),
    ...written
      .filter((e) => e.written!.sha256 !== e.recordedSha256)
      .map((e) => text('mismatch', { path: e.written!.path, recorded: e.recordedSha256, actual: e.written!.sha256 })),
  ];
  if (problems.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: text('problemsHeading') }, { kind: 'list', items: problems });
  }
  return blocks;
}

/**
 * The index of the pack (index.pdf): who and what, the head of the audit trail, every requirement with its status,
 * owner and due date, those that do not apply and why, every evidence file and document with its path, size and
 * SHA-256, and anything that went wrong while packing; how to check the pack comes first. It is written last, so it
 * lists exactly what the pack holds.
 */
export function evidenceIndexModel(input: IndexInput): DocumentModel {
  const { locale } = input;
  const text = (key: string, values?: Record<string, string | number>) => t(locale, `evidencePack.index.${key}`, values);
  return {
    locale,
    title: text('title'),
    subtitle: text('subtitle'),
    organisation: input.organisationName,
    versionLabel: text('version', { seq: input.anchor.seq }),
    dateLabel: formatDateTime(locale, input.createdAt),
    blocks: [
      ...overview(input),
      { kind: 'heading', level: 2, text: text('checkHeading') },
      { kind: 'paragraph', text: text('checkFiles') },
      { kind: 'paragraph', text: text('checkAudit') },
      ...requirementBlocks(input),
      ...fileBlocks(input),
    ],
  };
}

/** audit-head.txt: the head of the audit trail in plain lines, for a person; audit-anchor.json is the same for the command line. */
export function auditHeadText(locale: Locale, anchor: OrganisationAnchor, createdAt: Date): string {
  const text = (key: string, values?: Record<string, string | number>) => t(locale, `evidencePack.head.${key}`, values);
  return [
    text('title'),
    `${text('organisation')}: ${anchor.organisationName} (${anchor.organisationId})`,
    `${text('createdAt')}: ${formatDateTime(locale, createdAt)}`,
    `${text('entries')}: ${anchor.entries}`,
    `${text('seq')}: ${anchor.seq}`,
    `${text('lastEntryAt')}: ${anchor.lastEntryAt ? formatDateTime(locale, anchor.lastEntryAt) : DASH}`,
    `SHA-256: ${anchor.hash}`,
    '',
    text('check'),
    '',
  ].join('\n');
}
