import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, desktop, screenshot, screenshotBoth, tablet } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('a ransomware night: report, assess, see the clocks, send the early warning', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  /** Chooses an answer of one question on the assessment page. */
  async function answer(question: string, label: string) {
    await page.getByTestId(`q-${question}`).getByRole('radio', { name: label, exact: true }).check();
  }

  const clock = (kind: string) => page.getByTestId(`clock-${kind}`);

  it('reports an incident with patient data, assesses it, drafts and records the early warning', async () => {
    await runSetup(page, server.url);

    await openNav(page, 'Sicherheitsvorfälle');
    await page.waitForURL(/\/incidents$/, { waitUntil: 'commit' });
    await seeText(page, 'Bisher keine Sicherheitsvorfälle erfasst.');
    await screenshotBoth(page, '40-incidents-empty');

    // The red button sits in the header for everyone who may write.
    await page.getByTestId('report-incident-button').first().click();
    await page.waitForURL(/\/incidents\/new$/, { waitUntil: 'commit' });
    await page.getByRole('textbox', { name: /Was ist passiert/ }).fill('Praxisserver verschlüsselt, Erpresserschreiben am Empfang');
    // "When noticed" is filled with now, in German notation and Berlin time.
    expect(await page.getByRole('textbox', { name: /Bemerkt am/ }).inputValue()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(await page.getByRole('textbox', { name: /Uhrzeit/ }).inputValue()).toMatch(/^\d{2}:\d{2}$/);
    await page.getByRole('textbox', { name: /Weitere Einzelheiten/ }).fill('Beim Öffnen des PVS um 7:30 Uhr: alle Dateien mit Endung .locked');
    await chooseOption(page, /Welche Standorte/, 'Hauptpraxis');
    await page.keyboard.press('Escape');
    await chooseOption(page, /Vermutete Ursache/, 'Erpressungstrojaner / Ransomware');
    await page.getByRole('textbox', { name: /Welche Geräte oder Programme/ }).fill('Praxisverwaltungssystem, Empfangs-PC');
    await page.getByTestId('patient-data').getByRole('radio', { name: 'Ja / vielleicht' }).check();
    await seeText(page, /keine Namen von Patientinnen und Patienten/);
    await screenshotBoth(page, '41-incident-report');
    await page.getByRole('button', { name: 'Vorfall melden', exact: true }).last().click();

    // Straight on to the significance assessment. Before it, the incident page says what is open and the earliest deadline.
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}\/assessment$/, { waitUntil: 'commit' });
    await page.getByRole('link', { name: 'zum Vorfall' }).click();
    await page.getByTestId('not-assessed').waitFor();
    await seeText(page, /frühe Erstmeldung an das BSI bis/);
    expect(await page.getByTestId('clock-early_warning').count()).toBe(0);
    await screenshotBoth(page, '42-incident-not-assessed');
    await page.getByRole('link', { name: /Alle Sicherheitsvorfälle/ }).click();
    const openRow = page.getByTestId('incident-row-1');
    await openRow.waitFor();
    expect(await openRow.textContent()).toContain('Einschätzung offen');
    expect(await openRow.textContent()).toMatch(/Falls erheblich: frühe Erstmeldung bis .*noch (23|24) Std\./);
    await screenshotBoth(page, '42-incidents-list-open');
    await openRow.getByRole('link').click();
    await page.getByTestId('not-assessed').getByRole('link', { name: 'Jetzt einschätzen' }).click();

    // The breach question starts answered because of the patient data.
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}\/assessment$/, { waitUntil: 'commit' });
    await seeText(page, 'Ist der Vorfall erheblich? (§ 2 Nr. 11 BSIG)');
    await seeText(page, /Im Zweifel: melden/);
    expect(await page.getByTestId('q-personalDataBreach').getByRole('radio', { name: 'Ja' }).isChecked()).toBe(true);
    await answer('severeDisruption', 'Ja');
    await answer('financialLoss', 'Unsicher');
    await answer('considerableHarmToOthers', 'Nein');
    await answer('maliciousSuspected', 'Ja');
    await answer('gdprRisk', 'Hohes Risiko');
    await screenshotBoth(page, '43-incident-assessment');
    await page.getByRole('button', { name: 'Einschätzung speichern und Fristen zeigen' }).click();

    // The incident page: three BSI clocks and the GDPR clock, the early warning current.
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await clock('early_warning').waitFor();
    for (const kind of ['early_warning', 'notification', 'progress_report', 'gdpr_art33']) await clock(kind).waitFor();
    expect(await clock('early_warning').getAttribute('data-current')).toBe('true');
    expect(await clock('notification').getAttribute('data-current')).toBe('false');
    expect(await clock('early_warning').getByTestId('countdown').textContent()).toMatch(/^noch (23|24) Std\. \d+ Min\.$/);
    await seeText(page, 'Jetzt fällig');
    await page.getByTestId('category-assumed').waitFor();
    await seeText(page, /NIS2-Betroffenheit noch nicht geprüft/);
    expect(await page.getByTestId('assessment-result').textContent()).toContain('schwerwiegende Betriebsstörung');
    await seeText(page, 'Benachrichtigung der betroffenen Personen');
    await screenshotBoth(page, '44-incident-clocks');

    // The early-warning draft: fields, copy, and the PDF.
    await clock('early_warning').getByRole('button', { name: 'Entwurf' }).click();
    const draft = page.getByTestId('draft');
    await draft.waitFor();
    expect(await draft.textContent()).toContain('Praxisserver verschlüsselt');
    await screenshotBoth(page, '45-incident-draft', false);
    const pdfLink = draft.getByTestId('draft-pdf');
    const href = await pdfLink.getAttribute('href');
    expect(href).toMatch(/\/drafts\/early_warning\/pdf\?locale=de$/);
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const docx = await page.request.get(`${server.url}${await draft.getByTestId('draft-docx').getAttribute('href')}`);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    expect((await docx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await page.getByRole('dialog').getByRole('button', { name: 'Schließen', exact: true }).last().click();
    await draft.waitFor({ state: 'detached' });

    // High risk to the patients: the letter to them (Art. 34 DSGVO) as a draft, in plain words, with the practice's hints.
    await clock('gdpr_art34').getByRole('button', { name: 'Entwurf' }).click();
    await draft.waitFor();
    const letter = await draft.textContent();
    for (const text of [
      'Sehr geehrte Patientin, sehr geehrter Patient,',
      'Erpressungstrojaner',
      'Praxisverwaltungssystem, Empfangs-PC',
      'Was Sie selbst tun können',
    ])
      expect(letter).toContain(text);
    expect(await draft.getByTestId('draft-notes').textContent()).toContain('vor dem Versand entfernen');
    expect(await draft.getByTestId('draft-pdf').getAttribute('href')).toMatch(/\/drafts\/gdpr_art34\/pdf\?locale=de$/);
    const letterPdf = await page.request.get(`${server.url}${await draft.getByTestId('draft-pdf').getAttribute('href')}`);
    expect(letterPdf.headers()['content-disposition']).toContain('praxisschild-vorfall-1-benachrichtigung-betroffene.pdf');
    await screenshotBoth(page, '45-incident-art34-letter', false);
    await page.getByRole('dialog').getByRole('button', { name: 'Schließen', exact: true }).last().click();
    await draft.waitFor({ state: 'detached' });

    // Record the submission with the reference of the BSI: the early warning is done, the notification is next.
    await clock('early_warning').getByRole('button', { name: 'Als übermittelt erfassen' }).click();
    const form = page.getByTestId('submission-form');
    await form.getByRole('textbox', { name: /Aktenzeichen/ }).fill('BSI-2026-0815');
    await screenshotBoth(page, '46-incident-record-submission', false);
    await form.getByRole('button', { name: 'Übermittlung speichern' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => clock('early_warning').getAttribute('data-done')).toBe('true');
    await expect.poll(() => clock('notification').getAttribute('data-current')).toBe('true');
    expect(await clock('early_warning').getByTestId('submission-reference').textContent()).toContain('BSI-2026-0815');

    // A measure on the timeline.
    await page.getByTestId('event-form').getByRole('textbox').fill('Server vom Netz getrennt, IT-Dienstleister informiert');
    await page.getByTestId('event-form').getByRole('button', { name: 'Eintragen' }).click();
    await page.getByTestId('timeline').getByText('Server vom Netz getrennt, IT-Dienstleister informiert').waitFor();
    await screenshotBoth(page, '47-incident-after-submission');

    // Who must know: the ticks are kept with the incident (and in the timeline), not in this browser.
    const escalation = page.getByTestId('escalation');
    for (const name of [/IT-Verantwortliche/, /Geschäftsführung/]) {
      const box = escalation.getByRole('checkbox', { name });
      await box.check();
      await expect.poll(() => box.isEnabled()).toBe(true);
      expect(await box.isChecked()).toBe(true);
    }
    await page.getByTestId('timeline').getByText('Geschäftsführung / Praxisleitung').waitFor();
    await seeText(page, /Billigt die Maßnahmen und überwacht ihre Umsetzung \(§ 38 Abs\. 1 BSIG\)/);
    // A fresh browser context with the same sign-in but nothing of this browser's storage: the ticks are still there.
    const state = await page.context().storageState();
    const fresh = await browser.newContext({
      storageState: { cookies: state.cookies, origins: [] },
      viewport: desktop,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
    });
    try {
      const second = await fresh.newPage();
      await second.goto(page.url());
      const secondEscalation = second.getByTestId('escalation');
      await secondEscalation.waitFor();
      await expect.poll(() => secondEscalation.getByRole('checkbox', { name: /IT-Verantwortliche/ }).isChecked()).toBe(true);
      expect(await secondEscalation.getByRole('checkbox', { name: /Geschäftsführung/ }).isChecked()).toBe(true);
      expect(await secondEscalation.getByRole('checkbox', { name: /Datenschutzbeauftragte/ }).isChecked()).toBe(false);
    } finally {
      await fresh.close();
    }

    // The BSI asks for an intermediate report (§ 32 Abs. 1 Nr. 3 BSIG) by a date it sets; it is recorded, then answered.
    const intermediate = page.getByTestId('intermediate-reports');
    await seeText(page, 'Bisher hat das BSI um keine Zwischenmeldung gebeten.');
    await intermediate.getByTestId('intermediate-request').click();
    const requestForm = page.getByTestId('intermediate-request-form');
    const dueDay = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
      new Date(Date.now() + 3 * 86_400_000),
    );
    await requestForm
      .getByTestId('intermediate-due')
      .getByRole('textbox', { name: /Frist laut Ersuchen/ })
      .fill(dueDay);
    await requestForm
      .getByTestId('intermediate-due')
      .getByRole('textbox', { name: /Uhrzeit/ })
      .fill('12:00');
    await requestForm.getByRole('textbox', { name: /Aktenzeichen des BSI/ }).fill('BSI-2026-0815-Z');
    await screenshotBoth(page, '47-incident-intermediate-request', false);
    await requestForm.getByRole('button', { name: 'Ersuchen speichern' }).click();
    await requestForm.waitFor({ state: 'detached' });
    const requestRow = intermediate.getByTestId('intermediate-request-row');
    await expect.poll(() => requestRow.textContent()).toContain(`fällig bis`);
    expect(await requestRow.textContent()).toContain(dueDay);
    expect(await requestRow.textContent()).toContain('offen');
    await page.getByTestId('timeline').getByText('Ersuchen des BSI um Zwischenmeldung').waitFor();
    await requestRow.getByTestId('intermediate-submit').click();
    const answerForm = page.getByTestId('intermediate-submission-form');
    await answerForm.getByRole('button', { name: 'Übermittlung speichern' }).click();
    await answerForm.waitFor({ state: 'detached' });
    await requestRow.getByTestId('intermediate-submitted').waitFor();
    expect(await requestRow.textContent()).toContain('erledigt');

    // Handling completed within the month: the final report replaces the progress report.
    await page.getByTestId('complete-handling').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Speichern', exact: true }).click();
    await clock('final_report').waitFor();
    expect(await clock('progress_report').count()).toBe(0);
    await seeText(page, /Bearbeitung abgeschlossen am/);

    // The same page in English.
    await page.getByText('EN', { exact: true }).click();
    await seeText(page, 'What must be reported by when?');
    await seeText(page, 'Final report to the BSI');
    await screenshotBoth(page, '48-incident-english');
    await page.getByText('DE', { exact: true }).click();
    await seeText(page, 'Was ist bis wann zu melden?');

    // On a phone in the night: the report button and the current clock still fit.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    await screenshot(page, '48-incident-phone', false);
    await page.setViewportSize(desktop);

    // The list shows the incident as significant with the notification as the next deadline.
    await openNav(page, 'Sicherheitsvorfälle');
    const row = page.getByTestId('incident-row-1');
    await row.waitFor();
    // The list may show its cached state for a moment before it refreshes.
    await expect.poll(() => row.textContent()).toContain('Meldung an das BSI');
    expect(await row.textContent()).toContain('erheblich');
    expect(await row.textContent()).toContain('Patientendaten betroffen');
    await screenshotBoth(page, '49-incidents-list');
  });

  it('pages, searches, filters and sorts a long incident list on the server, the clocks keep running; the audit trail shows its anchor', async () => {
    const organisationId = new URL(page.url()).pathname.split('/')[2]!;
    // 100 more reports (a practice network after years of use), sent from the page's own session.
    const statuses = await page.evaluate(async (base) => {
      const { csrfToken } = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const answers: number[] = [];
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`${base}/incidents`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ title: `Phishing-Mail ${i + 1}`, noticedAt: new Date().toISOString(), patientDataInvolved: false }),
        });
        answers.push(res.status);
      }
      return answers;
    }, `/api/v1/organisations/${organisationId}`);
    expect(new Set(statuses)).toEqual(new Set([201]));

    await page.reload();
    const table = page.getByTestId('incident-table');
    const rowIds = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid')));
    // A page of 50, newest first; the rest on request.
    await page.getByTestId('incident-row-101').waitFor();
    expect(await page.getByTestId('incident-row-1').count()).toBe(0);
    expect((await rowIds()).length).toBe(50);
    const more = page.getByTestId('incident-table-more');
    expect(await more.textContent()).toBe('Weitere Vorfälle laden (50 von 101 angezeigt)');
    await more.click();
    await expect.poll(() => more.textContent()).toBe('Weitere Vorfälle laden (100 von 101 angezeigt)');
    await more.click();
    await page.getByTestId('incident-row-1').waitFor();
    expect(await more.count()).toBe(0);
    await seeText(page, '101 von 101 angezeigt');

    // The search in the title runs on the server: case-insensitive, the count follows.
    const search = page.getByRole('textbox', { name: 'Suche im Titel' });
    await search.fill('praxisserver');
    await expect.poll(rowIds).toEqual(['incident-row-1']);
    await seeText(page, '1 von 1 angezeigt');
    await search.fill('Phishing-Mail 1');
    await expect.poll(async () => (await rowIds()).length).toBe(12);
    // Back to no search: the pages loaded before come back as they were.
    await search.fill('');
    await expect.poll(async () => (await rowIds()).length).toBe(101);

    // Filters: significant ones (only the ransomware night), then open or closed.
    await chooseOption(page, 'Einschätzung', 'erheblich');
    await expect.poll(rowIds).toEqual(['incident-row-1']);
    await chooseOption(page, 'Bearbeitung', 'offen');
    await seeText(page, 'Keine Vorfälle zu diesen Filtern.');
    expect(await rowIds()).toEqual([null]);
    await chooseOption(page, 'Bearbeitung', 'abgeschlossen');
    await expect.poll(rowIds).toEqual(['incident-row-1']);
    expect(await page.getByTestId('incident-row-1').getByTestId('incident-status').getAttribute('data-closed')).toBe('true');
    await screenshotBoth(page, '49-incidents-filtered', false);
    await page.reload();

    // A click on a header sorts on the server: by number from the oldest, by status what needs attention first.
    await page.getByTestId('incident-row-101').waitFor();
    await page.getByRole('button', { name: 'Nach „Nr.“ sortieren' }).click();
    await expect.poll(async () => (await rowIds())[0]).toBe('incident-row-1');
    expect(await table.getByRole('columnheader', { name: /Nr\./ }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Nach „Status“ sortieren' }).click();
    // Open and not yet assessed first (ties by number), the closed incident last.
    await expect.poll(async () => (await rowIds())[0]).toBe('incident-row-2');
    await page.getByRole('button', { name: 'Nach „Status“ sortieren' }).click();
    await expect.poll(async () => (await rowIds())[0]).toBe('incident-row-1');
    expect(await table.getByRole('columnheader', { name: /Status/ }).getAttribute('aria-sort')).toBe('descending');

    // On a tablet the list still fits: title, status and clock shown, the time noticed under the title, no badge cut.
    await page.setViewportSize(tablet);
    await page.waitForTimeout(400);
    expect(await table.getByRole('columnheader', { name: 'Bemerkt am' }).isVisible()).toBe(false);
    for (const name of [/Vorfall/, /Status/, /Nächste Frist/]) expect(await table.getByRole('columnheader', { name }).isVisible()).toBe(true);
    const first = page.getByTestId('incident-row-1');
    expect(await first.getByText(/^bemerkt am /).isVisible()).toBe(true);
    const overflow = await table.evaluate((el) => ({
      table: el.scrollWidth - (el.parentElement?.clientWidth ?? el.scrollWidth),
      badges: [...el.querySelectorAll('.mantine-Badge-label')].filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent),
    }));
    expect(overflow).toEqual({ table: 0, badges: [] });
    await screenshot(page, '49-incidents-sorted', false);
    await page.setViewportSize(desktop);

    // The clocks run while the page is open: the time left counts down, and the rows reload from the server.
    const state = await page.context().storageState();
    const watching = await browser.newContext({
      storageState: { cookies: state.cookies, origins: [] },
      viewport: tablet,
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
    });
    try {
      await watching.clock.install();
      const second = await watching.newPage();
      await second.goto(`${server.url}/o/${organisationId}/incidents`);
      const newest = second.getByTestId('incident-row-101');
      await newest.waitFor();
      expect(await newest.getByTestId('next-remaining').textContent()).toMatch(/^noch (23|24) Std\./);
      await watching.clock.fastForward('03:00:00');
      await expect.poll(() => newest.getByTestId('next-remaining').textContent()).toMatch(/^noch (20|21) Std\./);
      // Assessed elsewhere (here: by a request of its own): the open list shows it within a minute.
      const incidentId = await newest.getByRole('link').getAttribute('href');
      const assessed = await second.evaluate(
        async (url) => {
          const { csrfToken } = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
          const answers = {
            severeDisruption: 'yes',
            financialLoss: 'no',
            considerableHarmToOthers: 'no',
            maliciousSuspected: true,
            crossBorderImpact: false,
            personalDataBreach: false,
            gdprRisk: 'none',
          };
          const res = await fetch(url, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify(answers),
          });
          return res.status;
        },
        `/api/v1/organisations/${organisationId}/incidents/${incidentId!.split('/').pop()}/significance`,
      );
      expect(assessed).toBe(200);
      expect(await newest.getByTestId('significance-badge').textContent()).toBe('Einschätzung offen');
      await watching.clock.fastForward('01:01');
      await expect.poll(() => newest.getByTestId('significance-badge').textContent()).toBe('erheblich');
      expect(await newest.textContent()).toContain('Frühe Erstmeldung an das BSI');
    } finally {
      await watching.close();
    }

    await page.goto(`${server.url}/o/${organisationId}/audit`);
    await seeText(page, 'Prüfanker');
    await seeText(page, /Ältere Einträge laden \(100 von \d+ angezeigt\)/);
    await screenshotBoth(page, '49-audit-anchor', false);
  });
});
