import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdOrganisationSchema,
  locationSchema,
  organisationOverviewSchema,
  organisationSchema,
} from '../../../domain/organisations/organisation.response.ts';
import { createOrganisationSchema, locationInputSchema, organisationInputSchema } from '../../../domain/organisations/organisation.schema.ts';
import { quickCheckAnswerSetSchema } from '../../../domain/quickcheck/quickcheck.schema.ts';
import type { AppContext } from '../../context.ts';
import { requireActiveSession } from '../../http/auth.ts';
import { orgParams, orgRoute } from '../../http/org-route.ts';
import * as service from './organisations.service.ts';

const locationParams = orgParams.extend({ locationId: z.uuid() });
/** A new organisation may start from the answers of the public quick check (decision 030). */
const createWithQuickCheckSchema = createOrganisationSchema.extend({ quickCheck: quickCheckAnswerSetSchema.optional() });

export function organisationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  r.post(
    '/api/v1/organisations',
    {
      schema: {
        tags,
        summary: 'Create another organisation (e.g. an IT service provider adding a client practice), optionally with the quick-check answers',
        body: createWithQuickCheckSchema,
        response: { 201: createdOrganisationSchema },
      },
    },
    async (request, reply) => {
      const session = requireActiveSession(request);
      const { quickCheck, ...input } = request.body;
      const org = await ctx.db.transaction(async (tx) => {
        const created = await service.createOrganisation(tx, session.userId, 'it_lead', input);
        if (quickCheck) await service.carryQuickCheckInto(tx, created.id, session.userId, quickCheck);
        return created;
      });
      return reply.code(201).send(org);
    },
  );

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId',
    permission: 'organisation.read',
    tags,
    summary: 'Organisation master data and locations',
    response: organisationOverviewSchema,
    handler: async ({ tx, actor }) => ({
      ...(await service.getOrganisation(tx, actor.organisationId)),
      locations: await service.listLocations(tx, actor.organisationId),
      me: { role: actor.role, isAdmin: actor.isAdmin },
    }),
  });

  orgRoute(app, ctx, {
    method: 'PATCH',
    url: '/api/v1/organisations/:organisationId',
    permission: 'organisation.administer',
    tags,
    summary: 'Change name or legal form',
    body: organisationInputSchema,
    response: organisationSchema,
    handler: ({ tx, actor, body }) => service.updateOrganisation(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/locations',
    permission: 'organisation.read',
    tags,
    summary: 'Locations (Standorte)',
    response: z.array(locationSchema),
    handler: ({ tx, actor }) => service.listLocations(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/locations',
    permission: 'organisation.administer',
    tags,
    summary: 'Add a location',
    body: locationInputSchema,
    status: 201,
    response: locationSchema,
    handler: ({ tx, actor, body }) => service.insertLocation(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PATCH',
    url: '/api/v1/organisations/:organisationId/locations/:locationId',
    permission: 'organisation.administer',
    tags,
    summary: 'Change a location',
    params: locationParams,
    body: locationInputSchema,
    response: locationSchema,
    handler: ({ tx, actor, params, body }) => service.updateLocation(tx, actor, params.locationId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/locations/:locationId',
    permission: 'organisation.administer',
    tags,
    summary: 'Remove a location (the last one stays)',
    params: locationParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteLocation(tx, actor, params.locationId);
      return undefined;
    },
  });
}
