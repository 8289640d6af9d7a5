import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person, PersonFigures, PersonPage, PersonSummary } from '../../../domain/people/people.response.ts';
import type { PersonInput, PersonRole, PersonStatus } from '../../../domain/people/people.schema.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';
import { del, get, isApiError, post, put } from '../../lib/api.ts';

export type { Person, PersonFigures, PersonSummary };

export const PEOPLE_PAGE_SIZE = 50;

/** Green for who works here now, blue for who starts later, grey for who has left. */
export const statusColor: Record<PersonStatus, string> = { active: 'teal', leaver: 'gray', future: 'blue' };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/people`;
const peopleKey = (organisationId: string) => ['people', organisationId] as const;

export interface PeopleFilters {
  role?: PersonRole | undefined;
  status?: PersonStatus | undefined;
  locationId?: string | undefined;
  counted?: 'kbv' | 'awu' | undefined;
  q?: string | undefined;
}

/** The register page by page, filtered, searched and sorted by the server. */
export function usePeopleList(organisationId: string, sort: ListSort, filters: PeopleFilters) {
  return useListQuery<PersonPage>([...peopleKey(organisationId), 'list'], base(organisationId), {
    limit: PEOPLE_PAGE_SIZE,
    sort: sort.sort,
    order: sort.order,
    ...filters,
  });
}

/**
 * Up to 30 people whose name, personnel number or e-mail contains the search, for pickers (training attendance):
 * searched by the server, so an organisation with thousands of people is not loaded into the browser.
 */
export function usePeopleSearch(organisationId: string, q: string) {
  const search = new URLSearchParams({ limit: '30', sort: 'name', order: 'asc' });
  if (q.trim()) search.set('q', q.trim());
  return useQuery({
    queryKey: [...peopleKey(organisationId), 'search', q.trim()],
    queryFn: () => get<PersonPage>(`${base(organisationId)}?${search.toString()}`),
    placeholderData: keepPreviousData,
  });
}

export function usePeopleSummary(organisationId: string) {
  return useQuery({ queryKey: [...peopleKey(organisationId), 'summary'], queryFn: () => get<PersonSummary>(`${base(organisationId)}/summary`) });
}

/** The figures the Betroffenheitscheck asks for, on the practice's today. */
export function usePeopleFigures(organisationId: string) {
  return useQuery({ queryKey: [...peopleKey(organisationId), 'figures'], queryFn: () => get<PersonFigures>(`${base(organisationId)}/figures`) });
}

export function usePerson(organisationId: string, personId: string) {
  return useQuery({ queryKey: [...peopleKey(organisationId), 'one', personId], queryFn: () => get<Person>(`${base(organisationId)}/${personId}`) });
}

/** Creates (no id) or replaces (id and the revision it was read at) a person. */
export function useSavePerson(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: string | undefined; revision?: number | undefined; input: PersonInput }) =>
      id ? put<Person>(`${base(organisationId)}/${id}`, { ...input, revision }) : post<Person>(base(organisationId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey(organisationId) }),
    onError: (error) => (isApiError(error, 'person.revision_conflict') ? queryClient.invalidateQueries({ queryKey: peopleKey(organisationId) }) : undefined),
  });
}

/** Deletes a person; `onDeleted` runs first (e.g. leaving their page), so the removed record is not asked for again. */
export function useDeletePerson(organisationId: string, onDeleted?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => del(`${base(organisationId)}/${personId}`),
    onSuccess: (_answer, personId) => {
      onDeleted?.();
      queryClient.removeQueries({ queryKey: [...peopleKey(organisationId), 'one', personId] });
      return queryClient.invalidateQueries({ queryKey: peopleKey(organisationId) });
    },
  });
}

export function useSetRetention(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (months: number) => put<{ months: number }>(`${base(organisationId)}/retention`, { months }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey(organisationId) }),
  });
}

/** Hours and annual work units as the reader writes numbers: 38,5 in German, 38.5 in English. */
export function formatDecimal(value: number, locale: 'de' | 'en', digits = 2): string {
  return value.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits });
}
