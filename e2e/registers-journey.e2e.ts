import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

// Issue 9, item 8: the afternoon a practice manager spends on the registers, in one browser session. An inventory
// workbook from Excel (one row flagged, fixed, imported), three risks from the library, a cloud supplier whose C5
// attestation ends in 30 days seen on the dashboard, and the inventory exported back to Excel.

const run = chromiumAvailable();

/** The calendar day `days` from today in the practice's time zone, as YYYY-MM-DD. */
function berlinDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const german = (day: string) => day.split('-').reverse().join('.');

/** An inventory as a practice keeps it in Excel: German titles, real dates, and whatever a person typed into a cell. */
async function inventoryWorkbook(supportEnd: Date | string): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Inventur 2026');
  sheet.addRow(['Inventarnummer', 'Bezeichnung', 'Art', 'Standort', 'Supportende des Herstellers', 'Schutzbedarf']);
  sheet.addRow(['INV-001', 'Praxisserver', 'Server', 'Hauptpraxis', new Date(Date.UTC(2029, 5, 30)), 'Sehr hoch']);
  sheet.addRow(['INV-002', 'TI-Konnektor', 'TI-Konnektor / TI-Gateway', 'Hauptpraxis', new Date(Date.UTC(2028, 0, 31)), 'Hoch']);
  sheet.addRow(['INV-003', 'Empfangs-PC', 'Arbeitsplatz-PC', 'Hauptpraxis', supportEnd, 'Normal']);
  return {
    name: 'Inventur.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  };
}

describe.runIf(run)('the registers in one afternoon: inventory from Excel, risks from the library, a supplier with C5, the dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');

  it('imports, adopts, records, warns and exports', async () => {
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';

    // 1. The inventory workbook: one support end typed as "bald" is flagged at its row and column; nothing imports.
    await openNav(page, 'Geräte & Dienste');
    await page.waitForURL(/\/assets$/, { waitUntil: 'commit' });
    await page.getByTestId('asset-import-open').click();
    await dialog()
      .locator('input[type=file]')
      .setInputFiles(await inventoryWorkbook('bald'));
    const counts = () => page.getByTestId('asset-import-counts').innerText();
    await expect.poll(counts).toMatch(/3 Zeilen: 2 neu, 0 zu aktualisieren, 1 mit Fehlern/);
    const flagged = page.getByTestId('asset-import-rows').locator('tr[data-row="4"]');
    await expect.poll(() => flagged.innerText()).toContain('Supportende des Herstellers: Kein gültiges Datum');
    expect(await page.getByTestId('asset-import-run').isDisabled()).toBe(true);

    // Fixed in Excel and chosen again: three new rows, imported in one go.
    await dialog()
      .locator('input[type=file]')
      .setInputFiles(await inventoryWorkbook(new Date(Date.UTC(2027, 9, 14))));
    await expect.poll(counts).toMatch(/3 Zeilen: 3 neu, 0 zu aktualisieren, 0 mit Fehlern/);
    await page.getByTestId('asset-import-run').click();
    await seeText(page, '3 neu angelegt, 0 aktualisiert.');
    for (const name of ['Praxisserver', 'TI-Konnektor', 'Empfangs-PC'])
      await page.getByTestId('asset-table').getByRole('link', { name, exact: true }).waitFor();

    // 2. Three risks from the library, one click each.
    await openNav(page, 'Risiken');
    await page.waitForURL(/\/risks$/, { waitUntil: 'commit' });
    await page.getByRole('link', { name: 'Aus Vorlagen übernehmen' }).click();
    await page.waitForURL(/\/risks\/templates$/, { waitUntil: 'commit' });
    for (const id of ['RT-01', 'RT-02', 'RT-03']) {
      await page
        .getByTestId(`risk-template-${id}`)
        .getByRole('button', { name: /^Übernehmen:/ })
        .click();
      await page.waitForURL(/\/risks\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
      await page.getByRole('button', { name: 'Bearbeiten' }).waitFor();
      await page.goto(`${server.url}/o/${organisationId}/risks/templates`);
      await page.getByTestId(`risk-template-${id}`).getByText('übernommen', { exact: true }).waitFor();
    }
    await page.goto(`${server.url}/o/${organisationId}/risks`);
    await expect.poll(() => page.getByTestId('risk-table').getByRole('row').count()).toBe(4);

    // 3. A cloud supplier with patient data, a signed AVV and a C5 type 2 attestation that ends in 30 days.
    await openNav(page, 'Dienstleister');
    await page.waitForURL(/\/suppliers$/, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Dienstleister erfassen' }).first().click();
    await dialog().getByRole('textbox', { name: /^Name/ }).fill('Muster Cloud GmbH');
    await chooseOption(page, /^Zugriff auf Patientendaten/, 'Ja', dialog());
    await chooseOption(page, /^AVV \(Art\. 28/, 'Unterschrieben', dialog());
    await chooseOption(page, /^Verarbeitet Gesundheitsdaten in der Cloud/, 'Ja', dialog());
    await chooseOption(page, /^Nachweis nach § 393/, 'C5-Testat', dialog());
    await chooseOption(page, /^Art des C5-Testats/, 'Typ 2 (Wirksamkeit)', dialog());
    const dateField = (name: RegExp) => dialog().getByRole('textbox', { name });
    await dateField(/^Datum des Testatberichts/).fill(german(berlinDay(-335)));
    await dateField(/^C5 gültig bis/).fill(german(berlinDay(30)));
    await dateField(/^C5 gültig bis/).blur();
    await page.getByTestId('supplier-save').click();
    await page.waitForURL(/\/suppliers\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await seeText(page, 'C5-Testat endet in 30 Tagen');
    expect(await page.getByTestId('supplier-warning-avv_missing').count()).toBe(0);

    // 4. The dashboard: the C5 warning, the three risks in the heat map, the inventory's count.
    await openNav(page, 'Übersicht');
    await page.getByTestId('dashboard-suppliers').getByText('C5 endet in 60 Tagen: 1').waitFor();
    await page.getByTestId('dashboard-risks').getByText('Alle 3 Risiken').waitFor();
    await page.getByTestId('dashboard-assets').getByText('3 Einträge').waitFor();
    const heat = await page.getByTestId('risk-heat-map-small').locator('td').allInnerTexts();
    expect(heat.map((cell) => Number(cell.trim() || 0)).reduce((a, b) => a + b, 0)).toBe(3);
    await screenshotBoth(page, '90-registers-journey-dashboard', false);

    // 5. The inventory back to Excel: German titles, the three rows, the support end as a real date.
    await openNav(page, 'Geräte & Dienste');
    await page.waitForURL(/\/assets$/, { waitUntil: 'commit' });
    await page.getByTestId('asset-table').getByText('Empfangs-PC').waitFor();
    await page.getByRole('button', { name: 'Exportieren' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('asset-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^Geraete-und-Dienste-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const titles = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(titles).toContain('Inventarnummer');
    expect(sheet.rowCount).toBe(4);
    const supportColumn = titles.indexOf('Supportende des Herstellers') + 1;
    const pc = [2, 3, 4].map((n) => sheet.getRow(n)).find((row) => row.getCell(titles.indexOf('Bezeichnung') + 1).value === 'Empfangs-PC')!;
    expect((pc.getCell(supportColumn).value as Date).toISOString().slice(0, 10)).toBe('2027-10-14');
  });
});
