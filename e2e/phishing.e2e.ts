import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { microTrainingQuestions } from '../domain/phishing/micro-training.ts';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, desktop, screenshot, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { admin, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** A mail as the sink received it: the envelope recipient and the raw message with quoted-printable line breaks undone. */
interface Received {
  to: string;
  raw: string;
}

const clickLink = (raw: string) => raw.match(/http:\/\/127\.0\.0\.1:\d+\/api\/v1\/phishing\/click\/[A-Za-z0-9_-]{43}/)?.[0];

/** The page in German, then in English (switched on the page's own switch), then German again. */
async function screenshotLanguages(page: Page, name: string) {
  await screenshotBoth(page, `${name}-de`);
  await page.getByText('EN', { exact: true }).first().click();
  await page.waitForTimeout(300);
  await screenshot(page, `${name}-en`);
  await page.getByText('DE', { exact: true }).first().click();
  await page.waitForTimeout(300);
}

describe.runIf(run)('phishing simulation: a small campaign through a real SMTP sink, a click, the lesson and the report', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let sink: SMTPServer;
  let sinkPort = 0;
  const received: Received[] = [];

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
    sink = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          const unfolded = raw.replace(/=\r?\n/g, '');
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, raw: unfolded });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
    sinkPort = (sink.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    await closeSession({ server, browser });
  });

  it('creates and sends a campaign, a recipient clicks and completes the micro-training, the report shows the click', async () => {
    onTestFailed(() => {
      console.log(server.output().slice(-4000));
      return screenshot(page, 'phishing-failed');
    });
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const base = `/api/v1/organisations/${organisationId}`;

    // Six people with e-mail addresses at the practice's location (seeded through the people API).
    const organisation = await apiInPage<{ locations: { id: string }[] }>(page, 'GET', base);
    const locationId = organisation.body.locations[0]!.id;
    const names = ['Lena Schmidt', 'Omar Haddad', 'Mia Wagner', 'Paul Becker', 'Sara Yilmaz', 'Jonas Keller'];
    for (const name of names) {
      const email = `${name.toLowerCase().replace(' ', '.')}@praxis-muster.de`;
      const created = await apiInPage(page, 'POST', `${base}/people`, { name, role: 'medical_assistant', email, locationId });
      expect(created.status).toBe(201);
    }

    // The mail server: the organisation's own, entered in the settings.
    await openNav(page, 'Phishing-Simulation');
    await page.waitForURL(/\/phishing$/, { waitUntil: 'commit' });
    await seeText(page, 'Noch keine Kampagne.', 15_000);
    await screenshotLanguages(page, '97-phishing-empty');
    await page.getByTestId('phishing-settings-link').click();
    await seeText(page, 'Alle Kampagnen werden anonym ausgewertet.');
    await page.getByRole('button', { name: 'Eigenen Mailserver eintragen' }).click();
    const smtpInput = page.getByRole('textbox', { name: 'SMTP-Adresse' });
    await smtpInput.fill('ftp://nicht-smtp');
    await page.getByTestId('phishing-smtp').getByRole('button', { name: 'Speichern' }).click();
    await seeText(page, /Bitte eine Adresse wie smtps:/);
    await smtpInput.fill(`smtp://127.0.0.1:${sinkPort}`);
    await page.getByTestId('phishing-smtp').getByRole('button', { name: 'Speichern' }).click();
    await seeText(page, `Die Übungsmails gehen über Ihren eigenen Mailserver 127.0.0.1:${sinkPort}.`);
    await screenshotLanguages(page, '98-phishing-settings');

    // A new campaign from the parcel template: a placeholder that does not exist is refused at its field.
    await openNav(page, 'Phishing-Simulation');
    await page.getByTestId('phishing-new').click();
    await page.waitForURL(/\/phishing\/new$/, { waitUntil: 'commit' });
    await page.getByTestId('phishing-clues').getByText('Keine persönliche Anrede', { exact: false }).waitFor();
    await page.getByTestId('phishing-audience-count').getByText('6 Personen in dieser Auswahl erhalten die Mail', { exact: false }).waitFor();
    await screenshotLanguages(page, '99-phishing-new');
    // The count follows the choice: nobody is a nurse here, which an anonymous campaign cannot start with.
    await page.getByTestId('phishing-audience-kind').getByText('Nach Rolle').click();
    await page.getByTestId('phishing-roles').click({ force: true });
    await page.getByRole('option', { name: 'Pflegekraft' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('phishing-audience-count').getByText('0 Personen in dieser Auswahl erhalten die Mail', { exact: false }).waitFor();
    await page.getByTestId('phishing-too-few').waitFor();
    await page.getByTestId('phishing-audience-kind').getByText('Alle').click();
    await page.getByTestId('phishing-audience-count').getByText('6 Personen in dieser Auswahl erhalten die Mail', { exact: false }).waitFor();
    expect(await page.getByTestId('phishing-too-few').count()).toBe(0);
    const name = page.getByRole('textbox', { name: /^Name der Kampagne/ });
    await name.fill('Übung Herbst – Paket');
    const subject = page.getByRole('textbox', { name: /^Betreff/ });
    await subject.fill('Ihre Sendung für {{vorname}}');
    await page.getByTestId('phishing-save').click();
    await seeText(page, /Diesen Platzhalter gibt es nicht\. Erlaubt sind \{\{firstName\}\}/);
    await subject.fill('Ihre Sendung für {{firstName}} – Zollgebühr offen');

    // Typed input survives a reload.
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: /^Betreff/ }).inputValue()).toBe('Ihre Sendung für {{firstName}} – Zollgebühr offen');
    await expect.poll(() => page.getByRole('textbox', { name: /^Name der Kampagne/ }).inputValue()).toBe('Übung Herbst – Paket');

    // The test mail to oneself saves the draft and arrives in the sink.
    await page.getByTestId('phishing-test-send').click();
    await page.waitForURL(/\/phishing\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await page.getByTestId('phishing-form-notice').getByText(`Testmail an ${admin.email} verschickt.`, { exact: false }).waitFor();
    await page.getByTestId('phishing-audience-count').getByText('6 Personen in dieser Auswahl erhalten die Mail', { exact: false }).waitFor();
    await expect.poll(() => received.filter((m) => m.to === admin.email).length, { timeout: 15_000 }).toBe(1);
    expect(received[0]!.raw).toContain('X-Praxisschild-Simulation: phishing-test');
    await screenshotLanguages(page, '100-phishing-draft');

    // Start now: six mails go out (the jobs run every 5 s).
    await page.getByTestId('phishing-start').click();
    await page.getByTestId('phishing-delivery').waitFor();
    await expect.poll(() => received.filter((m) => m.to !== admin.email).length, { timeout: 75_000, interval: 1000 }).toBe(6);
    await expect.poll(() => page.getByTestId('phishing-delivery-sent').innerText(), { timeout: 20_000 }).toContain('6');
    const lenaMail = received.find((m) => m.to === 'lena.schmidt@praxis-muster.de');
    expect(lenaMail?.raw).toContain('Zollgeb');
    const link = clickLink(lenaMail!.raw);
    expect(link).toBeTruthy();

    // Lena opens the link in a browser without signing in: the fake sign-in, then the lesson.
    const stranger = await browser.newContext({ viewport: desktop, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const lena = await stranger.newPage();
    await lena.goto(link!);
    await lena.waitForURL(/\/phishing\/lernen\//, { waitUntil: 'commit' });
    await lena.getByTestId('phishing-fake-user').waitFor();
    await screenshotBoth(lena, '101-phishing-fake-sign-in');
    await lena.getByTestId('phishing-fake-user').fill('lena.schmidt');
    await lena.getByLabel('Passwort').fill('geheim123');
    await lena.getByTestId('phishing-fake-submit').click();
    await seeText(lena, 'Das war eine Phishing-Übung');
    await seeText(lena, 'Hier hätten Angreifer Ihre Zugangsdaten erhalten');
    await lena.getByTestId('phishing-lesson-clues').getByText('Keine persönliche Anrede', { exact: false }).waitFor();
    await screenshotLanguages(lena, '102-phishing-lesson');

    // The micro-training: one answer unanswered is named; then all right.
    await lena.getByTestId('phishing-training-submit').click();
    await expect.poll(() => lena.getByText('Bitte eine Antwort wählen.').count()).toBe(5);
    for (const question of microTrainingQuestions) {
      const option = question.options.find((o) => o.id === question.correct)!;
      await lena.getByTestId(`phishing-question-${question.id}`).getByLabel(option.text.de).check();
    }
    await lena.getByTestId('phishing-training-submit').click();
    await lena.getByTestId('phishing-training-result').getByText('5 von 5 Antworten richtig.', { exact: false }).waitFor();
    await screenshotLanguages(lena, '103-phishing-training-done');

    // An unknown token looks the same: a lesson, no hint that the link belongs to nobody.
    const nobody = await stranger.newPage();
    await nobody.goto(`${server.url}/phishing/lernen/${'x'.repeat(43)}`);
    await nobody
      .getByRole('heading', { name: /Das war eine Phishing-Übung|Bitte melden Sie sich an|Paket|Passwort|Rechnung|Dokument|Konnektor|KV/ })
      .first()
      .waitFor();
    expect(await nobody.getByText(/ungültig|unbekannt|nicht gefunden/i).count()).toBe(0);
    await stranger.close();

    // The report counts the click, the submission and the completed lesson, by location (one group of six).
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('phishing-total-clicked').waitFor();
          return page.getByTestId('phishing-total-clicked').innerText();
        },
        { timeout: 30_000, interval: 2000 },
      )
      .toContain('(1)');
    await expect.poll(() => page.getByTestId('phishing-total-submitted').innerText()).toContain('(1)');
    await expect.poll(() => page.getByTestId('phishing-total-training').innerText()).toContain('(1)');
    await page.getByTestId('phishing-groups').getByText('17 %').first().waitFor();
    await seeText(page, 'Nur Gruppen ab 5 Empfängern');
    expect(await page.getByTestId('phishing-people').count()).toBe(0);
    await screenshotLanguages(page, '104-phishing-report');

    // The list shows the campaign with its click rate.
    await openNav(page, 'Phishing-Simulation');
    await page.getByTestId('phishing-campaigns').getByText('Übung Herbst – Paket').waitFor();
    await page.getByTestId('phishing-campaigns').getByText('17 %').waitFor();
    await screenshotLanguages(page, '105-phishing-list');

    // Closing deletes the link between tokens and people; the figures stay.
    await page.getByTestId('phishing-campaigns').getByText('Übung Herbst – Paket').click();
    await page.getByTestId('phishing-close').click();
    await seeText(page, /Verbindung zwischen den Links in den Mails und den Personen endgültig gelöscht/);
    await page.getByRole('button', { name: 'Abschließen und Verbindung löschen' }).click();
    await page.getByTestId('phishing-status').getByText('Abgeschlossen', { exact: false }).waitFor();
    await seeText(page, /Die Verbindung zwischen Links und Personen ist gelöscht/);
    await expect.poll(() => page.getByTestId('phishing-total-clicked').innerText()).toContain('(1)');
    await screenshotLanguages(page, '106-phishing-closed');
  });

  it('switches named mode on with the works agreement; the banner shows on the list and the settings', async () => {
    await openNav(page, 'Phishing-Simulation');
    await page.getByTestId('phishing-settings-link').click();
    await page.getByTestId('phishing-named-on').click();
    await seeText(page, 'Bitte ausfüllen.');
    await page.getByRole('textbox', { name: /^Betriebsvereinbarung/ }).fill('BV Phishing-Übungen 2026');
    await page.getByRole('textbox', { name: /^Datum der Vereinbarung/ }).fill('01.10.2026');
    await page.getByRole('textbox', { name: /^Datum der Vereinbarung/ }).blur();
    await page.getByTestId('phishing-named-on').click();
    await page
      .getByTestId('phishing-named-banner')
      .getByText(/Betriebsvereinbarung „BV Phishing-Übungen 2026“ vom 01\.10\.2026/)
      .waitFor();
    await page.getByTestId('phishing-named-banner').getByText(`Eingeschaltet von ${admin.name}`, { exact: false }).waitFor();
    await screenshotLanguages(page, '107-phishing-named-mode');
    await openNav(page, 'Phishing-Simulation');
    await page.getByTestId('phishing-named-banner').waitFor();

    // A named campaign (set up through the API) shows the agreement on its report and the people while it runs.
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const base = `/api/v1/organisations/${organisationId}/phishing`;
    const templates = await apiInPage<{ items: { id: string; de: Record<'subject' | 'senderName' | 'senderAddress' | 'bodyHtml' | 'bodyText', string> }[] }>(
      page,
      'GET',
      `${base}/templates`,
    );
    const lure = templates.body.items.find((item) => item.id === 'shared-document')!;
    const texts = lure.de;
    const created = await apiInPage<{ id: string; revision: number }>(page, 'POST', `${base}/campaigns`, {
      name: 'Übung namentlich',
      templateId: lure.id,
      locale: 'de',
      subject: texts.subject,
      senderName: texts.senderName,
      senderAddress: texts.senderAddress,
      bodyHtml: texts.bodyHtml,
      bodyText: texts.bodyText,
      audience: { kind: 'roles', roles: ['medical_assistant'] },
      groupBy: 'role',
      mode: 'named',
    });
    expect(created.status).toBe(201);
    expect((await apiInPage(page, 'POST', `${base}/campaigns/${created.body.id}/schedule`, { revision: created.body.revision })).status).toBe(200);
    await page.goto(`${server.url}/o/${organisationId}/phishing/${created.body.id}`);
    await page.getByTestId('phishing-people').waitFor({ timeout: 60_000 });
    await page.getByTestId('phishing-report').getByTestId('phishing-named-banner').getByText('BV Phishing-Übungen 2026', { exact: false }).waitFor();
    await page.getByTestId('phishing-people').getByText('Lena Schmidt').waitFor();
    await page.getByTestId('phishing-groups').getByText('Medizinische/r Fachangestellte/r (MFA)').waitFor();
    await screenshotLanguages(page, '108-phishing-named-report');
    await page.getByTestId('phishing-close').click();
    await page.getByRole('button', { name: 'Abschließen und Verbindung löschen' }).click();
    await page.getByTestId('phishing-status').getByText('Abgeschlossen', { exact: false }).waitFor();
    await expect.poll(() => page.getByTestId('phishing-people').count()).toBe(0);

    await page.goto(`${server.url}/o/${organisationId}/phishing/settings`);
    await page.getByTestId('phishing-named-off').click();
    await seeText(page, 'Alle Kampagnen werden anonym ausgewertet.');
  });
});
