import { z } from 'zod';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { roles } from './roles.ts';

/** A person with access to the organisation. */
export const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  hasMfa: z.boolean(),
  role: z.enum(roles),
  isAdmin: z.boolean(),
  since: instantSchema,
});

/** An invitation not yet accepted or withdrawn. */
export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(roles),
  isAdmin: z.boolean(),
  createdAt: instantSchema,
  expiresAt: instantSchema,
  expired: z.boolean(),
});

/** A new invitation; the link is shown only when no SMTP server sends it. */
export const createdInvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(roles),
  isAdmin: z.boolean(),
  expiresAt: instantSchema,
  link: z.string().nullable(),
});

/** What an invitation link offers, before signing in. */
export const invitationOfferSchema = z.object({ organisationName: z.string(), email: z.string(), role: z.enum(roles) });

export const joinedOrganisationSchema = z.object({ organisationId: z.uuid() });

export type Member = ResponseOf<typeof memberSchema>;
export type Invitation = ResponseOf<typeof invitationSchema>;
export type CreatedInvitation = ResponseOf<typeof createdInvitationSchema>;
export type InvitationOffer = ResponseOf<typeof invitationOfferSchema>;
