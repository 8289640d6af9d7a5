import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Supplier, SupplierDetail, SupplierPage, SupplierSummary } from '../../../domain/suppliers/suppliers.response.ts';
import type { SupplierCriticality, SupplierInput, SupplierWarningKind } from '../../../domain/suppliers/suppliers.schema.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';
import { del, get, isApiError, post, put } from '../../lib/api.ts';

export type { Supplier, SupplierDetail, SupplierSummary };

export const SUPPLIER_PAGE_SIZE = 50;

/** Orange for what is still to come (a C5 attestation ending soon), red for what is missing now. */
export const supplierWarningColor = (kind: SupplierWarningKind) => (kind === 'c5_expiring' ? 'orange' : 'red');

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/suppliers`;
const suppliersKey = (organisationId: string) => ['suppliers', organisationId] as const;

export interface SupplierFilters {
  criticality?: SupplierCriticality | undefined;
  warning?: SupplierWarningKind | undefined;
  patientDataAccess?: 'yes' | 'no' | 'unknown' | undefined;
  q?: string | undefined;
}

/** The register page by page, filtered, searched and sorted by the server. */
export function useSupplierList(organisationId: string, sort: ListSort, filters: SupplierFilters) {
  return useListQuery<SupplierPage>([...suppliersKey(organisationId), 'list'], base(organisationId), {
    limit: SUPPLIER_PAGE_SIZE,
    sort: sort.sort,
    order: sort.order,
    ...filters,
  });
}

/** Counts by criticality and warning (also for the requirement pages and the dashboard). */
export function useSupplierSummary(organisationId: string) {
  return useQuery({ queryKey: [...suppliersKey(organisationId), 'summary'], queryFn: () => get<SupplierSummary>(`${base(organisationId)}/summary`) });
}

export function useSupplier(organisationId: string, supplierId: string) {
  return useQuery({
    queryKey: [...suppliersKey(organisationId), 'one', supplierId],
    queryFn: () => get<SupplierDetail>(`${base(organisationId)}/${supplierId}`),
  });
}

/** Creates (no id) or replaces (id and the revision it was read at) a supplier. */
export function useSaveSupplier(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: string | undefined; revision?: number | undefined; input: SupplierInput }) =>
      id ? put<Supplier>(`${base(organisationId)}/${id}`, { ...input, revision }) : post<Supplier>(base(organisationId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: suppliersKey(organisationId) }),
    // Someone else saved meanwhile: fetch their version for the page; the open form keeps what was typed.
    onError: (error) =>
      isApiError(error, 'supplier.revision_conflict') ? queryClient.invalidateQueries({ queryKey: suppliersKey(organisationId) }) : undefined,
  });
}

/** Removes a supplier; `onDeleted` runs first (e.g. leaving its page), so the removed record is not asked for again. */
export function useDeleteSupplier(organisationId: string, onDeleted?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (supplierId: string) => del(`${base(organisationId)}/${supplierId}`),
    onSuccess: (_answer, supplierId) => {
      onDeleted?.();
      queryClient.removeQueries({ queryKey: [...suppliersKey(organisationId), 'one', supplierId] });
      return queryClient.invalidateQueries({ queryKey: suppliersKey(organisationId) });
    },
  });
}

/** Sets the assets and services the supplier provides (the whole set). */
export function useSetSupplierAssets(organisationId: string, supplierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assetIds: string[]) => put<SupplierDetail>(`${base(organisationId)}/${supplierId}/assets`, { assetIds }),
    onSuccess: (detail) => {
      queryClient.setQueryData([...suppliersKey(organisationId), 'one', supplierId], detail);
      return queryClient.invalidateQueries({ queryKey: suppliersKey(organisationId) });
    },
  });
}
