import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Catalog, Evidence, RequirementDetail, StatusEntry, StoredEvidence } from '../../../domain/compliance/compliance.response.ts';
import type { UpdateRequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import { ApiRequestError, del, get, put } from '../../lib/api.ts';
import { type Session, sessionKey } from '../auth/auth.api.ts';

export type { Catalog, CatalogRequirement, Evidence, RequirementDetail, StatusEntry } from '../../../domain/compliance/compliance.response.ts';

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}`;
const catalogKey = (organisationId: string) => ['catalog', organisationId] as const;
const requirementKey = (organisationId: string, requirementId: string) => ['requirement', organisationId, requirementId] as const;
const evidenceKey = (organisationId: string, requirementId: string) => ['evidence', organisationId, requirementId] as const;

export function useCatalog(organisationId: string) {
  return useQuery({ queryKey: catalogKey(organisationId), queryFn: () => get<Catalog>(`${base(organisationId)}/catalog`) });
}

export function useRequirement(organisationId: string, requirementId: string) {
  return useQuery({
    queryKey: requirementKey(organisationId, requirementId),
    queryFn: () => get<RequirementDetail>(`${base(organisationId)}/requirements/${requirementId}`),
  });
}

export function useEvidence(organisationId: string, requirementId: string) {
  return useQuery({
    queryKey: evidenceKey(organisationId, requirementId),
    queryFn: () => get<Evidence[]>(`${base(organisationId)}/requirements/${requirementId}/evidence`),
  });
}

export const evidenceDownloadUrl = (organisationId: string, evidenceId: string) => `${base(organisationId)}/evidence/${evidenceId}/download`;

function useInvalidateRequirement(organisationId: string, requirementId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: requirementKey(organisationId, requirementId) }),
      queryClient.invalidateQueries({ queryKey: evidenceKey(organisationId, requirementId) }),
      queryClient.invalidateQueries({ queryKey: catalogKey(organisationId) }),
      queryClient.invalidateQueries({ queryKey: ['dashboard', organisationId] }),
    ]);
}

export function useUpdateRequirementStatus(organisationId: string, requirementId: string) {
  const invalidate = useInvalidateRequirement(organisationId, requirementId);
  return useMutation({
    mutationFn: (input: UpdateRequirementStatus) => put<StatusEntry>(`${base(organisationId)}/requirements/${requirementId}/status`, input),
    onSuccess: invalidate,
  });
}

/** Multipart upload: lib/api.ts speaks JSON only, so this sends the same CSRF header itself. */
async function uploadFile(url: string, file: File, csrfToken: string | null): Promise<StoredEvidence> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    // No content-type header: the browser sets the multipart boundary itself.
    response = await fetch(url, { method: 'POST', headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiRequestError(0, 'network');
  }
  const data = (await response.json().catch(() => null)) as { code?: string; issues?: ApiRequestError['issues'] } | null;
  if (!response.ok) throw new ApiRequestError(response.status, data?.code ?? (response.status >= 500 ? 'internal' : 'unknown'), data?.issues ?? []);
  return data as unknown as StoredEvidence;
}

export function useUploadEvidence(organisationId: string, requirementId: string) {
  const invalidate = useInvalidateRequirement(organisationId, requirementId);
  const queryClient = useQueryClient();
  // The session (loaded before any signed-in page) carries the synchroniser token.
  const csrfToken = () => {
    const session = queryClient.getQueryData<Session>(sessionKey);
    return session && session.state !== 'anonymous' ? session.csrfToken : null;
  };
  return useMutation({
    mutationFn: ({ file, locationId }: { file: File; locationId: string | null }) =>
      uploadFile(`${base(organisationId)}/requirements/${requirementId}/evidence${locationId ? `?locationId=${locationId}` : ''}`, file, csrfToken()),
    onSuccess: invalidate,
  });
}

export function useDeleteEvidence(organisationId: string, requirementId: string) {
  const invalidate = useInvalidateRequirement(organisationId, requirementId);
  return useMutation({
    mutationFn: (evidenceId: string) => del(`${base(organisationId)}/evidence/${evidenceId}`),
    onSuccess: invalidate,
  });
}
