import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../server/test/pdf-text.ts';
import { chromiumAvailable, screenshot, screenshotBoth } from './support/browser.ts';
import { completeEnrolment, fillAdminStep, fillOrganisationStep, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** The answers as a practice would click them: good access control, half a backup, no emergency plan, no TI: 56 of 100. */
const answers: [string, string][] = [
  ['admin_mfa', 'Ja'],
  ['remote_access', 'Ja'],
  ['everyday_accounts', 'Ja'],
  ['leavers', 'Ja'],
  ['backup_daily', 'Ja'],
  ['backup_offline', 'Nein'],
  ['restore_tested', 'Teilweise'],
  ['updates', 'Teilweise'],
  ['unsupported_systems', 'Teilweise'],
  ['firewall', 'Teilweise'],
  ['ti_connector', 'Trifft nicht zu'],
  ['ti_admin_data', 'Trifft nicht zu'],
  ['supplier_contracts', 'Weiß nicht'],
  ['cloud_c5', 'Trifft nicht zu'],
  ['staff_training', 'Ja'],
  ['management_training', 'Ja'],
  ['emergency_plan', 'Nein'],
  ['incident_reporting', 'Nein'],
  ['nis2_registration', 'Teilweise'],
  ['risk_analysis', 'Nein'],
];

describe.runIf(run)('quick check without an account, carried into the first-run setup', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const choose = (questionId: string, label: string) => page.getByTestId(`question-${questionId}`).getByRole('radio', { name: label, exact: true }).check();

  it('answers the quick check, keeps the answers over a reload, shows the result, downloads the PDF and pre-fills the new practice', async () => {
    // A fresh installation opens the setup; its first step points to the quick check.
    await page.goto(server.url);
    await page.waitForURL(/\/setup$/, { waitUntil: 'commit' });
    await page.getByTestId('setup-quick-check-link').click();
    await page.waitForURL(/\/schnellcheck$/, { waitUntil: 'commit' });
    await seeText(page, 'Schnellcheck IT-Sicherheit');
    await seeText(page, '0 von 20 Fragen beantwortet');
    await screenshotBoth(page, 'quickcheck-01-questions', false);

    // Half of it, then a reload: nothing typed is lost.
    for (const [id, label] of answers.slice(0, 10)) await choose(id, label);
    await seeText(page, '10 von 20 Fragen beantwortet');
    await page.reload();
    await seeText(page, '10 von 20 Fragen beantwortet');
    expect(await page.getByTestId('question-backup_offline').getByRole('radio', { name: 'Nein', exact: true }).isChecked()).toBe(true);

    // Asking for the result too early names what is open, at the questions.
    await page.getByRole('button', { name: 'Ergebnis anzeigen' }).click();
    await page.getByTestId('quick-check-open').getByText('Noch offene Fragen: 10.').waitFor();
    expect(await page.getByText('Bitte auswählen.').count()).toBe(10);
    await page.getByRole('button', { name: 'Zur ersten offenen Frage' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('ti_connector');

    for (const [id, label] of answers.slice(10)) await choose(id, label);
    await seeText(page, '20 von 20 Fragen beantwortet');
    await screenshot(page, 'quickcheck-02-answered');
    await page.getByRole('button', { name: 'Ergebnis anzeigen' }).click();

    const result = page.getByTestId('quick-check-result');
    await result.waitFor();
    expect(await page.getByTestId('quick-check-score').textContent()).toBe('56');
    await seeText(page, 'Auf dem Weg');
    expect(await page.getByTestId('lever-ti').textContent()).toContain('trifft nicht zu');
    expect(await page.getByTestId('lever-backup').textContent()).toContain('50 / 100');
    const steps = await page
      .getByTestId('quick-check-steps')
      .locator('> li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')));
    expect(steps).toEqual(['step-backup_offline', 'step-emergency_plan', 'step-supplier_contracts', 'step-incident_reporting', 'step-risk_analysis']);
    const offline = page.getByTestId('step-backup_offline');
    expect(await offline.textContent()).toContain('Ihre Antwort: Nein');
    expect(await offline.getByRole('link', { name: 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 22' }).getAttribute('href')).toMatch(/kbv\.de/);
    await screenshotBoth(page, 'quickcheck-03-result');

    // The PDF summary, read back as text.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quick-check-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^praxisschild-schnellcheck-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Schnellcheck IT-Sicherheit', '56 von 100 Punkten – Auf dem Weg', '1. Sicherung getrennt vom Netz', 'So geht es weiter']) {
      expect(text, expected).toContain(expected);
    }

    // Carried into the setup of this fresh installation: the wizard says so.
    await page.getByTestId('quick-check-carry').click();
    await page.waitForURL(/\/setup$/, { waitUntil: 'commit' });
    const carried = page.getByTestId('quick-check-carried');
    await carried.waitFor();
    expect(await carried.textContent()).toContain('20 Antworten, 56 von 100 Punkten');
    expect(await page.getByTestId('setup-quick-check-link').count()).toBe(0);
    await screenshotBoth(page, 'quickcheck-04-setup-carried', false);
    await fillOrganisationStep(page);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await fillAdminStep(page, 'Unser Wartezimmer hat 12 grüne Stühle');
    await page.getByRole('button', { name: /Konto anlegen/ }).click();
    await completeEnrolment(page);
    await page.waitForURL(/\/o\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    const organisationId = new URL(page.url()).pathname.split('/')[2];

    // The catalog starts where the answers left off: "in Arbeit" where they said yes or partly, open elsewhere.
    await page.goto(`${server.url}/o/${organisationId}/catalog`);
    const row = (id: string) => page.getByTestId(`requirement-row-${id}`);
    await row('KBV-A1-26').waitFor();
    expect(await row('KBV-A1-26').textContent()).toContain('in Arbeit');
    expect(await row('KBV-A1-25').textContent()).toContain('in Arbeit');
    expect(await row('KBV-A1-22').textContent()).toContain('offen');
    expect(await row('KBV-A5-09').textContent()).toContain('offen');
    await screenshot(page, 'quickcheck-05-catalog', false);
    await page.goto(`${server.url}/o/${organisationId}/catalog/KBV-A1-25`);
    await seeText(page, /Aus dem Schnellcheck vom \d{2}\.\d{2}\.\d{4}: als teilweise umgesetzt angegeben \(Wiederherstellung getestet\)/);
    await screenshot(page, 'quickcheck-06-requirement');

    // The 8-week plan reads the same answers (decision 032, addendum): "Ja" to the management's training makes the
    // leadership task (KBV Anlage 1 Nr. 8) a confirmation with evidence; "Nein" to the offline backup marks the
    // 3-2-1 task (Anlage 1 Nr. 21–24) as a known gap.
    await page.goto(`${server.url}/o/${organisationId}/plan`);
    await page.getByTestId('roadmap-quick-check-summary').waitFor();
    await screenshot(page, 'quickcheck-07-plan-top', false);
    const leadership = page.getByTestId('proposal-item-leadership-awareness');
    expect(await leadership.textContent()).toContain('Bestätigen und Nachweis ablegen: Praxisleitung für Informationssicherheit sensibilisieren');
    expect(await leadership.getByTestId('proposal-quick-check').getAttribute('data-outcome')).toBe('confirm');
    expect(await leadership.textContent()).toContain('Im Schnellcheck mit Ja beantwortet (Schulung der Leitung)');
    const confirmations = page.locator('[data-testid="proposal-quick-check"][data-outcome="confirm"]');
    expect(await confirmations.count()).toBeGreaterThanOrEqual(1);
    const backup = page.getByTestId('proposal-item-backup-321');
    expect(await backup.getByTestId('proposal-quick-check').getAttribute('data-outcome')).toBe('gap');
    expect(await backup.textContent()).toContain('Im Schnellcheck mit Nein beantwortet (Sicherung getrennt vom Netz)');
    await page.getByTestId('proposal-week-3').scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'quickcheck-07-plan', false);
    await leadership.scrollIntoViewIfNeeded();
    await screenshot(page, 'quickcheck-08-plan-confirm', false);
    await page.getByText('EN', { exact: true }).click();
    await seeText(page, "Confirm and record the evidence: Make the practice's leadership aware of information security");
    await leadership.scrollIntoViewIfNeeded();
    await screenshot(page, 'quickcheck-09-plan-confirm-english', false);
    await page.getByText('DE', { exact: true }).click();
    await seeText(page, 'Bestätigen und Nachweis ablegen: Praxisleitung für Informationssicherheit sensibilisieren');

    // The answers went with the organisation; the tab forgot them.
    await page.goto(`${server.url}/schnellcheck`);
    await seeText(page, '0 von 20 Fragen beantwortet');
  });
});
