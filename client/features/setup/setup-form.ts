import { z } from 'zod';
import { publicUrlSchema } from '../../../domain/auth/auth.schema.ts';
import type { LegalForm } from '../../../domain/organisations/organisation.schema.ts';
import { setupSchema } from '../../../domain/organisations/organisation.schema.ts';
import { emptyLocation } from '../../components/location-rows.tsx';
import type { LocationDraft } from './setup.api.ts';

export type SetupValues = {
  organisation: { name: string; legalForm: LegalForm | null; locations: LocationDraft[] };
  admin: { name: string; email: string; password: string; passwordRepeat: string };
  /** The address colleagues use to reach praxisschild; links in invitations and reset mails start with it. */
  publicUrl: string;
};

/** The server's setup schema plus what only the form has: the repeated password and the public address. */
export const setupFormSchema = setupSchema
  .omit({ locale: true })
  .extend({ admin: setupSchema.shape.admin.extend({ passwordRepeat: z.string() }), publicUrl: publicUrlSchema })
  .refine((values) => values.admin.password === values.admin.passwordRepeat, {
    path: ['admin', 'passwordRepeat'],
    message: 'password_mismatch',
    when: () => true,
  });

/** The form paths of the first step; "Weiter" checks only these. */
export const organisationStep = ['organisation'];

export const DRAFT_KEY = 'praxisschild.setup-draft';

export const emptySetup = (): SetupValues => ({
  organisation: { name: '', legalForm: null, locations: [emptyLocation()] },
  admin: { name: '', email: '', password: '', passwordRepeat: '' },
  publicUrl: window.location.origin,
});

/** What was typed survives a reload of the page; passwords are never stored. */
export function loadDraft(): SetupValues | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as SetupValues;
    return { ...draft, publicUrl: draft.publicUrl ?? window.location.origin, admin: { ...draft.admin, password: '', passwordRepeat: '' } };
  } catch {
    return null;
  }
}

export function saveDraft(values: SetupValues) {
  try {
    const { password: _p, passwordRepeat: _r, ...admin } = values.admin;
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ ...values, admin }));
  } catch {
    // Storage is a convenience only.
  }
}

export function clearDraft() {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // See saveDraft.
  }
}
