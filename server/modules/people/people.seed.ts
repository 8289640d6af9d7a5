import type { ModuleSeeds } from '../../test/seeds.ts';

const person = { name: 'Berta Beispiel', role: 'medical_assistant', startsOn: '2024-01-01', weeklyHours: 30 };

/** A person of the organisation, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    personId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/people`, person);
      if (res.statusCode !== 201) throw new Error(`person seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/people': { name: 'Eingeschleust', role: 'external' },
    'PUT /api/v1/organisations/:organisationId/people/:personId': { ...person, name: 'Überschrieben', revision: 1 },
    'PUT /api/v1/organisations/:organisationId/people/retention': { months: 0 },
    // Multipart uploads: without a body the access check still answers first.
    'POST /api/v1/organisations/:organisationId/people/import/preview': undefined,
    'POST /api/v1/organisations/:organisationId/people/import': undefined,
  },
};
