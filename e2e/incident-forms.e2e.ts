import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** A day in Berlin as the forms show it (TT.MM.JJJJ), `days` from today. */
function berlinDay(days = 0): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

function berlinTime(at = Date.now()): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));
}

/** The texts an input is described by (its message, its hint), as a screen reader reads them after the label. */
function describedBy(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

describe.runIf(run)('incident forms: checked at the field, the server answers at the field, nothing typed is lost', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let organisationId = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  const report = () => page.getByRole('button', { name: 'Vorfall melden', exact: true }).last();
  const noticed = () => page.getByTestId('noticed-at');

  it('reporting: a bad value is named at its field on leaving it and on submit', async () => {
    await runSetup(page, server.url);
    organisationId = /\/o\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByTestId('report-incident-button').first().click();
    await page.waitForURL(/\/incidents\/new$/, { waitUntil: 'commit' });

    const title = page.getByRole('textbox', { name: /Was ist passiert/ });
    await title.fill('PC');
    await title.blur();
    await expect.poll(() => describedBy(title)).toContain('mindestens 3 Zeichen');

    // Date and time are Berlin time in German notation; a day that does not exist is named when the pair is left.
    const date = noticed().getByRole('textbox', { name: /Bemerkt am/ });
    const time = noticed().getByRole('textbox', { name: /Uhrzeit/ });
    expect(await date.inputValue()).toBe(berlinDay());
    await date.fill('31.02.2026');
    await date.blur();
    await expect.poll(() => describedBy(date)).toContain('Dieses Datum gibt es nicht');
    expect(await describedBy(time)).toContain('Dieses Datum gibt es nicht');
    expect(await time.getAttribute('aria-invalid')).toBe('true');
    await time.fill('7 Uhr');
    await time.blur();
    await expect.poll(() => describedBy(time)).toContain('Uhrzeit als HH:MM');

    // On submit: the emptied title, a time in the future, the unanswered patient-data question; nothing is sent.
    await title.fill('');
    await date.fill(berlinDay(2));
    await time.fill('10:00');
    // Leaving the pair checks it at once (a message appearing under the pair would move the button under the click).
    await time.blur();
    await expect.poll(() => describedBy(date)).toContain('Der Zeitpunkt liegt in der Zukunft.');
    await report().click();
    await seeText(page, 'Bitte prüfen Sie die markierten Felder.');
    expect(await describedBy(title)).toContain('Bitte ausfüllen.');
    expect(await describedBy(date)).toContain('Der Zeitpunkt liegt in der Zukunft.');
    expect(await page.getByTestId('patient-data').textContent()).toContain('Bitte auswählen.');
    expect(page.url()).toMatch(/\/incidents\/new$/);
    await screenshotBoth(page, '60-incident-report-field-errors');

    // Fixing the fields takes the messages and the block away before anything is sent again.
    await title.fill('Praxisserver verschlüsselt');
    await date.fill(berlinDay());
    await time.fill('00:01');
    await time.blur();
    await page.getByTestId('patient-data').getByRole('radio', { name: 'Nein' }).check();
    await page.getByText('Bitte prüfen Sie die markierten Felder.').waitFor({ state: 'hidden' });
    expect(await describedBy(date)).not.toContain('Zukunft');
    expect(await page.getByTestId('patient-data').textContent()).not.toContain('Bitte auswählen.');
  });

  it('reporting: a failed request and the server’s 400 keep what was typed; the 400 stands at its field', async () => {
    const title = page.getByRole('textbox', { name: /Was ist passiert/ });
    await page.getByRole('textbox', { name: /Weitere Einzelheiten/ }).fill('Alle Dateien enden auf .locked');
    await chooseOption(page, /Welche Standorte/, 'Filiale Nord');
    await page.keyboard.press('Escape');

    // The connection drops: one sentence above the buttons, every input as it was.
    const incidents = `**/api/v1/organisations/${organisationId}/incidents`;
    await page.route(incidents, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await report().click();
    await seeText(page, /Der Server ist gerade nicht erreichbar/);
    await page.unroute(incidents);
    expect(await title.inputValue()).toBe('Praxisserver verschlüsselt');
    expect(await page.getByRole('textbox', { name: /Weitere Einzelheiten/ }).inputValue()).toBe('Alle Dateien enden auf .locked');
    expect(
      await noticed()
        .getByRole('textbox', { name: /Bemerkt am/ })
        .inputValue(),
    ).toBe(berlinDay());
    expect(
      await noticed()
        .getByRole('textbox', { name: /Uhrzeit/ })
        .inputValue(),
    ).toBe('00:01');
    expect(page.url()).toMatch(/\/incidents\/new$/);

    // Meanwhile someone deletes the chosen location: the server's 400 (locationIds.0) is named at the location field.
    const organisation = await apiInPage<{ locations: { id: string; name: string }[] }>(page, 'GET', `/api/v1/organisations/${organisationId}`);
    const north = organisation.body.locations.find((location) => location.name === 'Filiale Nord')!;
    expect((await apiInPage(page, 'DELETE', `/api/v1/organisations/${organisationId}/locations/${north.id}`)).status).toBeLessThan(300);
    await report().click();
    const locations = page
      .getByRole('combobox', { name: /Welche Standorte/ })
      .or(page.getByRole('textbox', { name: /Welche Standorte/ }))
      .first();
    await expect.poll(() => describedBy(locations)).toContain('Diesen Standort gibt es nicht (mehr).');
    expect(await title.inputValue()).toBe('Praxisserver verschlüsselt');
    expect(page.url()).toMatch(/\/incidents\/new$/);
    await screenshotBoth(page, '61-incident-report-server-error');

    // Without the deleted location the report goes through and the assessment follows.
    await locations.focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await expect.poll(() => describedBy(locations)).not.toContain('Diesen Standort');
    await report().click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}\/assessment$/, { waitUntil: 'commit' });
  });

  it('assessment: unanswered questions are marked at the question; answered, the clocks start', async () => {
    await seeText(page, 'Ist der Vorfall erheblich? (§ 2 Nr. 11 BSIG)');
    const save = page.getByRole('button', { name: 'Einschätzung speichern und Fristen zeigen' });
    await save.click();
    await seeText(page, /Bitte alle Fragen beantworten/);
    for (const question of ['severeDisruption', 'financialLoss', 'considerableHarmToOthers', 'maliciousSuspected', 'personalDataBreach']) {
      expect(await page.getByTestId(`q-${question}`).textContent()).toContain('Bitte auswählen.');
    }
    // Pre-answered questions are not marked.
    expect(await page.getByTestId('q-crossBorderImpact').textContent()).not.toContain('Bitte auswählen.');
    await screenshotBoth(page, '62-incident-assessment-unanswered');

    const answer = (question: string, label: string) => page.getByTestId(`q-${question}`).getByRole('radio', { name: label, exact: true }).check();
    await answer('severeDisruption', 'Ja');
    await answer('financialLoss', 'Unsicher');
    await answer('considerableHarmToOthers', 'Nein');
    await answer('maliciousSuspected', 'Ja');
    await answer('personalDataBreach', 'Ja');
    // A breach asks for the risk; left open, it is marked there.
    await save.click();
    await expect.poll(() => page.getByTestId('q-gdprRisk').textContent()).toContain('Bitte auswählen.');
    expect(await page.getByTestId('q-severeDisruption').textContent()).not.toContain('Bitte auswählen.');
    await answer('gdprRisk', 'Risiko');
    await save.click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await page.getByTestId('clock-early_warning').waitFor();
  });

  it('early warning: a time before the incident was noticed comes back from the server at the date, the reference stays', async () => {
    const clock = page.getByTestId('clock-early_warning');
    await clock.getByRole('button', { name: 'Als übermittelt erfassen' }).click();
    const form = page.getByTestId('submission-form');
    const when = form.getByTestId('submitted-at');
    const date = when.getByRole('textbox', { name: /Datum/ });
    const time = when.getByRole('textbox', { name: /Uhrzeit/ });
    expect(await date.inputValue()).toBe(berlinDay());
    await form.getByRole('textbox', { name: /Aktenzeichen/ }).fill('BSI-2026-0815');

    // Checked on leaving the pair and on submit.
    await time.fill('25:00');
    await time.blur();
    await expect.poll(() => describedBy(date)).toContain('Uhrzeit als HH:MM');
    await form.getByRole('button', { name: 'Übermittlung speichern' }).click();
    await form.getByText('Bitte prüfen Sie die markierten Felder.').waitFor();

    // Yesterday is before the incident was noticed (today 00:01): only the server knows, its 400 lands at the date.
    await date.fill(berlinDay(-1));
    await time.fill('23:00');
    await form.getByRole('button', { name: 'Übermittlung speichern' }).click();
    await expect.poll(() => describedBy(date)).toContain('Der Zeitpunkt liegt vor dem Bemerken des Vorfalls.');
    expect(await form.getByRole('textbox', { name: /Aktenzeichen/ }).inputValue()).toBe('BSI-2026-0815');
    expect(await date.inputValue()).toBe(berlinDay(-1));
    await screenshotBoth(page, '63-incident-submission-before-noticed', false);

    const now = Date.now();
    await date.fill(berlinDay());
    await time.fill(berlinTime(now));
    await form.getByRole('button', { name: 'Übermittlung speichern' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => clock.getAttribute('data-done')).toBe('true');
    expect(await clock.getByTestId('submission-reference').textContent()).toContain('BSI-2026-0815');
  });

  it('shows the noticed time in Berlin and in German notation in an English browser in New York', async () => {
    const state = await page.context().storageState();
    const context = await browser.newContext({
      storageState: { cookies: state.cookies, origins: [] },
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    try {
      const english = await context.newPage();
      const before = Date.now();
      await english.goto(`${server.url}/o/${organisationId}/incidents/new`);
      const inputs = english.getByTestId('noticed-at').getByRole('textbox');
      await inputs.first().waitFor();
      expect(await inputs.nth(0).inputValue()).toBe(berlinDay());
      expect([berlinTime(before), berlinTime(Date.now())]).toContain(await inputs.nth(1).inputValue());
      expect(await inputs.nth(0).getAttribute('placeholder')).toMatch(/^(TT\.MM\.JJJJ|DD\.MM\.YYYY)$/);
    } finally {
      await context.close();
    }
  });
});
