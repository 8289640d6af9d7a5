import type { ModuleSeeds } from '../../test/seeds.ts';

const risk = { title: 'Ransomware legt die Praxis lahm', likelihood: 3, impact: 5, treatment: 'accept' };

/** A risk of the organisation, for the tenant-isolation suite. */
export const seeds: ModuleSeeds = {
  params: {
    riskId: async ({ agent, organisationId }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/risks`, risk);
      if (res.statusCode !== 201) throw new Error(`risk seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    templateId: async () => 'RT-01',
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/risks': { title: 'Eingeschleust', likelihood: 1, impact: 1 },
    'PUT /api/v1/organisations/:organisationId/risks/:riskId': { ...risk, title: 'Überschrieben', revision: 1 },
    'POST /api/v1/organisations/:organisationId/risks/templates/:templateId/adopt': { locale: 'de' },
    'POST /api/v1/organisations/:organisationId/risks/:riskId/acceptance': { revision: 1 },
    'PUT /api/v1/organisations/:organisationId/risks/matrix-labels': {
      labels: { likelihood: ['a', 'b', 'c', 'd', 'e'], impact: ['a', 'b', 'c', 'd', 'e'] },
      revision: 0,
    },
    // Multipart uploads: without a body the access check still answers first.
    'POST /api/v1/organisations/:organisationId/risks/import/preview': undefined,
    'POST /api/v1/organisations/:organisationId/risks/import': undefined,
  },
};
