import type { ModuleSeeds } from '../../test/seeds.ts';

const supplier = { name: 'IT-Dienstleister von B', criticality: 'high', patientDataAccess: true, avvStatus: 'signed' };

/** A supplier of the organisation, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    supplierId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/suppliers`, supplier);
      if (res.statusCode !== 201) throw new Error(`supplier seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/suppliers': { name: 'Eingeschleust' },
    'PUT /api/v1/organisations/:organisationId/suppliers/:supplierId': { ...supplier, name: 'Überschrieben', revision: 1 },
    // Any uuid reaches the access check; an asset of the attacker would be refused at the field.
    'PUT /api/v1/organisations/:organisationId/suppliers/:supplierId/assets': { assetIds: [] },
    // Multipart uploads: without a body the access check still answers first.
    'POST /api/v1/organisations/:organisationId/suppliers/import/preview': undefined,
    'POST /api/v1/organisations/:organisationId/suppliers/import': undefined,
  },
};
