import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { registrationSetupSchema } from '../../../domain/registration/registration.ts';
import { schemaFormErrors } from '../../lib/use-schema-form.ts';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { draftValues, isoDate, registrationIssueText } from './registration-values.ts';

const translator = async (lng: 'de' | 'en') => {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { de: { translation: de }, en: { translation: en } }, returnObjects: false, interpolation: { escapeValue: false } });
  return instance.t;
};

/** The texts the form shows at its fields for these values, as useSchemaForm computes them. */
async function errorsFor(input: Record<string, unknown>, lng: 'de' | 'en' = 'de') {
  const t = await translator(lng);
  const values = { ...registrationSetupSchema.parse({}), ...input };
  const result = registrationSetupSchema.safeParse(values);
  return result.success ? {} : schemaFormErrors(t, result.error.issues, values, registrationIssueText(t));
}

describe('registration form values', () => {
  it('reads the dates of drafts kept by the earlier form', () => {
    expect(isoDate('06.12.2025')).toBe('2025-12-06');
    expect(isoDate('6.3.26')).toBe('2026-03-06');
    expect(isoDate('2026-03-06')).toBe('2026-03-06');
    expect(isoDate('31.02.2026')).toBeNull();
    expect(isoDate('morgen')).toBeNull();
    const setup = registrationSetupSchema.parse({ city: 'Berlin' });
    expect(draftValues({ ...setup, qualifiesSince: '06.12.2025' })).toEqual(setup);
    expect(draftValues(setup)).toEqual(setup);
  });
});

// § 33 Abs. 1 Nr. 2 BSIG: "aktuelle Kontaktdaten einschließlich … öffentlicher IP-Adressbereiche und Telefonnummern".
describe('what the registration form says at a field', () => {
  it.each([
    [{ phone: 'abc' }, 'phone', /^Bitte eine Telefonnummer aus Ziffern eingeben/],
    [{ contactPoint: { name: 'A', email: '', phone: '12' } }, 'contactPoint.phone', /^Bitte eine Telefonnummer aus Ziffern eingeben/],
    [{ publicIpRanges: '203.0.113.0/29, 999.1.1.1/99' }, 'publicIpRanges', /^Keine gültige IP-Adresse und kein Netz in CIDR-Schreibweise: 999\.1\.1\.1\/99\./],
    [{ email: 'praxis-at-muster' }, 'email', /^Bitte eine gültige E-Mail-Adresse eingeben/],
    [{ postalCode: '123' }, 'postalCode', /^Die Postleitzahl hat 5 Ziffern\.$/],
    [{ city: 'x'.repeat(121) }, 'city', /^Höchstens 120 Zeichen\.$/],
    [{ qualifiesSince: '' }, 'qualifiesSince', /^Bitte ausfüllen\.$/],
  ])('%j → %s: %s', async (input, path, text) => {
    const errors = await errorsFor(input);
    expect(Object.keys(errors)).toEqual([path]);
    expect(errors[path]).toMatch(text);
  });

  it('speaks English on the switch', async () => {
    expect((await errorsFor({ city: 'x'.repeat(121) }, 'en')).city).toBe('At most 120 characters.');
    expect((await errorsFor({ phone: 'abc' }, 'en')).phone).toMatch(/^Please enter a phone number made of digits/);
  });
});
