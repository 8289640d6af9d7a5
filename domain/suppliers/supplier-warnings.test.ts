import { describe, expect, it } from 'vitest';
import { C5_TYPE2_REQUIRED_FROM, C5_WARNING_DAYS, type SupplierWarningInput, supplierWarnings } from './supplier-warnings.ts';

const base: SupplierWarningInput = {
  patientDataAccess: null,
  avvStatus: null,
  cloudHealthData: null,
  c5Basis: null,
  c5Type: null,
  c5ValidUntil: null,
  nextReviewOn: null,
};
const today = '2026-12-06';
const cloud: Partial<SupplierWarningInput> = { cloudHealthData: true, c5Basis: 'attestation', c5Type: 'type2' };

// Each row: the supplier, the warnings expected on 2026-12-06, and the rule behind them.
const table: [string, Partial<SupplierWarningInput>, string[]][] = [
  // Art. 28 DSGVO: whoever processes patient data on the practice's behalf needs a processor agreement (AVV).
  ['patient data, no AVV', { patientDataAccess: true, avvStatus: 'missing' }, ['avv_missing']],
  ['patient data, AVV status not recorded', { patientDataAccess: true }, ['avv_missing']],
  ['patient data, AVV only requested', { patientDataAccess: true, avvStatus: 'requested' }, ['avv_missing']],
  ['patient data, AVV signed', { patientDataAccess: true, avvStatus: 'signed' }, []],
  ['patient data, documented as no processor', { patientDataAccess: true, avvStatus: 'not_required' }, []],
  ['no patient data, no AVV', { patientDataAccess: false, avvStatus: 'missing' }, []],
  ['patient data access not known yet', { patientDataAccess: null, avvStatus: 'missing' }, []],
  // § 393 SGB V: health data in the cloud only with a current C5 attestation (type 2 since 2025-07-01) or equivalence.
  ['cloud health data without any C5 evidence', { cloudHealthData: true }, ['c5_missing']],
  ['cloud health data, C5 type 2, no end date known', cloud, []],
  ['cloud health data, C5 type 1 (no longer enough since 2025-07-01)', { ...cloud, c5Type: 'type1' }, ['c5_missing']],
  ['cloud health data, C5 attestation of unknown type', { ...cloud, c5Type: null }, ['c5_missing']],
  ['cloud health data, documented C5 equivalence', { cloudHealthData: true, c5Basis: 'equivalence' }, []],
  ['C5 type 2 valid until yesterday', { ...cloud, c5ValidUntil: '2026-12-05' }, ['c5_missing']],
  ['C5 type 2 valid until today', { ...cloud, c5ValidUntil: '2026-12-06' }, ['c5_expiring']],
  [`C5 type 2 valid for exactly ${C5_WARNING_DAYS} more days`, { ...cloud, c5ValidUntil: '2027-02-04' }, ['c5_expiring']],
  [`C5 type 2 valid for ${C5_WARNING_DAYS + 1} more days`, { ...cloud, c5ValidUntil: '2027-02-05' }, []],
  ['C5 equivalence that ran out', { cloudHealthData: true, c5Basis: 'equivalence', c5ValidUntil: '2026-01-31' }, ['c5_missing']],
  ['C5 equivalence ending soon', { cloudHealthData: true, c5Basis: 'equivalence', c5ValidUntil: '2026-12-20' }, ['c5_expiring']],
  ['no cloud health data: no C5 needed', { cloudHealthData: false }, []],
  ['cloud health data not known yet', { cloudHealthData: null, c5ValidUntil: '2020-01-01' }, []],
  // § 30 Abs. 2 Nr. 4 BSIG: supplier risks are reviewed again and again.
  ['review was due yesterday', { nextReviewOn: '2026-12-05' }, ['review_overdue']],
  ['review is due today', { nextReviewOn: '2026-12-06' }, []],
  ['review is due next year', { nextReviewOn: '2027-06-01' }, []],
  [
    'a cloud PVS with everything open',
    { patientDataAccess: true, avvStatus: 'requested', cloudHealthData: true, nextReviewOn: '2025-01-01' },
    ['avv_missing', 'c5_missing', 'review_overdue'],
  ],
];

describe('supplier warnings', () => {
  it.each(table)('%s', (_name, supplier, expected) => {
    expect(supplierWarnings({ ...base, ...supplier }, today).map((w) => w.kind)).toEqual(expected);
  });

  it('accepted a C5 type 1 attestation until the day before type 2 became required', () => {
    const type1 = { ...base, ...cloud, c5Type: 'type1' as const };
    expect(supplierWarnings(type1, '2025-06-30')).toEqual([]);
    expect(supplierWarnings(type1, C5_TYPE2_REQUIRED_FROM).map((w) => w.kind)).toEqual(['c5_missing']);
  });

  it('links each warning to the requirements it affects', () => {
    const [avv] = supplierWarnings({ ...base, patientDataAccess: true }, today);
    expect(avv?.requirementIds).toEqual(['BSIG-30-2-04', 'KBV-A1-04']);
    const [c5] = supplierWarnings({ ...base, cloudHealthData: true }, today);
    expect(c5?.requirementIds).toEqual(['KBV-A1-50', 'BSIG-30-2-04']);
    const [review] = supplierWarnings({ ...base, nextReviewOn: '2026-01-01' }, today);
    expect(review?.requirementIds).toEqual(['BSIG-30-2-04']);
  });

  it('counts the days to and since the dates', () => {
    expect(supplierWarnings({ ...base, ...cloud, c5ValidUntil: '2026-12-16' }, today)[0]?.days).toBe(10);
    expect(supplierWarnings({ ...base, ...cloud, c5ValidUntil: '2026-11-26' }, today)[0]?.days).toBe(-10);
    expect(supplierWarnings({ ...base, nextReviewOn: '2026-11-26' }, today)[0]?.days).toBe(-10);
  });
});
