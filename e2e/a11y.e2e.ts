import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_CHECK_VERSION, quickCheckQuestions } from '../domain/quickcheck/questions.ts';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, desktop, screenshot, tablet } from './support/browser.ts';
import { runApplicabilityCheck } from './support/compliance.ts';
import { admin, logout, runSetup } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** What the check reports: the rule, how bad, and where. */
interface Finding {
  page: string;
  size: string;
  rule: string;
  impact: string;
  targets: string[];
}

// WCAG 2.1 A and AA; "serious" and "critical" are axe-core's two highest impact levels.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

describe.runIf(run)('every page at 1280×800 and 768×1024: no serious or critical axe-core findings', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const findings: Finding[] = [];

  beforeAll(async () => {
    let first: Page;
    ({ server, browser, page: first } = await openSession());
    // axe-core's Playwright binding needs a page of an explicit browser context (it opens frames in that context).
    await first.close();
    const context = await browser.newContext({ viewport: desktop, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  });

  afterAll(() => closeSession({ server, browser }));

  /** Waits until the page has drawn its content (no loader), then checks and photographs it at both sizes. */
  async function check(name: string, url: string | null, ready?: () => Promise<unknown>) {
    if (url) await page.goto(`${server.url}${url}`);
    for (const size of [desktop, tablet]) {
      await page.setViewportSize(size);
      await page.waitForLoadState('networkidle');
      await page
        .locator('main .mantine-Loader-root')
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 })
        .catch(() => undefined);
      await ready?.();
      await page.waitForTimeout(300);
      const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      for (const violation of result.violations) {
        if (!BLOCKING.has(violation.impact ?? '')) continue;
        findings.push({
          page: name,
          size: `${size.width}x${size.height}`,
          rule: violation.id,
          impact: violation.impact ?? '',
          targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
        });
      }
      await screenshot(page, `a11y-${name}`);
      const blocking = result.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
      console.log(
        `[a11y] ${name} ${size.width}x${size.height}: ${
          blocking
            .map(
              (v) =>
                `${v.id} at ${v.nodes
                  .map((n) => `${n.target.join(' ')} [${n.any[0]?.message ?? ''}]`)
                  .slice(0, 6)
                  .join(' | ')}`,
            )
            .join('; ') || 'ok'
        }`,
      );
    }
    await page.setViewportSize(desktop);
  }

  it('checks the public pages, the whole signed-in app with data, and the pages behind mailed links', async () => {
    await check('setup', '/setup', () => page.getByRole('textbox', { name: /Name der Praxis/ }).waitFor());
    await check('quick-check', '/schnellcheck', () => page.getByRole('radiogroup').first().waitFor());
    // The result view, from answers kept in the tab as the page keeps them.
    await page.evaluate((draft) => sessionStorage.setItem('praxisschild.quick-check', JSON.stringify(draft)), {
      version: QUICK_CHECK_VERSION,
      answers: Object.fromEntries(quickCheckQuestions.map((q, i) => [q.id, ['yes', 'partly', 'no', 'unknown'][i % 4]])),
      showResult: true,
    });
    await check('quick-check-result', '/schnellcheck', () => page.getByTestId('quick-check-steps').waitFor());
    await page.evaluate(() => sessionStorage.clear());
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const base = `/o/${organisationId}`;

    // Some data, so that lists, tables and the dashboard are not empty.
    await page.goto(`${server.url}${base}/applicability`);
    await runApplicabilityCheck(page, { persons: 12, majorMedicalDevices: true, without: [], staffAwu: '20', turnover: '3000000', balanceSheet: '2000000' });
    await page.getByTestId('check-history').waitFor();
    const invitation = await apiInPage<{ link: string | null }>(page, 'POST', `/api/v1/organisations/${organisationId}/invitations`, {
      email: 'paula.praxis@praxis-muster.de',
      role: 'staff',
      isAdmin: false,
    });
    expect(invitation.status).toBe(201);
    const incident = await apiInPage<{ id: string }>(page, 'POST', `/api/v1/organisations/${organisationId}/incidents`, {
      title: 'Verschlüsselte Dateien auf dem Empfangsrechner',
      description: 'Auf dem Empfangsrechner lassen sich Dateien nicht mehr öffnen.',
      noticedAt: new Date(Date.now() - 3_600_000).toISOString(),
      systems: 'Empfang',
      suspectedOrigin: 'ransomware',
      patientDataInvolved: true,
    });
    expect(incident.status).toBe(201);
    const status = await apiInPage(page, 'PUT', `/api/v1/organisations/${organisationId}/requirements/KBV-A1-01/status`, {
      locationId: null,
      status: 'in_progress',
      dueDate: '2026-12-31',
    });
    expect(status.status).toBeLessThan(300);
    const assetsUrl = `/api/v1/organisations/${organisationId}/assets`;
    const laptop = await apiInPage<{ id: string }>(page, 'POST', assetsUrl, { name: 'Notebook Hausbesuche', kind: 'laptop', encryptedAtRest: false });
    const pvsServer = await apiInPage<{ id: string }>(page, 'POST', assetsUrl, { name: 'PVS-Server', kind: 'server', supportEndsOn: '2025-10-14' });
    expect(laptop.status).toBe(201);
    expect((await apiInPage(page, 'POST', `${assetsUrl}/${laptop.body.id}/relations`, { kind: 'used_by', targetId: pvsServer.body.id })).status).toBe(201);
    const supplier = await apiInPage<{ id: string }>(page, 'POST', `/api/v1/organisations/${organisationId}/suppliers`, {
      name: 'Muster Cloud GmbH',
      services: 'Cloud-Backup der Patientendaten',
      criticality: 'high',
      patientDataAccess: true,
      cloudHealthData: true,
      c5Basis: 'attestation',
      c5Type: 'type1',
    });
    expect(supplier.status).toBe(201);
    expect(
      (await apiInPage(page, 'PUT', `/api/v1/organisations/${organisationId}/suppliers/${supplier.body.id}/assets`, { assetIds: [pvsServer.body.id] })).status,
    ).toBe(200);

    const risksUrl = `/api/v1/organisations/${organisationId}/risks`;
    const adopted = await apiInPage<{ id: string; revision: number }>(page, 'POST', `${risksUrl}/templates/RT-01/adopt`, { locale: 'de' });
    expect(adopted.status).toBeLessThan(300);
    const risk = await apiInPage<{ id: string; revision: number }>(page, 'POST', risksUrl, {
      title: 'Ausfall des Konnektors',
      owner: 'Praxismanagerin',
      likelihood: 4,
      impact: 4,
      residualLikelihood: 3,
      residualImpact: 4,
      treatment: 'accept',
      requirementIds: ['KBV-A1-10'],
    });
    expect(risk.status).toBe(201);
    expect((await apiInPage(page, 'POST', `${risksUrl}/${risk.body.id}/acceptance`, { revision: risk.body.revision })).status).toBe(200);

    const orgUrl = `/api/v1/organisations/${organisationId}`;
    const nurse = await apiInPage<{ id: string }>(page, 'POST', `${orgUrl}/people`, {
      name: 'Nora Weiß',
      role: 'nurse',
      startsOn: '2024-01-01',
      endsOn: '2026-10-31',
      weeklyHours: 30,
    });
    expect(nurse.status).toBe(201);
    const director = await apiInPage<{ id: string }>(page, 'POST', `${orgUrl}/people`, { name: 'Dr. Maria Muster', role: 'management' });
    expect(director.status).toBe(201);
    expect(
      (await apiInPage(page, 'POST', `${orgUrl}/people/${nurse.body.id}/accounts`, { system: 'pvs', accountName: 'nweiss', isAdmin: true, mfa: false })).status,
    ).toBe(201);
    const course = await apiInPage<{ id: string }>(page, 'POST', `${orgUrl}/training/courses`, {
      title: 'Phishing erkennen',
      topic: 'phishing',
      durationMinutes: 45,
    });
    const session = await apiInPage<{ id: string }>(page, 'POST', `${orgUrl}/training/sessions`, {
      courseId: course.body.id,
      heldOn: '2026-11-02',
      trainer: 'IT-Service',
    });
    expect(session.status).toBe(201);
    expect(
      (await apiInPage(page, 'PUT', `${orgUrl}/training/sessions/${session.body.id}/attendance`, { attendees: [{ personId: nurse.body.id, attended: true }] }))
        .status,
    ).toBe(200);

    // A phishing draft from the first template: the campaign page shows its form, preview and clues.
    const templates = await apiInPage<{ items: { id: string; de: Record<string, string> }[] }>(page, 'GET', `${orgUrl}/phishing/templates`);
    const lure = templates.body.items[0]!;
    const draft = await apiInPage<{ id: string }>(page, 'POST', `${orgUrl}/phishing/campaigns`, {
      name: 'Übung Herbst',
      templateId: lure.id,
      locale: 'de',
      subject: lure.de.subject,
      senderName: lure.de.senderName,
      senderAddress: lure.de.senderAddress,
      bodyHtml: lure.de.bodyHtml,
      bodyText: lure.de.bodyText,
      audience: { kind: 'all' },
    });
    expect(draft.status).toBe(201);

    const pages: [string, string][] = [
      ['dashboard', base],
      ['organisation', `${base}/organisation`],
      ['applicability', `${base}/applicability`],
      ['catalog', `${base}/catalog`],
      ['requirement', `${base}/catalog/KBV-A1-01`],
      ['incidents', `${base}/incidents`],
      ['incident-new', `${base}/incidents/new`],
      ['incident', `${base}/incidents/${incident.body.id}`],
      ['incident-assessment', `${base}/incidents/${incident.body.id}/assessment`],
      ['registration', `${base}/registration`],
      ['assets', `${base}/assets`],
      ['asset', `${base}/assets/${laptop.body.id}`],
      ['requirement-with-asset-warning', `${base}/catalog/KBV-A1-43`],
      ['suppliers', `${base}/suppliers`],
      ['supplier', `${base}/suppliers/${supplier.body.id}`],
      ['requirement-with-supplier-warning', `${base}/catalog/KBV-A1-50`],
      ['risks', `${base}/risks`],
      ['risk-templates', `${base}/risks/templates`],
      ['risk', `${base}/risks/${risk.body.id}`],
      ['risk-to-decide', `${base}/risks/${adopted.body.id}`],
      ['api-tokens', `${base}/api-tokens`],
      ['locations', `${base}/locations`],
      ['people', `${base}/people`],
      ['staff', `${base}/staff`],
      ['staff-person', `${base}/staff/${nurse.body.id}`],
      ['training', `${base}/training`],
      ['training-course', `${base}/training/courses/${course.body.id}`],
      ['training-session', `${base}/training/sessions/${session.body.id}`],
      ['access', `${base}/access`],
      ['access-checklists', `${base}/access/checklists`],
      ['management', `${base}/management`],
      ['director', `${base}/management/${director.body.id}`],
      ['outbox', `${base}/outbox`],
      ['audit', `${base}/audit`],
      ['account', `${base}/account`],
      ['new-organisation', `${base}/new-organisation`],
      ['not-found', `${base}/nothing-here`],
      ['plan', `${base}/plan`],
      ['documents', `${base}/documents`],
      ['document', `${base}/documents/emergency_plan`],
      ['phishing', `${base}/phishing`],
      ['phishing-new', `${base}/phishing/new`],
      ['phishing-settings', `${base}/phishing/settings`],
      ['phishing-draft', `${base}/phishing/${draft.body.id}`],
    ];
    for (const [name, url] of pages) await check(name, url, () => page.locator('main h1, main h2').first().waitFor());

    await logout(page, admin.name);
    await check('login', '/login', () => page.getByRole('button', { name: /^Weiter$/ }).waitFor());
    await check('password-reset', '/password-reset', () => page.getByRole('textbox', { name: /E-Mail/ }).waitFor());
    await check('password-reset-link', '/password-reset/0123456789abcdef0123456789abcdef', () => page.getByRole('button').first().waitFor());
    const link = invitation.body.link ?? '';
    await check('invite', new URL(link).pathname, () => page.getByRole('textbox', { name: /Vor- und Nachname/ }).waitFor());
    await check('invite-unknown', '/invite/0123456789abcdef0123456789abcdef', () => page.getByRole('alert').first().waitFor());
    // The page behind a phishing mail's link: the fake sign-in of some templates, then the lesson; the report link's thanks.
    await check('phishing-landing', `/phishing/lernen/${'a'.repeat(43)}`, () => page.locator('h1').first().waitFor());
    const fake = page.getByTestId('phishing-fake-skip');
    if (await fake.count()) await fake.click();
    await check('phishing-lesson', null, () => page.getByTestId('phishing-training').waitFor());
    await check('phishing-reported', `/phishing/gemeldet/${'a'.repeat(43)}`, () => page.getByTestId('phishing-reported').waitFor());

    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  }, 900_000);
});
