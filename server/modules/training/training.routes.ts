import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmationOfferSchema,
  confirmationsSentSchema,
  courseSchema,
  overviewSchema,
  personTrainingSchema,
  sessionDetailSchema,
  sessionSchema,
} from '../../../domain/training/training.response.ts';
import {
  attendanceInputSchema,
  confirmationRequestSchema,
  confirmationTokenSchema,
  courseInputSchema,
  courseUpdateSchema,
  overviewQuerySchema,
  sessionInputSchema,
  sessionListQuerySchema,
  sessionUpdateSchema,
} from '../../../domain/training/training.schema.ts';
import type { AppContext } from '../../context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { fileResponse, orgParams, orgRoute } from '../../http/org-route.ts';
import { authLimit } from '../../http/security.ts';
import * as service from './training.service.ts';
import * as attendance from './training-attendance.service.ts';
import * as confirmations from './training-confirmations.service.ts';

const courseParams = orgParams.extend({ courseId: z.uuid() });
const sessionParams = orgParams.extend({ sessionId: z.uuid() });
const personParams = orgParams.extend({ personId: z.uuid() });

const multipartLimits = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * The one file of an upload (multipart field "file"), read before the transaction, with the evidence upload's errors.
 * A missing or malformed file is answered only after the session was found (`uploadAttendanceList`), so that another
 * organisation's session is a 404 whatever the body; a body over the limit is a 413 at once.
 */
async function readListPart(request: FastifyRequest): Promise<attendance.Upload | AppError> {
  if (!request.isMultipart()) return fieldError(['file'], 'evidence.file_missing');
  try {
    const part = await request.file();
    if (part?.fieldname !== 'file' || typeof part.filename !== 'string') return fieldError(['file'], 'evidence.file_missing');
    return { fileName: part.filename, content: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) return error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && multipartLimits.has(code)) throw new AppError('payload_too_large', 413);
    return fieldError(['file'], 'evidence.multipart_invalid');
  }
}

/** Awareness training (Schulungen): courses, sessions, attendance, confirmation links and the coverage overview. */
export function trainingRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['training'];
  const base = '/api/v1/organisations/:organisationId/training';
  const deliverMail = async () => ctx.mailer.deliverSoon(ctx.db);

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/courses`,
    permission: 'organisation.read',
    tags,
    summary: 'Training courses by title, with their number of sessions and the last day one was held',
    response: z.array(courseSchema),
    handler: ({ tx, actor }) => service.listCourses(tx, actor.organisationId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/courses/:courseId`,
    permission: 'organisation.read',
    tags,
    summary: 'One training course',
    params: courseParams,
    response: courseSchema,
    handler: ({ tx, actor, params }) => service.getCourse(tx, actor.organisationId, params.courseId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/courses`,
    permission: 'training.edit',
    tags,
    summary: 'Record a training course (topic, duration, recurrence in months, mandatory or not)',
    body: courseInputSchema,
    status: 201,
    response: courseSchema,
    handler: ({ tx, actor, body }) => service.createCourse(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/courses/:courseId`,
    permission: 'training.edit',
    tags,
    summary: 'Change a training course (409 when someone else changed it since the given revision)',
    params: courseParams,
    body: courseUpdateSchema,
    response: courseSchema,
    handler: ({ tx, actor, params, body }) => service.updateCourse(tx, actor, params.courseId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: `${base}/courses/:courseId`,
    permission: 'training.edit',
    tags,
    summary: 'Remove a training course without sessions (409 while it has sessions: they are the proof of training)',
    params: courseParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteCourse(tx, actor, params.courseId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/sessions`,
    permission: 'organisation.read',
    tags,
    summary: 'Training sessions, newest first, optionally of one course, with their attendance counts',
    querystring: sessionListQuerySchema,
    response: z.array(sessionSchema),
    handler: ({ tx, actor, query }) => service.listSessions(tx, actor.organisationId, query.courseId),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/sessions/:sessionId`,
    permission: 'organisation.read',
    tags,
    summary: 'One training session with who is on it, who attended and confirmed, and its attendance list',
    params: sessionParams,
    response: sessionDetailSchema,
    handler: ({ tx, actor, params }) => service.getSession(tx, actor.organisationId, params.sessionId),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/sessions`,
    permission: 'training.edit',
    tags,
    summary: 'Record a training session of a course on a day',
    body: sessionInputSchema,
    status: 201,
    response: sessionDetailSchema,
    handler: ({ tx, actor, body }) => service.createSession(tx, actor, body),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/sessions/:sessionId`,
    permission: 'training.edit',
    tags,
    summary: 'Change a training session (409 when someone else changed it since the given revision)',
    params: sessionParams,
    body: sessionUpdateSchema,
    response: sessionDetailSchema,
    handler: ({ tx, actor, params, body }) => service.updateSession(tx, actor, params.sessionId, body),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: `${base}/sessions/:sessionId`,
    permission: 'training.edit',
    tags,
    summary: 'Remove a training session with its attendance, attendance list and confirmation links',
    params: sessionParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteSession(tx, actor, params.sessionId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/sessions/:sessionId/attendance`,
    permission: 'training.edit',
    tags,
    summary: 'Set the people on a session and who attended (the given set replaces the previous one; confirmations stay)',
    params: sessionParams,
    body: attendanceInputSchema,
    response: sessionDetailSchema,
    handler: ({ tx, actor, params, body }) => attendance.setAttendance(tx, actor, params.sessionId, body),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/sessions/:sessionId/attendance-list`,
    permission: 'training.edit',
    tags,
    summary: 'Upload the signed attendance list (multipart field "file"; PDF or image up to 25 MB, type checked by content)',
    consumes: ['multipart/form-data'],
    params: sessionParams,
    status: 201,
    response: sessionDetailSchema,
    prepare: readListPart,
    handler: ({ tx, actor, params, prepared }) => attendance.uploadAttendanceList(tx, actor, params.sessionId, prepared),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/sessions/:sessionId/attendance-list`,
    permission: 'organisation.read',
    tags,
    summary: 'Download the attendance list of a session',
    params: sessionParams,
    response: fileResponse('application/octet-stream'),
    handler: async ({ tx, actor, params, reply }) => {
      const file = await attendance.getAttendanceList(tx, actor.organisationId, params.sessionId);
      const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '_');
      reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'private, no-store');
      return file.content;
    },
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: `${base}/sessions/:sessionId/attendance-list`,
    permission: 'training.edit',
    tags,
    summary: 'Remove the attendance list of a session',
    params: sessionParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await attendance.deleteAttendanceList(tx, actor, params.sessionId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/sessions/:sessionId/confirmations`,
    permission: 'training.edit',
    tags,
    summary: 'Mail the named people on the session a one-time link (valid 14 days) to confirm their attendance themselves',
    params: sessionParams,
    body: confirmationRequestSchema,
    response: confirmationsSentSchema,
    handler: ({ tx, actor, params, body }) => confirmations.sendConfirmations(ctx, tx, actor, params.sessionId, body.personIds),
    afterCommit: deliverMail,
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/overview`,
    permission: 'organisation.read',
    tags,
    summary: 'Coverage of mandatory training and the active staff by state (never trained, overdue, due soon, current), paged',
    querystring: overviewQuerySchema,
    response: overviewSchema,
    handler: ({ tx, actor, query }) => service.overview(tx, actor.organisationId, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/people/:personId`,
    permission: 'organisation.read',
    tags,
    summary: "One person's state for every course: last attended, due day, never trained, overdue, due soon or current",
    params: personParams,
    response: personTrainingSchema,
    handler: ({ tx, actor, params }) => service.personTraining(tx, actor.organisationId, params.personId),
  });

  // The public confirmation page: no sign-in, the one-time token is the only credential (256 bits; only its hash is
  // stored). Looking a link up may be repeated (reloads); confirming counts against the sign-in budget.
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/training-confirmations/:confirmationToken',
    {
      schema: {
        tags,
        summary: 'What a training confirmation link confirms (410 when used or expired)',
        params: confirmationTokenSchema,
        response: { 200: confirmationOfferSchema },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => confirmations.describeConfirmation(ctx, request.params.confirmationToken),
  );

  r.post(
    '/api/v1/training-confirmations/:confirmationToken',
    {
      schema: {
        tags,
        summary: 'Confirm attendance with a one-time link (once; 410 when used or expired)',
        params: confirmationTokenSchema,
        response: { 200: confirmationOfferSchema },
      },
      config: { rateLimit: authLimit },
    },
    async (request) => confirmations.confirmAttendance(ctx, request.params.confirmationToken),
  );
}
