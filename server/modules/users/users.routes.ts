import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptInviteSchema, inviteUserSchema, updateMembershipSchema } from '../../../domain/auth/auth.schema.ts';
import {
  createdInvitationSchema,
  invitationOfferSchema,
  invitationSchema,
  joinedOrganisationSchema,
  memberSchema,
} from '../../../domain/auth/members.response.ts';
import { enrolmentStartSchema } from '../../../domain/auth/session.response.ts';
import { okSchema } from '../../../domain/common/response.ts';
import type { AppContext } from '../../context.ts';
import { requireActiveSession, setSessionCookie } from '../../http/auth.ts';
import { orgParams, orgRoute } from '../../http/org-route.ts';
import { authLimit } from '../../http/security.ts';
import { switchOrganisation } from '../auth/auth.ts';
import * as service from './users.service.ts';

const memberParams = orgParams.extend({ userId: z.uuid() });
const invitationParams = orgParams.extend({ invitationId: z.uuid() });
const tokenParams = z.object({ token: z.string().min(20).max(100) });

export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  // Delivery in the background after the commit; a failure is logged and kept on the mail (mail.service.ts).
  const deliverMail = async () => ctx.mailer.deliverSoon(ctx.db);

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/members',
    permission: 'organisation.read',
    tags,
    summary: 'People with access',
    response: z.array(memberSchema),
    handler: ({ tx, actor }) => service.listMembers(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'PATCH',
    url: '/api/v1/organisations/:organisationId/members/:userId',
    permission: 'organisation.administer',
    tags,
    summary: 'Change role or administrator flag',
    params: memberParams,
    body: updateMembershipSchema,
    response: okSchema,
    handler: async ({ tx, actor, params, body }) => {
      await service.updateMembership(tx, actor, params.userId, body);
      return { ok: true as const };
    },
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/members/:userId',
    permission: 'organisation.administer',
    tags,
    summary: 'Remove a person from the organisation',
    params: memberParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.removeMember(tx, actor, params.userId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/members/:userId/reset-mfa',
    permission: 'organisation.administer',
    tags,
    summary: 'Reset a member’s two-factor sign-in (lost phone): they enrol again at the next sign-in',
    params: memberParams,
    response: okSchema,
    handler: async ({ tx, actor, params }) => {
      await service.assertMember(tx, actor.organisationId, params.userId);
      return { ok: true as const };
    },
    // The reset touches the account and every organisation's audit trail it belongs to: outside this tenant's transaction.
    afterCommit: ({ actor, params }) => service.resetMfa(ctx, actor, params.userId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/invitations',
    permission: 'organisation.administer',
    tags,
    summary: 'Open invitations',
    response: z.array(invitationSchema),
    handler: ({ tx, actor }) => service.listInvitations(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/invitations',
    permission: 'organisation.administer',
    tags,
    summary: 'Invite a person by e-mail with a role',
    body: inviteUserSchema,
    status: 201,
    response: createdInvitationSchema,
    handler: ({ tx, actor, body }) => service.inviteUser(ctx, tx, actor, body),
    afterCommit: deliverMail,
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/invitations/:invitationId',
    permission: 'organisation.administer',
    tags,
    summary: 'Withdraw an invitation',
    params: invitationParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.revokeInvitation(tx, actor, params.invitationId);
      return undefined;
    },
  });

  r.get(
    '/api/v1/invitations/:token',
    // Reloading the invitation page must not use up the sign-in budget; guessing a 256-bit token is hopeless anyway.
    {
      schema: { tags, summary: 'What an invitation link offers', params: tokenParams, response: { 200: invitationOfferSchema } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => service.describeInvitation(ctx, request.params.token),
  );

  r.post(
    '/api/v1/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation with a new account',
        params: tokenParams,
        body: acceptInviteSchema,
        response: { 201: z.object({ next: z.literal('enrol'), enrolment: enrolmentStartSchema }) },
      },
      config: { rateLimit: authLimit },
    },
    async (request, reply) => {
      const { sessionToken, enrolment } = await service.acceptInvitation(ctx, request.params.token, request.body);
      setSessionCookie(reply, ctx, sessionToken);
      return reply.code(201).send({ next: 'enrol' as const, enrolment });
    },
  );

  r.post(
    '/api/v1/invitations/:token/join',
    {
      schema: { tags, summary: 'Accept an invitation with the signed-in account', params: tokenParams, response: { 200: joinedOrganisationSchema } },
      config: { rateLimit: authLimit },
    },
    async (request) => {
      const session = requireActiveSession(request);
      const joined = await service.joinWithExistingAccount(ctx, request.params.token, session);
      await switchOrganisation(ctx, session, joined.organisationId);
      return joined;
    },
  );
}
