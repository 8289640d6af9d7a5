import type { ModuleSeeds } from '../../test/seeds.ts';
import { insertPerson } from './access.fixtures.ts';

const account = { system: 'pvs', accountName: 'b.beispiel', isAdmin: false, mfa: null };

/**
 * An account and a checklist in the organisation, for the tenant-isolation suite. The :personId parameter is seeded by
 * another module (one seed per parameter; this file loads first), so the records hang on a person of their own.
 */
export const seeds: ModuleSeeds = {
  params: {
    accountId: async ({ test, agent, organisationId }) => {
      const personId = await insertPerson(test.database, organisationId, { name: 'Berta Beispiel' });
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/people/${personId}/accounts`, account);
      if (res.statusCode !== 201) throw new Error(`account seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    checklistId: async ({ test, agent, organisationId }) => {
      const personId = await insertPerson(test.database, organisationId, { name: 'Bruno Beispiel' });
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/people/${personId}/checklists`, { kind: 'onboarding' });
      if (res.statusCode !== 201) throw new Error(`checklist seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
    position: async () => '1',
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/people/:personId/accounts': account,
    'PUT /api/v1/organisations/:organisationId/accounts/:accountId': { ...account, status: 'active', revision: 1 },
    'POST /api/v1/organisations/:organisationId/accounts/:accountId/disable': undefined,
    'PUT /api/v1/organisations/:organisationId/checklist-templates/onboarding': { items: [{ title: 'Eingeschleust' }] },
    'PUT /api/v1/organisations/:organisationId/checklist-templates/offboarding': { items: [{ title: 'Eingeschleust' }] },
    'POST /api/v1/organisations/:organisationId/people/:personId/checklists': { kind: 'offboarding' },
    'PUT /api/v1/organisations/:organisationId/checklists/:checklistId/items/:position': { done: true },
  },
};
