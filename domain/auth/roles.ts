/** The roles a person can hold in one organisation (see ../shared/DESIGN.md, "Users and their jobs"). */
export const roles = ['management', 'it_lead', 'data_protection_officer', 'staff', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** Roles that may change organisation data. The auditor reads only. */
export const writerRoles: readonly Role[] = ['management', 'it_lead', 'data_protection_officer', 'staff'];

export function canWrite(role: Role): boolean {
  return writerRoles.includes(role);
}

/**
 * Administration (users, invitations, locations, organisation master data) needs the admin flag.
 * An auditor can never administer: read-only access must stay read-only.
 */
export function canAdminister(role: Role, isAdmin: boolean): boolean {
  return isAdmin && role !== 'auditor';
}
