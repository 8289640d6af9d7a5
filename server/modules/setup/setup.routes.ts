import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { setupSchema } from '../../../domain/organisations/organisation.schema.ts';
import type { AppContext } from '../../context.ts';
import { setSessionCookie } from '../../http/auth.ts';
import { authLimit } from '../auth/auth.routes.ts';
import { isSetupNeeded, runSetup } from './setup.service.ts';

export function setupRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['setup'];

  r.get('/api/v1/setup', { schema: { tags, summary: 'Whether the first-run setup is still open' } }, async () => ({
    needed: await isSetupNeeded(ctx),
  }));

  r.post(
    '/api/v1/setup',
    {
      schema: { tags, summary: 'First run: create the first organisation and its administrator', body: setupSchema },
      config: { rateLimit: authLimit },
    },
    async (request, reply) => {
      const { token, enrolment } = await runSetup(ctx, request.body);
      setSessionCookie(reply, ctx, token);
      return reply.code(201).send({ next: 'enrol', enrolment });
    },
  );
}
