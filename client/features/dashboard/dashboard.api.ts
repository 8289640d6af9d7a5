import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../domain/compliance/compliance.response.ts';
import { get } from '../../lib/api.ts';

export type { Dashboard };

export function useDashboard(organisationId: string) {
  return useQuery({
    queryKey: ['dashboard', organisationId],
    queryFn: () => get<Dashboard>(`/api/v1/organisations/${organisationId}/dashboard`),
  });
}
