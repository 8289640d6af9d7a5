import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { admin, chooseOption, completeEnrolment, fillAdminStep, fillOrganisationStep, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/**
 * Issue 11, item 9: from a fresh installation to a plan with names and dates. The quick check carried into the setup,
 * the 8-week plan accepted with an owner, "Was ist jetzt zu tun?" on the dashboard, a task of the plan completed, and
 * the personal calendar feed subscribed to (fetched and parsed as a calendar program would).
 */
describe.runIf(run)('the plan journey: quick check → setup → 8-week plan → what now → done → calendar', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  it('gets a practice manager from the first page to a plan with names and dates', async () => {
    // The quick check, reached from the setup's first step, answered "Nein" throughout.
    await page.goto(server.url);
    await page.waitForURL(/\/setup$/, { waitUntil: 'commit' });
    await page.getByTestId('setup-quick-check-link').click();
    await page.waitForURL(/\/schnellcheck$/, { waitUntil: 'commit' });
    const questions = page.locator('[data-testid^="question-"]');
    await expect.poll(() => questions.count()).toBe(20);
    for (let i = 0; i < 20; i++) {
      const card = questions.nth(i);
      const no = card.getByRole('radio', { name: 'Nein', exact: true });
      await ((await no.count()) > 0 ? no : card.getByRole('radio').last()).check();
    }
    await page.getByRole('button', { name: 'Ergebnis anzeigen' }).click();
    await page.getByTestId('quick-check-result').waitFor();
    await page.getByTestId('quick-check-carry').click();

    // Carried into the setup.
    await page.waitForURL(/\/setup$/, { waitUntil: 'commit' });
    await page.getByTestId('quick-check-carried').waitFor();
    await fillOrganisationStep(page);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await fillAdminStep(page, admin.password);
    await page.getByRole('button', { name: /Konto anlegen/ }).click();
    await completeEnrolment(page);
    await page.waitForURL(/\/o\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const org = `/api/v1/organisations/${organisationId}`;
    const stored = await apiInPage<{ answers: Record<string, string> }>(page, 'GET', `${org}/quick-check`);
    expect(stored.status).toBe(200);
    expect(Object.keys(stored.body.answers)).toHaveLength(20);

    // The Betroffenheitscheck (stored through the API here; its own journey covers the wizard).
    expect(
      (
        await apiInPage(page, 'POST', `${org}/applicability/nis2`, {
          financialYear: 2025,
          check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 67.5, annualTurnoverEur: 8_000_000, balanceSheetTotalEur: 4_000_000 },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await apiInPage(page, 'POST', `${org}/applicability/kbv`, {
          check: { personsHandlingData: 12, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
        })
      ).status,
    ).toBe(201);

    // The plan: the first proposed task gets an owner; everything is taken over.
    await openNav(page, '8-Wochen-Plan');
    await page.waitForURL(/\/plan$/, { waitUntil: 'commit' });
    await page.getByTestId('roadmap-scope-nis2').waitFor();
    // "Nein" throughout: every lever the quick check asked about is a known gap, none a mere confirmation (decision 032).
    const emergencyPlan = page.getByTestId('proposal-item-emergency-plan');
    expect(await emergencyPlan.getByTestId('proposal-quick-check').getAttribute('data-outcome')).toBe('gap');
    expect(await emergencyPlan.textContent()).toContain('Im Schnellcheck mit Nein beantwortet (Notfallplan)');
    expect(await page.locator('[data-testid="proposal-quick-check"][data-outcome="confirm"]').count()).toBe(0);
    const first = page.locator('[data-testid^="proposal-item-"]').first();
    const firstKey = ((await first.getAttribute('data-testid')) ?? '').replace('proposal-item-', '');
    await chooseOption(page, /^Zuständig/, admin.name, first);
    await page.getByTestId('roadmap-accept').click();
    await page.getByTestId('roadmap-accepted').waitFor();
    const plan = page.getByTestId('roadmap-plan');
    const row = plan.getByTestId(`plan-task-${firstKey}`);
    expect(await row.innerText()).toContain(admin.name);
    await screenshotBoth(page, 'plan-journey-1-plan', false);

    // A running report clock: "Was ist jetzt zu tun?" puts it first.
    const incident = await apiInPage<{ id: string }>(page, 'POST', `${org}/incidents`, {
      title: 'Konnektor meldet unbekannte Anmeldungen',
      noticedAt: new Date(Date.now() - 3600_000).toISOString(),
      patientDataInvolved: false,
    });
    expect(incident.status).toBe(201);
    expect(
      (
        await apiInPage(page, 'PUT', `${org}/incidents/${incident.body.id}/significance`, {
          severeDisruption: 'yes',
          financialLoss: 'no',
          considerableHarmToOthers: 'no',
          maliciousSuspected: true,
          crossBorderImpact: false,
          personalDataBreach: false,
          gdprRisk: 'none',
        })
      ).status,
    ).toBeLessThan(300);
    await openNav(page, 'Übersicht');
    const card = page.getByTestId('agenda-card');
    await card.getByText('Was ist jetzt zu tun?').waitFor();
    await expect.poll(() => card.getByTestId('agenda-item').first().getAttribute('data-kind')).toBe('incident_clock');
    await screenshotBoth(page, 'plan-journey-2-what-now', false);

    // The owner completes the first task of the plan; the plan counts it.
    await openNav(page, '8-Wochen-Plan');
    await page.getByTestId(`plan-task-${firstKey}`).getByRole('link').first().click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await page.getByTestId('task-complete').click();
    await expect.poll(() => page.getByTestId('task-status').first().textContent()).toBe('erledigt');
    await openNav(page, '8-Wochen-Plan');
    await page
      .getByTestId('roadmap-progress')
      .getByText(/^1 von \d+ erledigt$/)
      .waitFor();

    // The personal calendar feed, fetched without a session as a calendar program would.
    await openNav(page, 'Kalender & Erinnerungen');
    await page.getByTestId('feed-personal-create').click();
    const shown = page.getByTestId('feed-url');
    await shown.waitFor();
    const url = (await shown.getAttribute('data-url')) ?? '';
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const summaries = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component).summary);
    // The owned task is done, so it is not due any more; the feed carries the report deadlines the member handles.
    expect(summaries.some((s) => s.startsWith('Frist: frühe Erstmeldung an das BSI'))).toBe(true);
    await seeText(page, 'Kalender');
  });
});
