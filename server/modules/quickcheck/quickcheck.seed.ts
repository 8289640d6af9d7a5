import { QUICK_CHECK_VERSION, quickCheckQuestions } from '../../../domain/quickcheck/questions.ts';
import { withSystem } from '../../db/tenant.ts';
import type { ModuleSeeds } from '../../test/seeds.ts';
import { carryQuickCheck } from './quickcheck.ts';

/**
 * The other organisation's carried-over quick check (its answers, result and pre-set statuses), so that the
 * tenant-isolation suite sees that none of it leaks through GET …/quick-check or changes. The quick-check routes take
 * no other path parameter; the public ones belong to no organisation.
 */
export const seeds: ModuleSeeds = {
  params: {
    quickCheckId: async ({ test, agent, organisationId }) => {
      const answers = Object.fromEntries(quickCheckQuestions.map((q) => [q.id, q.weight === 3 ? ('yes' as const) : ('partly' as const)]));
      const carried = await withSystem(test.ctx.db, (tx) =>
        carryQuickCheck(tx, { organisationId, userId: agent.userId, locale: 'de' }, { version: QUICK_CHECK_VERSION, answers }),
      );
      return carried.id;
    },
  },
};
