import { AUDIT_ANCHOR_FORMAT } from '../../../domain/audit/audit-anchor.ts';
import type { DocumentLocale } from '../../../domain/documents/document-model.ts';
import { EntryNames, evidenceFolder, safeEntryName, sha256sumLine } from '../../../domain/evidence-pack/pack-names.ts';
import { withOrganisationBinary } from '../../db/binary-copy.ts';
import type { Db, Tx } from '../../db/connect.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { renderDocument } from '../../documents/render.ts';
import type { Actor } from '../../http/auth.ts';
import type { Locale } from '../../i18n/texts.ts';
import { appendAudit, auditAnchors } from '../audit/audit.ts';
import { listCatalog } from '../compliance/compliance.ts';
import { auditHeadText, evidenceIndexModel, type IndexEvidence, type IndexRequirement } from './evidence-pack.index.ts';
import { type EvidenceRow, evidenceContents, evidenceManifest, evidenceSlice, userNames, withOrganisationSnapshot } from './evidence-pack.queries.ts';
import type { PackGate } from './pack-gate.ts';
import { PackAborted, type PackProducer, type PackWriter, type WrittenEntry } from './pack-writer.ts';

/** A current document of the organisation, rendered when the pack reaches it (the documents module's `approvedDocumentFiles`). */
export interface PackDocument {
  fileName: string;
  render(): Promise<Buffer>;
}
/** Lists the documents the pack carries in `documents/`, inside a tenant transaction; `render` runs after it. */
export type PackDocuments = (tx: Tx, organisationId: string, locale: DocumentLocale) => Promise<PackDocument[]>;
/** A pack without a `documents/` folder (tests that look only at the evidence). */
export const noDocuments: PackDocuments = async () => [];

/**
 * How the evidence bytes are read (decision 035): files up to `sliceBytes` in batches of at most `batchBytes` and
 * `batchFiles`, one short tenant transaction each; a larger file slice by slice, one transaction per slice. A batch
 * of 2 MB holds the embedded database for a few tens of milliseconds, so other requests wait at most that long.
 */
export interface ReadLimits {
  batchBytes: number;
  batchFiles: number;
  sliceBytes: number;
}
export const READ_LIMITS: ReadLimits = { batchBytes: 2 * 1024 * 1024, batchFiles: 32, sliceBytes: 1024 * 1024 };

export interface PackRequest {
  actor: Actor;
  locale: Locale;
  documents: PackDocuments;
  limits?: ReadLimits;
}

type Step = { kind: 'batch'; files: EvidenceRow[] } | { kind: 'large'; file: EvidenceRow };

/**
 * Lets the event loop take other requests. PGlite answers within promise callbacks, and a fast reader never makes
 * the ZIP wait, so without this a whole pack ran as one chain of callbacks: measured, it held the event loop (and every
 * other request) for the 6 s the pack took. After each step, other work gets its turn.
 */
const otherRequestsFirst = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The manifest cut into read steps, in manifest order. */
export function readSteps(files: readonly EvidenceRow[], limits: ReadLimits): Step[] {
  const steps: Step[] = [];
  let batch: EvidenceRow[] = [];
  let bytes = 0;
  const close = () => {
    if (batch.length > 0) steps.push({ kind: 'batch', files: batch });
    batch = [];
    bytes = 0;
  };
  for (const file of files) {
    if (file.sizeBytes > limits.sliceBytes) {
      close();
      steps.push({ kind: 'large', file });
      continue;
    }
    if (batch.length >= limits.batchFiles || bytes + file.sizeBytes > limits.batchBytes) close();
    batch.push(file);
    bytes += file.sizeBytes;
  }
  close();
  return steps;
}

interface Manifest {
  createdBy: string;
  requirements: IndexRequirement[];
  evidence: EvidenceRow[];
  anchor: Awaited<ReturnType<typeof auditAnchors>>['organisations'][number];
}

/** Everything the index says, read in one snapshot: the catalog as the organisation sees it, the files, the audit head. */
async function readManifest(tx: Tx, actor: Actor, locale: Locale, now: Date): Promise<Manifest> {
  const catalog = await listCatalog(tx, actor.organisationId, now);
  const names = await userNames(tx, [...new Set([actor.userId, ...catalog.requirements.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : []))])]);
  const [anchor] = (await auditAnchors(tx, actor.organisationId)).organisations;
  if (!anchor) throw new Error('the organisation of the evidence pack is gone');
  return {
    createdBy: names.get(actor.userId) ?? '',
    requirements: catalog.requirements.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: locale === 'de' ? r.titleDe : r.titleEn,
      applicable: r.applicable,
      reason: r.reason[locale],
      status: r.status,
      ownerName: r.ownerUserId ? (names.get(r.ownerUserId) ?? null) : null,
      dueDate: r.dueDate,
    })),
    evidence: await evidenceManifest(tx, actor.organisationId),
    anchor,
  };
}

/** The slices of a large file after its first; a file deleted half-way cannot be finished, so the pack fails. */
async function* laterSlices(c: EvidenceContext, file: EvidenceRow, first: Buffer) {
  const { db, organisationId, limits } = c;
  yield first;
  for (let offset = first.length; offset < file.sizeBytes; offset += limits.sliceBytes) {
    if (c.signal.aborted) throw new PackAborted();
    const part = await withOrganisationBinary(db, organisationId, (rows) => evidenceSlice(rows, organisationId, file.id, offset, limits.sliceBytes));
    if (part === null || part.length === 0) throw new Error(`evidence file ${file.id} was deleted while the pack was written`);
    yield part;
  }
}

/**
 * Reads the bytes of one step in its own short tenant transaction: a batch whole, a large file's first slice. The
 * promise is marked handled at once: it is read ahead and awaited only later, and a failure meanwhile must not count
 * as an unhandled rejection (which ends the process).
 */
function readStep(c: EvidenceContext, step: Step): Promise<Map<string, Buffer>> {
  const { db, organisationId } = c;
  const reading =
    step.kind === 'batch'
      ? withOrganisationBinary(db, organisationId, (rows) => evidenceContents(rows, organisationId, step.files))
      : withOrganisationBinary(db, organisationId, (rows) => evidenceSlice(rows, organisationId, step.file.id, 0, c.limits.sliceBytes)).then(
          (first) => new Map(first ? [[step.file.id, first]] : []),
        );
  reading.catch(() => undefined);
  return reading;
}

interface EvidenceContext {
  db: Db;
  writer: PackWriter;
  organisationId: string;
  limits: ReadLimits;
  signal: AbortSignal;
  names: EntryNames;
}

/** Writes the files of one step whose bytes were read; a file missing from `contents` was deleted meanwhile (null). */
async function writeStep(c: EvidenceContext, step: Step, contents: Map<string, Buffer>): Promise<IndexEvidence[]> {
  const pathOf = (file: EvidenceRow) => c.names.take(evidenceFolder(file.requirementId), safeEntryName(file.fileName, file.mediaType));
  const outcome = (file: EvidenceRow, written: WrittenEntry | null): IndexEvidence => ({
    requirementId: file.requirementId,
    fileName: file.fileName,
    locationName: file.locationName,
    recordedSha256: file.sha256,
    written,
  });
  if (step.kind === 'large') {
    const first = contents.get(step.file.id);
    if (!first) return [outcome(step.file, null)];
    const parts = laterSlices(c, step.file, first);
    return [outcome(step.file, await c.writer.addParts(pathOf(step.file), parts, step.file.uploadedAt))];
  }
  const outcomes: IndexEvidence[] = [];
  for (const file of step.files) {
    const content = contents.get(file.id);
    outcomes.push(outcome(file, content ? await c.writer.addBuffer(pathOf(file), content, file.uploadedAt) : null));
  }
  return outcomes;
}

/**
 * Writes every evidence file into `evidence/<requirement id>/`, reading a step ahead while the previous one is
 * written (the database works while the socket sends). A file deleted since the manifest is left out and reported.
 */
async function writeEvidence(c: EvidenceContext, files: EvidenceRow[]): Promise<IndexEvidence[]> {
  const steps = readSteps(files, c.limits);
  const outcomes: IndexEvidence[] = [];
  let ahead = steps.length > 0 ? readStep(c, steps[0]!) : null;
  try {
    for (let i = 0; i < steps.length; i++) {
      await otherRequestsFirst();
      const contents = await ahead!;
      ahead = i + 1 < steps.length ? readStep(c, steps[i + 1]!) : null;
      if (c.signal.aborted) throw new PackAborted();
      outcomes.push(...(await writeStep(c, steps[i]!, contents)));
    }
  } finally {
    // A read started ahead finishes its own short transaction; wait for it so nothing outlives the pack.
    await ahead?.catch(() => undefined);
  }
  return outcomes;
}

/**
 * The organisation's current documents into `documents/`: listed in one tenant transaction (which reads what each
 * document says), then rendered and written one at a time, so one rendered document is in memory at a time.
 */
async function writeDocuments(db: Db, writer: PackWriter, request: PackRequest): Promise<WrittenEntry[]> {
  const { organisationId } = request.actor;
  const files = await withOrganisation(db, organisationId, (tx) => request.documents(tx, organisationId, request.locale));
  const names = new EntryNames();
  const written: WrittenEntry[] = [];
  for (const file of files) {
    await otherRequestsFirst();
    written.push(await writer.addBuffer(names.take('documents', safeEntryName(file.fileName, 'application/pdf')), await file.render()));
  }
  return written;
}

/** The audit entry of a download, in its own short transaction. */
function recordDownload(db: Db, actor: Actor, locale: Locale): Promise<void> {
  return withOrganisation(db, actor.organisationId, (tx) =>
    appendAudit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'evidence_pack.downloaded',
      entityType: 'organisation',
      entityId: actor.organisationId,
      data: { locale },
    }),
  );
}

/** The files that describe the pack, written after everything they describe: index, audit head, anchor, hashes. */
async function writeDescription(
  writer: PackWriter,
  manifest: Manifest,
  written: { evidence: IndexEvidence[]; documents: WrittenEntry[] },
  locale: Locale,
  now: Date,
) {
  const { anchor } = manifest;
  const model = evidenceIndexModel({
    locale,
    organisationName: anchor.organisationName,
    createdAt: now,
    createdBy: manifest.createdBy,
    anchor,
    requirements: manifest.requirements,
    ...written,
  });
  await writer.addBuffer('index.pdf', await renderDocument(model, 'pdf'), now);
  await writer.addBuffer('audit-head.txt', Buffer.from(auditHeadText(locale, anchor, now)), now);
  const anchorFile = { format: AUDIT_ANCHOR_FORMAT, createdAt: now.toISOString(), organisations: [anchor] };
  await writer.addBuffer('audit-anchor.json', Buffer.from(`${JSON.stringify(anchorFile, null, 2)}\n`), now);
  await writer.addBuffer('hashes.sha256', Buffer.from(writer.entries.map((e) => sha256sumLine(e.sha256, e.path)).join('')), now);
}

/**
 * What fills one evidence pack, in this order once the gate lets it start: the audit entry (its own short
 * transaction, so the pack's audit head includes its own download), the manifest (one snapshot), the evidence files
 * (a transaction per batch), the documents, then index.pdf, audit-head.txt, audit-anchor.json and hashes.sha256
 * describing exactly what was written. The gate's place is given back however this ends.
 */
export function evidencePackProducer(db: Db, gate: PackGate, request: PackRequest): PackProducer {
  const { actor, locale } = request;
  return async (writer, signal) => {
    const release = await gate.acquire(actor.organisationId, signal);
    try {
      const now = new Date();
      await recordDownload(db, actor, locale);
      const manifest = await withOrganisationSnapshot(db, actor.organisationId, (tx) => readManifest(tx, actor, locale, now));
      const limits = request.limits ?? READ_LIMITS;
      const evidence = await writeEvidence({ db, writer, organisationId: actor.organisationId, limits, signal, names: new EntryNames() }, manifest.evidence);
      const documents = await writeDocuments(db, writer, request);
      await writeDescription(writer, manifest, { evidence, documents }, locale, now);
    } finally {
      release();
    }
  };
}
