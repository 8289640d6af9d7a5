import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  recurringStartedSchema,
  taskBoardSchema,
  taskCommentSchema,
  taskDetailSchema,
  taskLinkTargetSchema,
  taskListSchema,
  taskSummarySchema,
  taskTemplateSchema,
} from '../../../domain/tasks/tasks.response.ts';
import {
  recurringStartSchema,
  taskBoardQuerySchema,
  taskCommentInputSchema,
  taskInputSchema,
  taskLinkTargetsQuerySchema,
  taskListQuerySchema,
  taskLocaleQuerySchema,
  taskTemplateInputSchema,
  taskTemplateUpdateSchema,
  taskUpdateSchema,
} from '../../../domain/tasks/tasks.schema.ts';
import type { AppContext } from '../../context.ts';
import { orgParams, orgRoute } from '../../http/org-route.ts';
import * as recurring from './recurring.service.ts';
import * as service from './tasks.service.ts';

const taskParams = orgParams.extend({ taskId: z.uuid() });
// Not :templateId: the tenant-isolation suite and the fuzz fixture give that name to the risk templates (RT-01).
const templateParams = orgParams.extend({ taskTemplateId: z.uuid() });

/** Tasks (Aufgaben): list, board, detail with links and comments, completion, and the recurring cycle's templates. */
export function taskRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['tasks'];
  const base = '/api/v1/organisations/:organisationId/tasks' as const;

  orgRoute(app, ctx, {
    method: 'GET',
    url: base,
    permission: 'organisation.read',
    tags,
    summary: 'Tasks, filtered (mine, overdue, ISO week, status, owner, source, link), searched, sorted and paged by the server',
    querystring: taskListQuerySchema,
    response: taskListSchema,
    handler: ({ tx, actor, query }) => service.listPage(tx, actor, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/board`,
    permission: 'organisation.read',
    tags,
    summary: 'The board: overdue tasks and one column per ISO week (Monday to Sunday), grouped in SQL',
    querystring: taskBoardQuerySchema,
    response: taskBoardSchema,
    handler: ({ tx, actor, query }) => service.board(tx, actor, query),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/summary`,
    permission: 'organisation.read',
    tags,
    summary: 'Counts of open tasks: all, overdue, mine, mine overdue, due this week, without owner',
    response: taskSummarySchema,
    handler: ({ tx, actor }) => service.summary(tx, actor),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/link-targets`,
    permission: 'organisation.read',
    tags,
    summary: 'What a task may link to: up to 50 requirements or records of one kind whose name or number contains q',
    querystring: taskLinkTargetsQuerySchema,
    response: z.array(taskLinkTargetSchema),
    handler: ({ tx, actor, query }) => service.pickerTargets(tx, actor.organisationId, query.kind, query.q, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: base,
    permission: 'tasks.edit',
    tags,
    summary: 'Create a task (400 at the field for a due day before today, an owner who is not a member, a link to nothing)',
    querystring: taskLocaleQuerySchema,
    body: taskInputSchema,
    status: 201,
    response: taskDetailSchema,
    handler: ({ tx, actor, query, body }) => service.createTask(tx, actor, body, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/:taskId`,
    permission: 'organisation.read',
    tags,
    summary: 'One task with its links in words, its comments, its template and the occurrence that followed it',
    params: taskParams,
    querystring: taskLocaleQuerySchema,
    response: taskDetailSchema,
    handler: ({ tx, actor, params, query }) => service.getTask(tx, actor.organisationId, params.taskId, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/:taskId`,
    permission: 'tasks.edit',
    tags,
    summary: 'Change a task, its status and links (409 when someone else changed it since the given revision)',
    params: taskParams,
    querystring: taskLocaleQuerySchema,
    body: taskUpdateSchema,
    response: taskDetailSchema,
    handler: ({ tx, actor, params, query, body }) => service.updateTask(tx, actor, params.taskId, body, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: `${base}/:taskId`,
    permission: 'tasks.edit',
    tags,
    summary: 'Remove a task with its links and comments (the audit trail keeps what it was)',
    params: taskParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await service.deleteTask(tx, actor, params.taskId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/:taskId/complete`,
    permission: 'tasks.work',
    tags,
    summary: 'Complete a task (staff: their own); a recurring one creates its next occurrence. Done already: unchanged',
    params: taskParams,
    querystring: taskLocaleQuerySchema,
    response: taskDetailSchema,
    handler: ({ tx, actor, params, query }) => service.completeTask(tx, actor, params.taskId, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/:taskId/reopen`,
    permission: 'tasks.work',
    tags,
    summary: 'Reopen a done or cancelled task (staff: their own); the next occurrence it created stays',
    params: taskParams,
    querystring: taskLocaleQuerySchema,
    response: taskDetailSchema,
    handler: ({ tx, actor, params, query }) => service.reopenTask(tx, actor, params.taskId, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/:taskId/comments`,
    permission: 'tasks.work',
    tags,
    summary: 'Comment on a task',
    params: taskParams,
    body: taskCommentInputSchema,
    status: 201,
    response: taskCommentSchema,
    handler: ({ tx, actor, params, body }) => service.addComment(tx, actor, params.taskId, body.body),
  });

  // The recurring cycle.

  orgRoute(app, ctx, {
    method: 'GET',
    url: `${base}/templates`,
    permission: 'organisation.read',
    tags,
    summary: 'Recurring task templates: the built-in ones (texts in the given language unless changed) and the own ones',
    querystring: taskLocaleQuerySchema,
    response: z.array(taskTemplateSchema),
    handler: ({ tx, actor, query }) => recurring.listTemplates(tx, actor.organisationId, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/templates`,
    permission: 'tasks.edit',
    tags,
    summary: "Add one of the organisation's own recurring tasks (at most 50)",
    querystring: taskLocaleQuerySchema,
    body: taskTemplateInputSchema,
    status: 201,
    response: taskTemplateSchema,
    handler: ({ tx, actor, query, body }) => recurring.createTemplate(tx, actor, body, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'PUT',
    url: `${base}/templates/:taskTemplateId`,
    permission: 'tasks.edit',
    tags,
    summary: 'Change a recurring template (revision 0 for a built-in one never changed; 409 when changed meanwhile)',
    params: templateParams,
    querystring: taskLocaleQuerySchema,
    body: taskTemplateUpdateSchema,
    response: taskTemplateSchema,
    handler: ({ tx, actor, params, query, body }) => recurring.updateTemplate(tx, actor, params.taskTemplateId, body, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'DELETE',
    url: `${base}/templates/:taskTemplateId`,
    permission: 'tasks.edit',
    tags,
    summary: "Remove one of the organisation's own templates (a built-in one is switched off instead: 409)",
    params: templateParams,
    response: null,
    handler: async ({ tx, actor, params }) => {
      await recurring.deleteTemplate(tx, actor, params.taskTemplateId);
      return undefined;
    },
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/templates/reset`,
    permission: 'tasks.edit',
    tags,
    summary: "Put the built-in templates back as shipped; the organisation's own stay",
    querystring: taskLocaleQuerySchema,
    response: z.array(taskTemplateSchema),
    handler: ({ tx, actor, query }) => recurring.resetTemplates(tx, actor, query.locale),
  });

  orgRoute(app, ctx, {
    method: 'POST',
    url: `${base}/recurring/start`,
    permission: 'tasks.edit',
    tags,
    summary: 'Start the recurring cycle: the first occurrence of every active template without one, one rhythm after startOn',
    querystring: taskLocaleQuerySchema,
    body: recurringStartSchema,
    response: recurringStartedSchema,
    handler: ({ tx, actor, query, body }) => recurring.startRecurringCycle(tx, actor, body.startOn, query.locale),
  });
}
