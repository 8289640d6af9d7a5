import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, desktop, screenshotBoth } from './support/browser.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

const hours = (n: number) => new Date(Date.now() + n * 3_600_000);
/** A day as the practice types it: German notation, Berlin calendar. */
const berlinDay = (at: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
const berlinClock = (at: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(at);

/** The texts the page ties to a field (its description and its error), as a screen reader reads them out. */
const describedBy = (field: Locator) =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' '),
  );

/** Waits until `field` is marked invalid and carries `message`. */
async function expectMessageAt(field: Locator, message: string) {
  await expect.poll(() => describedBy(field)).toContain(message);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
}

/**
 * Lets the next write (POST) to `url` fail: with a 400 carrying one issue at `path`, as the server's validation would
 * answer, or on the network when no path is given (the practice's Wi-Fi drops). Other requests pass on.
 */
async function failNextPost(page: Page, url: string, issue?: { path: string[]; code: string }) {
  let used = false;
  await page.route(url, async (route) => {
    if (used || route.request().method() !== 'POST') return route.fallback();
    used = true;
    if (!issue) return route.abort('internetdisconnected');
    await route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'validation_failed', message: issue.code, issues: [{ ...issue, message: issue.code }] }),
    });
  });
}

const CHECK_FIELDS = 'Bitte prüfen Sie die markierten Felder.';

describe.runIf(run)('incident forms: timeline entry, the BSI’s request for an intermediate report, API keys', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let orgId: string;
  let incidentUrl: string;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
    await runSetup(page, server.url);
    orgId = new URL(page.url()).pathname.split('/')[2]!;
    const base = `/api/v1/organisations/${orgId}/incidents`;
    const created = await apiInPage<{ id: string }>(page, 'POST', base, {
      title: 'Praxisserver verschlüsselt',
      noticedAt: hours(-48).toISOString(),
      patientDataInvolved: false,
    });
    expect(created.status).toBe(201);
    const assessed = await apiInPage(page, 'PUT', `${base}/${created.body.id}/significance`, {
      severeDisruption: 'yes',
      financialLoss: 'no',
      considerableHarmToOthers: 'no',
      maliciousSuspected: true,
      crossBorderImpact: false,
      personalDataBreach: false,
      gdprRisk: 'none',
    });
    expect(assessed.status).toBe(200);
    incidentUrl = `${server.url}/o/${orgId}/incidents/${created.body.id}`;
  });

  afterAll(() => closeSession({ server, browser }));

  it('adds a timeline entry: checks on blur and on submit, keeps the text when the server refuses or cannot be reached', async () => {
    await page.goto(incidentUrl);
    const form = page.getByTestId('event-form');
    const text = form.getByRole('textbox', { name: 'Eintrag' });
    await text.waitFor();

    await text.fill('a');
    await text.press('Tab');
    await expectMessageAt(text, 'Bitte kurz beschreiben (mindestens 2 Zeichen).');

    // Straight from the field to the button: the click submits (a message appearing on blur must not swallow it).
    await text.fill('');
    await form.getByRole('button', { name: 'Eintragen' }).click();
    await expectMessageAt(text, 'Bitte ausfüllen.');
    await seeText(page, CHECK_FIELDS);
    await screenshotBoth(page, 'incforms-b-timeline-error', false);

    await form.getByText('Kontakt', { exact: true }).click();
    const typed = 'IT-Dienstleister angerufen, kommt um 9 Uhr';
    await text.fill(typed);
    await text.press('Tab');
    await expect.poll(() => text.getAttribute('aria-invalid')).not.toBe('true');

    // The server's issue lands at the text; what was typed stays.
    const events = '**/api/v1/organisations/*/incidents/*/events';
    await failNextPost(page, events, { path: ['text'], code: 'text.control_character' });
    await form.getByRole('button', { name: 'Eintragen' }).click();
    await expectMessageAt(text, 'Der Text enthält ein unsichtbares Steuerzeichen');
    expect(await text.inputValue()).toBe(typed);

    // No connection: one problem above the button, the text still there.
    await failNextPost(page, events);
    await form.getByRole('button', { name: 'Eintragen' }).click();
    await seeText(page, 'Der Server ist gerade nicht erreichbar.');
    expect(await text.inputValue()).toBe(typed);

    await form.getByRole('button', { name: 'Eintragen' }).click();
    await page.getByTestId('timeline').getByText(typed).waitFor();
    await expect.poll(() => text.inputValue()).toBe('');
    expect(await form.getByRole('radio', { name: 'Kontakt' }).isChecked()).toBe(true);
    expect(await page.getByText('Der Server ist gerade nicht erreichbar.').count()).toBe(0);
  });

  it('records the BSI’s request: German dates checked on leaving the pair and on submit, the server’s “before noticed” at the arrival', async () => {
    await page.goto(incidentUrl);
    await page.getByTestId('intermediate-request').click();
    const form = page.getByTestId('intermediate-request-form');
    const requested = form.getByTestId('intermediate-requested');
    const requestedDate = requested.getByRole('textbox', { name: /Ersuchen eingegangen am/ });
    const requestedTime = requested.getByRole('textbox', { name: /Uhrzeit/ });
    const due = form.getByTestId('intermediate-due');
    const dueDate = due.getByRole('textbox', { name: /Frist laut Ersuchen/ });
    const dueTime = due.getByRole('textbox', { name: /Uhrzeit/ });
    const reference = form.getByRole('textbox', { name: /Aktenzeichen des BSI/ });

    // Filled with now, in German notation and Berlin time.
    expect(await requestedDate.inputValue()).toBe(berlinDay(new Date()));
    expect(await requestedTime.inputValue()).toMatch(/^\d{2}:\d{2}$/);

    // An impossible day: named when the focus leaves the date/time pair, not while it moves from date to time.
    await dueDate.fill('31.02.2026');
    await dueDate.press('Tab');
    expect(await dueDate.getAttribute('aria-invalid')).not.toBe('true');
    await dueTime.press('Tab');
    await expectMessageAt(dueDate, 'Dieses Datum gibt es nicht.');

    // On submit every field is checked: the emptied arrival date too.
    await requestedDate.fill('');
    await form.getByRole('button', { name: 'Ersuchen speichern' }).click();
    await expectMessageAt(requestedDate, 'Bitte ausfüllen.');
    await expectMessageAt(dueDate, 'Dieses Datum gibt es nicht.');
    await seeText(page, CHECK_FIELDS);
    await screenshotBoth(page, 'incforms-b-intermediate-errors', false);

    // Typing clears the message; a day in the future is refused in the browser.
    await requestedDate.fill(berlinDay(hours(48)));
    expect(await requestedDate.getAttribute('aria-invalid')).not.toBe('true');
    await requestedTime.press('Tab');
    await expectMessageAt(requestedDate, 'Der Zeitpunkt liegt in der Zukunft.');

    // Before the incident was noticed (two days ago): only the server knows, and its answer lands at the arrival.
    const fiveDaysAgo = hours(-120);
    await requestedDate.fill(berlinDay(fiveDaysAgo));
    await requestedTime.fill('09:15');
    await dueDate.fill(berlinDay(hours(72)));
    await dueTime.fill('12:00');
    await reference.fill('BSI-2026-0815-Z');
    await form.getByRole('button', { name: 'Ersuchen speichern' }).click();
    await expectMessageAt(requestedDate, 'Der Zeitpunkt liegt vor dem Bemerken des Vorfalls.');
    expect(await requestedDate.inputValue()).toBe(berlinDay(fiveDaysAgo));
    expect(await requestedTime.inputValue()).toBe('09:15');
    expect(await dueDate.inputValue()).toBe(berlinDay(hours(72)));
    expect(await reference.inputValue()).toBe('BSI-2026-0815-Z');
    await screenshotBoth(page, 'incforms-b-intermediate-server-error', false);

    await requestedDate.fill(berlinDay(hours(-24)));
    await form.getByRole('button', { name: 'Ersuchen speichern' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('intermediate-request-row');
    await expect.poll(() => row.textContent()).toContain(`fällig bis`);
    expect(await row.textContent()).toContain(berlinDay(hours(72)));
    expect(await row.textContent()).toContain('BSI-2026-0815-Z');

    // The answer to the request: not ahead, and (the server says) not before the request arrived.
    await row.getByTestId('intermediate-submit').click();
    const answer = page.getByTestId('intermediate-submission-form');
    const sent = answer.getByTestId('intermediate-submitted-at');
    const sentDate = sent.getByRole('textbox', { name: /Datum/ });
    await sentDate.fill(berlinDay(hours(48)));
    await answer.getByRole('button', { name: 'Übermittlung speichern' }).click();
    await expectMessageAt(sentDate, 'Der Zeitpunkt liegt in der Zukunft.');
    await sentDate.fill(berlinDay(hours(-72)));
    await answer.getByRole('textbox', { name: /Aktenzeichen/ }).fill('BSI-Z-1');
    await answer.getByRole('button', { name: 'Übermittlung speichern' }).click();
    await expectMessageAt(sentDate, 'Der Zeitpunkt liegt vor dem Eingang des Ersuchens.');
    expect(await answer.getByRole('textbox', { name: /Aktenzeichen/ }).inputValue()).toBe('BSI-Z-1');
    const justNow = hours(-0.1);
    await sentDate.fill(berlinDay(justNow));
    await sent.getByRole('textbox', { name: /Uhrzeit/ }).fill(berlinClock(justNow));
    await answer.getByRole('button', { name: 'Übermittlung speichern' }).click();
    await answer.waitFor({ state: 'detached' });
    await row.getByTestId('intermediate-submitted').waitFor();
    expect(await row.getByTestId('intermediate-submitted').textContent()).toContain('BSI-Z-1');
  });

  it('shows the arrival in Berlin time and German notation in an English browser in New York', async () => {
    const state = await page.context().storageState();
    const context = await browser.newContext({
      storageState: { cookies: state.cookies, origins: [] },
      viewport: desktop,
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    try {
      const away = await context.newPage();
      const before = new Date();
      await away.goto(incidentUrl);
      await away.getByTestId('intermediate-request').click();
      const requested = away.getByTestId('intermediate-requested');
      await requested.waitFor();
      const boxes = requested.getByRole('textbox');
      expect(await boxes.nth(0).inputValue()).toBe(berlinDay(before));
      expect([berlinClock(before), berlinClock(new Date())]).toContain(await boxes.nth(1).inputValue());
    } finally {
      await context.close();
    }
  });

  it('creates an API key: the name is checked on blur and on submit, the server’s issue lands at it, a failure keeps it', async () => {
    await page.goto(`${server.url}/o/${orgId}/api-tokens`);
    const form = page.getByTestId('api-token-form');
    const name = form.getByRole('textbox', { name: /Wofür ist der Schlüssel/ });
    const create = form.getByRole('button', { name: 'Schlüssel anlegen' });
    await name.waitFor();

    await create.click();
    await expectMessageAt(name, 'Bitte ausfüllen.');
    await seeText(page, CHECK_FIELDS);

    await name.fill('V');
    await name.press('Tab');
    await expectMessageAt(name, 'Bitte mindestens 2 Zeichen eingeben.');
    await screenshotBoth(page, 'incforms-b-api-token-error', false);

    const tokens = '**/api/v1/organisations/*/api-tokens';
    await name.fill('Virenscanner Empfang');
    await failNextPost(page, tokens, { path: ['name'], code: 'too_big' });
    await create.click();
    await expectMessageAt(name, 'Der Name ist zu lang.');
    expect(await name.inputValue()).toBe('Virenscanner Empfang');

    await failNextPost(page, tokens);
    await create.click();
    await seeText(page, 'Der Server ist gerade nicht erreichbar.');
    expect(await name.inputValue()).toBe('Virenscanner Empfang');

    await create.click();
    const shown = page.getByTestId('created-token');
    await shown.waitFor();
    expect((await shown.getAttribute('data-token'))?.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Ich habe den Schlüssel gesichert' }).click();
    await shown.waitFor({ state: 'detached' });
    await page.getByTestId('api-token-table').getByText('Virenscanner Empfang').waitFor();
    expect(await name.inputValue()).toBe('');
    expect(await name.getAttribute('aria-invalid')).not.toBe('true');
  });
});
