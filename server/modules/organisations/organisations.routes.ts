import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrganisationSchema, locationInputSchema, organisationInputSchema } from '../../../domain/organisations/organisation.schema.ts';
import type { AppContext } from '../../context.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { requireActiveSession, requireMember } from '../../http/auth.ts';
import * as service from './organisations.service.ts';

export const orgParams = z.object({ organisationId: z.uuid() });
const locationParams = orgParams.extend({ locationId: z.uuid() });

export function organisationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  r.post(
    '/api/v1/organisations',
    { schema: { tags, summary: 'Create another organisation (e.g. an IT service provider adding a client practice)', body: createOrganisationSchema } },
    async (request, reply) => {
      const session = requireActiveSession(request);
      const org = await ctx.db.transaction((tx) => service.createOrganisation(tx, session.userId, 'it_lead', request.body));
      return reply.code(201).send(org);
    },
  );

  r.get('/api/v1/organisations/:organisationId', { schema: { tags, summary: 'Organisation master data and locations', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId);
    return withOrganisation(ctx.db, actor.organisationId, async (tx) => ({
      ...(await service.getOrganisation(tx, actor.organisationId)),
      locations: await service.listLocations(tx, actor.organisationId),
      me: { role: actor.role, isAdmin: actor.isAdmin },
    }));
  });

  r.patch(
    '/api/v1/organisations/:organisationId',
    { schema: { tags, summary: 'Change name or legal form', params: orgParams, body: organisationInputSchema } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      return withOrganisation(ctx.db, actor.organisationId, (tx) => service.updateOrganisation(tx, actor, request.body));
    },
  );

  r.get('/api/v1/organisations/:organisationId/locations', { schema: { tags, summary: 'Locations (Standorte)', params: orgParams } }, async (request) => {
    const actor = await requireMember(ctx, request, request.params.organisationId);
    return withOrganisation(ctx.db, actor.organisationId, (tx) => service.listLocations(tx, actor.organisationId));
  });

  r.post(
    '/api/v1/organisations/:organisationId/locations',
    { schema: { tags, summary: 'Add a location', params: orgParams, body: locationInputSchema } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      const location = await withOrganisation(ctx.db, actor.organisationId, (tx) => service.insertLocation(tx, actor, request.body));
      return reply.code(201).send(location);
    },
  );

  r.patch(
    '/api/v1/organisations/:organisationId/locations/:locationId',
    { schema: { tags, summary: 'Change a location', params: locationParams, body: locationInputSchema } },
    async (request) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      return withOrganisation(ctx.db, actor.organisationId, (tx) =>
        service.updateLocation(tx, actor, request.params.locationId, request.body),
      );
    },
  );

  r.delete(
    '/api/v1/organisations/:organisationId/locations/:locationId',
    { schema: { tags, summary: 'Remove a location (the last one stays)', params: locationParams } },
    async (request, reply) => {
      const actor = await requireMember(ctx, request, request.params.organisationId, { admin: true });
      await withOrganisation(ctx.db, actor.organisationId, (tx) => service.deleteLocation(tx, actor, request.params.locationId));
      return reply.code(204).send();
    },
  );
}
