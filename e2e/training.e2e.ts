import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connect.ts';
import { people } from '../server/db/schema.ts';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, desktop, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('awareness training: a course, a session, two people confirming by link', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let organisationId = '';
  let sessionUrl = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  it('records a course and a session, sends confirmation links, and a link confirms once without sign-in', async () => {
    await runSetup(page, server.url);
    organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // Two people in the register. Its routes are another branch's: they are written into the stopped server's database.
    await server.stop();
    const database = await openDatabase({ engine: 'pglite', dataDir: server.dataDir });
    await database.db.insert(people).values([
      { organisationId, id: randomUUID(), name: 'Lena Schmidt', role: 'medical_assistant', email: 'lena.schmidt@praxis-muster.de' },
      { organisationId, id: randomUUID(), name: 'Omar Haddad', role: 'nurse', email: 'omar.haddad@praxis-muster.de' },
      // An external contractor (IT service): found by the picker's search although the coverage does not count him.
      { organisationId, id: randomUUID(), name: 'Kai Brenner', role: 'external', contractType: 'contractor' },
    ]);
    await database.close();
    await server.restart();
    await page.reload();

    await openNav(page, 'Schulungen');
    await page.waitForURL(/\/training$/, { waitUntil: 'commit' });
    await seeText(page, 'Noch keine Schulungen angelegt.');
    await page.getByTestId('training-add-course').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Titel/ }).fill('Phishing erkennen');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/training\/courses\//, { waitUntil: 'commit' });
    await seeText(page, 'Noch kein Termin erfasst.');

    await page.getByTestId('training-add-session').click();
    await dialog.getByRole('textbox', { name: /^Datum/ }).fill('02.11.2026');
    await dialog.getByRole('textbox', { name: /^Datum/ }).blur();
    await dialog.getByRole('textbox', { name: /^Durchgeführt von/ }).fill('Frau Dr. Weber');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/training\/sessions\//, { waitUntil: 'commit' });
    sessionUrl = page.url();

    const picker = page.getByTestId('training-pick-people');
    await picker.click();
    await page.getByRole('option', { name: 'Lena Schmidt' }).click();
    await page.getByRole('option', { name: 'Omar Haddad' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('training-save-attendance').click();
    await expect.poll(() => page.getByTestId('training-attendance').getByText('eingeladen').count()).toBe(2);
    await page.getByTestId('training-send-links').click();
    await seeText(page, '2 Bestätigungslinks wurden verschickt.');
    await screenshotBoth(page, '90-training-session-links-sent');

    // The mail is in the outbox (no SMTP server): the link is read from it.
    const outbox = await apiInPage<{ items: { recipient: string; subject: string; bodyText: string }[] }>(
      page,
      'GET',
      `/api/v1/organisations/${organisationId}/outbox`,
    );
    const mail = outbox.body.items.find((m) => m.recipient === 'lena.schmidt@praxis-muster.de');
    expect(mail?.subject).toBe('Bitte bestätigen Sie Ihre Teilnahme: Phishing erkennen');
    const link = mail!.bodyText.match(/http\S+\/training-confirmation\/[A-Za-z0-9_-]+/)![0];

    // A fresh page without sign-in.
    const stranger = await browser.newContext({ viewport: desktop, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const lena = await stranger.newPage();
    await lena.goto(link);
    await seeText(lena, 'Guten Tag Lena,');
    await seeText(lena, /Ich habe an der Schulung „Phishing erkennen“ am 02\.11\.2026/);
    expect(await lena.getByText('Schmidt').count()).toBe(0);
    await screenshotBoth(lena, '91-training-confirmation-offer');
    await lena.getByTestId('training-confirm').click();
    await seeText(lena, /Ihre Teilnahme an „Phishing erkennen“ am 02\.11\.2026 ist bestätigt/);
    await screenshotBoth(lena, '92-training-confirmation-done');

    // The session page shows it; the link a second time says it is already confirmed.
    await page.goto(sessionUrl);
    await expect
      .poll(() =>
        page
          .getByTestId('training-attendance')
          .getByText(/bestätigt am/)
          .count(),
      )
      .toBe(1);
    await screenshotBoth(page, '93-training-session-confirmed');
    const again = await stranger.newPage();
    await again.goto(link);
    await seeText(again, 'Diese Teilnahme ist bereits bestätigt.');
    await stranger.close();

    // The overview and the dashboard count it: Lena current, Omar never trained.
    await openNav(page, 'Schulungen');
    await seeText(page, '1 von 2 aktiven Beschäftigten haben alle Pflichtschulungen im Wiederholungsabstand besucht.');
    await screenshotBoth(page, '94-training-overview');
    // A name opens the person page of the staff register, with the person's state per course.
    await page.getByTestId('training-people').getByRole('link', { name: 'Omar' }).click();
    await page.waitForURL(/\/staff\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await page.getByTestId('person-training').getByText('nie geschult').waitFor();
    await openNav(page, 'Übersicht');
    await page.getByTestId('dashboard-training').getByText('50 %').waitFor();
    await page.getByTestId('dashboard-training').scrollIntoViewIfNeeded();
    await screenshotBoth(page, '95-training-dashboard', false);
  });

  it('changes the session, finds an external person by search and marks everyone as attended at once', async () => {
    await page.goto(sessionUrl);
    await page.getByTestId('session-edit').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Durchgeführt von/ }).fill('IT-Service Brenner');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await seeText(page, 'Durchgeführt von IT-Service Brenner');

    const picker = page.getByTestId('training-pick-people');
    await picker.click();
    await picker.fill('Bren');
    await page.getByRole('option', { name: 'Kai Brenner' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('training-mark-all').click();
    await page.getByTestId('training-save-attendance').click();
    await expect.poll(() => page.getByTestId('training-attendance').innerText()).toContain('Kai Brenner');
    // Lena confirmed by link, Omar and Kai recorded as attended: nobody is left only invited.
    await expect.poll(() => page.getByTestId('training-attendance').getByText('eingeladen').count()).toBe(0);
    await screenshotBoth(page, '96-training-session-mark-all');
  });
});
