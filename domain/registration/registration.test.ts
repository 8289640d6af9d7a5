import { describe, expect, it } from 'vitest';
import {
  invalidIpRanges,
  isPhoneNumber,
  nameWithLegalForm,
  registrationReadiness,
  registrationSetupSchema,
  storedRegistrationSetupSchema,
} from './registration.ts';

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
      street: 'Hauptstraße 1',
      postalCode: '10115',
      city: 'Berlin',
      email: 'it@praxis.de',
      phone: '030 123',
      supervisoryAuthorities: 'BSI; Berliner Beauftragte für Datenschutz',
      contactPoint: { name: 'Bereitschaft IT-Dienstleister', phone: '0170 000', email: 'notfall@it.de' },
      mukHolder: { name: 'Dr. Muster' },
      mukBackup: { name: 'Frau Helfer' },
      checklist: { elsterCertificate: true, mukAccount: true, registeredInPortal: true, contactPointTested: true, escalationChainKnown: true },
    });
    expect(registrationReadiness(full, 'important', '2026-04-01')).toMatchObject({ missing: [], ready: true, isOverdue: false, checklistDone: 5 });
  });

  it('refuses a wrong postal code or e-mail with the field named', () => {
    const result = registrationSetupSchema.safeParse({ postalCode: '123', contactPoint: { email: 'nope' } });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['contactPoint.email', 'postalCode']);
  });
});

// § 33 Abs. 1 Nr. 2 BSIG: "aktuelle Kontaktdaten einschließlich … öffentlicher IP-Adressbereiche und Telefonnummern".
describe('contact data of the § 33 BSIG registration', () => {
  const failing = (input: Record<string, unknown>) => {
    const result = registrationSetupSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it.each([
    ['', true],
    ['+49 30 1234567', true],
    ['030 123456-0', true],
    ['(030) 123 456', true],
    ['0049/30/1234567', true],
    ['abc', false],
    ['030 abc', false],
    ['1234', false], // too few digits to reach anyone
    ['+49 1234 5678 9012 3456', false], // more than the 15 digits of E.164
    ['++49 30 1', false],
  ])('phone %j valid %s', (phone, valid) => {
    expect(isPhoneNumber(phone) || phone === '').toBe(valid);
    expect(failing({ phone })).toEqual(valid ? [] : ['phone:phone_number']);
    expect(failing({ contactPoint: { name: 'A', phone } })).toEqual(valid ? [] : ['contactPoint.phone:phone_number']);
    expect(failing({ escalation: [{ role: 'IT', name: 'A', phone }] })).toEqual(valid ? [] : ['escalation.0.phone:phone_number']);
  });

  it.each([
    ['', []],
    ['192.0.2.0/24', []],
    ['192.0.2.0/24, 198.51.100.7\n2001:db8::/48; 2001:db8::1', []],
    ['999.1.1.1/99', ['999.1.1.1/99']],
    ['192.0.2.0/33', ['192.0.2.0/33']],
    ['192.0.2.0/24, 10.0.0', ['10.0.0']],
    ['2001:db8::/129', ['2001:db8::/129']],
    ['Praxisnetz', ['Praxisnetz']],
  ])('IP ranges %j: invalid entries %j', (value, invalid) => {
    expect(invalidIpRanges(value)).toEqual(invalid);
    expect(failing({ publicIpRanges: value })).toEqual(invalid.length ? ['publicIpRanges:ip_range'] : []);
  });
});

describe('setups stored before the phone and IP checks', () => {
  it('are read, and their bad fields named as invalid so that the setup is not ready', () => {
    const stored = storedRegistrationSetupSchema.parse({ phone: 'abc', publicIpRanges: '999.1.1.1/99' });
    const readiness = registrationReadiness(stored, 'important', '2026-01-10');
    expect(readiness.invalid.sort()).toEqual(['phone', 'publicIpRanges']);
    expect(readiness.ready).toBe(false);
  });
});

// § 33 Abs. 1 Nr. 1 BSIG: "Name der Einrichtung einschließlich Rechtsform".
describe('nameWithLegalForm', () => {
  it.each([
    ['MVZ Am Markt GmbH', 'mvz_gmbh', 'MVZ Am Markt GmbH'], // not "MVZ Am Markt GmbH, MVZ GmbH"
    ['MVZ Am Markt', 'mvz_gmbh', 'MVZ Am Markt, GmbH'],
    ['MVZ Nord gGmbH', 'mvz_gmbh', 'MVZ Nord gGmbH'],
    ['MVZ Am Markt', 'mvz_other', 'MVZ Am Markt'],
    ['Gesundheitszentrum Süd', 'mvz_other', 'Gesundheitszentrum Süd, MVZ'],
    ['Praxis Dr. Roth', 'einzelpraxis', 'Praxis Dr. Roth, Einzelpraxis'],
    ['Einzelpraxis Dr. Roth', 'einzelpraxis', 'Einzelpraxis Dr. Roth'],
    ['Praxisnetz Nord', 'praxisnetz', 'Praxisnetz Nord'],
    ['Dr. Roth und Partner', 'bag', 'Dr. Roth und Partner, Berufsausübungsgemeinschaft'],
    ['Irgendwas', 'other', 'Irgendwas'],
  ])('%s (%s) → %s', (name, legalForm, expected) => {
    expect(nameWithLegalForm(name, legalForm)).toBe(expected);
  });
});
