import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DocumentBlock, DocumentLocale } from '../../../../domain/documents/document-model.ts';
import type { Tx } from '../../../db/connect.ts';
import { assets, locations, suppliers } from '../../../db/schema.ts';
import { t } from '../../../i18n/texts.ts';
import type { DocumentBuilder } from '../builder.ts';
import { fillText, gap, type OrganisationFacts, organisationFacts, placeholderValues, proseBlocks, sectionText } from './facts.ts';

const KIND = 'emergencyPlan';
/** The systems a practice cannot treat without, whatever their recorded protection need. */
const CORE_KINDS = ['pvs', 'ti_connector', 'card_terminal', 'server', 'kim', 'major_medical_device'] as const;
/** Enough for two printed pages; the rest is named as a count. */
const SYSTEMS_SHOWN = 40;

async function importantSystems(tx: Tx, organisationId: string) {
  const important = and(
    eq(assets.organisationId, organisationId),
    or(inArray(assets.kind, [...CORE_KINDS]), inArray(assets.protectionNeed, ['high', 'very_high'])),
  );
  const rows = await tx
    .select({ name: assets.name, kind: assets.kind, protectionNeed: assets.protectionNeed, owner: assets.owner, location: locations.name })
    .from(assets)
    .leftJoin(locations, and(eq(locations.organisationId, assets.organisationId), eq(locations.id, assets.locationId)))
    .where(important)
    .orderBy(desc(sql`${assets.protectionNeed} = 'very_high'`), desc(sql`${assets.protectionNeed} = 'high'`), asc(assets.name), asc(assets.id))
    .limit(SYSTEMS_SHOWN);
  const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(assets).where(important);
  return { rows, total };
}

async function emergencyContacts(tx: Tx, organisationId: string, locale: DocumentLocale, facts: OrganisationFacts) {
  const text = (key: string, params: Record<string, string> = {}) => t(locale, `documents.${KIND}.${key}`, params);
  const rows: string[][] = [];
  const contact = facts.contactPoint;
  rows.push(
    contact
      ? [text('contactPoint'), contact.name, contact.phone, contact.email]
      : [text('contactPoint'), gap(locale, t(locale, 'documents.missing.contactPoint')), '', ''],
  );
  for (const entry of facts.escalation) rows.push([entry.role, entry.name, entry.phone, entry.email]);
  const supplierRows = await tx
    .select({ name: suppliers.name, contact: suppliers.emergencyContact, phone: suppliers.emergencyPhone })
    .from(suppliers)
    .where(and(eq(suppliers.organisationId, organisationId), or(sql`${suppliers.emergencyPhone} <> ''`, sql`${suppliers.emergencyContact} <> ''`)))
    .orderBy(desc(sql`${suppliers.criticality} = 'high'`), asc(suppliers.name))
    .limit(30);
  for (const s of supplierRows) rows.push([text('supplierEmergency', { supplier: s.name }), s.contact, s.phone, '']);
  return rows;
}

/**
 * The emergency plan (KBV guideline; § 30 Abs. 2 Nr. 3 BSIG, business continuity): whom to call — the 24/7 contact,
 * the escalation chain and the suppliers' emergency lines from the registers — which systems matter most, and how
 * care continues when the PVS, the connector, findings or the phone fail. Meant to be printed.
 */
export const buildEmergencyPlan: DocumentBuilder = async ({ tx, organisationId, locale, texts, reviewMonths }) => {
  const facts = await organisationFacts(tx, organisationId);
  const values = placeholderValues(locale, facts);
  const text = (key: string, params: Record<string, string | number> = {}) => t(locale, `documents.${KIND}.${key}`, params);
  const section = (key: string): DocumentBlock[] => [
    { kind: 'heading', level: 1, text: text(`sections.${key}.heading`) },
    ...proseBlocks(fillText(sectionText(locale, KIND, key, texts), values)),
  ];
  const systems = await importantSystems(tx, organisationId);
  const blocks: DocumentBlock[] = [
    { kind: 'paragraph', tone: 'note', text: text('printNote') },
    { kind: 'heading', level: 1, text: text('contactsHeading') },
    {
      kind: 'table',
      columns: [
        { title: text('colRole'), width: 0.3 },
        { title: text('colName'), width: 0.28 },
        { title: text('colPhone'), width: 0.18 },
        { title: text('colEmail') },
      ],
      rows: await emergencyContacts(tx, organisationId, locale, facts),
    },
    { kind: 'heading', level: 1, text: text('systemsHeading') },
    { kind: 'paragraph', tone: 'muted', text: text('systemsIntro') },
    {
      kind: 'table',
      columns: [
        { title: text('colSystem'), width: 0.32 },
        { title: text('colKind'), width: 0.26 },
        { title: text('colProtection'), width: 0.16 },
        { title: text('colOwner') },
      ],
      rows: systems.rows.map((s) => [
        s.location ? `${s.name} (${s.location})` : s.name,
        t(locale, `assets.kind.${s.kind}`),
        t(locale, `assets.protectionNeed.${s.protectionNeed}`),
        s.owner || '–',
      ]),
      empty: text('noSystems'),
    },
    ...(systems.total > systems.rows.length
      ? [{ kind: 'paragraph' as const, tone: 'muted' as const, text: t(locale, 'documents.common.more', { count: systems.total - systems.rows.length }) }]
      : []),
    ...section('pvsDown'),
    ...section('connectorDown'),
    ...section('findings'),
    ...section('phoneAndInternet'),
    ...section('afterwards'),
    { kind: 'paragraph', text: t(locale, 'documents.common.reviewLine', { months: reviewMonths ?? 12 }) },
  ];
  return { title: text('title'), subtitle: text('subtitle'), blocks, footnote: t(locale, 'documents.common.footnote') };
};
