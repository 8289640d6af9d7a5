import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LegalForm } from '../../../domain/organisations/organisation.schema.ts';
import type { QuickCheckAnswerSetInput } from '../../../domain/quickcheck/quickcheck.schema.ts';
import { get, post } from '../../lib/api.ts';
import { type Enrolment, reloadSession } from '../auth/auth.api.ts';

export type LocationDraft = {
  name: string;
  street: string;
  postalCode: string;
  city: string;
};

export interface SetupBody {
  organisation: { name: string; legalForm: LegalForm; locations: LocationDraft[] };
  admin: { name: string; email: string; password: string };
  locale: 'de' | 'en';
  publicUrl?: string;
  /** The answers of the public quick check, when the person carries them over (the server scores them again). */
  quickCheck?: QuickCheckAnswerSetInput;
}

/** Whether the setup is open, and the public URL when the operator fixed it with PUBLIC_URL. */
export function useSetupInfo() {
  return useQuery({ queryKey: ['setup-info'], queryFn: () => get<{ needed: boolean; fixedPublicUrl: string | null }>('/api/v1/setup'), staleTime: Infinity });
}

export function useRunSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SetupBody) => {
      const result = await post<{ next: 'enrol'; enrolment: Enrolment }>('/api/v1/setup', body);
      queryClient.setQueryData(['enrolment'], result.enrolment);
      await reloadSession(queryClient);
      return result.enrolment;
    },
  });
}
