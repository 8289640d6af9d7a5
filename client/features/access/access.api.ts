import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccessSummary,
  Account,
  AccountListItem,
  AccountPage,
  Checklist,
  ChecklistTemplate,
  PersonAccounts,
} from '../../../domain/access/access.response.ts';
import type { AccountInput, AccountStatus, AccountSystem, ChecklistItemInput, ChecklistKind } from '../../../domain/access/access.schema.ts';
import type { AccessWarningKind } from '../../../domain/access/access-rules.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';
import { del, get, isApiError, post, put } from '../../lib/api.ts';

export type { AccessSummary, Account, AccountListItem, Checklist, ChecklistTemplate, PersonAccounts };

export const ACCOUNT_PAGE_SIZE = 50;

/** Red for a leaver's active access (a duty missed now), orange for an admin login without MFA. */
export const accessWarningColor = (kind: AccessWarningKind) => (kind === 'leaver_active' ? 'red' : 'orange');

const org = (organisationId: string) => `/api/v1/organisations/${organisationId}`;
/** Everything of this feature under one key: a change anywhere refreshes the lists, the person's sections and the dashboard. */
const accessKey = (organisationId: string) => ['access', organisationId] as const;

export interface AccountFilters {
  system?: AccountSystem | undefined;
  status?: AccountStatus | undefined;
  adminWithoutMfa?: 'true' | undefined;
  leaver?: 'true' | undefined;
  locationId?: string | undefined;
  q?: string | undefined;
}

/** All accounts across people, page by page, filtered and sorted by the server. */
export function useAccountList(organisationId: string, sort: ListSort, filters: AccountFilters) {
  return useListQuery<AccountPage>([...accessKey(organisationId), 'list'], `${org(organisationId)}/accounts`, {
    limit: ACCOUNT_PAGE_SIZE,
    sort: sort.sort,
    order: sort.order,
    ...filters,
  });
}

export function useAccessSummary(organisationId: string) {
  return useQuery({ queryKey: [...accessKey(organisationId), 'summary'], queryFn: () => get<AccessSummary>(`${org(organisationId)}/access/summary`) });
}

export function usePersonAccounts(organisationId: string, personId: string) {
  return useQuery({
    queryKey: [...accessKey(organisationId), 'person', personId, 'accounts'],
    queryFn: () => get<PersonAccounts>(`${org(organisationId)}/people/${personId}/accounts`),
  });
}

function useAccessMutation<V, R>(organisationId: string, mutationFn: (variables: V) => Promise<R>, conflictCode?: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: accessKey(organisationId) });
  return useMutation({
    mutationFn,
    onSuccess: refresh,
    onError: (error) => (conflictCode && isApiError(error, conflictCode) ? refresh() : undefined),
  });
}

/** Creates (no id) or replaces (id, status and the revision it was read at) an account. */
export function useSaveAccount(organisationId: string, personId: string) {
  return useAccessMutation(
    organisationId,
    ({ id, revision, status, input }: { id?: string | undefined; revision?: number | undefined; status?: AccountStatus; input: AccountInput }) =>
      id
        ? put<Account>(`${org(organisationId)}/accounts/${id}`, { ...input, status, revision })
        : post<Account>(`${org(organisationId)}/people/${personId}/accounts`, input),
    'access.revision_conflict',
  );
}

export function useDisableAccount(organisationId: string) {
  return useAccessMutation(organisationId, (accountId: string) => post<Account>(`${org(organisationId)}/accounts/${accountId}/disable`));
}

export function useDeleteAccount(organisationId: string) {
  return useAccessMutation(organisationId, (accountId: string) => del(`${org(organisationId)}/accounts/${accountId}`));
}

export function usePersonChecklists(organisationId: string, personId: string) {
  return useQuery({
    queryKey: [...accessKey(organisationId), 'person', personId, 'checklists'],
    queryFn: () => get<Checklist[]>(`${org(organisationId)}/people/${personId}/checklists`),
  });
}

export function useStartChecklist(organisationId: string, personId: string) {
  return useAccessMutation(organisationId, ({ kind, locale }: { kind: ChecklistKind; locale: 'de' | 'en' }) =>
    post<Checklist>(`${org(organisationId)}/people/${personId}/checklists`, { kind, locale }),
  );
}

export function useTickItem(organisationId: string) {
  return useAccessMutation(organisationId, ({ checklistId, position, done }: { checklistId: string; position: number; done: boolean }) =>
    put<Checklist>(`${org(organisationId)}/checklists/${checklistId}/items/${position}`, { done }),
  );
}

export function useChecklistTemplate(organisationId: string, kind: ChecklistKind, locale: 'de' | 'en') {
  return useQuery({
    queryKey: [...accessKey(organisationId), 'template', kind, locale],
    queryFn: () => get<ChecklistTemplate>(`${org(organisationId)}/checklist-templates/${kind}?locale=${locale}`),
  });
}

export function useSaveChecklistTemplate(organisationId: string, kind: ChecklistKind) {
  return useAccessMutation(organisationId, (items: ChecklistItemInput[]) =>
    put<ChecklistTemplate>(`${org(organisationId)}/checklist-templates/${kind}`, { items }),
  );
}

export function useResetChecklistTemplate(organisationId: string, kind: ChecklistKind, locale: 'de' | 'en') {
  return useAccessMutation(organisationId, () => del<ChecklistTemplate>(`${org(organisationId)}/checklist-templates/${kind}?locale=${locale}`));
}
