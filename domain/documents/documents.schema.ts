import { z } from 'zod';
import { plainText, safeText } from '../common/input.ts';

/**
 * The documents praxisschild writes for an organisation (issue 12, decision 034). Prose documents carry texts the
 * organisation edits; register and report documents are filled from the data alone. Every kind is versioned and
 * approved by management.
 */
export const documentKinds = [
  'security_policy',
  'emergency_plan',
  'incident_response_plan',
  'asset_register',
  'supplier_register',
  'risk_register',
  'management_report',
  'statement_of_applicability',
] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindSchema = z.enum(documentKinds);

/**
 * The sections of a prose document whose wording the organisation may change (texts by key). The default wording of
 * each is in the locale files (documents.<kind>.sections.<key>.text); facts from the registers are filled in by the
 * app and are not part of these texts.
 */
export const documentSections = {
  security_policy: ['purpose', 'goals', 'principles', 'staffDuties', 'reporting', 'review'],
  emergency_plan: ['pvsDown', 'connectorDown', 'findings', 'phoneAndInternet', 'afterwards'],
  incident_response_plan: ['recognise', 'firstSteps', 'communication', 'afterwards'],
  asset_register: [],
  supplier_register: [],
  risk_register: [],
  management_report: [],
  statement_of_applicability: [],
} as const satisfies Record<DocumentKind, readonly string[]>;

/** Whether a kind has texts to edit (prose) or is written from the data alone (registers and reports). */
export const isProseDocument = (kind: DocumentKind) => documentSections[kind].length > 0;

/** The placeholders a section text may use; the app fills them from the organisation's data. */
export const documentPlaceholders = ['organisation', 'locations', 'management', 'itLead', 'dpo', 'contactPoint'] as const;

export const DOCUMENT_TEXT_MAX = 8000;
export const DOCUMENT_NOTE_MAX = 2000;

export const documentIssueCodes = {
  sectionUnknown: 'document_section_unknown',
  placeholderUnknown: 'document_placeholder_unknown',
  unfinished: 'document_unfinished',
} as const;

const placeholderPattern = /\{\{\s*([\w.]*)\s*\}\}/g;

/** Placeholders in a text that the app cannot fill. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((m) => m[1]!).filter((name) => !(documentPlaceholders as readonly string[]).includes(name));
}

const sectionText = safeText()
  .max(DOCUMENT_TEXT_MAX)
  .refine((text) => unknownPlaceholders(text).length === 0, { message: documentIssueCodes.placeholderUnknown });

/**
 * Saving a prose document's texts: the revision read (a stale one is a 409), the texts by section key (an empty text
 * brings back the default wording), and the review period in months.
 */
export const documentTextsSchema = z.object({
  revision: z.int().min(0).max(2_147_483_647),
  texts: z.record(z.string().max(40), sectionText).default({}),
  reviewMonths: z.int().min(1).max(36),
});
export type DocumentTextsInput = z.output<typeof documentTextsSchema>;

export const documentVersionCreateSchema = z.object({ note: plainText(DOCUMENT_NOTE_MAX) });
export const documentApprovalSchema = z.object({ remark: plainText(DOCUMENT_NOTE_MAX) });

export const documentLocaleQuerySchema = z.object({ locale: z.enum(['de', 'en']).default('de') });
