import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  registrationDeadlineCheckSchema,
  registrationDeadlineSchema,
  reportingDeadlinesCheckSchema,
  reportingDeadlinesSchema,
} from '../../../domain/incidents/deadlines.schema.ts';
import { computeRegistrationDeadline, computeReportingDeadlines } from '../../../domain/incidents/deadlines.ts';
import { kbvCheckSchema, practiceSizeResultSchema } from '../../../domain/kbv/kbv-check.schema.ts';
import { determinePracticeSize } from '../../../domain/kbv/practice-size.ts';
import { classifyNis2 } from '../../../domain/nis2/classification.ts';
import { nis2CheckSchema, nis2ClassificationSchema } from '../../../domain/nis2/nis2-check.schema.ts';

/** Public calculators: no login, nothing stored, rate-limited per client address. */
export const checkLimit = { max: 60, timeWindow: '1 minute' };

export function checkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['checks'];

  r.post(
    '/api/v1/checks/nis2',
    {
      schema: {
        tags,
        summary: 'Is a healthcare provider a (particularly) important entity under NIS2 (§ 28 BSIG)?',
        description:
          'Staff in annual work units (or as heads), turnover and balance sheet from the last approved accounts, partner ' +
          'enterprises pro rata and linked enterprises in full. Send exactly one of staffAwu and staff. Nothing is stored.',
        body: nis2CheckSchema,
        response: { 200: nis2ClassificationSchema },
      },
      config: { rateLimit: checkLimit },
    },
    async (request) => classifyNis2(request.body),
  );

  r.post(
    '/api/v1/checks/kbv',
    {
      schema: {
        tags,
        summary: 'Practice size and applicable annexes under the KBV IT security guideline (§ 390 SGB V)',
        description: 'Counts persons permanently handling data as heads. Nothing is stored.',
        body: kbvCheckSchema,
        response: { 200: practiceSizeResultSchema },
      },
      config: { rateLimit: checkLimit },
    },
    async (request) => determinePracticeSize(request.body),
  );

  r.post(
    '/api/v1/checks/reporting-deadlines',
    {
      schema: {
        tags,
        summary: 'Reporting deadlines of a security incident under § 32 BSIG and Art. 33, 34 GDPR',
        description:
          'All instants need an offset; answers are rendered in Europe/Berlin. 24 and 72 hours are elapsed hours; the ' +
          'final report falls due at the end of the Berlin day one calendar month after the notification was submitted ' +
          '(§§ 187, 188 BGB). Nothing is stored.',
        body: reportingDeadlinesCheckSchema,
        response: { 200: reportingDeadlinesSchema },
      },
      config: { rateLimit: checkLimit },
    },
    async (request) => computeReportingDeadlines(request.body),
  );

  r.post(
    '/api/v1/checks/registration-deadline',
    {
      schema: {
        tags,
        summary: 'Last day to register with the BSI (§ 33 BSIG)',
        description: 'Three months after the organisation first qualifies as an NIS2 entity, month-end rule of § 188(3) BGB. Nothing is stored.',
        body: registrationDeadlineCheckSchema,
        response: { 200: registrationDeadlineSchema },
      },
      config: { rateLimit: checkLimit },
    },
    async (request) => computeRegistrationDeadline(request.body.qualifiesSince),
  );
}
