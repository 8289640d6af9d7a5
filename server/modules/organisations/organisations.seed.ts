import type { ModuleSeeds } from '../../test/seeds.ts';

/** The organisation itself and a location of its own, for the tenant-isolation suite (server/test/seeds.ts). */
export const seeds: ModuleSeeds = {
  params: {
    organisationId: async ({ organisationId }) => organisationId,
    locationId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/locations`, { name: 'Zweigstelle nur für B' });
      if (res.statusCode !== 201) throw new Error(`location seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  },
  bodies: {
    'PATCH /api/v1/organisations/:organisationId': { name: 'Übernommen', legalForm: 'other' },
    'POST /api/v1/organisations/:organisationId/locations': { name: 'Eingeschleust' },
    'PATCH /api/v1/organisations/:organisationId/locations/:locationId': { name: 'Umbenannt' },
  },
};
