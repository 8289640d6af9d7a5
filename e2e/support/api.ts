import type { Page } from 'playwright-core';

/** A request from the page's session (cookie and CSRF token), as the app itself would send it. */
export async function apiInPage<T = unknown>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T; contentType: string | null; head: string }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken?: string };
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
      const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const contentType = response.headers.get('content-type');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const head = String.fromCharCode(...bytes.subarray(0, 5));
      let parsed: unknown = null;
      if (contentType?.includes('json')) parsed = JSON.parse(new TextDecoder().decode(bytes));
      return { status: response.status, body: parsed as T, contentType, head };
    },
    { method, url, body },
  );
}
