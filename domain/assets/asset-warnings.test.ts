import { describe, expect, it } from 'vitest';
import { type AssetWarningInput, assetWarnings, SUPPORT_WARNING_DAYS } from './asset-warnings.ts';

const base: AssetWarningInput = { kind: 'workstation', supportEndsOn: null, adminMfa: null, encryptedAtRest: null };
const today = '2026-12-06';

// Each row: the asset, the warnings expected on 2026-12-06, and the rule behind them.
const table: [string, Partial<AssetWarningInput>, string[]][] = [
  // KBV Anlage 1 Nr. 16/17: systems without updates are identified and retired or isolated.
  ['support ended yesterday', { supportEndsOn: '2026-12-05' }, ['unsupported']],
  ['support ends today: no updates from today', { supportEndsOn: '2026-12-06' }, ['unsupported']],
  ['Windows 10 (support ended 2025-10-14)', { supportEndsOn: '2025-10-14' }, ['unsupported']],
  ['support ends tomorrow', { supportEndsOn: '2026-12-07' }, ['support_ending']],
  [`support ends in exactly ${SUPPORT_WARNING_DAYS} days`, { supportEndsOn: '2027-03-06' }, ['support_ending']],
  [`support ends in ${SUPPORT_WARNING_DAYS + 1} days`, { supportEndsOn: '2027-03-07' }, []],
  ['no support date known', {}, []],
  // § 30 Abs. 2 Nr. 10 BSIG: multi-factor authentication, first of all on administrator access.
  ['server without MFA on admin access', { kind: 'server', adminMfa: false }, ['admin_mfa_missing']],
  ['TI connector without MFA on admin access', { kind: 'ti_connector', adminMfa: false }, ['admin_mfa_missing']],
  ['cloud service without MFA on admin access', { kind: 'cloud_service', adminMfa: false }, ['admin_mfa_missing']],
  ['server with MFA', { kind: 'server', adminMfa: true }, []],
  ['server, MFA not known yet', { kind: 'server', adminMfa: null }, []],
  ['an eHBA has no admin login', { kind: 'ehba', adminMfa: false }, []],
  ['a printer is not flagged for MFA', { kind: 'printer', adminMfa: false }, []],
  // KBV Anlage 1 Nr. 31/43, § 30 Abs. 2 Nr. 8 BSIG: data on mobile devices is stored encrypted.
  ['laptop without encryption', { kind: 'laptop', encryptedAtRest: false }, ['encryption_missing']],
  ['smartphone without encryption', { kind: 'mobile', encryptedAtRest: false }, ['encryption_missing']],
  ['laptop encrypted', { kind: 'laptop', encryptedAtRest: true }, []],
  ['a desktop without encryption is not a mobile device', { kind: 'workstation', encryptedAtRest: false }, []],
  [
    'an old laptop with everything missing',
    { kind: 'laptop', supportEndsOn: '2024-01-01', adminMfa: false, encryptedAtRest: false },
    ['unsupported', 'admin_mfa_missing', 'encryption_missing'],
  ],
];

describe('asset warnings', () => {
  it.each(table)('%s', (_name, asset, expected) => {
    expect(assetWarnings({ ...base, ...asset }, today).map((w) => w.kind)).toEqual(expected);
  });

  it('links each warning to the requirements it affects', () => {
    const [unsupported] = assetWarnings({ ...base, supportEndsOn: '2020-01-01' }, today);
    expect(unsupported?.requirementIds).toEqual(['KBV-A1-16', 'KBV-A1-17', 'BSIG-30-2-05']);
    const [mfa] = assetWarnings({ ...base, kind: 'server', adminMfa: false }, today);
    expect(mfa?.requirementIds).toEqual(['BSIG-30-2-10']);
    const [crypto] = assetWarnings({ ...base, kind: 'laptop', encryptedAtRest: false }, today);
    expect(crypto?.requirementIds).toEqual(['KBV-A1-31', 'KBV-A1-43', 'BSIG-30-2-08']);
  });

  it('counts the days to and since the end of support', () => {
    expect(assetWarnings({ ...base, supportEndsOn: '2026-12-16' }, today)[0]?.days).toBe(10);
    expect(assetWarnings({ ...base, supportEndsOn: '2026-11-26' }, today)[0]?.days).toBe(-10);
  });
});
