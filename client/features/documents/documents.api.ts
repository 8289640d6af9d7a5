import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail, DocumentSummary } from '../../../domain/documents/documents.response.ts';
import type { DocumentKind } from '../../../domain/documents/documents.schema.ts';
import { get, isApiError, post, put } from '../../lib/api.ts';
import { currentLocale } from '../../lib/i18n.ts';

export type { DocumentDetail, DocumentKind, DocumentSummary };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/documents`;
const documentsKey = (organisationId: string) => ['documents', organisationId] as const;

export function useDocuments(organisationId: string) {
  return useQuery({ queryKey: [...documentsKey(organisationId), 'list'], queryFn: () => get<{ items: DocumentSummary[] }>(base(organisationId)) });
}

export function useDocument(organisationId: string, kind: DocumentKind) {
  const locale = currentLocale();
  return useQuery({
    queryKey: [...documentsKey(organisationId), kind, locale],
    queryFn: () => get<DocumentDetail>(`${base(organisationId)}/${kind}?locale=${locale}`),
  });
}

/** Where a document's draft or a version is downloaded, in the reader's language. */
export function documentFileUrl(organisationId: string, kind: DocumentKind, format: 'pdf' | 'docx', version: number | null) {
  const path = version === null ? 'draft' : `versions/${version}`;
  return `${base(organisationId)}/${kind}/${path}/${format}?locale=${currentLocale()}`;
}

function useDocumentMutation<I>(organisationId: string, kind: DocumentKind, request: (input: I) => Promise<DocumentDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (detail) => {
      queryClient.setQueryData([...documentsKey(organisationId), kind, currentLocale()], detail);
      return queryClient.invalidateQueries({ queryKey: [...documentsKey(organisationId), 'list'] });
    },
    onError: (error) =>
      isApiError(error, 'document.revision_conflict') ? queryClient.invalidateQueries({ queryKey: documentsKey(organisationId) }) : undefined,
  });
}

export function useSaveDocumentTexts(organisationId: string, kind: DocumentKind) {
  return useDocumentMutation(organisationId, kind, (input: { revision: number; texts: Record<string, string>; reviewMonths: number }) =>
    put<DocumentDetail>(`${base(organisationId)}/${kind}?locale=${currentLocale()}`, input),
  );
}

export function useCreateDocumentVersion(organisationId: string, kind: DocumentKind) {
  return useDocumentMutation(organisationId, kind, (input: { note: string }) =>
    post<DocumentDetail>(`${base(organisationId)}/${kind}/versions?locale=${currentLocale()}`, input),
  );
}

export function useApproveDocumentVersion(organisationId: string, kind: DocumentKind) {
  return useDocumentMutation(organisationId, kind, ({ number, remark }: { number: number; remark: string }) =>
    post<DocumentDetail>(`${base(organisationId)}/${kind}/versions/${number}/approval?locale=${currentLocale()}`, { remark }),
  );
}
