import { describe, expect, it } from 'vitest';
import { registrationReadiness, registrationSetupSchema } from './registration.ts';

const empty = registrationSetupSchema.parse({});

describe('§ 33 BSIG registration readiness', () => {
  it('is due three months after qualifying: 2026-03-06 for entities in scope on 2025-12-06', () => {
    expect(registrationReadiness(empty, 'important', '2026-01-10')).toMatchObject({ required: true, dueDate: '2026-03-06', isOverdue: false });
    expect(registrationReadiness(empty, 'important', '2026-03-07').isOverdue).toBe(true);
  });

  it.each([
    ['important', true],
    ['particularly_important', true],
    ['not_affected', false],
    [null, false],
  ])('registration required for %s: %s', (category, required) => {
    expect(registrationReadiness(empty, category, '2026-01-10').required).toBe(required);
  });

  it('lists what is missing and becomes ready when everything is there', () => {
    expect(registrationReadiness(empty, 'important', '2026-01-10').missing).toContain('contactPoint.phone');
    const full = registrationSetupSchema.parse({
      street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', email: 'it@praxis.de', phone: '030 123',
      supervisoryAuthorities: 'BSI; Berliner Beauftragte für Datenschutz',
      contactPoint: { name: 'Bereitschaft IT-Dienstleister', phone: '0170 000', email: 'notfall@it.de' },
      mukHolder: { name: 'Dr. Muster' }, mukBackup: { name: 'Frau Helfer' },
      checklist: { elsterCertificate: true, mukAccount: true, registeredInPortal: true, contactPointTested: true, escalationChainKnown: true },
    });
    expect(registrationReadiness(full, 'important', '2026-04-01')).toMatchObject({ missing: [], ready: true, isOverdue: false, checklistDone: 5 });
  });

  it('refuses a wrong postal code or e-mail with the field named', () => {
    const result = registrationSetupSchema.safeParse({ postalCode: '123', contactPoint: { email: 'nope' } });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['contactPoint.email', 'postalCode']);
  });
});
