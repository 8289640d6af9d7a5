import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
});
