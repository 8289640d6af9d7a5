import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DocumentBlock, DocumentLocale } from '../../../../domain/documents/document-model.ts';
import type { documentPlaceholders } from '../../../../domain/documents/documents.schema.ts';
import type { Tx } from '../../../db/connect.ts';
import { locations, memberships, organisations, users } from '../../../db/schema.ts';
import { lookupText, t } from '../../../i18n/texts.ts';
import { latestCheckSummaries } from '../../compliance/compliance.ts';
import { storedEscalation } from '../../registration/registration.ts';

type Placeholder = (typeof documentPlaceholders)[number];

/** The organisation's master data the prose documents speak of: few rows (members, locations, the chain). */
export interface OrganisationFacts {
  organisation: string;
  locations: string[];
  management: string[];
  itLead: string[];
  dpo: string[];
  contactPoint: { name: string; phone: string; email: string } | null;
  escalation: { role: string; name: string; phone: string; email: string }[];
  nis2Category: string | null;
  kbvAnnexes: number[];
}

export async function organisationFacts(tx: Tx, organisationId: string): Promise<OrganisationFacts> {
  const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  const sites = await tx.select({ name: locations.name }).from(locations).where(eq(locations.organisationId, organisationId)).orderBy(asc(locations.name));
  const members = await tx
    .select({ name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.role, ['management', 'it_lead', 'data_protection_officer'])))
    .orderBy(asc(users.name));
  const namesOf = (role: string) => members.filter((m) => m.role === role).map((m) => m.name);
  const { escalation, contactPoint } = await storedEscalation(tx, organisationId);
  const { nis2, profile } = await latestCheckSummaries(tx, organisationId);
  return {
    organisation: organisation?.name ?? '',
    locations: sites.map((s) => s.name),
    management: namesOf('management'),
    itLead: namesOf('it_lead'),
    dpo: namesOf('data_protection_officer'),
    contactPoint,
    escalation: escalation.filter((e) => e.role.trim() || e.name.trim()),
    nis2Category: nis2?.category ?? null,
    kbvAnnexes: profile.assessed ? [...profile.annexes] : [],
  };
}

/** "[ergänzen: …]": a gap the draft shows and a version refuses (domain/documents/document-model.ts). */
export const gap = (locale: DocumentLocale, what: string) => t(locale, 'documents.gap', { what });

const listOf = (locale: DocumentLocale, names: string[], missing: string) => (names.length > 0 ? names.join(', ') : gap(locale, missing));

/** What each placeholder of a section text stands for, in the reader's language; a missing fact is a gap. */
export function placeholderValues(locale: DocumentLocale, facts: OrganisationFacts): Record<Placeholder, string> {
  const missing = (key: string) => t(locale, `documents.missing.${key}`);
  const contact = facts.contactPoint;
  return {
    organisation: facts.organisation,
    locations: listOf(locale, facts.locations, missing('locations')),
    management: listOf(locale, facts.management, missing('management')),
    // Without a member for IT, management holds it (§ 38 Abs. 1 BSIG: the duty stays with them anyway).
    itLead: listOf(locale, facts.itLead.length > 0 ? facts.itLead : facts.management, missing('itLead')),
    // Not every practice must name a data protection officer (Art. 37 DSGVO, § 38 BDSG): then management answers.
    dpo: facts.dpo.length > 0 ? facts.dpo.join(', ') : t(locale, 'documents.noDpo'),
    contactPoint: contact ? [contact.name, contact.phone].filter(Boolean).join(', ') : gap(locale, missing('contactPoint')),
  };
}

/** A section's text with its placeholders filled ({{organisation}} → the name). Unknown names stay and show as gaps. */
export function fillText(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The text of a section: the organisation's wording when it has one, else the default in the reader's language. */
export function sectionText(locale: DocumentLocale, kindKey: string, section: string, texts: Readonly<Record<string, string>>): string {
  const own = texts[section];
  if (own?.trim()) return own;
  const fallback = lookupText(locale, `documents.${kindKey}.sections.${section}.text`);
  if (fallback === undefined) throw new Error(`No default text for documents.${kindKey}.sections.${section}`);
  return fallback;
}

/** Counts the rows of a query without reading them: for "12 weitere" lines. */
export const countOf = sql<number>`count(*)::int`;

/**
 * A section text as blocks: paragraphs separated by a blank line; lines starting with "- " become a list, so that a
 * practice can write its own rules as bullet points in a plain text box.
 */
export function proseBlocks(text: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      if (items.length) blocks.push({ kind: 'list', items });
      paragraph = [];
      items = [];
    };
    for (const line of lines) {
      if (/^[-•*]\s+/.test(line)) {
        if (paragraph.length) {
          blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
          paragraph = [];
        }
        items.push(line.replace(/^[-•*]\s+/, ''));
      } else {
        if (items.length) {
          blocks.push({ kind: 'list', items });
          items = [];
        }
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}
