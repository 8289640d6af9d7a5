import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connect.ts';
import { tasks } from '../server/db/schema.ts';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, desktop, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** The calendar day `days` from today in the practice's time zone, as YYYY-MM-DD. */
function day(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe.runIf(run)('"Was ist jetzt zu tun?" and the calendar feed', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  it('shows a running report clock before an overdue task on the dashboard, and a personal feed a calendar program can read', async () => {
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const org = `/api/v1/organisations/${organisationId}`;
    const session = await apiInPage<{ user: { id: string; name: string } }>(page, 'GET', '/api/v1/auth/session');

    // A significant incident noticed an hour ago: the 24-hour early warning runs (§ 32 Abs. 1 Nr. 1 BSIG).
    const incident = await apiInPage<{ id: string }>(page, 'POST', `${org}/incidents`, {
      title: 'Praxisrechner verschlüsselt',
      noticedAt: new Date(Date.now() - 3600_000).toISOString(),
      patientDataInvolved: false,
    });
    expect(incident.status).toBe(201);
    const assessed = await apiInPage(page, 'PUT', `${org}/incidents/${incident.body.id}/significance`, {
      severeDisruption: 'yes',
      financialLoss: 'no',
      considerableHarmToOthers: 'no',
      maliciousSuspected: true,
      crossBorderImpact: false,
      personalDataBreach: false,
      gdprRisk: 'none',
    });
    expect(assessed.status).toBe(200);

    // An overdue task and one due next week. The tasks' routes are another branch's: they are written into the
    // stopped server's database.
    await server.stop();
    const database = await openDatabase({ engine: 'pglite', dataDir: server.dataDir });
    await database.db.insert(tasks).values([
      { organisationId, id: randomUUID(), title: 'Datensicherung zurückspielen und prüfen', ownerUserId: session.body.user.id, dueOn: day(-3) },
      { organisationId, id: randomUUID(), title: 'Notfallnummern aushängen', ownerUserId: session.body.user.id, dueOn: day(6) },
    ]);
    await database.close();
    await server.restart();
    await page.reload();

    const card = page.getByTestId('agenda-card');
    await card.getByText('Was ist jetzt zu tun?').waitFor();
    const items = card.getByTestId('agenda-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).getAttribute('data-kind')).toBe('incident_clock');
    expect(await items.nth(1).getAttribute('data-kind')).toBe('task_overdue');
    await items
      .nth(0)
      .getByText(/Frühe Erstmeldung \(24 h\) zu Vorfall #1 „Praxisrechner verschlüsselt“/)
      .waitFor();
    await items
      .nth(0)
      .getByText(/Wer: IT-Verantwortliche\/r · bis \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \(in 23 Stunden\)/)
      .waitFor();
    await items.nth(1).getByText('Aufgabe überfällig: Datensicherung zurückspielen und prüfen').waitFor();
    await items
      .nth(1)
      .getByText(/Wer: Dr\. Maria Muster · fällig seit \d{2}\.\d{2}\.\d{4} \(vor 3 Tagen\)/)
      .waitFor();
    await card.getByText('1 laufende Meldefrist').waitFor();
    await card.getByText('1 überfällige Aufgabe').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'calendar-agenda-card', false);
    // The link leads to where the clock is handled.
    await items.nth(0).getByRole('link', { name: 'Öffnen' }).click();
    await page.waitForURL(new RegExp(`/incidents/${incident.body.id}$`), { waitUntil: 'commit' });

    await openNav(page, 'Kalender & Erinnerungen');
    await page.waitForURL(/\/calendar$/, { waitUntil: 'commit' });
    await seeText(page, 'Noch keine Kalenderadresse.');
    await page.getByTestId('feed-personal-create').click();
    const shown = page.getByTestId('feed-url');
    await shown.waitFor();
    const url = (await shown.getAttribute('data-url')) ?? '';
    expect(url).toMatch(new RegExp(`^${server.url}/api/v1/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await screenshotBoth(page, 'calendar-address');

    // A calendar program fetches it without a session.
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const summaries = events.map((e) => e.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Aufgabe fällig: Datensicherung zurückspielen und prüfen',
        'Aufgabe fällig: Notfallnummern aushängen',
        'Frist: frühe Erstmeldung an das BSI (§ 32 Abs. 1 Nr. 1 BSIG), Vorfall #1',
        'Frist: Meldung an das BSI (§ 32 Abs. 1 Nr. 2 BSIG), Vorfall #1',
      ]),
    );
    const task = events.find((e) => e.summary === 'Aufgabe fällig: Notfallnummern aushängen')!;
    expect(task.startDate.isDate).toBe(true);
    expect(task.startDate.toString()).toBe(day(6));

    // The daily digest, switched on and saved.
    await page.getByTestId('daily-digest').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await seeText(page, 'Gespeichert.');
    await page.reload();
    await page
      .getByTestId('feed-personal-fetched')
      .getByText(/Zuletzt von einem Kalenderprogramm abgerufen/)
      .waitFor();
    expect(await page.getByTestId('daily-digest').isChecked()).toBe(true);
    await screenshotBoth(page, 'calendar-page');

    // WCAG 2.1 A and AA: no serious or critical axe-core finding on the agenda card and the calendar page.
    const context = await browser.newContext({
      viewport: desktop,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      storageState: await page.context().storageState(),
    });
    const checked = await context.newPage();
    for (const [path, scope] of [
      [`/o/${organisationId}`, '[data-testid="agenda-card"]'],
      [`/o/${organisationId}/calendar`, 'main'],
    ] as const) {
      await checked.goto(`${server.url}${path}`);
      await checked.locator(scope).getByRole('heading').first().waitFor();
      const result = await new AxeBuilder({ page: checked }).include(scope).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const blocking = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
      expect(blocking, path).toEqual([]);
    }
    await context.close();

    // Revoked, the address answers like any unknown one.
    await page.getByTestId('feed-personal-revoke').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Adresse widerrufen' }).click();
    // The organisation's card says the same while it has no address: wait for the personal card itself.
    await page.getByTestId('feed-personal').getByText('Noch keine Kalenderadresse.').waitFor();
    await page.getByTestId('feed-personal-create').waitFor();
    const gone = await fetch(url);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ code: 'not_found', message: `GET ${new URL(url).pathname} not found` });
  });
});
