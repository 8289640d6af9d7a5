import { canAdminister, type Role } from '../../domain/auth/roles.ts';

/** What the navigation offers; the server checks the same rules again on every request. */
export function permissionsOf(me: { role: Role; isAdmin: boolean }) {
  const admin = canAdminister(me.role, me.isAdmin);
  return {
    admin,
    auditTrail: admin || ['management', 'auditor', 'data_protection_officer'].includes(me.role),
    outbox: admin,
  };
}
