import { randomUUID } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { assetWarnings } from '../../../domain/assets/asset-warnings.ts';
import type { AssetExportQuery, AssetInput, AssetListQuery, AssetRelationKind } from '../../../domain/assets/assets.schema.ts';
import { assetSheet } from '../../../domain/assets/assets.sheet.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { assetRelations, assets, locations, supplierAssets, suppliers } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { t } from '../../i18n/texts.ts';
import { exportSheet, type SheetRow, sheetFileName, sheetMediaTypes } from '../../spreadsheet/export.ts';
import { appendAudit } from '../audit/audit.ts';
import { assetsForExport, listAssets, summariseAssets } from './assets.queries.ts';

type AssetRow = typeof assets.$inferSelect;

/** The practice's calendar day: support ends and warnings are days in Germany, not in UTC. */
export function practiceToday(now = new Date()): string {
  return DateTime.fromJSDate(now).setZone('Europe/Berlin').toISODate()!;
}

function withWarnings(row: AssetRow, today: string) {
  const { organisationId: _organisation, ...asset } = row;
  return { ...asset, warnings: assetWarnings(row, today) };
}

export async function listPage(tx: Tx, organisationId: string, query: AssetListQuery) {
  const today = practiceToday();
  const page = await listAssets(tx, organisationId, query, today);
  return { ...page, items: page.items.map((row) => withWarnings(row, today)) };
}

export const summary = (tx: Tx, organisationId: string) => summariseAssets(tx, organisationId, practiceToday());

async function findAsset(tx: Tx, organisationId: string, assetId: string): Promise<AssetRow> {
  const [row] = await tx
    .select()
    .from(assets)
    .where(and(eq(assets.organisationId, organisationId), eq(assets.id, assetId)));
  if (!row) throw new AppError('asset.not_found', 404);
  return row;
}

export async function getAsset(tx: Tx, organisationId: string, assetId: string) {
  const row = await findAsset(tx, organisationId, assetId);
  const other = sql`case when ${assetRelations.sourceId} = ${assetId} then ${assetRelations.targetId} else ${assetRelations.sourceId} end`;
  const relations = await tx
    .select({
      id: assetRelations.id,
      sourceId: assetRelations.sourceId,
      kind: assetRelations.kind,
      targetId: assetRelations.targetId,
      otherName: assets.name,
      otherKind: assets.kind,
    })
    .from(assetRelations)
    .innerJoin(assets, and(eq(assets.organisationId, assetRelations.organisationId), sql`${assets.id} = ${other}`))
    .where(and(eq(assetRelations.organisationId, organisationId), or(eq(assetRelations.sourceId, assetId), eq(assetRelations.targetId, assetId))))
    .orderBy(assetRelations.kind, assets.name, assetRelations.id);
  // The supplier register links suppliers to what they provide (supplier_assets); the asset page shows it back.
  const providers = await tx
    .select({ id: suppliers.id, name: suppliers.name })
    .from(supplierAssets)
    .innerJoin(suppliers, and(eq(suppliers.organisationId, supplierAssets.organisationId), eq(suppliers.id, supplierAssets.supplierId)))
    .where(and(eq(supplierAssets.organisationId, organisationId), eq(supplierAssets.assetId, assetId)))
    .orderBy(sql`lower(${suppliers.name})`, suppliers.id);
  return { ...withWarnings(row, practiceToday()), relations, suppliers: providers };
}

/** Refusals a person can act on, at the field: a location of another organisation or one deleted meanwhile. */
function asFieldError(error: unknown): unknown {
  const db = databaseErrorOf(error);
  if (db?.code === UNIQUE_VIOLATION && db.constraint === 'assets_inventory_number_unique') {
    return fieldError(['inventoryNumber'], 'asset.inventory_number_taken');
  }
  if (db?.code === FOREIGN_KEY_VIOLATION) return fieldError(['locationId'], 'asset.location_unknown');
  return error;
}

async function checkInput(tx: Tx, organisationId: string, input: AssetInput, exceptId?: string) {
  if (input.locationId) {
    const [location] = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.organisationId, organisationId), eq(locations.id, input.locationId)));
    if (!location) throw fieldError(['locationId'], 'asset.location_unknown');
  }
  if (input.inventoryNumber) {
    const [clash] = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.organisationId, organisationId), sql`lower(${assets.inventoryNumber}) = lower(${input.inventoryNumber})`));
    if (clash && clash.id !== exceptId) throw fieldError(['inventoryNumber'], 'asset.inventory_number_taken');
  }
}

export async function createAsset(tx: Tx, actor: Actor, input: AssetInput) {
  await checkInput(tx, actor.organisationId, input);
  const id = randomUUID();
  const [row] = await tx
    .insert(assets)
    .values({ ...input, organisationId: actor.organisationId, id })
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'asset.created',
    entityType: 'asset',
    entityId: id,
    data: { name: input.name, kind: input.kind, inventoryNumber: input.inventoryNumber },
  });
  return withWarnings(row!, practiceToday());
}

/**
 * Replaces an asset when the client saw the current revision; otherwise 409 and nothing is written, so that two
 * people editing the same device do not overwrite each other unseen.
 */
export async function updateAsset(tx: Tx, actor: Actor, assetId: string, input: AssetInput & { revision: number }) {
  const { revision, ...fields } = input;
  const before = await findAsset(tx, actor.organisationId, assetId);
  await checkInput(tx, actor.organisationId, fields, assetId);
  const [row] = await tx
    .update(assets)
    .set({ ...fields, revision: sql`${assets.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(assets.organisationId, actor.organisationId), eq(assets.id, assetId), eq(assets.revision, revision)))
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  if (!row) throw new AppError('asset.revision_conflict', 409);
  const changed = Object.fromEntries(Object.entries(fields).filter(([key, value]) => before[key as keyof AssetRow] !== value));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'asset.updated',
    entityType: 'asset',
    entityId: assetId,
    data: { name: row.name, changed: Object.keys(changed) },
  });
  return withWarnings(row, practiceToday());
}

export async function deleteAsset(tx: Tx, actor: Actor, assetId: string) {
  const [row] = await tx
    .delete(assets)
    .where(and(eq(assets.organisationId, actor.organisationId), eq(assets.id, assetId)))
    .returning({ name: assets.name, kind: assets.kind });
  if (!row) throw new AppError('asset.not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'asset.deleted',
    entityType: 'asset',
    entityId: assetId,
    data: row,
  });
}

/** Records "this asset runs on / is stored in / is used by that one"; the same relation twice stays one. */
export async function addRelation(tx: Tx, actor: Actor, sourceId: string, input: { kind: AssetRelationKind; targetId: string }) {
  await findAsset(tx, actor.organisationId, sourceId);
  if (input.targetId === sourceId) throw fieldError(['targetId'], 'asset.relation_self');
  const [target] = await tx
    .select({ name: assets.name, kind: assets.kind })
    .from(assets)
    .where(and(eq(assets.organisationId, actor.organisationId), eq(assets.id, input.targetId)));
  if (!target) throw fieldError(['targetId'], 'asset.relation_target_unknown');
  const id = randomUUID();
  const [inserted] = await tx
    .insert(assetRelations)
    .values({ organisationId: actor.organisationId, id, sourceId, kind: input.kind, targetId: input.targetId })
    .onConflictDoNothing()
    .returning()
    .catch((error: unknown) => {
      // One end deleted in a transaction beside this one.
      throw databaseErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? fieldError(['targetId'], 'asset.relation_target_unknown') : error;
    });
  const [row] = inserted
    ? [inserted]
    : await tx
        .select()
        .from(assetRelations)
        .where(
          and(
            eq(assetRelations.organisationId, actor.organisationId),
            eq(assetRelations.sourceId, sourceId),
            eq(assetRelations.kind, input.kind),
            eq(assetRelations.targetId, input.targetId),
          ),
        );
  if (inserted) {
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'asset.relation_added',
      entityType: 'asset',
      entityId: sourceId,
      data: { kind: input.kind, targetId: input.targetId, targetName: target.name },
    });
  }
  const { organisationId: _organisation, createdAt: _created, ...relation } = row!;
  return { ...relation, otherName: target.name, otherKind: target.kind };
}

export async function removeRelation(tx: Tx, actor: Actor, assetId: string, relationId: string) {
  const [row] = await tx
    .delete(assetRelations)
    .where(
      and(
        eq(assetRelations.organisationId, actor.organisationId),
        eq(assetRelations.id, relationId),
        or(eq(assetRelations.sourceId, assetId), eq(assetRelations.targetId, assetId)),
      ),
    )
    .returning();
  if (!row) throw new AppError('asset.relation_not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'asset.relation_removed',
    entityType: 'asset',
    entityId: row.sourceId,
    data: { kind: row.kind, targetId: row.targetId },
  });
}

/** The register (or the filtered part of it) as XLSX or CSV, titles and labels in the reader's language. */
export async function exportAssets(tx: Tx, organisationId: string, query: AssetExportQuery) {
  const today = practiceToday();
  const rows = await assetsForExport(tx, organisationId, query, today);
  const sheetRows: SheetRow[] = rows.map(({ asset: { createdAt: _created, updatedAt: _updated, ...asset }, location }) => ({
    ...asset,
    location: location ?? '',
  }));
  const file = await exportSheet(assetSheet, sheetRows, { format: query.format, locale: query.locale, sheetTitle: t(query.locale, 'assets.title') });
  return { file, fileName: sheetFileName(t(query.locale, 'assets.title'), today, query.format), mediaType: sheetMediaTypes[query.format] };
}
