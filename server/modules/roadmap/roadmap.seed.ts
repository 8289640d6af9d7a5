import { nextMonday } from '../../../domain/roadmap/roadmap.ts';
import type { ModuleSeeds } from '../../test/seeds.ts';
import { practiceToday } from '../assets/assets.ts';

/** The plan's routes take no record ids; the accept route needs a body the schema takes (the access check answers first). */
export const seeds: ModuleSeeds = {
  bodies: {
    'POST /api/v1/organisations/:organisationId/roadmap/accept': { startOn: nextMonday(practiceToday()), items: [{ key: 'check-nis2' }] },
  },
};
