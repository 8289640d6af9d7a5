import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI document is generated from the same zod schemas that validate requests. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'praxisschild API',
        version: '1',
        description:
          'IT security under the KBV guideline (§ 390 SGB V) and NIS2 (BSIG) for outpatient care. ' +
          'State-changing requests made with a session cookie need the header x-csrf-token from GET /api/v1/auth/session.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ps_session' },
          apiToken: { type: 'http', scheme: 'bearer', description: 'Organisation API token (psk_…), scope incident_intake' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
}

export function openApiRoute(app: FastifyInstance) {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
