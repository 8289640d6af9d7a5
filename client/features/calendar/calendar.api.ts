import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agenda, AgendaItem, CalendarFeed, CalendarFeeds, CalendarPreferencesResponse, CreatedFeed } from '../../../domain/calendar/calendar.response.ts';
import type { CalendarPreferences, FeedScope } from '../../../domain/calendar/calendar.schema.ts';
import { del, get, post, put } from '../../lib/api.ts';

export type { Agenda, AgendaItem, CalendarFeed, CalendarFeeds, CreatedFeed };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/calendar`;
const calendarKey = (organisationId: string) => ['calendar', organisationId] as const;

/** The member's own feed and the organisation's, without their addresses. */
export function useCalendarFeeds(organisationId: string) {
  return useQuery({ queryKey: [...calendarKey(organisationId), 'feeds'], queryFn: () => get<CalendarFeeds>(`${base(organisationId)}/feeds`) });
}

/** Makes a feed; the answer carries its secret address, shown once. */
export function useCreateFeed(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: FeedScope) => post<CreatedFeed>(`${base(organisationId)}/feeds`, { scope }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey(organisationId) }),
  });
}

/** A new secret address for a feed; the old one stops working. `onRotated` receives the new address (shown once). */
export function useRotateFeed(organisationId: string, onRotated?: (created: CreatedFeed) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => post<CreatedFeed>(`${base(organisationId)}/feeds/${feedId}/rotate`),
    onSuccess: (created) => {
      onRotated?.(created);
      return queryClient.invalidateQueries({ queryKey: calendarKey(organisationId) });
    },
  });
}

export function useRevokeFeed(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => del(`${base(organisationId)}/feeds/${feedId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey(organisationId) }),
  });
}

export function useCalendarPreferences(organisationId: string) {
  return useQuery({
    queryKey: [...calendarKey(organisationId), 'preferences'],
    queryFn: () => get<CalendarPreferencesResponse>(`${base(organisationId)}/preferences`),
  });
}

export function useSaveCalendarPreferences(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CalendarPreferences) => put<CalendarPreferencesResponse>(`${base(organisationId)}/preferences`, input),
    onSuccess: (saved) => queryClient.setQueryData([...calendarKey(organisationId), 'preferences'], saved),
  });
}

/** "Was ist jetzt zu tun?": the most urgent items with who, by when and where, and the count of each kind. */
export function useAgenda(organisationId: string, limit = 8) {
  return useQuery({
    queryKey: ['agenda', organisationId, limit],
    queryFn: () => get<Agenda>(`/api/v1/organisations/${organisationId}/agenda?limit=${limit}`),
    // Report clocks run by the minute.
    refetchInterval: 60_000,
  });
}
