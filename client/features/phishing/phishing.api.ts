import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '../../../domain/common/response.ts';
import type {
  audienceSizeSchema,
  campaignReportSchema,
  campaignSchema,
  campaignSummarySchema,
  lessonSchema,
  microTrainingResultSchema,
  phishingSettingsSchema,
  phishingTemplateListSchema,
  testSendSchema,
} from '../../../domain/phishing/phishing.response.ts';
import type { Audience, CampaignInput, MicroTrainingAnswers, NamedModeInput, PhishingLocale } from '../../../domain/phishing/phishing.schema.ts';
import { del, get, isApiError, post, put } from '../../lib/api.ts';

export type Campaign = ResponseOf<typeof campaignSchema>;
export type CampaignSummary = ResponseOf<typeof campaignSummarySchema>;
export type CampaignReport = ResponseOf<typeof campaignReportSchema>;
export type PhishingSettings = ResponseOf<typeof phishingSettingsSchema>;
export type TemplateList = ResponseOf<typeof phishingTemplateListSchema>;
export type PhishingTemplate = TemplateList['items'][number];
export type Lesson = ResponseOf<typeof lessonSchema>;
export type MicroTrainingResult = ResponseOf<typeof microTrainingResultSchema>;
export type TestSend = ResponseOf<typeof testSendSchema>;
export type AudienceSize = ResponseOf<typeof audienceSizeSchema>;

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/phishing`;
const phishingKey = (organisationId: string) => ['phishing', organisationId] as const;

/** Teal for what is done, blue for what runs, grey for what waits. */
export const statusColor: Record<Campaign['status'], string> = { draft: 'gray', scheduled: 'blue', sending: 'blue', sent: 'teal', closed: 'dark' };

export function useTemplates(organisationId: string) {
  return useQuery({
    queryKey: [...phishingKey(organisationId), 'templates'],
    queryFn: () => get<TemplateList>(`${base(organisationId)}/templates`),
    staleTime: Infinity,
  });
}

export function useCampaigns(organisationId: string) {
  return useQuery({ queryKey: [...phishingKey(organisationId), 'campaigns'], queryFn: () => get<CampaignSummary[]>(`${base(organisationId)}/campaigns`) });
}

/** A campaign; while it is sending it is asked again every few seconds. */
export function useCampaign(organisationId: string, campaignId: string) {
  return useQuery({
    queryKey: [...phishingKey(organisationId), 'campaign', campaignId],
    queryFn: () => get<Campaign>(`${base(organisationId)}/campaigns/${campaignId}`),
    refetchInterval: (query) => (query.state.data?.status === 'sending' || query.state.data?.status === 'scheduled' ? 3000 : false),
  });
}

export function useCampaignReport(organisationId: string, campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...phishingKey(organisationId), 'report', campaignId],
    queryFn: () => get<CampaignReport>(`${base(organisationId)}/campaigns/${campaignId}/report`),
    enabled,
    // Clicks keep coming in while a campaign runs; a closed one no longer changes.
    refetchInterval: (query) => (query.state.data?.status === 'closed' ? false : 10_000),
  });
}

export function useSettings(organisationId: string) {
  return useQuery({ queryKey: [...phishingKey(organisationId), 'settings'], queryFn: () => get<PhishingSettings>(`${base(organisationId)}/settings`) });
}

function useInvalidate(organisationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: phishingKey(organisationId) });
}

/** Creates a draft (no id) or replaces a draft (id and the revision it was read at). */
export function useSaveCampaign(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: string | undefined; revision?: number | undefined; input: CampaignInput }) =>
      id ? put<Campaign>(`${base(organisationId)}/campaigns/${id}`, { ...input, revision }) : post<Campaign>(`${base(organisationId)}/campaigns`, input),
    onSuccess: invalidate,
    onError: (error) => (isApiError(error, 'phishing.revision_conflict') ? invalidate() : undefined),
  });
}

export function useDeleteCampaign(organisationId: string, onDeleted?: () => void) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (campaignId: string) => del(`${base(organisationId)}/campaigns/${campaignId}`),
    onSuccess: () => {
      onDeleted?.();
      return invalidate();
    },
  });
}

/** Sends the draft once to the signed-in user's own address. */
export function useTestSend(organisationId: string) {
  return useMutation({ mutationFn: (campaignId: string) => post<TestSend>(`${base(organisationId)}/campaigns/${campaignId}/test-send`) });
}

/** Plans (start in the future) or starts (no start, or one in the past) the sending of a draft at this revision. */
export function useScheduleCampaign(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: ({ id, revision }: { id: string; revision: number }) => post<Campaign>(`${base(organisationId)}/campaigns/${id}/schedule`, { revision }),
    onSuccess: invalidate,
  });
}

/** Closes a campaign: the link between tokens and people is deleted; only the group counts remain. */
export function useCloseCampaign(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({ mutationFn: (campaignId: string) => post<Campaign>(`${base(organisationId)}/campaigns/${campaignId}/close`), onSuccess: invalidate });
}

export function useSetNamedMode(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (input: NamedModeInput) => put<PhishingSettings>(`${base(organisationId)}/settings/named-mode`, input),
    onSuccess: invalidate,
  });
}

export function useSetSmtp(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (smtpUrl: string | null) => put<PhishingSettings>(`${base(organisationId)}/settings/smtp`, { smtpUrl }),
    onSuccess: invalidate,
  });
}

const publicBase = '/api/v1/phishing';

/** The teaching page behind a mail's link (no sign-in): the same answer whether or not the token exists. */
export function useLesson(token: string, locale: PhishingLocale | undefined) {
  return useQuery({
    queryKey: ['phishing-lesson', token, locale ?? 'mail'],
    queryFn: () => get<Lesson>(`${publicBase}/lessons/${encodeURIComponent(token)}${locale ? `?lang=${locale}` : ''}`),
    retry: false,
    staleTime: Infinity,
  });
}

export function useCompleteTraining(token: string) {
  return useMutation({
    mutationFn: (answers: MicroTrainingAnswers) => post<MicroTrainingResult>(`${publicBase}/lessons/${encodeURIComponent(token)}/training`, answers),
  });
}

/** The fake sign-in form was sent: only the fact, never what was typed (the request has no fields). */
export function useSubmitFakeForm(token: string) {
  return useMutation({ mutationFn: () => post<{ ok: true }>(`${publicBase}/submit/${encodeURIComponent(token)}`) });
}

/**
 * How many people working here today the chosen audience holds, counted by the people register's list (one count
 * per chosen location or role; a person has one of each, so the counts add up). The register also counts people
 * without an e-mail address; the saved draft says how many of them a campaign reaches.
 */
/**
 * How many active people the audience being chosen reaches today, with and without an e-mail address, counted by the
 * server as it will count the recipients at the start. Nothing is asked while a list of the audience is still empty.
 */
export function useAudienceSize(organisationId: string, audience: Audience) {
  const search = new URLSearchParams({ kind: audience.kind });
  if (audience.kind === 'locations') search.set('locationIds', audience.locationIds.join(','));
  if (audience.kind === 'roles') search.set('roles', audience.roles.join(','));
  const empty = (audience.kind === 'locations' && audience.locationIds.length === 0) || (audience.kind === 'roles' && audience.roles.length === 0);
  return useQuery({
    queryKey: [...phishingKey(organisationId), 'audience-size', search.toString()],
    queryFn: () => get<AudienceSize>(`${base(organisationId)}/audience-size?${search.toString()}`),
    enabled: !empty,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
