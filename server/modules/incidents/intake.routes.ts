import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema } from '../../../domain/common/response.ts';
import { createApiTokenSchema, intakeAlertSchema } from '../../../domain/incidents/incident.schema.ts';
import { createdIntakeTokenSchema, intakeResultSchema, intakeTokenListSchema } from '../../../domain/incidents/incidents.response.ts';
import type { AppContext } from '../../context.ts';
import { orgParams, orgRoute } from '../../http/org-route.ts';
import * as intake from './intake.service.ts';

/**
 * The incident intake: detection tools send alerts with an API token (scope incident_intake), and administrators
 * create and revoke those tokens. The tokens exist only for the intake, so they live in this module (decision 020).
 */
export function intakeRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['incidents'];

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/api-tokens',
    permission: 'organisation.administer',
    tags,
    summary: 'Intake tokens of the organisation (without the tokens themselves)',
    response: intakeTokenListSchema,
    handler: ({ tx, actor }) => intake.listApiTokens(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: '/api/v1/organisations/:organisationId/api-tokens',
    permission: 'organisation.administer',
    tags,
    summary: 'Create an intake token (shown once) for a detection tool',
    body: createApiTokenSchema,
    status: 201,
    response: createdIntakeTokenSchema,
    handler: ({ tx, actor, body }) => intake.createApiToken(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: '/api/v1/organisations/:organisationId/api-tokens/:tokenId',
    permission: 'organisation.administer',
    tags,
    summary: 'Revoke an intake token',
    params: orgParams.extend({ tokenId: z.uuid() }),
    response: null,
    handler: async ({ tx, actor, params }) => {
      await intake.revokeApiToken(tx, actor, params.tokenId);
      return undefined;
    },
  });

  // Not an orgRoute: the sender is a tool with an API token, not a signed-in member, so there is no membership to check;
  // the token decides, and the service opens its own tenant transaction.
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/organisations/:organisationId/incidents/intake',
    {
      schema: {
        tags,
        summary: 'Alert from a detection tool (Authorization: Bearer <API token>): opens or extends an incident and notifies the escalation chain',
        params: orgParams,
        body: intakeAlertSchema,
        security: [{ apiToken: [] }],
        response: { 200: intakeResultSchema, 201: intakeResultSchema, 401: apiErrorSchema },
      },
      config: { rateLimit: intake.INTAKE_RATE_LIMIT },
      // The token is checked before the body: a bad token gets 401 whatever it sends.
      preValidation: async (request) => {
        (request as unknown as { tokenId: string }).tokenId = await intake.authenticateIntake(
          ctx,
          (request.params as { organisationId: string }).organisationId,
          request.headers.authorization,
        );
      },
    },
    async (request, reply) => {
      const tokenId = (request as unknown as { tokenId: string }).tokenId;
      const result = await intake.receiveAlert(ctx, request.params.organisationId, tokenId, request.body);
      return reply.code(result.appended ? 200 : 201).send(result);
    },
  );
}
