import { and, eq, inArray, isNull } from 'drizzle-orm';
import { countProgress } from '../../../../domain/compliance/progress.ts';
import type { DocumentBlock } from '../../../../domain/documents/document-model.ts';
import { kbvAnnexes } from '../../../../domain/kbv/requirement.ts';
import type { Tx } from '../../../db/connect.ts';
import { requirementStatuses, users } from '../../../db/schema.ts';
import { type Locale, t } from '../../../i18n/texts.ts';
import { listCatalog } from '../../compliance/compliance.ts';
import type { DocumentBuilder } from '../builder.ts';
import { formatCount, formatDay, kindTexts } from './builder-kit.ts';

/**
 * The statement of applicability: every requirement of the catalog (the KBV IT security guideline under § 390 SGB V,
 * Anlagen 1–5, and the ten measures of § 30 Abs. 2 Satz 2 BSIG) with whether it applies and why — the reasons of the
 * applicability check (domain/kbv/applicability.ts, § 28 BSIG) and the practice's own reasons where it declared one not
 * applicable — its status and owner, grouped by annex and framework. The catalog is 102 requirements counted in SQL.
 */

type Catalog = Awaited<ReturnType<typeof listCatalog>>;
type Requirement = Catalog['requirements'][number];

interface Context {
  locale: Locale;
  today: string;
  locationCount: number;
  owners: Map<string, string>;
  practiceReasons: Map<string, string>;
}

/** The organisation-wide "not applicable" decisions and their reasons (at most one per requirement). */
async function practiceReasons(tx: Tx, organisationId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ requirementId: requirementStatuses.requirementId, reason: requirementStatuses.notApplicableReason })
    .from(requirementStatuses)
    .where(
      and(eq(requirementStatuses.organisationId, organisationId), isNull(requirementStatuses.locationId), eq(requirementStatuses.status, 'not_applicable')),
    );
  return new Map(rows.filter((r) => r.reason).map((r) => [r.requirementId, r.reason!]));
}

async function ownerNames(tx: Tx, requirements: readonly Requirement[]): Promise<Map<string, string>> {
  const ids = [...new Set(requirements.map((r) => r.ownerUserId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function reasonCell(context: Context, requirement: Requirement): string {
  const text = kindTexts(context.locale, 'statementOfApplicability');
  const lines = [requirement.reason[context.locale]];
  if (requirement.applicable && !requirement.mandatory && requirement.effectiveFrom && requirement.effectiveFrom > context.today) {
    lines.push(text('bindingFrom', { date: formatDay(context.locale, requirement.effectiveFrom) }));
  }
  const own = context.practiceReasons.get(requirement.id);
  if (own && requirement.status === 'not_applicable') lines.push(text('practiceReason', { reason: own }));
  return lines.join('\n');
}

function statusCell(context: Context, requirement: Requirement): string {
  const text = kindTexts(context.locale, 'statementOfApplicability');
  if (!requirement.applicable && requirement.status === 'open') return '–';
  const lines = [t(context.locale, `requirementStatus.${requirement.status}`)];
  const counts = requirement.locationCounts;
  if (context.locationCount > 1 && counts.ownEntries > 0) {
    lines.push(text('atLocations', { done: counts.implemented + counts.not_applicable, total: context.locationCount }));
  }
  if (requirement.overdue) lines.push(text('overdue'));
  return lines.join('\n');
}

function requirementRow(context: Context, requirement: Requirement): string[] {
  const text = kindTexts(context.locale, 'statementOfApplicability');
  return [
    text('number', { number: requirement.number }),
    context.locale === 'de' ? requirement.titleDe : requirement.titleEn,
    t(context.locale, requirement.applicable ? 'common.yes' : 'common.no'),
    reasonCell(context, requirement),
    statusCell(context, requirement),
    (requirement.ownerUserId && context.owners.get(requirement.ownerUserId)) || '–',
  ];
}

function groupBlocks(context: Context, heading: string, requirements: readonly Requirement[]): DocumentBlock[] {
  const text = kindTexts(context.locale, 'statementOfApplicability');
  const applicable = requirements.filter((r) => r.applicable);
  const progress = countProgress(applicable.map((r) => r.status));
  return [
    { kind: 'heading', level: 2, text: heading },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: text('groupLine', {
        applicable: formatCount(context.locale, applicable.length),
        total: formatCount(context.locale, requirements.length),
        done: formatCount(context.locale, progress.done),
      }),
    },
    {
      kind: 'table',
      columns: [
        { title: text('column.number'), width: 0.07 },
        { title: text('column.requirement'), width: 0.28 },
        { title: text('column.applies'), width: 0.08 },
        { title: text('column.reason'), width: 0.275 },
        { title: text('column.status'), width: 0.155 },
        { title: text('column.owner'), width: 0.14 },
      ],
      rows: requirements.map((r) => requirementRow(context, r)),
    },
  ];
}

function summaryBlocks(locale: Locale, catalog: Catalog): DocumentBlock[] {
  const text = kindTexts(locale, 'statementOfApplicability');
  const applicable = catalog.requirements.filter((r) => r.applicable);
  const progress = countProgress(applicable.map((r) => r.status));
  const blocks: DocumentBlock[] = [
    { kind: 'heading', level: 1, text: text('summaryHeading') },
    { kind: 'paragraph', text: text('intro') },
    {
      kind: 'fields',
      rows: [
        { label: text('annexes'), value: catalog.profile.annexes.join(', ') },
        { label: text('nis2Category'), value: catalog.nis2 ? t(locale, `nis2Category.${catalog.nis2.category}`) : text('nis2NotChecked') },
        { label: text('total'), value: formatCount(locale, catalog.requirements.length) },
        { label: text('applicable'), value: formatCount(locale, applicable.length) },
        { label: text('done'), value: formatCount(locale, progress.done) },
        { label: text('inProgress'), value: formatCount(locale, progress.inProgress) },
      ],
    },
  ];
  if (!catalog.profile.assessed) blocks.push({ kind: 'paragraph', text: text('kbvNotChecked'), tone: 'note' });
  return blocks;
}

export const buildStatementOfApplicability: DocumentBuilder = async ({ tx, organisationId, locale, now }) => {
  const text = kindTexts(locale, 'statementOfApplicability');
  const catalog = await listCatalog(tx, organisationId, now);
  const context: Context = {
    locale,
    today: catalog.today,
    locationCount: catalog.locations.length,
    owners: await ownerNames(tx, catalog.requirements),
    practiceReasons: await practiceReasons(tx, organisationId),
  };
  const blocks = summaryBlocks(locale, catalog);
  blocks.push({ kind: 'heading', level: 1, text: text('kbvHeading') });
  for (const annex of kbvAnnexes) {
    const requirements = catalog.requirements.filter((r) => r.framework === 'kbv' && r.annex === annex);
    if (requirements.length > 0) blocks.push(...groupBlocks(context, text(`annex.${annex}`), requirements));
  }
  blocks.push({ kind: 'heading', level: 1, text: text('nis2Heading') });
  blocks.push(
    ...groupBlocks(
      context,
      text('nis2Group'),
      catalog.requirements.filter((r) => r.framework === 'nis2'),
    ),
  );
  return { title: t(locale, 'documents.kind.statement_of_applicability.title'), subtitle: text('subtitle'), blocks, footnote: text('footnote') };
};
