import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDir } from '../app.ts';
import { downloadFileName } from '../modules/compliance/evidence.service.ts';
import { samplePdf, samplePng, upload } from '../test/files.ts';
import { type Agent, runFirstSetup, startTestApp, type TestApp } from '../test/test-app.ts';

/** A built client asset when the client is built, else any path outside the API: neither is an API answer. */
function staticPath(): string {
  try {
    const asset = readdirSync(path.join(clientDir, 'assets')).find((f) => f.endsWith('.js'));
    if (asset) return `/assets/${asset}`;
  } catch {
    // not built
  }
  return '/favicon.ico';
}

describe('security headers and downloads', () => {
  let t: TestApp;
  let agent: Agent;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    ({ agent, organisationId: orgId } = await runFirstSetup(t.app));
  });
  afterAll(async () => t?.close());

  it('sends Cache-Control: no-store on every API answer, errors and public checks included', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/v1/health' }),
      await agent.request('GET', '/api/v1/auth/session'),
      await agent.request('GET', `/api/v1/organisations/${orgId}/audit`),
      await t.app.inject({ method: 'GET', url: '/api/v1/organisations/00000000-0000-4000-8000-000000000000/audit' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/does-not-exist' }),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x' } }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 401, 404, 400]);
    for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('leaves the client assets cacheable', async () => {
    const asset = await t.app.inject({ method: 'GET', url: staticPath() });
    expect(String(asset.headers['cache-control'] ?? '')).not.toContain('no-store');
  });

  it('switches off camera, microphone, geolocation, payment, USB and the like on every answer', async () => {
    for (const url of ['/api/v1/health', staticPath()]) {
      const policy = String((await t.app.inject({ method: 'GET', url })).headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth', 'display-capture']) {
        expect(policy).toContain(`${feature}=()`);
      }
    }
  });

  it('names a download after the type detected from its content, not the uploaded extension', async () => {
    const base = `/api/v1/organisations/${orgId}/requirements/KBV-A1-01/evidence`;
    const html = await upload(agent, t, base, 'x.html', samplePdf);
    expect(html.statusCode).toBe(201);
    const png = await upload(agent, t, base, 'Foto Serverraum.png', samplePng);
    for (const [id, expected] of [
      [html.json().id, 'x.pdf'],
      [png.json().id, 'Foto Serverraum.png'],
    ] as const) {
      const download = await agent.request('GET', `/api/v1/organisations/${orgId}/evidence/${id}/download`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition']).toContain(`filename="${expected}"`);
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(expected)}`);
      expect(download.headers['cache-control']).toBe('no-store');
    }
  });

  it.each([
    ['x.html', 'application/pdf', 'x.pdf'],
    ['bericht.PDF', 'application/pdf', 'bericht.PDF'],
    ['scan.jpeg', 'image/jpeg', 'scan.jpeg'],
    ['scan.png', 'image/jpeg', 'scan.jpg'],
    ['tabelle.xls', 'application/x-cfb', 'tabelle.xls'],
    ['notiz', 'application/vnd.oasis.opendocument.text', 'notiz.odt'],
    ['.htaccess', 'application/pdf', '.htaccess.pdf'],
    ['archiv.tar.exe', 'application/pdf', 'archiv.tar.pdf'],
  ])('downloadFileName(%s, %s) = %s', (name, type, expected) => {
    expect(downloadFileName(name, type)).toBe(expected);
  });
});
