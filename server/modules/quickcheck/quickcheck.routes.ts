import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { quickCheckQuestionSetSchema, quickCheckScoreSchema, storedQuickCheckSchema } from '../../../domain/quickcheck/quickcheck.response.ts';
import { quickCheckAnswerSetSchema, quickCheckPdfRequestSchema } from '../../../domain/quickcheck/quickcheck.schema.ts';
import { scoreQuickCheck } from '../../../domain/quickcheck/scoring.ts';
import type { AppContext } from '../../context.ts';
import { orgRoute } from '../../http/org-route.ts';
import { publicUrl } from '../../public-url.ts';
import { quickCheckFileName, quickCheckPdf } from './quickcheck.pdf.ts';
import { questionSet, quickCheckOf, scoreWithTexts } from './quickcheck.service.ts';

/** The public quick check: no login, nothing stored, rate-limited per client address (decision 030). */
export const quickCheckLimit = { max: 60, timeWindow: '1 minute' };
/** A PDF costs more than a score: fewer per minute. */
export const quickCheckPdfLimit = { max: 10, timeWindow: '1 minute' };

export function quickCheckRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['quick-check'];

  r.get(
    '/api/v1/quick-check',
    {
      schema: {
        tags,
        summary: 'The questions of the quick check, with answer options, weights, texts (German and English) and sources',
        description: 'Each question names the KBV requirements (§ 390 SGB V) and § 30 Abs. 2 BSIG measures it asks about. No login.',
        response: { 200: quickCheckQuestionSetSchema },
      },
      config: { rateLimit: quickCheckLimit },
    },
    async () => questionSet(),
  );

  r.post(
    '/api/v1/quick-check/score',
    {
      schema: {
        tags,
        summary: 'Score a complete answer set: 0–100, per lever, and the top next steps with their legal sources',
        description:
          'Send the question set version and one { questionId, answer } per question. A wrong version, an unknown or repeated ' +
          'question, a value the question does not offer and a missing answer are refused at their field. Nothing is stored.',
        body: quickCheckAnswerSetSchema,
        response: { 200: quickCheckScoreSchema },
      },
      config: { rateLimit: quickCheckLimit },
    },
    async (request) => scoreWithTexts(request.body.answers),
  );

  r.post(
    '/api/v1/quick-check/pdf',
    {
      schema: {
        tags,
        summary: 'The quick-check summary as a PDF (German or English by `lang`), without any organisation data',
        description: 'The same answer set as for the score, plus `lang` ("de" or "en"). Nothing is stored.',
        body: quickCheckPdfRequestSchema,
        response: {
          200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
        },
      },
      config: { rateLimit: quickCheckPdfLimit },
    },
    async (request, reply) => {
      const now = new Date();
      const { answers, lang } = request.body;
      const pdf = await quickCheckPdf({ locale: lang, answers, result: scoreQuickCheck(answers), now, appUrl: await publicUrl(ctx) });
      // The 200 schema describes a binary file for the OpenAPI document; a Buffer is sent as it is, not serialised.
      const file = pdf as unknown as string;
      return reply
        .header('content-disposition', `attachment; filename="${quickCheckFileName(lang, now)}"`)
        .type('application/pdf')
        .send(file);
    },
  );

  orgRoute(app, ctx, {
    method: 'GET',
    url: '/api/v1/organisations/:organisationId/quick-check',
    permission: 'organisation.read',
    tags,
    summary: 'The quick-check answers the organisation was created with, scored by the server, or null',
    response: storedQuickCheckSchema,
    handler: ({ tx, actor }) => quickCheckOf(tx, actor.organisationId),
  });
}
