import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAllowed, type Permission } from '../../domain/auth/permissions.ts';
import type { Role } from '../../domain/auth/roles.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/connect.ts';
import { memberships } from '../db/schema.ts';
import { withOrganisation } from '../db/tenant.ts';
import { type Actor, requireActiveSession } from './auth.ts';
import { AppError } from './errors.ts';

/** The path parameter every organisation route has. */
export const orgParams = z.object({ organisationId: z.uuid() });

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A route that answers with a file (a Buffer) instead of JSON: the media types it may send, for the OpenAPI document. */
export interface FileResponse {
  readonly file: readonly string[];
}
export const fileResponse = (...mediaTypes: string[]): FileResponse => ({ file: mediaTypes });

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
/**
 * The response schema's value as the query layer delivers it: text columns typed as plain strings where the schema
 * names the allowed values, readonly arrays. The shape is checked here; the values are checked when the answer is
 * encoded with the schema (a mismatch is a 500 that every API test would show).
 */
type Loose<T> = T extends string
  ? string
  : T extends Date
    ? Date | string
    : T extends readonly (infer U)[]
      ? readonly Loose<U>[]
      : T extends object
        ? { [K in keyof T]: Loose<T[K]> }
        : T;
/** What a handler returns: the response schema's value (encoded by it, so no column the schema lacks leaves), a file, or nothing for 204. */
type Answer<R> = R extends z.ZodType ? Loose<z.output<R>> : R extends FileResponse ? Buffer : undefined;

export interface OrgRouteContext<P, Q, B, Prep> {
  /** The tenant transaction: the app role with row-level security set to this organisation. */
  tx: Tx;
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  /** What `prepare` returned (read before the transaction, e.g. an uploaded file). */
  prepared: Prep;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface OrgRouteSpec<P extends z.ZodType<{ organisationId: string }>, Q, B, R extends z.ZodType | FileResponse | null, Prep> {
  method: Method;
  url: `/api/v1/organisations/:organisationId${string}`;
  permission: Permission;
  tags: string[];
  summary: string;
  params?: P;
  querystring?: Q;
  body?: B;
  consumes?: string[];
  /** 200 unless said; 204 answers without a body (response: null). */
  status?: 200 | 201 | 204;
  response: R;
  /** Runs after the access check and before the transaction: for work that must not hold it (reading an upload). */
  prepare?: (request: FastifyRequest) => Promise<Prep>;
  handler: (c: OrgRouteContext<Out<P>, Out<Q>, Out<B>, Prep>) => Promise<Answer<R>>;
  /**
   * Runs after the transaction committed and before the answer leaves: work that needs the database outside this
   * organisation's transaction (mail delivery, changes across organisations). An error here is the answer.
   */
  afterCommit?: (c: { actor: Actor; params: Out<P> }) => Promise<void>;
}

/**
 * The membership check of every organisation route: a non-member gets 404, as if the organisation did not exist; a
 * member without the permission gets 403. Row-level security below still holds the line should a route forget this.
 */
export async function authorise(ctx: AppContext, request: FastifyRequest, organisationId: string, permission: Permission): Promise<Actor> {
  const session = requireActiveSession(request);
  const [membership] = await ctx.db
    .select({ role: memberships.role, isAdmin: memberships.isAdmin })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, session.userId)));
  if (!membership) throw new AppError('organisation.not_found', 404);
  const actor: Actor = { userId: session.userId, organisationId, role: membership.role as Role, isAdmin: membership.isAdmin };
  if (!isAllowed(permission, actor)) throw new AppError('auth.forbidden', 403);
  return actor;
}

function responseSchemas(status: number, response: z.ZodType | FileResponse | null) {
  if (response === null) return { [status]: z.null().describe('No content') };
  if (response instanceof z.ZodType) return { [status]: response };
  return {
    [status]: {
      description: 'The file',
      content: Object.fromEntries(response.file.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])),
    },
  };
}

/**
 * Declares one organisation route: access rule from the permission table, request and response schemas (the
 * response schema also writes the OpenAPI document and drops every field it does not name), membership check, and
 * the handler inside one tenant transaction.
 */
export function orgRoute<
  P extends z.ZodType<{ organisationId: string }> = typeof orgParams,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | FileResponse | null = z.ZodType,
  Prep = undefined,
>(app: FastifyInstance, ctx: AppContext, spec: OrgRouteSpec<P, Q, B, R, Prep>) {
  const status = spec.status ?? (spec.response === null ? 204 : 200);
  app.route({
    method: spec.method,
    url: spec.url,
    config: { orgRoute: true },
    schema: {
      tags: spec.tags,
      summary: spec.summary,
      params: spec.params ?? orgParams,
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.consumes ? { consumes: spec.consumes } : {}),
      response: responseSchemas(status, spec.response),
    },
    handler: async (request, reply) => {
      // The params, query and body were checked against the spec's schemas by the validator before this runs.
      const params = request.params as Out<P>;
      const actor = await authorise(ctx, request, params.organisationId, spec.permission);
      const prepared = (spec.prepare ? await spec.prepare(request) : undefined) as Prep;
      const answer = await withOrganisation(ctx.db, actor.organisationId, (tx) =>
        spec.handler({ tx, actor, params, query: request.query as Out<Q>, body: request.body as Out<B>, prepared, request, reply }),
      );
      if (spec.afterCommit) await spec.afterCommit({ actor, params });
      if (reply.sent) return reply;
      if (status === 204) return reply.code(204).send();
      return reply.code(status).send(answer);
    },
  });
}
