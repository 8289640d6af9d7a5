import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('language switch', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  it('switches the setup wizard to English and remembers the choice', async () => {
    await page.goto(server.url);
    await seeText(page, 'praxisschild einrichten');
    await page.getByText('EN', { exact: true }).click();
    await seeText(page, 'Set up praxisschild');
    expect(await page.getByText('praxisschild einrichten').count()).toBe(0);
    await seeText(page, 'Name of the practice / organisation');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshotBoth(page, '20-setup-english');

    await page.reload();
    await seeText(page, 'Set up praxisschild');
    await page.getByText('DE', { exact: true }).click();
    await seeText(page, 'praxisschild einrichten');
  });

  it('switches the signed-in app to English and stores it in the profile', async () => {
    await runSetup(page, server.url);
    await seeText(page, 'Übersicht');
    await page.getByText('EN', { exact: true }).click();
    await seeText(page, 'People & roles');
    await seeText(page, 'Audit trail');
    await seeText(page, 'Joint practice (BAG)');
    expect(await page.getByText('Personen & Rollen').count()).toBe(0);
    await screenshotBoth(page, '21-overview-english');

    // The profile remembers it for the next sign-in on another device.
    await page.waitForTimeout(300);
    const locale = await page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/session');
      const session = (await response.json()) as { user?: { locale: string } };
      return session.user?.locale;
    });
    expect(locale).toBe('en');
  });

  it("shows audit labels, dates and the outbox in English, and mails an English inviter's invitation in English", async () => {
    // An invitation written while the profile says English (through the API, as the form would send it).
    const status = await page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string; currentOrganisationId: string };
      const response = await fetch(`/api/v1/organisations/${session.currentOrganisationId}/invitations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ email: 'new.colleague@praxis.example', role: 'it_lead' }),
      });
      return response.status;
    });
    expect(status).toBe(201);

    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.waitForURL(/\/audit$/, { waitUntil: 'commit' });
    const table = page.getByTestId('audit-table');
    await table.getByText('Invitation created').waitFor();
    await table.getByText('Organisation created').waitFor();
    const text = (await table.textContent()) ?? '';
    // No raw action key (organisation.created, invitation.created …) and English dates (6 Dec 2026, not 06.12.2026).
    expect(text).not.toMatch(/\b(organisation|invitation|member|location)\.[a-z_]+/);
    expect(text).toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}/);
    expect(text).not.toMatch(/\d{2}\.\d{2}\.\d{4}/);

    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL(/\/outbox$/, { waitUntil: 'commit' });
    const outbox = page.getByTestId('outbox-list');
    await outbox.getByText('Invitation to praxisschild: Hausarztpraxis Dr. Muster').waitFor();
    await outbox.getByText('Invitation to praxisschild: Hausarztpraxis Dr. Muster').click();
    await seeText(page, 'Your role: IT lead.');
    expect(await outbox.getByText(/Ihre Rolle|Einladung annehmen/).count()).toBe(0);
    await screenshotBoth(page, '22-outbox-english');
  });
});
