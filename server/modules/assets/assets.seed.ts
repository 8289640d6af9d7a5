import type { ModuleSeeds } from '../../test/seeds.ts';

const asset = { name: 'Konnektor von B', kind: 'ti_connector', inventoryNumber: 'B-001' };

/** An asset of the organisation with a relation to a second one, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    assetId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/assets`, asset);
      if (res.statusCode !== 201) throw new Error(`asset seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    relationId: async ({ agent, organisationId, ids }) => {
      const server = await agent.request('POST', `/api/v1/organisations/${organisationId}/assets`, { name: 'Server von B', kind: 'server' });
      if (server.statusCode !== 201) throw new Error(`asset seed: ${server.statusCode} ${server.body}`);
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/assets/${ids.assetId}/relations`, {
        kind: 'stored_in',
        targetId: (server.json() as { id: string }).id,
      });
      if (res.statusCode !== 201) throw new Error(`asset relation seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/assets': { name: 'Eingeschleust', kind: 'server' },
    'PUT /api/v1/organisations/:organisationId/assets/:assetId': { ...asset, name: 'Überschrieben', revision: 1 },
    // A relation from the attacked asset to itself would be refused by validation; any uuid reaches the access check.
    'POST /api/v1/organisations/:organisationId/assets/:assetId/relations': { kind: 'runs_on', targetId: '00000000-0000-4000-8000-000000000001' },
    // Multipart uploads: without a body the access check still answers first.
    'POST /api/v1/organisations/:organisationId/assets/import/preview': undefined,
    'POST /api/v1/organisations/:organisationId/assets/import': undefined,
  },
};
