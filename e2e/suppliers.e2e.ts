import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** The calendar day `days` from today in the practice's time zone, as YYYY-MM-DD. */
function berlinDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const german = (day: string) => day.split('-').reverse().join('.');

describe.runIf(run)('the supplier register: who processes patient data, and whether AVV and C5 are in place', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let organisationId = '';
  let supplierUrl = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');
  const dateField = (name: RegExp) => dialog().getByRole('textbox', { name });

  it('records a cloud supplier without AVV and with an ending C5 attestation, and shows the warnings everywhere', async () => {
    await runSetup(page, server.url);
    organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    // A second supplier without warnings, so that the warning filter has something to leave out; an asset to link.
    const other = await apiInPage(page, 'POST', `/api/v1/organisations/${organisationId}/suppliers`, { name: 'Druckerservice Nord', criticality: 'low' });
    expect(other.status).toBe(201);
    const asset = await apiInPage(page, 'POST', `/api/v1/organisations/${organisationId}/assets`, { name: 'Cloud-Backup Praxisdaten', kind: 'backup' });
    expect(asset.status).toBe(201);

    await openNav(page, 'Dienstleister');
    await page.waitForURL(/\/suppliers$/, { waitUntil: 'commit' });
    await page.getByTestId('supplier-table').getByText('Druckerservice Nord').waitFor();

    await page.getByRole('button', { name: 'Dienstleister erfassen' }).first().click();
    await dialog().getByRole('textbox', { name: /^Name/ }).fill('Muster Cloud GmbH');
    await dialog()
      .getByRole('textbox', { name: /Was der Dienstleister tut/ })
      .fill('Cloud-Backup der Patientendaten');
    await chooseOption(page, /^Bedeutung für die Praxis/, 'Hoch', dialog());
    await chooseOption(page, /^Zugriff auf Patientendaten/, 'Ja', dialog());
    await chooseOption(page, /^AVV \(Art\. 28/, 'Angefragt', dialog());
    await chooseOption(page, /^Verarbeitet Gesundheitsdaten in der Cloud/, 'Ja', dialog());
    await chooseOption(page, /^Nachweis nach § 393/, 'C5-Testat', dialog());
    await chooseOption(page, /^Art des C5-Testats/, 'Typ 2 (Wirksamkeit)', dialog());

    // A mistake: valid until before the report date. The field says so on leaving it and again on saving.
    const validUntil = berlinDay(30);
    await dateField(/^Datum des Testatberichts/).fill(german(berlinDay(-200)));
    await dateField(/^Datum des Testatberichts/).blur();
    await dateField(/^C5 gültig bis/).fill(german(berlinDay(-300)));
    await dateField(/^C5 gültig bis/).blur();
    const message = 'kann nicht vor dem Datum des Testatberichts liegen';
    await expect.poll(() => dialog().getByText(message).count()).toBeGreaterThan(0);
    await page.getByTestId('supplier-save').click();
    await expect.poll(() => dateField(/^C5 gültig bis/).getAttribute('aria-invalid')).toBe('true');
    expect(await dialog().getByText(message).count()).toBeGreaterThan(0);
    await dateField(/^Datum des Testatberichts/).scrollIntoViewIfNeeded();
    await screenshotBoth(page, '70-supplier-form-errors');
    await dateField(/^C5 gültig bis/).fill(german(validUntil));
    await dateField(/^C5 gültig bis/).blur();
    await expect.poll(() => dateField(/^C5 gültig bis/).getAttribute('aria-invalid')).not.toBe('true');
    await page.getByTestId('supplier-save').click();

    // Saved: the detail page shows both warnings and links them to the requirements.
    await page.waitForURL(/\/suppliers\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    supplierUrl = page.url();
    await page.getByTestId('supplier-warning-avv_missing').waitFor();
    await seeText(page, 'AVV fehlt');
    await seeText(page, 'C5-Testat endet in 30 Tagen');
    await expect.poll(() => page.getByTestId('supplier-warning-c5_expiring').getByRole('link', { name: 'KBV-A1-50' }).count()).toBe(1);

    // The assets it provides: chosen by name, saved as a set, shown with their names.
    const assetsBox = page.getByTestId('supplier-assets');
    await assetsBox
      .getByRole('textbox', { name: /^Geräte und Dienste/ })
      .or(assetsBox.getByRole('combobox', { name: /^Geräte und Dienste/ }))
      .first()
      .fill('Cloud');
    await page.getByRole('option', { name: 'Cloud-Backup Praxisdaten' }).click();
    await page.getByTestId('supplier-assets-save').click();
    await expect
      .poll(() =>
        page
          .getByTestId('supplier-assets')
          .getByRole('link', { name: /Cloud-Backup Praxisdaten/ })
          .count(),
      )
      .toBe(1);
    await screenshotBoth(page, '71-supplier-detail');

    // The list: the warning chip filters to this supplier, and the URL keeps the filter.
    await page.getByRole('link', { name: /Alle Dienstleister/ }).click();
    await expect.poll(() => page.getByTestId('supplier-table').getByRole('row').count()).toBe(3);
    await page.getByTestId('supplier-view-warning-c5_expiring').click();
    await expect.poll(() => page.getByTestId('supplier-table').getByRole('row').count()).toBe(2);
    expect(page.url()).toContain('warning=c5_expiring');
    await page.getByTestId('supplier-table').getByText('Muster Cloud GmbH').waitFor();
    await screenshotBoth(page, '72-supplier-list');
    // Patient-data access as a filter of its own (from the URL, as a shared link would open it).
    await page.goto(`${server.url}/o/${organisationId}/suppliers?patientDataAccess=unknown`);
    await page.getByTestId('supplier-table').getByText('Druckerservice Nord').waitFor();
    expect(await page.getByTestId('supplier-table').getByText('Muster Cloud GmbH').count()).toBe(0);

    // The dashboard names the C5 warning with a link to the filtered list.
    await openNav(page, 'Übersicht');
    await page.getByTestId('dashboard-suppliers').getByText('C5 endet in 60 Tagen: 1').waitFor();

    // The requirement the C5 warning links to shows it too.
    await page.goto(supplierUrl);
    await page.getByTestId('supplier-warning-c5_expiring').getByRole('link', { name: 'KBV-A1-50' }).click();
    await page.waitForURL(/\/catalog\/KBV-A1-50$/, { waitUntil: 'commit' });
    await page.getByTestId('requirement-supplier-warnings').waitFor();
    await seeText(page, '1 Dienstleister: C5 endet in 60 Tagen');
  });

  it('puts the server’s answer for a name already recorded at the field and keeps what was typed', async () => {
    await page.goto(`${server.url}/o/${organisationId}/suppliers`);
    await page.getByRole('button', { name: 'Dienstleister erfassen' }).first().click();
    await dialog().getByRole('textbox', { name: /^Name/ }).fill('muster cloud gmbh');
    await dialog()
      .getByRole('textbox', { name: /^Ansprechpartner/ })
      .fill('Frau Beispiel');
    await page.getByTestId('supplier-save').click();
    await expect.poll(() => dialog().getByText('Ein Dienstleister mit diesem Namen ist bereits erfasst.').count()).toBeGreaterThan(0);
    expect(await dialog().getByRole('textbox', { name: /^Name/ }).getAttribute('aria-invalid')).toBe('true');
    expect(
      await dialog()
        .getByRole('textbox', { name: /^Ansprechpartner/ })
        .inputValue(),
    ).toBe('Frau Beispiel');
  });

  it('keeps a change typed while someone else saved the same supplier, and says so', async () => {
    const id = supplierUrl.split('/').pop() ?? '';
    await page.goto(supplierUrl);
    const current = await apiInPage<{ revision: number }>(page, 'GET', `/api/v1/organisations/${organisationId}/suppliers/${id}`);
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Ansprechpartner/ })
      .fill('Herr Neu');
    const otherEdit = await apiInPage(page, 'PUT', `/api/v1/organisations/${organisationId}/suppliers/${id}`, {
      name: 'Muster Cloud GmbH',
      criticality: 'critical',
      revision: current.body.revision,
    });
    expect(otherEdit.status).toBe(200);
    await page.getByTestId('supplier-save').click();
    await seeText(page, /inzwischen geändert/);
    expect(
      await dialog()
        .getByRole('textbox', { name: /^Ansprechpartner/ })
        .inputValue(),
    ).toBe('Herr Neu');
  });

  it('exports the filtered suppliers as CSV that a German spreadsheet opens', async () => {
    await page.goto(`${server.url}/o/${organisationId}/suppliers?criticality=low`);
    await page.getByRole('button', { name: 'Exportieren' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('supplier-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^Dienstleister-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile((await download.path())!)).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Name;Was der Dienstleister tut;Bedeutung für die Praxis;Zugriff auf Patientendaten;/);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(['Druckerservice Nord']);
    expect(lines[1]!.split(';')[2]).toBe('Gering');
  });
});
