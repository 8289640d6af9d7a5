import type { ModuleSeeds } from '../../test/seeds.ts';

const person = { name: 'Berta Beispiel', role: 'medical_assistant', startsOn: '2024-01-01', weeklyHours: 30 };

/**
 * Bodies for the people routes in the tenant-isolation suite. The `:personId` parameter is seeded once for all modules
 * by server/modules/management/management.seed.ts (a person of the other organisation written directly, a managing
 * director, so that its § 38 routes work too); a parameter may be seeded only once.
 */
export const seeds: ModuleSeeds = {
  bodies: {
    'POST /api/v1/organisations/:organisationId/people': { name: 'Eingeschleust', role: 'external' },
    'PUT /api/v1/organisations/:organisationId/people/:personId': { ...person, name: 'Überschrieben', revision: 1 },
    'PUT /api/v1/organisations/:organisationId/people/retention': { months: 0 },
    // Multipart uploads: without a body the access check still answers first.
    'POST /api/v1/organisations/:organisationId/people/import/preview': undefined,
    'POST /api/v1/organisations/:organisationId/people/import': undefined,
  },
};
