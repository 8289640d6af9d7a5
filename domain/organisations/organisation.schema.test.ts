import { describe, expect, it } from 'vitest';
import { loginSchema, passwordSchema, totpCodeSchema } from '../auth/auth.schema.ts';
import { locationInputSchema, MAX_LOCATIONS_PER_ORGANISATION, setupSchema } from './organisation.schema.ts';

describe('location input', () => {
  it.each([
    [{ name: 'Hauptpraxis' }, true],
    [{ name: 'Hauptpraxis', postalCode: '01067' }, true], // German postcodes have five digits, leading zero allowed
    [{ name: 'Hauptpraxis', postalCode: '' }, true],
    [{ name: 'Hauptpraxis', postalCode: '1067' }, false],
    [{ name: 'Hauptpraxis', postalCode: 'D-01067' }, false],
    [{ name: 'H' }, false],
    [{ name: '   ' }, false],
  ])('%j valid: %s', (input, valid) => {
    expect(locationInputSchema.safeParse(input).success).toBe(valid);
  });

  it('stores empty optional fields as null and trims text', () => {
    expect(locationInputSchema.parse({ name: '  Filiale  ', street: '', city: ' Köln ' })).toEqual({
      name: 'Filiale',
      street: null,
      postalCode: null,
      city: 'Köln',
    });
  });
});

describe('accounts', () => {
  it.each([
    ['elf Zeichen', false],
    ['zwölf Zeichen', true], // 12 characters: BSI ORP.4.A22 favours length over complexity rules
  ])('password %j accepted: %s', (password, ok) => {
    expect(passwordSchema.safeParse(password).success).toBe(ok);
  });

  it('normalises e-mail addresses to lower case', () => {
    expect(loginSchema.parse({ email: ' Anna@Praxis.DE ', password: 'x' }).email).toBe('anna@praxis.de');
  });

  it.each([
    ['123456', true],
    [' 123456 ', true],
    ['12345', false],
    ['12345a', false],
  ])('TOTP code %j valid: %s', (code, ok) => {
    expect(totpCodeSchema.safeParse(code).success).toBe(ok);
  });
});

describe('first-run setup', () => {
  const valid = {
    organisation: { name: 'MVZ Nord GmbH', legalForm: 'mvz_gmbh', locations: [{ name: 'Standort 1' }] },
    admin: { name: 'Anna Admin', email: 'anna@mvz-nord.de', password: 'correct horse battery' },
  };

  it('accepts a complete setup and defaults to German', () => {
    expect(setupSchema.parse(valid).locale).toBe('de');
  });

  it('needs at least one location', () => {
    const result = setupSchema.safeParse({ ...valid, organisation: { ...valid.organisation, locations: [] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['organisation', 'locations']);
  });

  const places = (...names: string[]) => names.map((name) => ({ name }));
  const numbered = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Standort ${i + 1}` }));
  // Location names compare as the unique index locations_name_unique does: lower(trim(name)).
  it.each([
    ['the cap', numbered(MAX_LOCATIONS_PER_ORGANISATION), []],
    ['one over the cap', numbered(MAX_LOCATIONS_PER_ORGANISATION + 1), [['organisation', 'locations']]],
    ['a name twice', places('Praxis Mitte', 'Praxis Mitte'), [['organisation', 'locations', 1, 'name']]],
    ['a name twice in another case and with spaces', places('Praxis Mitte', 'Filiale', '  praxis MITTE '), [['organisation', 'locations', 2, 'name']]],
    ['similar but different names', places('Praxis Mitte', 'Praxis Mitte 2'), []],
  ])('with %s the issues are at %j', (_, locations, paths) => {
    const result = setupSchema.safeParse({ ...valid, organisation: { ...valid.organisation, locations } });
    expect((result.error?.issues ?? []).map((i) => i.path)).toEqual(paths);
  });
});
