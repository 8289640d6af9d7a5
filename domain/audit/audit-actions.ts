/**
 * Every action the audit trail records. appendAudit takes only these, so a new action is added here first; its label
 * ("audit.action.<action>" in client/locales, German and English) is checked by client/locales/locales.test.ts.
 */
export const auditActions = [
  'organisation.created',
  'organisation.updated',
  'location.created',
  'location.updated',
  'location.deleted',
  'member.added',
  'member.updated',
  'member.removed',
  'member.mfa_reset',
  'invitation.created',
  'invitation.revoked',
  'account.admin_recovered',
  'account.password_changed',
  'account.password_reset',
  'account.recovery_code_used',
  'account.recovery_codes_renewed',
  'api_token.created',
  'api_token.revoked',
  'applicability.kbv_checked',
  'applicability.nis2_checked',
  'requirement.status_changed',
  'evidence.uploaded',
  'evidence.deleted',
  'incident.reported',
  'incident.assessed',
  'incident.event_added',
  'incident.report_submitted',
  'incident.handling_completed',
  'incident.alert_received',
  'registration.updated',
] as const;
export type AuditAction = (typeof auditActions)[number];
