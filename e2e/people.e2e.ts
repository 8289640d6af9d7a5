import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

const csv = (rows: string[]) => ({ name: 'personal.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`, 'utf8') });

describe.runIf(run)('the staff register (Personal): who works in the practice, and the figures the check takes from it', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');
  const dateField = (name: RegExp) => dialog().getByRole('textbox', { name });

  it('adds two people through the form; an end before the start is named at the end date', async () => {
    await runSetup(page, server.url);
    await openNav(page, 'Personal');
    await page.waitForURL(/\/staff$/, { waitUntil: 'commit' });
    await seeText(page, 'Alle, die in der Praxis arbeiten – mit oder ohne Zugang zu praxisschild.');
    await screenshotBoth(page, '90-staff-empty', false);

    await page.getByTestId('person-add').click();
    await dialog().getByRole('textbox', { name: /^Name/ }).fill('Anna Berger');
    await dialog()
      .getByRole('textbox', { name: /^Personalnummer/ })
      .fill('P-1');
    await chooseOption(page, /^Funktion/, 'Medizinische/r Fachangestellte/r (MFA)', dialog());
    await dateField(/^Beginn/).fill('01.04.2021');
    await dateField(/^Beginn/).blur();
    await dateField(/^Ende/).fill('01.03.2021');
    await dateField(/^Ende/).blur();
    await expect.poll(() => dateField(/^Ende/).getAttribute('aria-invalid')).toBe('true');
    await seeText(page, 'Das Ende kann nicht vor dem Beginn liegen.');
    await screenshotBoth(page, '91-staff-form-end-before-start', false);
    await dateField(/^Ende/).fill('');
    await dateField(/^Ende/).blur();
    await dialog()
      .getByRole('textbox', { name: /^Wochenstunden/ })
      .fill('30');
    await page.getByTestId('person-save').click();
    await page.waitForURL(/\/staff\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await expect.poll(() => page.getByTestId('person-facts').innerText()).toContain('01.04.2021');
    expect(await page.getByTestId('person-status').innerText()).toMatch(/^aktiv$/i);
    await screenshotBoth(page, '92-staff-person');

    await page.getByRole('link', { name: /Gesamtes Personal/ }).click();
    await page.getByTestId('person-add').click();
    await dialog().getByRole('textbox', { name: /^Name/ }).fill('Dr. Jonas Keller');
    await chooseOption(page, /^Funktion/, 'Ärztin/Arzt', dialog());
    await chooseOption(page, /^Vertragsart/, 'Inhaber/in', dialog());
    await page.getByTestId('person-save').click();
    await page.waitForURL(/\/staff\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await seeText(page, 'Dr. Jonas Keller');
  });

  it('imports a CSV of three people and lists them with their status', async () => {
    await page.getByRole('link', { name: /Gesamtes Personal/ }).click();
    await page.getByTestId('person-import-open').click();
    await seeText(page, 'Personal importieren');
    await dialog()
      .locator('input[type=file]')
      .setInputFiles(
        csv([
          'Personalnummer;Name;Funktion;Beginn;Ende;Wochenstunden;Vertragsart;Patientendaten',
          'P-2;Lea Sommer;Pflegekraft;01.08.2022;;38,5;Unbefristet;ja',
          'P-3;Tom Brandt;Verwaltung;01.01.2019;31.01.2024;20;Befristet;nein',
          'P-4;Mia Yilmaz;Medizinische/r Fachangestellte/r (MFA);01.08.2025;;40;Ausbildung;ja',
        ]),
      );
    await expect.poll(() => page.getByTestId('person-import-counts').innerText()).toMatch(/3 Zeilen: 3 neu, 0 zu aktualisieren, 0 mit Fehlern/);
    await page.getByTestId('person-import-run').click();
    await seeText(page, 'Import abgeschlossen: 3 neu, 0 aktualisiert.');
    await expect.poll(() => page.getByTestId('person-table').innerText()).toContain('Lea Sommer');
    const table = await page.getByTestId('person-table').innerText();
    expect(table).toContain('Tom Brandt');
    expect(table).toMatch(/ausgeschieden/i);
    await page.getByTestId('person-view-status-leaver').click();
    await expect.poll(() => page.getByTestId('person-table').innerText()).not.toContain('Lea Sommer');
    await page.getByTestId('person-view-status-leaver').click();
    await screenshotBoth(page, '93-staff-list');
  });

  it('sets how long leavers are kept, refusing a period beyond ten years at the field', async () => {
    await page.getByTestId('retention-open').click();
    const months = page.getByTestId('retention-months');
    await months.fill('130');
    await page.getByTestId('retention-save').click();
    await expect.poll(() => page.getByRole('dialog').innerText()).toMatch(/120/);
    expect(await months.getAttribute('aria-invalid')).toBe('true');
    await months.fill('24');
    await page.getByTestId('retention-save').click();
    await expect.poll(() => page.getByTestId('retention-open').innerText()).toBe('Aufbewahrung: 24 Monate');
  });

  it('shows the figures from the register in the Betroffenheitscheck and takes them into the field', async () => {
    await openNav(page, 'Betroffenheitscheck');
    await page.waitForURL(/\/applicability$/, { waitUntil: 'commit' });
    // Active with patient data, staff: Anna, Jonas (owner), Lea, Mia (apprentice counts as a head) = 4.
    const hint = page.getByTestId('staff-figures-kbv');
    await expect.poll(() => hint.innerText()).toContain('Aus dem Personalverzeichnis: 4 Personen mit Patientendaten');
    await page.getByTestId('staff-figures-kbv-take').click();
    const persons = page.getByRole('textbox', { name: /Anzahl Personen/ });
    await expect.poll(() => persons.inputValue()).toBe('4');
    await persons.fill('6');
    await seeText(page, /Ihre Angabe weicht vom Personalverzeichnis ab/);
    // A departing figure is stored only with its reason (the server refuses it otherwise, see staff-figures-check.api).
    await page.getByTestId('staff-figures-kbv-reason').fill('Zwei Aushilfen am Empfang fehlen noch im Verzeichnis');
    await screenshotBoth(page, '94-staff-figures-in-check', false);
    expect(await hint.getByRole('link', { name: 'Personen anzeigen' }).getAttribute('href')).toMatch(/\/staff\?counted=kbv$/);
    await hint.getByRole('link', { name: 'Personen anzeigen' }).click();
    await page.waitForURL(/\/staff\?counted=kbv$/, { waitUntil: 'commit' });
    await page.getByTestId('person-counted-filter').waitFor();
    await expect.poll(() => page.getByTestId('person-table').innerText()).toContain('Mia Yilmaz');
    expect(await page.getByTestId('person-table').innerText()).not.toContain('Tom Brandt');
  });
});
