import { describe, expect, it } from 'vitest';
import { kbvCheckSchema } from './kbv-check.schema.ts';

const valid = { personsHandlingData: 12, significantScaleProcessing: false, majorMedicalDevices: true, contractPractice: true };

function failingPaths(input: unknown): string[] {
  const result = kbvCheckSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('KBV check input', () => {
  it('accepts the example', () => {
    expect(kbvCheckSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    [{ ...valid, personsHandlingData: '12' }, ['personsHandlingData']],
    [{ ...valid, personsHandlingData: 0 }, ['personsHandlingData']],
    [{ ...valid, personsHandlingData: 12.5 }, ['personsHandlingData']],
    [{ ...valid, personsHandlingData: -3 }, ['personsHandlingData']],
    [{ personsHandlingData: 4 }, ['significantScaleProcessing', 'majorMedicalDevices', 'contractPractice']],
    [{ ...valid, contractPractice: 'yes' }, ['contractPractice']],
  ])('names the field of %j', (input, paths) => {
    expect(failingPaths(input).sort()).toEqual([...paths].sort());
  });
});
