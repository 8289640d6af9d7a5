import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

const csv = (rows: string[]) => ({ name: 'inventur.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`, 'utf8') });
const header = 'Nr;Gerät;Typ;Standort;Supportende';

describe.runIf(run)('importing the asset register from a spreadsheet', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');
  const counts = () => page.getByTestId('asset-import-counts').innerText();
  const upload = (rows: string[]) => dialog().locator('input[type=file]').setInputFiles(csv(rows));

  it('shows each row’s problems in German, imports only a clean file, and remembers the mapping', async () => {
    await runSetup(page, server.url);
    await openNav(page, 'Geräte & Dienste');
    await page.waitForURL(/\/assets$/, { waitUntil: 'commit' });
    await page.getByTestId('asset-import-open').click();
    await seeText(page, 'Geräte & Dienste importieren');

    // A file with a bad date and an unknown location: flagged at the row, nothing can be imported yet.
    await upload([header, 'E2E-1;Empfangs-PC;Arbeitsplatz-PC;Hauptpraxis;31.12.2027', 'E2E-2;Drucker Flur;Drucker/Scanner;Mondbasis;32.12.2027']);
    await expect.poll(counts).toMatch(/2 Zeilen: 1 neu, 0 zu aktualisieren, 1 mit Fehlern/);
    const bad = page.getByTestId('asset-import-rows').locator('tr[data-row="3"]');
    await expect.poll(() => bad.innerText()).toContain('Supportende des Herstellers: Kein gültiges Datum (z. B. 31.12.2026).');
    await expect.poll(() => bad.innerText()).toContain('Diesen Standort gibt es in Ihrer Organisation nicht (mehr).');
    expect(await page.getByTestId('asset-import-run').isDisabled()).toBe(true);
    await screenshotBoth(page, '66-asset-import-errors');

    // "Nr" is not recognised by itself: the person maps it to the inventory number.
    await chooseOption(page, 'Feld: Nr', 'Inventarnummer', dialog());
    await expect.poll(() => dialog().getByLabel('Feld: Nr').inputValue()).toBe('Inventarnummer');

    // The corrected file, chosen again: the hand-made mapping stays, both rows are new, the import runs.
    await upload([header, 'E2E-1;Empfangs-PC;Arbeitsplatz-PC;Hauptpraxis;31.12.2027', 'E2E-2;Drucker Flur;Drucker/Scanner;;31.12.2027']);
    await expect.poll(counts).toMatch(/2 Zeilen: 2 neu, 0 zu aktualisieren, 0 mit Fehlern/);
    await expect.poll(() => dialog().getByLabel('Feld: Nr').inputValue()).toBe('Inventarnummer');
    await expect.poll(() => page.getByTestId('asset-import-run').isDisabled()).toBe(false);
    await screenshotBoth(page, '67-asset-import-preview');
    await page.getByTestId('asset-import-run').click();
    await seeText(page, '2 neu angelegt, 0 aktualisiert.');
    await seeText(page, 'Empfangs-PC');
    await seeText(page, 'Drucker Flur');
    expect(await page.getByTestId('asset-table').innerText()).toContain('E2E-1');
    await screenshotBoth(page, '68-asset-import-done', false);

    // The same titles again: "Nr" is mapped as last time, so E2E-1 is an update, not a second PC.
    await page.getByTestId('asset-import-open').click();
    await upload([header, 'E2E-1;Empfangs-PC neu;Arbeitsplatz-PC;Hauptpraxis;31.12.2028']);
    await expect.poll(counts).toMatch(/1 Zeilen: 0 neu, 1 zu aktualisieren, 0 mit Fehlern/);
    await page.getByTestId('asset-import-run').click();
    await seeText(page, '0 neu angelegt, 1 aktualisiert.');
    await seeText(page, 'Empfangs-PC neu');
  });
});
