import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ZodError } from 'zod';
import type { ApiError, ApiIssue, ErrorCode } from '../../domain/common/errors.ts';

/** The one error type of the server. Its code is a translation key in client/locales. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status = 400,
    readonly issues?: ApiIssue[],
  ) {
    super(code);
  }
}

export const notFound = (code: ErrorCode = 'not_found') => new AppError(code, 404);

/** A 400 naming one field, for checks a schema cannot express (uniqueness, cross-record rules). */
export function fieldError(path: (string | number)[], code: string, message = code): AppError {
  return new AppError('validation_failed', 400, [{ path, code, message }]);
}

export function issuesFromZod(error: ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: issue.code === 'custom' || issue.code === 'invalid_format' ? issue.message || issue.code : issue.code,
    message: issue.message,
  }));
}

interface SafeErrorLog {
  type: string;
  code?: string;
  message: string;
  cause?: SafeErrorLog;
  stack?: string[];
}

// drizzle wraps a failing statement as "Failed query: <sql>\nparams: <values>"; the values are the request's data.
const QUERY_PARAMS = /\nparams: [\s\S]*$/;
// PostgreSQL quotes the offending value at the end of many messages: invalid input syntax for type uuid: "…".
const QUOTED_VALUE = /: "[\s\S]*"$/;

/**
 * What an unexpected error may leave in the log: class, code and message, never the query parameters, the value
 * PostgreSQL quotes, its "detail" (Key (email)=(…) already exists) or other properties that carry request data.
 */
export function safeErrorLog(error: unknown, depth = 0): SafeErrorLog {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-error thrown' };
  const { code, cause } = error as Error & { code?: unknown };
  const message = error.message.replace(QUERY_PARAMS, '').replace(QUOTED_VALUE, ': "…"');
  return {
    type: error.constructor?.name ?? error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message,
    ...(cause !== undefined && depth < 3 ? { cause: safeErrorLog(cause, depth + 1) } : {}),
    // The frames only: the stack's first lines repeat the message, parameters included.
    ...(depth === 0 && error.stack
      ? {
          stack: error.stack
            .split('\n')
            .filter((line) => line.startsWith('    at '))
            .slice(0, 15),
        }
      : {}),
  };
}

function pathFromPointer(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const body: ApiError = { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
      return reply.code(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: ApiIssue[] = error.validation.map((v) => {
        const params = v.params as { origin?: string; format?: string } | undefined;
        const custom = v.keyword === 'custom' || (v.keyword === 'invalid_format' && params?.format === 'regex');
        return {
          path: pathFromPointer(v.instancePath),
          code: custom ? v.message || v.keyword : v.keyword,
          message: v.message ?? v.keyword,
        };
      });
      const where = (error as { validationContext?: string }).validationContext;
      const code: ErrorCode = where === 'params' ? 'not_found' : 'validation_failed';
      // A malformed id in the URL cannot name an existing record: answer as for any unknown id.
      if (code === 'not_found') return reply.code(404).send({ code, message: 'not found' } satisfies ApiError);
      return reply.code(400).send({ code, message: 'The request has invalid fields.', issues } satisfies ApiError);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({ code: 'unsupported_media_type', message: error.message } satisfies ApiError);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ code: 'payload_too_large', message: error.message } satisfies ApiError);
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: 'rate_limited', message: 'Too many requests, try again later.' } satisfies ApiError);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON and similar client mistakes.
      return reply.code(400).send({
        code: 'validation_failed',
        message: error.message,
        issues: [{ path: [], code: error.code ?? 'invalid', message: error.message }],
      } satisfies ApiError);
    }
    request.log.error({ error: safeErrorLog(error) }, 'unexpected error');
    return reply.code(500).send({ code: 'internal', message: `Internal error (request ${request.id}).` } satisfies ApiError);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ code: 'not_found', message: `${request.method} ${request.url} not found` } satisfies ApiError);
  });
}
