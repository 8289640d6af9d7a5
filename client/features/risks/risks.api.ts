import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Risk, RiskMatrixLabelsAnswer, RiskPage, RiskSummary, RiskTemplateList } from '../../../domain/risks/risks.response.ts';
import type { RiskInput, RiskLevel, RiskMatrixLabels, RiskTemplateLocale, RiskTreatment } from '../../../domain/risks/risks.schema.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';
import { del, get, isApiError, post, put } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n.ts';

export type { Risk, RiskMatrixLabelsAnswer, RiskSummary };

export const RISK_PAGE_SIZE = 50;

/** The colour of a level, on the badge and in the heat map: green, yellow, orange, red. */
export const riskLevelColor: Record<RiskLevel, string> = { low: 'green', medium: 'yellow', high: 'orange', critical: 'red' };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/risks`;
const risksKey = (organisationId: string) => ['risks', organisationId] as const;

export interface RiskFilters {
  level?: RiskLevel | undefined;
  treatment?: RiskTreatment | undefined;
  needsDecision?: 'yes' | 'no' | undefined;
  accepted?: 'yes' | 'no' | undefined;
  q?: string | undefined;
}

/** The register page by page, filtered, searched and sorted by the server. */
export function useRiskList(organisationId: string, sort: ListSort, filters: RiskFilters) {
  return useListQuery<RiskPage>([...risksKey(organisationId), 'list'], base(organisationId), {
    limit: RISK_PAGE_SIZE,
    sort: sort.sort,
    order: sort.order,
    ...filters,
  });
}

/** Heat maps and counts (also for the dashboard). */
export function useRiskSummary(organisationId: string) {
  return useQuery({ queryKey: [...risksKey(organisationId), 'summary'], queryFn: () => get<RiskSummary>(`${base(organisationId)}/summary`) });
}

export function useRisk(organisationId: string, riskId: string) {
  return useQuery({ queryKey: [...risksKey(organisationId), 'one', riskId], queryFn: () => get<Risk>(`${base(organisationId)}/${riskId}`) });
}

/** The template library in one language, each marked when adopted. */
export function useRiskTemplates(organisationId: string, locale: RiskTemplateLocale) {
  return useQuery({
    queryKey: [...risksKey(organisationId), 'templates', locale],
    queryFn: () => get<RiskTemplateList>(`${base(organisationId)}/templates?locale=${locale}`),
  });
}

/** Adopts a template as a risk in the given language. */
export function useAdoptTemplate(organisationId: string, locale: RiskTemplateLocale) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) => post<Risk>(`${base(organisationId)}/templates/${templateId}/adopt`, { locale }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: risksKey(organisationId) }),
  });
}

/** Creates (no id) or replaces (id and the revision it was read at) a risk. */
export function useSaveRisk(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: string | undefined; revision?: number | undefined; input: RiskInput }) =>
      id ? put<Risk>(`${base(organisationId)}/${id}`, { ...input, revision }) : post<Risk>(base(organisationId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: risksKey(organisationId) }),
    // Someone else saved meanwhile: fetch their version for the page; the open form keeps what was typed.
    onError: (error) => (isApiError(error, 'risk.revision_conflict') ? queryClient.invalidateQueries({ queryKey: risksKey(organisationId) }) : undefined),
  });
}

/** Removes a risk; `onDeleted` runs first (e.g. leaving its page), so the removed record is not asked for again. */
export function useDeleteRisk(organisationId: string, onDeleted?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (riskId: string) => del(`${base(organisationId)}/${riskId}`),
    onSuccess: (_answer, riskId) => {
      onDeleted?.();
      queryClient.removeQueries({ queryKey: [...risksKey(organisationId), 'one', riskId] });
      return queryClient.invalidateQueries({ queryKey: risksKey(organisationId) });
    },
  });
}

/** Management accepts the risk at the revision it saw (key: the risk id; the revision is read from `revisionOf`). */
export function useAcceptRisk(organisationId: string, revisionOf: () => number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (riskId: string) => post<Risk>(`${base(organisationId)}/${riskId}/acceptance`, { revision: revisionOf() }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: risksKey(organisationId) }),
  });
}

export function useWithdrawAcceptance(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (riskId: string) => del<Risk>(`${base(organisationId)}/${riskId}/acceptance`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: risksKey(organisationId) }),
  });
}

/** The labels of the matrix axes that count for the organisation: its own, or the defaults in the reader's language. */
export function useRiskMatrixLabels(organisationId: string) {
  const locale = currentLocale();
  return useQuery({
    queryKey: [...risksKey(organisationId), 'matrix-labels', locale],
    queryFn: () => get<RiskMatrixLabelsAnswer>(`${base(organisationId)}/matrix-labels?locale=${locale}`),
  });
}

export type AxisLabel = (axis: 'likelihood' | 'impact', step: number) => string;

/** The name of a step of an axis ("3" → "möglich"): the organisation's label, the locale's default until it is loaded. */
export function useAxisLabel(organisationId: string): AxisLabel {
  const { t } = useTranslation();
  const labels = useRiskMatrixLabels(organisationId).data;
  return (axis, step) => labels?.[axis][step - 1] ?? t(`risks.${axis}.${step}`);
}

/** Stores the organisation's own labels (null: the defaults again) at the revision read; 409 when they changed meanwhile. */
export function useSaveRiskMatrixLabels(organisationId: string) {
  const queryClient = useQueryClient();
  const locale = currentLocale();
  return useMutation({
    mutationFn: ({ labels, revision }: { labels: RiskMatrixLabels | null; revision: number }) =>
      put<RiskMatrixLabelsAnswer>(`${base(organisationId)}/matrix-labels?locale=${locale}`, { labels, revision }),
    // The answer is the new state: stored at once, so the dialog closes without waiting for the register to reload.
    onSuccess: (answer) => queryClient.setQueryData([...risksKey(organisationId), 'matrix-labels', locale], answer),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: risksKey(organisationId) });
    },
  });
}
