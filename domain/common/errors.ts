/**
 * Error codes on the wire. Each doubles as a translation key under "errors." in client/locales.
 * Shape: { code, message, issues?: [{ path, code, message }] } (see ../shared/DESIGN.md, HTTP API).
 */
export const errorCodes = [
  'validation_failed',
  'not_found',
  'internal',
  'rate_limited',
  'unsupported_media_type',
  'payload_too_large',
  'auth.required',
  'auth.invalid_credentials',
  'auth.mfa_required',
  'auth.totp_invalid',
  'auth.enrolment_required',
  'auth.csrf',
  'auth.forbidden',
  'setup.already_done',
  'invite.not_found',
  'invite.expired',
  'invite.login_required',
  'invite.wrong_account',
  'invite.already_member',
  'user.email_taken',
  'membership.last_admin',
  'organisation.not_found',
  'location.not_found',
  'location.in_use',
  'location.limit_reached',
  'requirement.not_found',
  'evidence.not_found',
  'incident.not_found',
  'auth.token_invalid',
  'auth.too_many_attempts',
  'auth.reset_invalid',
  'auth.recovery_code_invalid',
  'auth.password_wrong',
  'membership.mfa_reset_shared_account',
  'asset.not_found',
  'asset.revision_conflict',
  'asset.relation_not_found',
  'supplier.not_found',
  'supplier.revision_conflict',
  'risk.not_found',
  'risk.revision_conflict',
  'risk.template_not_found',
  'person.not_found',
  'person.revision_conflict',
  'person.still_employed',
  'person.retention_running',
  'person.in_use',
  'sheet.too_large',
  'sheet.unreadable',
  'sheet.too_many_rows',
  'sheet.empty',
  'sheet.mapping_invalid',
  'sheet.rows_invalid',
  'management.not_director',
  'management.not_yourself',
  'management.training_not_found',
  'management.revision_conflict',
  'training.course_not_found',
  'training.course_has_sessions',
  'training.session_not_found',
  'training.revision_conflict',
  'training.attendance_list_not_found',
  'training.person_not_found',
  'training.confirmation_not_found',
  'training.confirmation_used',
  'training.confirmation_expired',
  'access.person_not_found',
  'access.account_not_found',
  'access.revision_conflict',
  'access.checklist_not_found',
  'access.checklist_item_not_found',
  'access.checklist_open',
  'calendar.feed_exists',
  'calendar.feed_not_found',
  'task.not_found',
  'task.revision_conflict',
  'task.not_owner',
  'task.template_not_found',
  'task.template_built_in',
  'task.templates_full',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ApiIssue[];
}
