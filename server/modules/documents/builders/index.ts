import type { DocumentBuilders } from '../builder.ts';
import { buildAssetRegister } from './asset-register.ts';
import { buildEmergencyPlan } from './emergency-plan.ts';
import { buildIncidentResponsePlan } from './incident-response-plan.ts';
import { buildManagementReport } from './management-report.ts';
import { buildRiskRegister } from './risk-register.ts';
import { buildSecurityPolicy } from './security-policy.ts';
import { buildStatementOfApplicability } from './statement-of-applicability.ts';
import { buildSupplierRegister } from './supplier-register.ts';

/** Which builder writes which document. One line per kind; each builder lives in a file of its own beside this one. */
export const documentBuilders: DocumentBuilders = {
  security_policy: buildSecurityPolicy,
  emergency_plan: buildEmergencyPlan,
  incident_response_plan: buildIncidentResponsePlan,
  asset_register: buildAssetRegister,
  supplier_register: buildSupplierRegister,
  risk_register: buildRiskRegister,
  management_report: buildManagementReport,
  statement_of_applicability: buildStatementOfApplicability,
};
