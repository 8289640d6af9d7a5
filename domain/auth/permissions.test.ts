import { describe, expect, it } from 'vitest';
import { isAllowed, type Permission, permissions } from './permissions.ts';
import { type Role, roles } from './roles.ts';

// Who may do what (../shared/DESIGN.md, "Users and their jobs"): management approves and oversees (§ 38 BSIG), the
// IT lead and the DPO do the work, staff report incidents, the auditor reads and never writes.
const table: [Permission, Role, boolean, boolean][] = [
  ['organisation.read', 'auditor', false, true],
  ['organisation.read', 'staff', false, true],
  ['organisation.administer', 'management', false, false],
  ['organisation.administer', 'management', true, true],
  ['organisation.administer', 'auditor', true, false],
  ['applicability.record', 'it_lead', false, true],
  ['applicability.record', 'data_protection_officer', false, false],
  ['applicability.record', 'staff', true, true],
  ['requirements.edit', 'data_protection_officer', false, true],
  ['requirements.edit', 'staff', false, false],
  ['requirements.edit', 'auditor', false, false],
  ['incidents.report', 'staff', false, true],
  ['incidents.report', 'auditor', false, false],
  ['incidents.handle', 'staff', false, false],
  ['incidents.handle', 'management', false, true],
  ['audit.read', 'auditor', false, true],
  ['audit.read', 'data_protection_officer', false, true],
  ['audit.read', 'it_lead', false, false],
  ['audit.read', 'it_lead', true, true],
  ['audit.anchor', 'data_protection_officer', false, false],
  ['audit.anchor', 'auditor', false, true],
  ['registration.edit', 'management', false, true],
  ['registration.edit', 'auditor', true, false],
  ['registers.edit', 'data_protection_officer', false, true],
  ['registers.edit', 'staff', false, false],
  ['registers.edit', 'auditor', true, false],
  // § 38 Abs. 1 BSIG: accepting a residual risk is a decision of management; the admin flag does not stand in.
  ['risks.accept', 'management', false, true],
  ['risks.accept', 'it_lead', true, false],
  ['risks.accept', 'data_protection_officer', true, false],
  ['people.edit', 'it_lead', false, true],
  ['people.edit', 'staff', false, false],
  ['training.edit', 'data_protection_officer', false, true],
  ['training.edit', 'staff', true, true],
  // § 38 Abs. 1 BSIG: the approval of the measures is each managing director's own; no admin flag stands in.
  ['management.approve', 'management', false, true],
  ['management.approve', 'it_lead', true, false],
  ['management.approve', 'auditor', true, false],
  ['calendar.subscribe', 'auditor', false, true],
  ['calendar.subscribe', 'staff', false, true],
  ['calendar.organisation', 'management', false, true],
  ['calendar.organisation', 'it_lead', false, false],
  ['calendar.organisation', 'it_lead', true, true],
  ['calendar.organisation', 'auditor', true, false],
  // Tasks (decision 031): the editors plan, everyone who writes works on tasks (staff: their own), the auditor reads.
  ['tasks.edit', 'it_lead', false, true],
  ['tasks.edit', 'staff', false, false],
  ['tasks.edit', 'staff', true, true],
  ['tasks.edit', 'auditor', true, false],
  ['tasks.work', 'staff', false, true],
  ['tasks.work', 'auditor', false, false],
];

describe('permission table', () => {
  it.each(table)('%s for %s (admin %s) is %s', (permission, role, isAdmin, expected) => {
    expect(isAllowed(permission, { role, isAdmin })).toBe(expected);
  });

  it('never lets the auditor write, whatever the flag', () => {
    for (const permission of Object.keys(permissions) as Permission[]) {
      const rule = permissions[permission] as { write?: boolean; admin?: boolean };
      if (rule.write || rule.admin) expect(isAllowed(permission, { role: 'auditor', isAdmin: true }), permission).toBe(false);
    }
  });

  it('lets every member read', () => {
    for (const role of roles) expect(isAllowed('organisation.read', { role, isAdmin: false })).toBe(true);
  });
});
