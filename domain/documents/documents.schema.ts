import { z } from 'zod';

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
