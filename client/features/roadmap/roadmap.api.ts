import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoadmapAccepted, RoadmapPlan, RoadmapProposal, RoadmapProposalItem } from '../../../domain/roadmap/roadmap.response.ts';
import type { RoadmapAccept } from '../../../domain/roadmap/roadmap.schema.ts';
import { get, post } from '../../lib/api.ts';

export type { RoadmapAccepted, RoadmapPlan, RoadmapProposal, RoadmapProposalItem };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/roadmap`;
export const roadmapKey = (organisationId: string) => ['roadmap', organisationId] as const;

/** What the plan proposes now, without what is planned already. */
export function useRoadmapProposal(organisationId: string) {
  return useQuery({ queryKey: [...roadmapKey(organisationId), 'proposal'], queryFn: () => get<RoadmapProposal>(`${base(organisationId)}/proposal`) });
}

/** The plan as taken over: its tasks by week with progress. */
export function useRoadmapPlan(organisationId: string) {
  return useQuery({ queryKey: [...roadmapKey(organisationId), 'plan'], queryFn: () => get<RoadmapPlan>(base(organisationId)) });
}

/**
 * Takes the proposal over. `onAccepted` runs before the proposal is fetched again: the new proposal starts a new form,
 * so what belongs to the old one (its kept draft) must be gone by then.
 */
export function useAcceptRoadmap(organisationId: string, onAccepted?: (result: RoadmapAccepted) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RoadmapAccept) => post<RoadmapAccepted>(`${base(organisationId)}/accept`, input),
    onSuccess: (result) => onAccepted?.(result),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: roadmapKey(organisationId) });
      // The new tasks show in the task list and on the dashboard too.
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
