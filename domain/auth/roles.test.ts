import { describe, expect, it } from 'vitest';
import { canAdminister, canWrite, type Role, roles } from './roles.ts';

describe('roles', () => {
  // The auditor is an external assessor with read-only access (../shared/DESIGN.md, users and their jobs).
  it.each<[Role, boolean]>([
    ['management', true],
    ['it_lead', true],
    ['data_protection_officer', true],
    ['staff', true],
    ['auditor', false],
  ])('%s may change data: %s', (role, expected) => {
    expect(canWrite(role)).toBe(expected);
  });

  it.each<[Role, boolean, boolean]>([
    ['management', true, true],
    ['management', false, false],
    ['it_lead', true, true],
    ['staff', true, true],
    ['auditor', true, false], // read-only stays read-only, even with the flag
    ['auditor', false, false],
  ])('%s with admin flag %s administers: %s', (role, isAdmin, expected) => {
    expect(canAdminister(role, isAdmin)).toBe(expected);
  });

  it('knows the five roles of the product', () => {
    expect(roles).toEqual(['management', 'it_lead', 'data_protection_officer', 'staff', 'auditor']);
  });
});
