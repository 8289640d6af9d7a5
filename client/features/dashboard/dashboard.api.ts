import { useQuery } from '@tanstack/react-query';
import type { ProgressCount } from '../../../domain/compliance/progress.ts';
import type { RequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import type { Nis2Coverage } from '../../../domain/nis2/coverage.ts';
import type { Nis2Category } from '../../../domain/nis2/nis2-check.schema.ts';
import { get } from '../../lib/api.ts';

export interface Dashboard {
  today: string;
  profile: { assessed: boolean; guidelineApplies: boolean; annexes: number[] };
  nis2: { category: Nis2Category; maxFineEur: number | null; financialYear: number | null; checkedAt: string } | null;
  progress: {
    kbv: ProgressCount;
    nis2: ProgressCount;
    byAnnex: (ProgressCount & { annex: number })[];
    byLocation: (ProgressCount & { locationId: string; name: string })[];
  };
  /** The oldest overdue entries (at most 50); `overdueTotal` counts them all. */
  overdue: { requirementId: string; titleDe: string; titleEn: string; dueDate: string; locationId: string | null; status: RequirementStatus }[];
  overdueTotal: number;
  mandatoryOpen: { requirementId: string; framework: 'kbv' | 'nis2'; titleDe: string; titleEn: string; status: RequirementStatus; effectiveFrom: string | null }[];
  coverage: Nis2Coverage;
  evidenceFiles: number;
  incidentDeadlines: {
    incidentId: string;
    number: number;
    title: string;
    next: { kind: 'early_warning' | 'notification' | 'progress_report' | 'final_report' | 'gdpr_art33'; due: string; isOverdue: boolean; remainingMs: number };
  }[];
}

export function useDashboard(organisationId: string) {
  return useQuery({
    queryKey: ['dashboard', organisationId],
    queryFn: () => get<Dashboard>(`/api/v1/organisations/${organisationId}/dashboard`),
  });
}
