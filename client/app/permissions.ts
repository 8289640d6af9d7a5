import { canAdminister, type Role } from '../../domain/auth/roles.ts';

/** What the navigation offers; the server checks the same rules again on every request. */
export function permissionsOf(me: { role: Role; isAdmin: boolean }) {
  const admin = canAdminister(me.role, me.isAdmin);
  return {
    admin,
    auditTrail: admin || ['management', 'auditor', 'data_protection_officer'].includes(me.role),
    outbox: admin,
    /** Running and storing the Betroffenheitscheck. */
    runChecks: admin || ['management', 'it_lead'].includes(me.role),
    /** Status, owner, due date and evidence of requirements. */
    editRequirements: admin || ['management', 'it_lead', 'data_protection_officer'].includes(me.role),
  };
}
