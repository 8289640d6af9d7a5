import { and, eq, gt } from 'drizzle-orm';
import type { DocumentBlock } from '../../../../domain/documents/document-model.ts';
import { type SupplierWarning, supplierWarningRequirements, supplierWarnings } from '../../../../domain/suppliers/supplier-warnings.ts';
import { type SupplierWarningKind, supplierWarningKinds } from '../../../../domain/suppliers/suppliers.schema.ts';
import { practiceDay } from '../../../../domain/tasks/task-rules.ts';
import type { Tx } from '../../../db/connect.ts';
import { suppliers } from '../../../db/schema.ts';
import { type Locale, t } from '../../../i18n/texts.ts';
import { summariseSuppliers } from '../../suppliers/suppliers.ts';
import type { DocumentBuilder } from '../builder.ts';
import { byName, countedText, formatCount, formatDay, kindTexts, readInBatches, requirementReference } from './builder-kit.ts';

/**
 * The supplier register as a document (§ 30 Abs. 2 Satz 2 Nr. 4 BSIG: security of the supply chain; Art. 28 DSGVO:
 * processor agreements; § 393 SGB V: C5 for health data in the cloud): the summary counted in SQL, then every supplier
 * in German order with its AVV, C5 evidence, emergency contact, next review and warnings.
 */

type SupplierRow = Awaited<ReturnType<typeof readSuppliers>>[number];

function readSuppliers(tx: Tx, organisationId: string) {
  return readInBatches((after, limit) =>
    tx
      .select({
        id: suppliers.id,
        name: suppliers.name,
        services: suppliers.services,
        criticality: suppliers.criticality,
        patientDataAccess: suppliers.patientDataAccess,
        avvStatus: suppliers.avvStatus,
        avvSignedOn: suppliers.avvSignedOn,
        cloudHealthData: suppliers.cloudHealthData,
        c5Basis: suppliers.c5Basis,
        c5Type: suppliers.c5Type,
        c5ValidUntil: suppliers.c5ValidUntil,
        contactName: suppliers.contactName,
        contactPhone: suppliers.contactPhone,
        emergencyContact: suppliers.emergencyContact,
        emergencyPhone: suppliers.emergencyPhone,
        nextReviewOn: suppliers.nextReviewOn,
      })
      .from(suppliers)
      .where(and(eq(suppliers.organisationId, organisationId), after ? gt(suppliers.id, after) : undefined))
      .orderBy(suppliers.id)
      .limit(limit),
  );
}

function warningLabel(locale: Locale, warning: SupplierWarning): string {
  const days = Math.abs(warning.days ?? 0);
  switch (warning.kind) {
    case 'avv_missing':
      return t(locale, 'suppliers.warning.avv_missing');
    case 'c5_missing':
      return warning.days !== undefined ? countedText(locale, 'suppliers.warning.c5_expired', days) : t(locale, 'suppliers.warning.c5_missing');
    case 'c5_expiring':
      return countedText(locale, 'suppliers.warning.c5_expiring', days);
    case 'review_overdue':
      return countedText(locale, 'suppliers.warning.review_overdue', days);
  }
}

function avvCell(locale: Locale, supplier: SupplierRow): string {
  const text = kindTexts(locale, 'supplierRegister');
  if (supplier.avvStatus === 'signed' && supplier.avvSignedOn) return text('avvSignedOn', { date: formatDay(locale, supplier.avvSignedOn) });
  if (supplier.avvStatus) return t(locale, `suppliers.avvStatus.${supplier.avvStatus}`);
  return supplier.patientDataAccess === false ? text('avvNoPatientData') : '–';
}

function c5Cell(locale: Locale, supplier: SupplierRow): string {
  const text = kindTexts(locale, 'supplierRegister');
  if (supplier.cloudHealthData !== true) return supplier.cloudHealthData === false ? text('c5NoCloud') : '–';
  if (!supplier.c5Basis) return text('c5None');
  const parts = [t(locale, `suppliers.c5Basis.${supplier.c5Basis}`)];
  if (supplier.c5Basis === 'attestation' && supplier.c5Type) parts.push(t(locale, `suppliers.c5Type.${supplier.c5Type}`));
  if (supplier.c5ValidUntil) parts.push(text('c5ValidUntil', { date: formatDay(locale, supplier.c5ValidUntil) }));
  return parts.join('\n');
}

function supplierCells(locale: Locale, supplier: SupplierRow, today: string): string[] {
  const text = kindTexts(locale, 'supplierRegister');
  const emergencyName = supplier.emergencyContact || supplier.contactName;
  const emergencyPhone = supplier.emergencyPhone || supplier.contactPhone;
  return [
    [supplier.name, supplier.services, text('criticality', { level: t(locale, `suppliers.criticality.${supplier.criticality}`) })].filter(Boolean).join('\n'),
    avvCell(locale, supplier),
    c5Cell(locale, supplier),
    [emergencyName, emergencyPhone].filter(Boolean).join('\n') || '–',
    formatDay(locale, supplier.nextReviewOn),
    supplierWarnings(supplier, today)
      .map((warning) => warningLabel(locale, warning))
      .join('\n'),
  ];
}

function summaryBlocks(locale: Locale, summary: Awaited<ReturnType<typeof summariseSuppliers>>): DocumentBlock[] {
  const text = kindTexts(locale, 'supplierRegister');
  const warnings = supplierWarningKinds.filter((kind) => summary.warnings[kind] > 0);
  const warningItem = (kind: SupplierWarningKind) =>
    text('warningLine', {
      warning: text(`warning.${kind}`),
      count: formatCount(locale, summary.warnings[kind]),
      requirements: supplierWarningRequirements[kind].map((id) => requirementReference(locale, id)).join(', '),
    });
  const critical = summary.byCriticality.filter((row) => row.criticality === 'high' || row.criticality === 'critical').reduce((sum, row) => sum + row.count, 0);
  return [
    { kind: 'heading', level: 1, text: text('summaryHeading') },
    {
      kind: 'fields',
      rows: [
        { label: text('total'), value: formatCount(locale, summary.total) },
        { label: text('patientData'), value: formatCount(locale, summary.patientDataAccess) },
        { label: text('critical'), value: formatCount(locale, critical) },
      ],
    },
    { kind: 'heading', level: 2, text: text('warningsHeading') },
    warnings.length > 0 ? { kind: 'list', items: warnings.map(warningItem) } : { kind: 'paragraph', text: text('noWarnings'), tone: 'muted' },
  ];
}

export const buildSupplierRegister: DocumentBuilder = async ({ tx, organisationId, locale, now }) => {
  const text = kindTexts(locale, 'supplierRegister');
  const today = practiceDay(now);
  const summary = await summariseSuppliers(tx, organisationId, today);
  const rows = byName(
    await readSuppliers(tx, organisationId),
    (s) => s.name,
    (s) => s.id,
  );
  return {
    title: t(locale, 'documents.kind.supplier_register.title'),
    subtitle: text('subtitle'),
    blocks: [
      ...summaryBlocks(locale, summary),
      { kind: 'heading', level: 1, text: text('registerHeading') },
      {
        kind: 'table',
        columns: [
          { title: text('column.name'), width: 0.25 },
          { title: text('column.avv'), width: 0.15 },
          { title: text('column.c5'), width: 0.16 },
          { title: text('column.emergency'), width: 0.15 },
          { title: text('column.nextReviewOn'), width: 0.12 },
          { title: text('column.warnings'), width: 0.17 },
        ],
        rows: rows.map((supplier) => supplierCells(locale, supplier, today)),
        empty: text('empty'),
      },
    ],
    footnote: text('footnote'),
  };
};
