import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('the asset register: what the practice runs, and where it is exposed', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');

  it('records a server and a connector, relates them, sees the MFA warning on the asset and on § 30 Nr. 10, and filters by it', async () => {
    await runSetup(page, server.url);
    await openNav(page, 'Geräte & Dienste');
    await page.waitForURL(/\/assets$/, { waitUntil: 'commit' });
    await seeText(page, 'Noch nichts erfasst.');

    // A first entry with mistakes: the field says what is wrong on leaving it and again on saving.
    await page.getByRole('button', { name: 'Gerät oder Dienst erfassen' }).first().click();
    const name = dialog().getByRole('textbox', { name: /Bezeichnung/ });
    await name.fill('   ');
    await name.blur();
    await expect.poll(() => dialog().getByText('Bitte ausfüllen.').count()).toBeGreaterThan(0);
    await name.fill('PVS-Server');
    await chooseOption(page, /^Art/, 'Server', dialog());
    await dialog()
      .getByRole('textbox', { name: /Inventarnummer/ })
      .fill('INV-001');
    await dialog()
      .getByRole('textbox', { name: /Letzte Updates/ })
      .fill('01.01.2999');
    await dialog()
      .getByRole('textbox', { name: /Letzte Updates/ })
      .blur();
    await chooseOption(page, /Admin-Zugang mit Zwei-Faktor/, 'Nein', dialog());
    await page.getByTestId('asset-save').click();
    await expect
      .poll(() =>
        dialog()
          .getByRole('textbox', { name: /Letzte Updates/ })
          .getAttribute('aria-invalid'),
      )
      .toBe('true');
    await screenshotBoth(page, '60-asset-form-errors');
    await dialog()
      .getByRole('textbox', { name: /Letzte Updates/ })
      .fill('20.11.2026');
    await dialog()
      .getByRole('textbox', { name: /Letzte Updates/ })
      .blur();
    await page.getByTestId('asset-save').click();

    // Saved: the asset page shows the warning and names the requirement it affects.
    await page.waitForURL(/\/assets\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await seeText(page, 'Admin-Zugang ohne Zwei-Faktor');
    await expect.poll(() => page.getByRole('link', { name: 'BSIG-30-2-10' }).count()).toBe(1);
    const serverUrl = page.url();

    // A second entry with the same inventory number: the server's answer lands at the field, the input stays.
    await page.getByRole('link', { name: /Alle Geräte/ }).click();
    await page.getByRole('button', { name: 'Gerät oder Dienst erfassen' }).first().click();
    await dialog()
      .getByRole('textbox', { name: /Bezeichnung/ })
      .fill('Konnektor Empfang');
    await chooseOption(page, /^Art/, 'TI-Konnektor/TI-Gateway', dialog());
    await dialog()
      .getByRole('textbox', { name: /Inventarnummer/ })
      .fill('inv-001');
    await page.getByTestId('asset-save').click();
    await expect
      .poll(() =>
        dialog()
          .getByText(/Inventarnummer .*vergeben|bereits vergeben/)
          .count(),
      )
      .toBeGreaterThan(0);
    expect(
      await dialog()
        .getByRole('textbox', { name: /Bezeichnung/ })
        .inputValue(),
    ).toBe('Konnektor Empfang');
    await dialog()
      .getByRole('textbox', { name: /Inventarnummer/ })
      .fill('TI-01');
    await page.getByTestId('asset-save').click();
    await page.waitForURL(/\/assets\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });

    // The connector runs on … nothing; it stores its data in the server here for the sake of the relation.
    await chooseOption(page, 'Beziehung', 'speichert Daten in');
    await page
      .getByRole('textbox', { name: 'Zu' })
      .or(page.getByRole('combobox', { name: 'Zu' }))
      .first()
      .fill('PVS');
    await page.getByRole('option', { name: /PVS-Server/ }).click();
    await page.getByRole('button', { name: 'Hinzufügen' }).click();
    await expect.poll(() => page.getByTestId('asset-relations').getByText('PVS-Server').count()).toBe(1);
    await screenshotBoth(page, '61-asset-detail');

    // Seen from the server, the relation reads the other way round.
    await page.goto(serverUrl);
    await expect.poll(() => page.getByTestId('asset-relations').getByText('hält Daten von').count()).toBe(1);

    // The list: counts per warning and kind; a click on the warning filters the list to the server.
    await page.getByRole('link', { name: /Alle Geräte/ }).click();
    await expect.poll(() => page.getByTestId('asset-table').getByRole('row').count()).toBe(3);
    await page.getByTestId('asset-view-warning-admin_mfa_missing').click();
    await expect.poll(() => page.getByTestId('asset-table').getByRole('row').count()).toBe(2);
    expect(page.url()).toContain('warning=admin_mfa_missing');
    await screenshotBoth(page, '62-asset-list');

    // The requirement page of § 30 Abs. 2 Nr. 10 BSIG shows the warning with a link back to the filtered list.
    const organisationId = new URL(page.url()).pathname.split('/')[2];
    await page.goto(`${server.url}/o/${organisationId}/catalog/BSIG-30-2-10`);
    await page.getByTestId('requirement-asset-warnings').waitFor();
    await seeText(page, '1 Eintrag: Admin-Zugang ohne Zwei-Faktor');
    await screenshotBoth(page, '63-requirement-asset-warning', false);

    // Another organisation's asset id is not found.
    const foreign = await apiInPage(page, 'GET', `/api/v1/organisations/${organisationId}/assets/00000000-0000-4000-8000-000000000000`);
    expect(foreign.status).toBe(404);
  });

  it('keeps a change typed while someone else saved the same asset, and says so', async () => {
    const organisationId = new URL(page.url()).pathname.split('/')[2];
    const list = await apiInPage<{ items: { id: string; name: string; revision: number }[] }>(
      page,
      'GET',
      `/api/v1/organisations/${organisationId}/assets?q=PVS`,
    );
    const pvs = list.body.items[0]!;
    await page.goto(`${server.url}/o/${organisationId}/assets/${pvs.id}`);
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Hersteller/ })
      .fill('Fujitsu');
    const other = await apiInPage(page, 'PUT', `/api/v1/organisations/${organisationId}/assets/${pvs.id}`, {
      name: 'PVS-Server (Keller)',
      kind: 'server',
      inventoryNumber: 'INV-001',
      lastPatchedOn: '2026-11-20',
      adminMfa: false,
      revision: pvs.revision,
    });
    expect(other.status).toBe(200);
    await page.getByTestId('asset-save').click();
    await seeText(page, /zwischenzeitlich|inzwischen|geändert/);
    expect(
      await dialog()
        .getByRole('textbox', { name: /^Hersteller/ })
        .inputValue(),
    ).toBe('Fujitsu');
  });

  it('exports the filtered list to an Excel file with German titles and real dates', async () => {
    const organisationId = new URL(page.url()).pathname.split('/')[2];
    await page.goto(`${server.url}/o/${organisationId}/assets?kind=server`);
    await expect.poll(() => page.getByTestId('asset-table').getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Exportieren' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('asset-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^Geraete-und-Dienste-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Bezeichnung');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('PVS-Server (Keller)');
    expect(sheet.getRow(2).getCell(3).value).toBe('Server');
    expect(sheet.getRow(1).getCell(12).value).toBe('Letzte Updates eingespielt am');
    expect((sheet.getRow(2).getCell(12).value as Date).toISOString().slice(0, 10)).toBe('2026-11-20');
  });
});
