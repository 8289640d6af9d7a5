import type { RequirementStatus } from '../compliance/requirement-status.schema.ts';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { nis2Measures } from '../nis2/measures.data.ts';
import type { RegisterFacts, RoadmapInput } from './roadmap.ts';

/** Inputs of the 8-week plan for the tests (roadmap.test.ts, roadmap.quickcheck.test.ts). */

export const TODAY = '2026-03-04'; // a Wednesday
export const allIds = [...kbvRequirements.map((r) => r.id), ...nis2Measures.map((m) => m.id)];
export const every = (status: RequirementStatus) => Object.fromEntries(allIds.map((id) => [id, status]));

/** Registers with nothing flagged and everything recorded: the state of a practice that has done its homework. */
export const tidyRegisters: RegisterFacts = {
  assets: 40,
  suppliers: 12,
  people: 25,
  accounts: 80,
  risks: 18,
  leaversWithAccess: { count: 0, ids: [] },
  adminsWithoutMfa: { count: 0, ids: [] },
  suppliersWithoutAvv: { count: 0, ids: [] },
  suppliersWithoutC5: { count: 0, ids: [] },
  lastAwarenessTrainingOn: '2025-11-20',
  directors: [{ personId: 'd1', lastTrainingOn: '2025-09-01', hasApproval: true }],
  registeredWithBsi: true,
  escalationChainRecorded: true,
};

/** Nothing recorded at all: a practice on its first day in the app. */
export const emptyRegisters: RegisterFacts = {
  assets: 0,
  suppliers: 0,
  people: 0,
  accounts: 0,
  risks: 0,
  leaversWithAccess: { count: 0, ids: [] },
  adminsWithoutMfa: { count: 0, ids: [] },
  suppliersWithoutAvv: { count: 0, ids: [] },
  suppliersWithoutC5: { count: 0, ids: [] },
  lastAwarenessTrainingOn: null,
  directors: [],
  registeredWithBsi: false,
  escalationChainRecorded: false,
};

/** A medium-sized MVZ (KBV Anlagen 1, 2 and 5), important entity under § 28 Abs. 2 BSIG, all statuses open. */
export function mvz(overrides: Partial<RoadmapInput> = {}, registers: Partial<RegisterFacts> = {}): RoadmapInput {
  return {
    today: TODAY,
    nis2: { category: 'important' },
    kbv: { assessed: true, guidelineApplies: true, annexes: [1, 2, 5] },
    statuses: {},
    ...overrides,
    registers: { ...emptyRegisters, ...registers },
  };
}
