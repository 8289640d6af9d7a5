import { randomUUID } from 'node:crypto';
import { people } from '../../db/schema.ts';
import type { ModuleSeeds } from '../../test/seeds.ts';

const training = { heldOn: '2026-11-20', agenda: 'Pflichten nach § 38 BSIG', provider: 'Ärztekammer' };

/**
 * A managing director of the organisation and one training record, for the tenant-isolation suite. The director is
 * written directly until the people module seeds persons of its own (then this seed takes its `personId`).
 */
export const seeds: ModuleSeeds = {
  params: {
    personId: async ({ test, organisationId }) => {
      const id = randomUUID();
      await test.ctx.db.insert(people).values({ organisationId, id, name: 'Dr. B. Geschäftsführer', role: 'management' });
      return id;
    },
    trainingId: async ({ agent, organisationId, ids }) => {
      const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/management/people/${ids.personId}/trainings`, training);
      if (res.statusCode !== 201) throw new Error(`management training seed: ${res.statusCode} ${res.body}`);
      return (res.json() as { id: string }).id;
    },
  },
  bodies: {
    'POST /api/v1/organisations/:organisationId/management/people/:personId/trainings': training,
    'PUT /api/v1/organisations/:organisationId/management/trainings/:trainingId': { ...training, provider: 'Überschrieben', revision: 1 },
    'POST /api/v1/organisations/:organisationId/management/people/:personId/approvals': { remark: 'Eingeschleust' },
  },
};
