import { describe, expect, it } from 'vitest';
import { registrationSetupSchema } from '../../../domain/registration/registration.ts';
import { germanDate, isoDate, setupOf, valuesOf } from './registration-values.ts';

describe('registration form values', () => {
  it('reads the dates people type', () => {
    expect(isoDate('06.12.2025')).toBe('2025-12-06');
    expect(isoDate('6.3.26')).toBe('2026-03-06');
    expect(isoDate('2026-03-06')).toBe('2026-03-06');
    expect(isoDate('31.02.2026')).toBeNull();
    expect(isoDate('morgen')).toBeNull();
    expect(germanDate('2026-03-06')).toBe('06.03.2026');
  });

  it('round-trips the setup through the form', () => {
    const setup = registrationSetupSchema.parse({ city: 'Berlin' });
    expect(valuesOf(setup).qualifiesSince).toBe('06.12.2025');
    expect(setupOf(valuesOf(setup))).toEqual(setup);
  });
});
