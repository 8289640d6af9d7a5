import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { supplierWarnings } from '../../../domain/suppliers/supplier-warnings.ts';
import { type SupplierExportQuery, type SupplierInput, type SupplierListQuery, supplierIssueCodes } from '../../../domain/suppliers/suppliers.schema.ts';
import { supplierSheet } from '../../../domain/suppliers/suppliers.sheet.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { assets, evidenceFiles, supplierAssets, suppliers } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { t } from '../../i18n/texts.ts';
import { exportSheet, type SheetRow, sheetFileName, sheetMediaTypes } from '../../spreadsheet/export.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { listSuppliers, summariseSuppliers, suppliersForExport } from './suppliers.queries.ts';

type SupplierRow = typeof suppliers.$inferSelect;

function withWarnings(row: SupplierRow, today: string) {
  const { organisationId: _organisation, ...supplier } = row;
  return { ...supplier, warnings: supplierWarnings(row, today) };
}

export async function listPage(tx: Tx, organisationId: string, query: SupplierListQuery) {
  const today = practiceToday();
  const page = await listSuppliers(tx, organisationId, query, today);
  return { ...page, items: page.items.map((row) => withWarnings(row, today)) };
}

export const summary = (tx: Tx, organisationId: string) => summariseSuppliers(tx, organisationId, practiceToday());

async function findSupplier(tx: Tx, organisationId: string, supplierId: string, lock = false): Promise<SupplierRow> {
  const query = tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.organisationId, organisationId), eq(suppliers.id, supplierId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('supplier.not_found', 404);
  return row;
}

export async function getSupplier(tx: Tx, organisationId: string, supplierId: string) {
  const row = await findSupplier(tx, organisationId, supplierId);
  const provided = await tx
    .select({ id: assets.id, name: assets.name, kind: assets.kind })
    .from(supplierAssets)
    .innerJoin(assets, and(eq(assets.organisationId, supplierAssets.organisationId), eq(assets.id, supplierAssets.assetId)))
    .where(and(eq(supplierAssets.organisationId, organisationId), eq(supplierAssets.supplierId, supplierId)))
    .orderBy(sql`lower(${assets.name})`, assets.id);
  const [avvEvidence] = row.avvEvidenceId
    ? await tx
        .select({ id: evidenceFiles.id, fileName: evidenceFiles.fileName, mediaType: evidenceFiles.mediaType, uploadedAt: evidenceFiles.uploadedAt })
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.id, row.avvEvidenceId)))
    : [];
  return { ...withWarnings(row, practiceToday()), assets: provided, avvEvidence: avvEvidence ?? null };
}

/** Refusals a person can act on, at the field: a name taken meanwhile, an AVV file deleted meanwhile. */
function asFieldError(error: unknown): unknown {
  const db = databaseErrorOf(error);
  if (db?.code === UNIQUE_VIOLATION && db.constraint === 'suppliers_name_unique') return fieldError(['name'], supplierIssueCodes.nameTaken);
  if (db?.code === FOREIGN_KEY_VIOLATION) return fieldError(['avvEvidenceId'], supplierIssueCodes.evidenceUnknown);
  return error;
}

async function checkInput(tx: Tx, organisationId: string, input: SupplierInput, exceptId?: string) {
  const [clash] = await tx
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(eq(suppliers.organisationId, organisationId), sql`lower(${suppliers.name}) = lower(${input.name})`));
  if (clash && clash.id !== exceptId) throw fieldError(['name'], supplierIssueCodes.nameTaken);
  if (input.avvEvidenceId) {
    const [file] = await tx
      .select({ id: evidenceFiles.id })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.id, input.avvEvidenceId)));
    if (!file) throw fieldError(['avvEvidenceId'], supplierIssueCodes.evidenceUnknown);
  }
}

export async function createSupplier(tx: Tx, actor: Actor, input: SupplierInput) {
  await checkInput(tx, actor.organisationId, input);
  const id = randomUUID();
  const [row] = await tx
    .insert(suppliers)
    .values({ ...input, organisationId: actor.organisationId, id })
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'supplier.created',
    entityType: 'supplier',
    entityId: id,
    data: { name: input.name, criticality: input.criticality, patientDataAccess: input.patientDataAccess, avvStatus: input.avvStatus },
  });
  return withWarnings(row!, practiceToday());
}

/**
 * Replaces a supplier when the client saw the current revision; otherwise 409 and nothing is written, so that two
 * people editing the same record do not overwrite each other unseen.
 */
export async function updateSupplier(tx: Tx, actor: Actor, supplierId: string, input: SupplierInput & { revision: number }) {
  const { revision, ...fields } = input;
  const before = await findSupplier(tx, actor.organisationId, supplierId);
  await checkInput(tx, actor.organisationId, fields, supplierId);
  const [row] = await tx
    .update(suppliers)
    .set({ ...fields, revision: sql`${suppliers.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(suppliers.organisationId, actor.organisationId), eq(suppliers.id, supplierId), eq(suppliers.revision, revision)))
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  if (!row) throw new AppError('supplier.revision_conflict', 409);
  const changed = Object.keys(fields).filter((key) => before[key as keyof SupplierRow] !== fields[key as keyof typeof fields]);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'supplier.updated',
    entityType: 'supplier',
    entityId: supplierId,
    data: { name: row.name, changed },
  });
  return withWarnings(row, practiceToday());
}

export async function deleteSupplier(tx: Tx, actor: Actor, supplierId: string) {
  const [row] = await tx
    .delete(suppliers)
    .where(and(eq(suppliers.organisationId, actor.organisationId), eq(suppliers.id, supplierId)))
    .returning({ name: suppliers.name, criticality: suppliers.criticality });
  if (!row) throw new AppError('supplier.not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'supplier.deleted',
    entityType: 'supplier',
    entityId: supplierId,
    data: row,
  });
}

/**
 * Sets which assets and services the supplier provides: the given set replaces the previous one. The supplier row is
 * locked first, so that two replacements sent at once end as one of the two sets, never as a mixture.
 */
export async function setSupplierAssets(tx: Tx, actor: Actor, supplierId: string, input: { assetIds: string[] }) {
  const organisationId = actor.organisationId;
  await findSupplier(tx, organisationId, supplierId, true);
  const wanted = [...new Set(input.assetIds)];
  if (wanted.length > 0) {
    const found = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.organisationId, organisationId), inArray(assets.id, wanted)));
    const known = new Set(found.map((a) => a.id));
    const index = input.assetIds.findIndex((id) => !known.has(id));
    if (index >= 0) throw fieldError(['assetIds', index], supplierIssueCodes.assetUnknown);
  }
  const current = await tx
    .select({ assetId: supplierAssets.assetId })
    .from(supplierAssets)
    .where(and(eq(supplierAssets.organisationId, organisationId), eq(supplierAssets.supplierId, supplierId)));
  const had = new Set(current.map((c) => c.assetId));
  const removed = [...had].filter((id) => !wanted.includes(id));
  const added = wanted.filter((id) => !had.has(id));
  if (removed.length > 0) {
    await tx
      .delete(supplierAssets)
      .where(and(eq(supplierAssets.organisationId, organisationId), eq(supplierAssets.supplierId, supplierId), inArray(supplierAssets.assetId, removed)));
  }
  if (added.length > 0) {
    await tx
      .insert(supplierAssets)
      .values(added.map((assetId) => ({ organisationId, supplierId, assetId })))
      .onConflictDoNothing()
      .catch((error: unknown) => {
        // An asset deleted in a transaction beside this one.
        throw databaseErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? fieldError(['assetIds'], supplierIssueCodes.assetUnknown) : error;
      });
  }
  if (added.length > 0 || removed.length > 0) {
    await appendAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'supplier.assets_changed',
      entityType: 'supplier',
      entityId: supplierId,
      data: { added, removed },
    });
  }
  return getSupplier(tx, organisationId, supplierId);
}

/** The register (or its filtered part) as XLSX or CSV, titles and labels in the reader's language. */
export async function exportSuppliers(tx: Tx, organisationId: string, query: SupplierExportQuery) {
  const today = practiceToday();
  const rows = await suppliersForExport(tx, organisationId, query, today);
  const sheetRows: SheetRow[] = rows.map(({ createdAt: _created, updatedAt: _updated, ...supplier }) => supplier);
  const title = t(query.locale, 'suppliers.title');
  const file = await exportSheet(supplierSheet, sheetRows, { format: query.format, locale: query.locale, sheetTitle: title });
  return { file, fileName: sheetFileName(title, today, query.format), mediaType: sheetMediaTypes[query.format] };
}
