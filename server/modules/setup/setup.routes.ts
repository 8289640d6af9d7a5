import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicUrlSchema } from '../../../domain/auth/auth.schema.ts';
import { enrolmentStartSchema } from '../../../domain/auth/session.response.ts';
import { setupSchema } from '../../../domain/organisations/organisation.schema.ts';
import { quickCheckAnswerSetSchema } from '../../../domain/quickcheck/quickcheck.schema.ts';
import type { AppContext } from '../../context.ts';
import { setSessionCookie } from '../../http/auth.ts';
import { authLimit } from '../../http/security.ts';
import { publicUrl, publicUrlFromEnvironment } from '../../public-url.ts';
import { isSetupNeeded, runSetup } from './setup.service.ts';

/**
 * The setup also records the address people use to reach this installation (the base of links in mails), and may
 * carry the answers of the public quick check into the new organisation (checked and scored again by the server).
 */
export const setupWithUrlSchema = setupSchema.extend({ publicUrl: publicUrlSchema.optional(), quickCheck: quickCheckAnswerSetSchema.optional() });
const setupStateSchema = z.object({ needed: z.boolean(), fixedPublicUrl: z.string().nullable() });
const setupDoneSchema = z.object({ next: z.literal('enrol'), enrolment: enrolmentStartSchema });

export function setupRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['setup'];

  r.get(
    '/api/v1/setup',
    { schema: { tags, summary: 'Whether the first-run setup is still open, and a public URL fixed by PUBLIC_URL', response: { 200: setupStateSchema } } },
    async () => {
      const needed = await isSetupNeeded(ctx);
      // Only while the setup is open, and only when the operator fixed it: the wizard then shows it instead of asking.
      return { needed, fixedPublicUrl: needed && publicUrlFromEnvironment() ? await publicUrl(ctx) : null };
    },
  );

  r.post(
    '/api/v1/setup',
    {
      schema: {
        tags,
        summary: 'First run: create the first organisation and its administrator (optionally with the quick-check answers)',
        body: setupWithUrlSchema,
        response: { 201: setupDoneSchema },
      },
      config: { rateLimit: authLimit },
    },
    async (request, reply) => {
      const { token, enrolment } = await runSetup(ctx, request.body);
      setSessionCookie(reply, ctx, token);
      return reply.code(201).send({ next: 'enrol' as const, enrolment });
    },
  );
}
