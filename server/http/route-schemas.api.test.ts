import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/test-app.ts';

// Every route says what it answers: the response schema writes the OpenAPI document and drops every field it does
// not name, so no database row leaks into an answer. A route added without one fails here.
// Routes that answer with something other than a JSON body of their own: the client app's HTML and the document itself.
const NOT_JSON = new Set(['GET /*', 'GET /api/v1/openapi.json']);
// Organisation routes that no member calls: the incident intake authenticates an API token of the organisation.
const TOKEN_ROUTES = new Set(['POST /api/v1/organisations/:organisationId/incidents/intake']);

describe('route schemas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('every API route declares a response schema for its success status', () => {
    const missing = t.routes
      .filter((r) => !NOT_JSON.has(`${r.method} ${r.url}`) && r.url.startsWith('/api/') && !r.hasResponseSchema)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('the OpenAPI document describes a success answer of every API route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const undescribed: string[] = [];
    for (const route of t.routes) {
      if (NOT_JSON.has(`${route.method} ${route.url}`) || !route.url.startsWith('/api/')) continue;
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      // Without a schema, @fastify/swagger still writes a bare "Default Response": only content (or a 204) counts. A
      // redirect (the phishing simulation's tracked links) counts when it is described as one.
      const success = Object.entries(operation?.responses ?? {}).filter(
        ([status, answer]) =>
          status === '204' ||
          (/^30[23]$/.test(status) && Boolean((answer as { description?: string }).description)) ||
          (/^2\d\d$/.test(status) && answer.content !== undefined),
      );
      if (success.length === 0) undescribed.push(`${route.method} ${route.url}`);
    }
    expect(undescribed).toEqual([]);
  });

  it('every organisation route is declared with orgRoute (permission from the table, tenant transaction)', () => {
    const direct = t.routes
      .filter((r) => r.url.startsWith('/api/v1/organisations/:organisationId') && !r.isOrgRoute && !TOKEN_ROUTES.has(`${r.method} ${r.url}`))
      .map((r) => `${r.method} ${r.url}`);
    expect(direct).toEqual([]);
  });
});
