import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptInviteSchema, inviteUserSchema, updateMembershipSchema } from '../../../domain/auth/auth.schema.ts';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireActiveSession, requireMember, setSessionCookie } from '../../http/auth.ts';
import { authLimit } from '../auth/auth.routes.ts';
import { orgParams } from '../organisations/organisations.routes.ts';
import { switchOrganisation } from '../auth/auth.service.ts';
import * as service from './users.service.ts';

const memberParams = orgParams.extend({ userId: z.uuid() });
const invitationParams = orgParams.extend({ invitationId: z.uuid() });
const tokenParams = z.object({ token: z.string().min(20).max(100) });

export function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const afterCommit = () => ctx.mailer.deliverSoon(ctx.db);

  r.get('/api/v1/organisations/:organisationId/members', { schema: { tags, summary: 'People with access', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId);
    return withOrganisation(ctx.db, actor.organisationId, (tx) => service.listMembers(tx, actor.organisationId));
  });

  r.patch(
    '/api/v1/organisations/:organisationId/members/:userId',
    { schema: { tags, summary: 'Change role or administrator flag', params: memberParams, body: updateMembershipSchema } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => service.updateMembership(tx, actor, request.params.userId, request.body));
      return { ok: true };
    },
  );

  r.delete(
    '/api/v1/organisations/:organisationId/members/:userId',
    { schema: { tags, summary: 'Remove a person from the organisation', params: memberParams } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => service.removeMember(ctx, tx, actor, request.params.userId));
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/v1/organisations/:organisationId/members/:userId/reset-mfa',
    { schema: { tags, summary: 'Reset a member’s two-factor sign-in (lost phone): they enrol again at the next sign-in', params: memberParams } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => service.assertMember(tx, actor.organisationId, request.params.userId));
      await service.resetMfa(ctx, actor, request.params.userId);
      return { ok: true };
    },
  );

  r.get('/api/v1/organisations/:organisationId/invitations', { schema: { tags, summary: 'Open invitations', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
    return withOrganisation(ctx.db, actor.organisationId, (tx) => service.listInvitations(tx, actor.organisationId));
  });

  r.post(
    '/api/v1/organisations/:organisationId/invitations',
    { schema: { tags, summary: 'Invite a person by e-mail with a role', params: orgParams, body: inviteUserSchema } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      const invitation = await withOrganisation(ctx.db, actor.organisationId, (tx) => service.inviteUser(ctx, tx, actor, request.body));
      afterCommit();
      return reply.code(201).send(invitation);
    },
  );

  r.delete(
    '/api/v1/organisations/:organisationId/invitations/:invitationId',
    { schema: { tags, summary: 'Withdraw an invitation', params: invitationParams } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => service.revokeInvitation(tx, actor, request.params.invitationId));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/invitations/:token',
    // Reloading the invitation page must not use up the sign-in budget; guessing a 256-bit token is hopeless anyway.
    { schema: { tags, summary: 'What an invitation link offers', params: tokenParams }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request) => service.describeInvitation(ctx, request.params.token),
  );

  r.post(
    '/api/v1/invitations/:token/accept',
    { schema: { tags, summary: 'Accept an invitation with a new account', params: tokenParams, body: acceptInviteSchema }, config: { rateLimit: authLimit } },
    async (request, reply) => {
      const { sessionToken, enrolment } = await service.acceptInvitation(ctx, request.params.token, request.body);
      setSessionCookie(reply, ctx, sessionToken);
      return reply.code(201).send({ next: 'enrol', enrolment });
    },
  );

  r.post(
    '/api/v1/invitations/:token/join',
    { schema: { tags, summary: 'Accept an invitation with the signed-in account', params: tokenParams }, config: { rateLimit: authLimit } },
    async (request) => {
      const session = requireActiveSession(request);
      const joined = await service.joinWithExistingAccount(ctx, request.params.token, session);
      await switchOrganisation(ctx, session, joined.organisationId);
      return joined;
    },
  );
}
