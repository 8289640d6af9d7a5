import { and, eq, gt, sql } from 'drizzle-orm';
import { type AssetWarning, assetWarningRequirements, assetWarnings } from '../../../../domain/assets/asset-warnings.ts';
import { type AssetWarningKind, assetWarningKinds } from '../../../../domain/assets/assets.schema.ts';
import type { DocumentBlock, TableBlock } from '../../../../domain/documents/document-model.ts';
import { practiceDay } from '../../../../domain/tasks/task-rules.ts';
import type { Tx } from '../../../db/connect.ts';
import { assets, locations } from '../../../db/schema.ts';
import { type Locale, t } from '../../../i18n/texts.ts';
import { summariseAssets } from '../../assets/assets.ts';
import type { DocumentBuilder } from '../builder.ts';
import { byName, compareNames, countedText, formatCount, formatDay, kindTexts, readInBatches, requirementReference } from './builder-kit.ts';

/**
 * The asset register as a document (§ 30 Abs. 2 Satz 2 Nr. 9 BSIG: management of assets; KBV Anlage 1 Nr. 12 and 16):
 * a summary counted in SQL, then every asset by location in German order of names, with the warnings of the register.
 */

type AssetRow = Awaited<ReturnType<typeof readAssets>>[number];

function readAssets(tx: Tx, organisationId: string) {
  return readInBatches((after, limit) =>
    tx
      .select({
        id: assets.id,
        name: assets.name,
        kind: assets.kind,
        locationId: assets.locationId,
        owner: assets.owner,
        inventoryNumber: assets.inventoryNumber,
        manufacturer: assets.manufacturer,
        model: assets.model,
        version: assets.version,
        supportEndsOn: assets.supportEndsOn,
        protectionNeed: assets.protectionNeed,
        adminMfa: assets.adminMfa,
        encryptedAtRest: assets.encryptedAtRest,
      })
      .from(assets)
      .where(and(eq(assets.organisationId, organisationId), after ? gt(assets.id, after) : undefined))
      .orderBy(assets.id)
      .limit(limit),
  );
}

function warningLabel(locale: Locale, warning: AssetWarning): string {
  if (warning.kind === 'support_ending') return countedText(locale, 'assets.warning.support_ending', warning.days ?? 0);
  return t(locale, `assets.warning.${warning.kind}`);
}

function assetCells(locale: Locale, asset: AssetRow, today: string): string[] {
  const make = [asset.manufacturer, asset.model, asset.version].filter((part) => part.trim() !== '').join(' ');
  return [
    asset.inventoryNumber || '–',
    make ? `${asset.name}\n${make}` : asset.name,
    t(locale, `assets.kind.${asset.kind}`),
    asset.owner || '–',
    t(locale, `assets.protectionNeed.${asset.protectionNeed}`),
    formatDay(locale, asset.supportEndsOn),
    assetWarnings(asset, today)
      .map((warning) => warningLabel(locale, warning))
      .join('\n'),
  ];
}

function registerTable(locale: Locale, rows: string[][]): TableBlock {
  const text = kindTexts(locale, 'assetRegister');
  return {
    kind: 'table',
    columns: [
      { title: text('column.inventoryNumber'), width: 0.11 },
      { title: text('column.name'), width: 0.205 },
      { title: text('column.kind'), width: 0.145 },
      { title: text('column.owner'), width: 0.135 },
      { title: text('column.protectionNeed'), width: 0.125 },
      { title: text('column.supportEndsOn'), width: 0.11 },
      { title: text('column.warnings'), width: 0.17 },
    ],
    rows,
    empty: text('emptyLocation'),
  };
}

type AssetSummary = Awaited<ReturnType<typeof summariseAssets>> & { highNeed: number };

async function summarise(tx: Tx, organisationId: string, today: string): Promise<AssetSummary> {
  const [need] = await tx
    .select({ highNeed: sql<number>`count(*) filter (where ${assets.protectionNeed} in ('high', 'very_high'))::int`.mapWith(Number) })
    .from(assets)
    .where(eq(assets.organisationId, organisationId));
  return { ...(await summariseAssets(tx, organisationId, today)), highNeed: need?.highNeed ?? 0 };
}

function summaryBlocks(locale: Locale, summary: AssetSummary, locationNames: Map<string | null, string>): DocumentBlock[] {
  const text = kindTexts(locale, 'assetRegister');
  const warnings = assetWarningKinds.filter((kind) => summary.warnings[kind] > 0);
  const warningItem = (kind: AssetWarningKind) =>
    text('warningLine', {
      warning: text(`warning.${kind}`),
      count: formatCount(locale, summary.warnings[kind]),
      requirements: assetWarningRequirements[kind].map((id) => requirementReference(locale, id)).join(', '),
    });
  return [
    { kind: 'heading', level: 1, text: text('summaryHeading') },
    {
      kind: 'fields',
      rows: [
        { label: text('total'), value: formatCount(locale, summary.total) },
        { label: text('locations'), value: formatCount(locale, summary.byLocation.filter((row) => row.locationId !== null).length) },
        { label: text('highNeed'), value: formatCount(locale, summary.highNeed) },
      ],
    },
    { kind: 'heading', level: 2, text: text('warningsHeading') },
    warnings.length > 0 ? { kind: 'list', items: warnings.map(warningItem) } : { kind: 'paragraph', text: text('noWarnings'), tone: 'muted' },
    { kind: 'heading', level: 2, text: text('byLocationHeading') },
    {
      kind: 'table',
      columns: [{ title: text('column.location'), width: 0.75 }, { title: text('column.count') }],
      rows: summary.byLocation
        .map((row): [string | null, string, number] => [row.locationId, locationNames.get(row.locationId) ?? text('noLocation'), row.count])
        .sort(([idA, a], [idB, b]) => (idA === null ? 1 : idB === null ? -1 : compareNames(a, b)))
        .map(([, name, count]) => [name, formatCount(locale, count)]),
      empty: text('empty'),
    },
    { kind: 'heading', level: 2, text: text('byKindHeading') },
    {
      kind: 'table',
      columns: [{ title: text('column.kind'), width: 0.75 }, { title: text('column.count') }],
      rows: summary.byKind.map((row) => [t(locale, `assets.kind.${row.kind}`), formatCount(locale, row.count)]).sort((a, b) => compareNames(a[0]!, b[0]!)),
      empty: text('empty'),
    },
  ];
}

export const buildAssetRegister: DocumentBuilder = async ({ tx, organisationId, locale, now }) => {
  const text = kindTexts(locale, 'assetRegister');
  const today = practiceDay(now);
  const summary = await summarise(tx, organisationId, today);
  const locationRows = byName(
    await tx.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.organisationId, organisationId)),
    (l) => l.name,
    (l) => l.id,
  );
  const locationNames = new Map<string | null, string>(locationRows.map((l) => [l.id, l.name]));
  const byLocation = new Map<string | null, AssetRow[]>();
  for (const asset of await readAssets(tx, organisationId)) {
    const key = asset.locationId !== null && locationNames.has(asset.locationId) ? asset.locationId : null;
    const group = byLocation.get(key);
    if (group) group.push(asset);
    else byLocation.set(key, [asset]);
  }
  const blocks: DocumentBlock[] = [...summaryBlocks(locale, summary, locationNames), { kind: 'heading', level: 1, text: text('registerHeading') }];
  if (summary.total === 0) blocks.push({ kind: 'paragraph', text: text('empty'), tone: 'muted' });
  for (const [locationId, name] of [...locationRows.map((l): [string | null, string] => [l.id, l.name]), [null, text('noLocation')] as const]) {
    const rows = byLocation.get(locationId);
    if (!rows) continue;
    blocks.push({ kind: 'heading', level: 2, text: text('locationHeading', { location: name, count: formatCount(locale, rows.length) }) });
    blocks.push(
      registerTable(
        locale,
        byName(
          rows,
          (a) => a.name,
          (a) => a.id,
        ).map((asset) => assetCells(locale, asset, today)),
      ),
    );
  }
  return { title: t(locale, 'documents.kind.asset_register.title'), subtitle: text('subtitle'), blocks, footnote: text('footnote') };
};
