import type { ModuleSeeds } from '../../test/seeds.ts';
import { campaignBody } from './phishing.fixtures.ts';

/** A draft campaign of the organisation, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    campaignId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/phishing/campaigns`, campaignBody({ name: 'Übung (B)' }));
      if (res.statusCode !== 201) throw new Error(`phishing campaign seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    // The public links take any token and answer alike; a well-formed one that belongs to nobody.
    trackingToken: async () => 'S'.repeat(43),
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId/test-send': undefined,
    'POST /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId/close': undefined,
    'POST /api/v1/organisations/:organisationId/phishing/campaigns': campaignBody({ name: 'Eingeschleust' }),
    'PUT /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId': { ...campaignBody({ name: 'Überschrieben' }), revision: 1 },
    'POST /api/v1/organisations/:organisationId/phishing/campaigns/:campaignId/schedule': { revision: 1 },
    'PUT /api/v1/organisations/:organisationId/phishing/settings/named-mode': { enabled: true, agreementReference: 'BV (B)', agreementDate: '2026-11-30' },
    'PUT /api/v1/organisations/:organisationId/phishing/settings/smtp': { smtpUrl: 'smtp://mail.praxis-b.example' },
  },
};
