import type { DocumentBuilders } from '../builder.ts';
import { buildEmergencyPlan } from './emergency-plan.ts';
import { buildIncidentResponsePlan } from './incident-response-plan.ts';
import { buildSecurityPolicy } from './security-policy.ts';

/** Which builder writes which document. One line per kind; each builder lives in a file of its own beside this one. */
export const documentBuilders: DocumentBuilders = {
  security_policy: buildSecurityPolicy,
  emergency_plan: buildEmergencyPlan,
  incident_response_plan: buildIncidentResponsePlan,
};
