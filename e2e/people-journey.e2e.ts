import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, desktop, screenshotBoth } from './support/browser.ts';
import { openNav, pdfBuffer } from './support/compliance.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

// Issue 10, item 7: the human factor in one browser session. A new medical assistant is onboarded with two accounts,
// confirms her phishing training through the link in her mail, leaves, and stays on the dashboard until both
// accounts are disabled; the managing director records her own training and approves the measures.

const run = chromiumAvailable();

/** The calendar day `days` from today in the practice's time zone, as DD.MM.YYYY. */
function germanDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10).split('-').reverse().join('.');
}

describe.runIf(run)('people, access, training and § 38 in one journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');

  it('onboards, trains by mail link, offboards until the accounts are disabled, and records the director’s duties', async () => {
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // 1. Onboarding: the person through the staff form, two accounts, the onboarding checklist done.
    await openNav(page, 'Personal');
    await page.waitForURL(/\/staff$/, { waitUntil: 'commit' });
    await page.getByTestId('person-add').click();
    await dialog().getByRole('textbox', { name: /^Name/ }).fill('Lena Schmidt');
    await chooseOption(page, /^Funktion/, 'Medizinische/r Fachangestellte/r (MFA)', dialog());
    await dialog().getByTestId('person-starts').fill(germanDay(-60));
    await dialog()
      .getByRole('textbox', { name: /^E-Mail/ })
      .fill('lena.schmidt@praxis-muster.de');
    await page.getByTestId('person-save').click();
    await page.waitForURL(/\/staff\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    const personUrl = page.url();

    for (const [system, login] of [
      ['Praxisverwaltungssystem (PVS)', 'l.schmidt'],
      ['E-Mail', 'lena.schmidt@praxis-muster.de'],
    ] as const) {
      await page.getByTestId('account-add').click();
      await chooseOption(page, /^System/, system, dialog());
      await dialog()
        .getByRole('textbox', { name: /Anmeldename/ })
        .fill(login);
      await dialog().getByTestId('account-save').click();
      await dialog().waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.getByTestId('person-account-row').count()).toBe(2);
    await page.getByTestId('checklist-start-onboarding').click();
    const items = page.getByTestId('checklist-onboarding').getByTestId('checklist-item');
    await expect.poll(() => items.count()).toBe(5);
    const count = 5;
    const onboarding = page.getByTestId('checklist-onboarding');
    for (let i = 0; i < count; i++) {
      await items.nth(i).click();
      // Each tick is saved before the next: the count (or, at the end, the completion) says so.
      await expect
        .poll(() =>
          onboarding
            .getByText(`${i + 1} von ${count} erledigt`)
            .or(onboarding.getByText(/Abgeschlossen am/))
            .count(),
        )
        .toBe(1);
    }
    await seeText(page, /Abgeschlossen am/);

    // 2. Training: a course, a session with Lena, the link from the outbox confirmed in a page without sign-in.
    await openNav(page, 'Schulungen');
    await page.waitForURL(/\/training$/, { waitUntil: 'commit' });
    await page.getByTestId('training-add-course').click();
    await dialog()
      .getByRole('textbox', { name: /^Titel/ })
      .fill('Phishing erkennen');
    await dialog().getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/training\/courses\//, { waitUntil: 'commit' });
    await page.getByTestId('training-add-session').click();
    await dialog()
      .getByRole('textbox', { name: /^Datum/ })
      .fill(germanDay(-7));
    await dialog()
      .getByRole('textbox', { name: /^Datum/ })
      .blur();
    await dialog().getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(/\/training\/sessions\//, { waitUntil: 'commit' });
    await page.getByTestId('training-pick-people').click();
    await page.getByRole('option', { name: 'Lena Schmidt' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('training-save-attendance').click();
    await expect.poll(() => page.getByTestId('training-attendance').getByText('eingeladen').count()).toBe(1);
    await page.getByTestId('training-send-links').click();
    await seeText(page, /Bestätigungslink/);
    const outbox = await apiInPage<{ items: { recipient: string; bodyText: string }[] }>(page, 'GET', `/api/v1/organisations/${organisationId}/outbox`);
    const mail = outbox.body.items.find((m) => m.recipient === 'lena.schmidt@praxis-muster.de');
    const link = mail!.bodyText.match(/http\S+\/training-confirmation\/[A-Za-z0-9_-]+/)![0];
    const stranger = await browser.newContext({ viewport: desktop, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const lena = await stranger.newPage();
    await lena.goto(link);
    await lena.getByTestId('training-confirm').click();
    await seeText(lena, /ist bestätigt/);
    await stranger.close();
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByTestId('training-attendance')
          .getByText(/bestätigt am/)
          .count(),
      )
      .toBe(1);

    // 3. Offboarding: the end date two days ago; the dashboard names her until both accounts are disabled.
    await page.goto(personUrl);
    await page.getByTestId('person-edit').click();
    await dialog().getByTestId('person-ends').fill(germanDay(-2));
    await dialog().getByTestId('person-ends').blur();
    await page.getByTestId('person-save').click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByTestId('checklist-start-offboarding').click();
    await page.getByTestId('checklist-offboarding').waitFor();
    await page.getByTestId('person-leaver-alert').waitFor();
    await screenshotBoth(page, '97-people-journey-person');

    await openNav(page, 'Übersicht');
    const card = page.getByTestId('dashboard-access');
    await card.getByText('Lena Schmidt – seit 2 Tagen ausgeschieden, aktive Zugänge: 2').waitFor();
    await page.goto(personUrl);
    await page.getByTestId('account-disable').first().click();
    await expect.poll(() => page.getByTestId('account-disable').count()).toBe(1);
    await openNav(page, 'Übersicht');
    await card.getByText('Lena Schmidt – seit 2 Tagen ausgeschieden, aktive Zugänge: 1').waitFor();
    await page.goto(personUrl);
    await page.getByTestId('account-disable').click();
    await expect.poll(() => page.getByTestId('account-disable').count()).toBe(0);
    await openNav(page, 'Übersicht');
    await card.getByTestId('dashboard-no-leavers').waitFor();

    // 4. The managing director: her person record linked to her account, a training with certificate, her approval.
    await openNav(page, 'Personal');
    await page.waitForURL(/\/staff$/, { waitUntil: 'commit' });
    await page.getByTestId('person-add').click();
    await dialog().getByRole('textbox', { name: /^Name/ }).fill('Dr. Maria Muster');
    await chooseOption(page, /^Funktion/, 'Praxisleitung / Geschäftsführung', dialog());
    await dialog().getByTestId('person-account').click();
    await page.getByRole('option', { name: /^Dr\. Maria Muster \(/ }).click();
    await page.getByTestId('person-save').click();
    await page.waitForURL(/\/staff\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await page.getByTestId('person-management').getByRole('link').click();
    await page.waitForURL(/\/management\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Schulung erfassen' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Datum der Schulung/ })
      .fill(germanDay(-10));
    await dialog()
      .getByRole('textbox', { name: /^Anbieter/ })
      .fill('Kassenärztliche Vereinigung');
    await dialog()
      .getByRole('textbox', { name: /^Inhalte/ })
      .fill('NIS2 und § 38 BSIG, Meldewege, aktuelle Angriffe');
    await dialog().locator('input[type=file]').setInputFiles({ name: 'Bescheinigung.pdf', mimeType: 'application/pdf', buffer: pdfBuffer() });
    await page.getByTestId('management-training-save').click();
    await page.getByTestId('management-trainings').getByRole('link', { name: 'Bescheinigung.pdf' }).waitFor();
    await openNav(page, 'Geschäftsleitung (§ 38)');
    await page.getByTestId('management-approve').click();
    await page.getByTestId('management-approve-confirm').click();
    await page.getByText('Vollständig').waitFor();
    await openNav(page, 'Übersicht');
    await page.getByTestId('dashboard-management').getByText('Alle Pflichten erfüllt.').waitFor();
  });
});
