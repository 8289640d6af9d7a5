import type { ModuleSeeds } from '../../test/seeds.ts';

/** The registration routes take no record ids; their body, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  bodies: {
    'PUT /api/v1/organisations/:organisationId/registration': { registrationReference: 'Eingeschleust' },
  },
};
