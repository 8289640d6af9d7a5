import { canAdminister, canWrite, type Role } from './roles.ts';

/** What a permission asks of a member. Administrators (not auditors) pass every role list. */
export interface AccessRule {
  /** Needs a role that may change data (never the auditor). */
  readonly write?: boolean;
  /** Needs the administrator flag (users, invitations, locations, organisation data, API tokens, outbox). */
  readonly admin?: boolean;
  /** Only these roles, besides administrators. */
  readonly roles?: readonly Role[];
  /** The role list binds administrators too: a duty the law gives a role, not whoever administers the app. */
  readonly rolesOnly?: boolean;
}

/** Who works on the requirements: management, the IT lead and the DPO; staff and auditors read. */
const complianceEditors = ['management', 'it_lead', 'data_protection_officer'] as const satisfies readonly Role[];
/** The escalation chain of an incident (IT lead, management, DPO); everyone who may write can report one. */
const incidentHandlers = ['management', 'it_lead', 'data_protection_officer'] as const satisfies readonly Role[];

/**
 * The one table of who may do what in an organisation. The server checks it on every organisation route (orgRoute)
 * and the client asks the same table what to offer, so the two cannot drift apart.
 */
export const permissions = {
  /** Any member, the auditor included: read the organisation's data. */
  'organisation.read': {},
  /** Organisation master data, locations, members, invitations, API tokens, the outbox. */
  'organisation.administer': { admin: true },
  /** Run and store the Betroffenheitscheck (NIS2 and KBV). */
  'applicability.record': { write: true, roles: ['management', 'it_lead'] },
  /** Status, owner, due date, notes and evidence of requirements. */
  'requirements.edit': { write: true, roles: complianceEditors },
  /** Report a security incident. */
  'incidents.report': { write: true },
  /** Assess, document and report incidents (the escalation chain). */
  'incidents.handle': { write: true, roles: incidentHandlers },
  /** Read the audit trail. */
  'audit.read': { roles: ['management', 'auditor', 'data_protection_officer'] },
  /** Read the audit anchor (head hash to keep outside the practice). */
  'audit.anchor': { roles: ['management', 'auditor'] },
  /** Prepare the § 33 BSIG registration. */
  'registration.edit': { write: true, roles: ['management', 'it_lead'] },
  /** Keep the registers: assets, suppliers, risks (including their import). */
  'registers.edit': { write: true, roles: complianceEditors },
  /** Keep the people register, their accounts, on- and offboarding checklists and the retention period (issue 10). */
  'people.edit': { write: true, roles: complianceEditors },
  /** Keep courses, sessions and attendance of awareness training (§ 30 Abs. 2 Satz 2 Nr. 7 BSIG). */
  'training.edit': { write: true, roles: complianceEditors },
  /**
   * Record one's own approval ("Billigung") of the risk-management measures (§ 38 Abs. 1 BSIG): only a managing
   * director, for themselves; an administrator of the app may not approve on management's behalf.
   */
  'management.approve': { write: true, roles: ['management'], rolesOnly: true },
  /**
   * Accept a risk (risk owner's decision that the residual risk is tolerable). Only management: § 38 Abs. 1 BSIG
   * makes the managing directors approve the risk-management measures; an administrator of the app may not.
   */
  'risks.accept': { write: true, roles: ['management'], rolesOnly: true },
  /** Take over the proposed 8-week plan: it creates tasks for the whole practice and gives them owners and dates. */
  'plan.edit': { write: true, roles: ['management', 'it_lead'] },
  /** One's own calendar feed and reminder mails: every member, the auditor too (it carries only their own dates). */
  'calendar.subscribe': {},
  /** The organisation's calendar feed with every date: management, or an administrator. */
  'calendar.organisation': { write: true, roles: ['management'] },
  /** Plan the work (issue 11): create, change and delete tasks, keep the recurring templates, start the cycle. */
  'tasks.edit': { write: true, roles: complianceEditors },
  /**
   * Work on tasks: comment on any, complete and reopen. Everyone who may write holds it; staff may complete and reopen
   * only the tasks they own (checked by the tasks service, since it depends on the task), the editors of
   * `tasks.edit` any task.
   */
  'tasks.work': { write: true },
  /** Word the prose documents (policy, emergency plan, incident response plan) and issue versions of any document. */
  'documents.edit': { write: true, roles: complianceEditors },
  /**
   * Approve a document version: management only (§ 38 Abs. 1 BSIG); an administrator of the app may not approve on
   * management's behalf. A director's approval counts as their Billigung of that version.
   */
  'documents.approve': { write: true, roles: ['management'], rolesOnly: true },
  /**
   * Prepare, test-send, start and close phishing simulations (§ 30 Abs. 2 Satz 2 Nr. 7 BSIG): management or an
   * administrator. They also see the per-person results of a campaign in named mode, while it runs (decision 036).
   */
  'phishing.manage': { write: true, roles: ['management'] },
  /**
   * Read the campaigns and their reports (groups of at least five only): also the auditor and the data protection
   * officer, who check that the simulation keeps to its purpose; they never see per-person results.
   */
  'phishing.report': { roles: ['management', 'auditor', 'data_protection_officer'] },
  /** Switch named results on or off with the works agreement's reference and date: administrators only (issue 13). */
  'phishing.named_mode': { write: true, admin: true },
} as const satisfies Record<string, AccessRule>;

export type Permission = keyof typeof permissions;

/** A member of the organisation as the permission table sees them. */
export interface MemberRole {
  role: Role;
  isAdmin: boolean;
}

/** Whether a member with this role and admin flag holds the permission. */
export function isAllowed(permission: Permission, member: MemberRole): boolean {
  const rule: AccessRule = permissions[permission];
  if (rule.write && !canWrite(member.role)) return false;
  const admin = canAdminister(member.role, member.isAdmin);
  if (rule.admin && !admin) return false;
  if (rule.roles && !rule.roles.includes(member.role) && (rule.rolesOnly || !admin)) return false;
  return true;
}
