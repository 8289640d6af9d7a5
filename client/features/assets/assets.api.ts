import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Asset, AssetDetail, AssetPage, AssetRelation, AssetSummary } from '../../../domain/assets/assets.response.ts';
import type { AssetInput, AssetRelationKind, AssetWarningKind } from '../../../domain/assets/assets.schema.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';
import { del, get, isApiError, post, put } from '../../lib/api.ts';

export type { Asset, AssetDetail, AssetRelation, AssetSummary };

export const ASSET_PAGE_SIZE = 50;

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/assets`;
const assetsKey = (organisationId: string) => ['assets', organisationId] as const;

export interface AssetFilters {
  kind?: string | undefined;
  locationId?: string | undefined;
  warning?: AssetWarningKind | undefined;
  q?: string | undefined;
}

/** The register page by page, filtered, searched and sorted by the server. */
export function useAssetList(organisationId: string, sort: ListSort, filters: AssetFilters) {
  return useListQuery<AssetPage>([...assetsKey(organisationId), 'list'], base(organisationId), {
    limit: ASSET_PAGE_SIZE,
    sort: sort.sort,
    order: sort.order,
    ...filters,
  });
}

/** Counts by kind, location and warning (also for the requirement pages and the dashboard). */
export function useAssetSummary(organisationId: string) {
  return useQuery({ queryKey: [...assetsKey(organisationId), 'summary'], queryFn: () => get<AssetSummary>(`${base(organisationId)}/summary`) });
}

export function useAsset(organisationId: string, assetId: string) {
  return useQuery({ queryKey: [...assetsKey(organisationId), 'one', assetId], queryFn: () => get<AssetDetail>(`${base(organisationId)}/${assetId}`) });
}

/** Creates (no id) or replaces (id and the revision it was read at) an asset. */
export function useSaveAsset(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: string | undefined; revision?: number | undefined; input: AssetInput }) =>
      id ? put<Asset>(`${base(organisationId)}/${id}`, { ...input, revision }) : post<Asset>(base(organisationId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assetsKey(organisationId) }),
    // Someone else saved meanwhile: fetch their version for the page; the open form keeps what was typed.
    onError: (error) => (isApiError(error, 'asset.revision_conflict') ? queryClient.invalidateQueries({ queryKey: assetsKey(organisationId) }) : undefined),
  });
}

/** Removes an asset; `onDeleted` runs first (e.g. leaving its page), so the removed record is not asked for again. */
export function useDeleteAsset(organisationId: string, onDeleted?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assetId: string) => del(`${base(organisationId)}/${assetId}`),
    onSuccess: (_answer, assetId) => {
      onDeleted?.();
      queryClient.removeQueries({ queryKey: [...assetsKey(organisationId), 'one', assetId] });
      return queryClient.invalidateQueries({ queryKey: assetsKey(organisationId) });
    },
  });
}

export function useAddRelation(organisationId: string, assetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: AssetRelationKind; targetId: string }) => post<AssetRelation>(`${base(organisationId)}/${assetId}/relations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assetsKey(organisationId) }),
  });
}

export function useRemoveRelation(organisationId: string, assetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (relationId: string) => del(`${base(organisationId)}/${assetId}/relations/${relationId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assetsKey(organisationId) }),
  });
}

/** Assets by name for a picker (first 50 matches, searched on the server). */
export function useAssetOptions(organisationId: string, q: string) {
  return useQuery({
    queryKey: [...assetsKey(organisationId), 'options', q],
    queryFn: () => get<AssetPage>(`${base(organisationId)}?limit=50&sort=name${q ? `&q=${encodeURIComponent(q)}` : ''}`),
    placeholderData: (previous) => previous,
  });
}
