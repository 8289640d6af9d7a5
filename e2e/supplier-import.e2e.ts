import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

const csv = (rows: string[]) => ({ name: 'dienstleister.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`, 'utf8') });
const header = 'Name;Bedeutung für die Praxis;Zugriff auf Patientendaten;Datum des Testatberichts;C5 gültig bis';

describe.runIf(run)('importing the supplier register from a spreadsheet', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');
  const counts = () => page.getByTestId('supplier-import-counts').innerText();
  const upload = (rows: string[]) => dialog().locator('input[type=file]').setInputFiles(csv(rows));

  it('flags a row whose C5 ends before its report, imports the corrected file, and lists the suppliers', async () => {
    await runSetup(page, server.url);
    await openNav(page, 'Dienstleister');
    await page.waitForURL(/\/suppliers$/, { waitUntil: 'commit' });
    await page.getByTestId('supplier-import-open').click();
    await seeText(page, 'Dienstleister importieren');

    await upload([header, 'Praxis-IT Müller GmbH;Hoch;ja;;', 'Cloud-Backup AG;Kritisch;ja;15.02.2026;01.01.2026']);
    await expect.poll(counts).toMatch(/2 Zeilen: 1 neu, 0 zu aktualisieren, 1 mit Fehlern/);
    const bad = page.getByTestId('supplier-import-rows').locator('tr[data-row="3"]');
    await expect.poll(() => bad.innerText()).toContain('C5 gültig bis: „Gültig bis“ kann nicht vor dem Datum des Testatberichts liegen.');
    expect(await page.getByTestId('supplier-import-run').isDisabled()).toBe(true);
    await screenshotBoth(page, '69-supplier-import-errors');

    await upload([header, 'Praxis-IT Müller GmbH;Hoch;ja;;', 'Cloud-Backup AG;Kritisch;ja;15.02.2026;14.02.2027']);
    await expect.poll(counts).toMatch(/2 Zeilen: 2 neu, 0 zu aktualisieren, 0 mit Fehlern/);
    await expect.poll(() => page.getByTestId('supplier-import-run').isDisabled()).toBe(false);
    await page.getByTestId('supplier-import-run').click();
    await seeText(page, '2 neu angelegt, 0 aktualisiert.');
    await expect.poll(() => page.getByTestId('supplier-table').innerText()).toContain('Praxis-IT Müller GmbH');
    expect(await page.getByTestId('supplier-table').innerText()).toContain('Cloud-Backup AG');
  });
});
