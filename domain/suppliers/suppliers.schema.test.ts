import { describe, expect, it } from 'vitest';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { nis2Measures } from '../nis2/measures.data.ts';
import { supplierWarningRequirements } from './supplier-warnings.ts';
import { supplierAssetsInputSchema, supplierInputSchema, supplierListQuerySchema, supplierUpdateSchema } from './suppliers.schema.ts';

const valid = { name: 'Praxis-IT Müller GmbH' };

describe('supplier input', () => {
  it('fills what a register leaves open with "not known"', () => {
    const supplier = supplierInputSchema.parse(valid);
    expect(supplier).toMatchObject({
      criticality: 'medium',
      patientDataAccess: null,
      avvStatus: null,
      cloudHealthData: null,
      c5Basis: null,
      nextReviewOn: null,
      contactEmail: '',
    });
  });

  // Bad input is a field-level 400, never something PostgreSQL has to refuse.
  const bad: [string, Record<string, unknown>, string][] = [
    ['empty name', { name: '  ' }, 'name'],
    ['NUL in the name', { name: 'IT\u0000' }, 'name'],
    ['name too long', { name: 'x'.repeat(201) }, 'name'],
    ['unknown criticality', { ...valid, criticality: 'extreme' }, 'criticality'],
    ['unknown AVV status', { ...valid, avvStatus: 'maybe' }, 'avvStatus'],
    ['AVV signed in the future', { ...valid, avvSignedOn: '2099-01-01' }, 'avvSignedOn'],
    ['AVV evidence not an id', { ...valid, avvEvidenceId: 'avv.pdf' }, 'avvEvidenceId'],
    ['unknown C5 type', { ...valid, c5Type: 'type3' }, 'c5Type'],
    ['C5 report in the future', { ...valid, c5ReportDate: '2099-01-01' }, 'c5ReportDate'],
    ['C5 valid in the year 1', { ...valid, c5ValidUntil: '0001-01-01' }, 'c5ValidUntil'],
    ['C5 valid until a day that does not exist', { ...valid, c5ValidUntil: '2026-02-30' }, 'c5ValidUntil'],
    ['C5 valid before its report', { ...valid, c5ReportDate: '2026-05-01', c5ValidUntil: '2026-04-30' }, 'c5ValidUntil'],
    ['contact e-mail without @', { ...valid, contactEmail: 'support' }, 'contactEmail'],
    ['sub-processors too long', { ...valid, subProcessors: 'x'.repeat(2001) }, 'subProcessors'],
    ['review date not a date', { ...valid, nextReviewOn: 'bald' }, 'nextReviewOn'],
    ['notes too long', { ...valid, notes: 'x'.repeat(4001) }, 'notes'],
  ];
  it.each(bad)('refuses %s at the field', (_name, input, field) => {
    const result = supplierInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it('names the C5 dates in the wrong order with its own code', () => {
    const result = supplierInputSchema.safeParse({ ...valid, c5ReportDate: '2026-05-01', c5ValidUntil: '2026-04-30' });
    expect(result.error?.issues[0]?.message).toBe('supplier.c5_valid_before_report');
  });

  it('needs the revision for a change, with the same checks', () => {
    expect(supplierUpdateSchema.safeParse(valid).success).toBe(false);
    expect(supplierUpdateSchema.safeParse({ ...valid, revision: 3 }).success).toBe(true);
    expect(supplierUpdateSchema.safeParse({ ...valid, revision: 3, c5ReportDate: '2026-05-01', c5ValidUntil: '2026-01-01' }).success).toBe(false);
  });

  it('takes a set of asset ids, nothing else', () => {
    expect(supplierAssetsInputSchema.safeParse({ assetIds: [] }).success).toBe(true);
    expect(supplierAssetsInputSchema.safeParse({ assetIds: ['PC'] }).success).toBe(false);
    expect(supplierAssetsInputSchema.safeParse({ assetIds: Array(501).fill('00000000-0000-4000-8000-000000000001') }).success).toBe(false);
  });

  it('lists only by the allowed sort keys and filters', () => {
    expect(supplierListQuerySchema.safeParse({ sort: 'password' }).success).toBe(false);
    expect(supplierListQuerySchema.safeParse({ warning: 'c5_missing', criticality: 'high', patientDataAccess: 'yes' }).success).toBe(true);
    expect(supplierListQuerySchema.safeParse({ patientDataAccess: 'true' }).success).toBe(false);
  });
});

describe('warning links', () => {
  it('name only requirements that exist in the catalog', () => {
    const known = new Set([...kbvRequirements.map((r) => r.id), ...nis2Measures.map((m) => m.id)]);
    for (const ids of Object.values(supplierWarningRequirements)) for (const id of ids) expect(known.has(id), id).toBe(true);
  });
});
