import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

const csv = (rows: string[]) => ({ name: 'risiken.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`, 'utf8') });
const header = 'Nr.;Risiko;Eintrittswahrscheinlichkeit (1–5);Schadensausmaß (1–5);Behandlung';

describe.runIf(run)('importing the risk register and naming the matrix axes', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');
  const counts = () => page.getByTestId('risk-import-counts').innerText();
  const upload = (rows: string[]) => dialog().locator('input[type=file]').setInputFiles(csv(rows));

  it('flags an unknown number and a rating of 7, imports the corrected file, and lists the risks', async () => {
    await runSetup(page, server.url);
    await openNav(page, 'Risiken');
    await page.waitForURL(/\/risks$/, { waitUntil: 'commit' });
    await page.getByTestId('risk-import-open').click();
    await seeText(page, 'Risiken importieren');

    await upload([header, ';Ransomware verschlüsselt den Server;möglich;5;Verringern', 'R-9;Stromausfall;7;4;Akzeptieren']);
    await expect.poll(counts).toMatch(/2 Zeilen: 1 neu, 0 zu aktualisieren, 1 mit Fehlern/);
    const bad = page.getByTestId('risk-import-rows').locator('tr[data-row="3"]');
    await expect.poll(() => bad.innerText()).toContain('Ein Risiko mit dieser Nummer gibt es nicht.');
    expect(await page.getByTestId('risk-import-run').isDisabled()).toBe(true);
    await screenshotBoth(page, '85-risk-import-errors');

    await upload([header, ';Ransomware verschlüsselt den Server;möglich;5;Verringern', ';Stromausfall;1;4;Akzeptieren']);
    await expect.poll(counts).toMatch(/2 Zeilen: 2 neu, 0 zu aktualisieren, 0 mit Fehlern/);
    await expect.poll(() => page.getByTestId('risk-import-run').isDisabled()).toBe(false);
    await page.getByTestId('risk-import-run').click();
    await seeText(page, '2 neu angelegt, 0 aktualisiert.');
    await expect.poll(() => page.getByTestId('risk-table').innerText()).toContain('Ransomware verschlüsselt den Server');
    expect(await page.getByTestId('risk-table').innerText()).toContain('R-2');
  });

  it('renames a step of the impact axis, sees it on the heat map, and restores the defaults', async () => {
    const impactLabel = () => page.getByTestId('heat-impact-label-5').innerText();
    await expect.poll(impactLabel, { timeout: 10_000 }).toContain('existenzbedrohend');
    await page.getByTestId('matrix-labels-open').click();
    await seeText(page, 'Achsen der Risikomatrix beschriften');
    const field = page.getByTestId('matrix-label-impact-5');
    await field.fill('');
    await field.blur();
    await expect.poll(() => dialog().innerText()).toContain('Stufe 5');
    await field.fill('Praxis muss schließen');
    await screenshotBoth(page, '86-risk-matrix-labels', false);
    await page.getByTestId('matrix-labels-save').click();
    await expect.poll(() => dialog().count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(impactLabel, { timeout: 10_000 }).toContain('Praxis muss schließen');

    await page.getByTestId('matrix-labels-open').click();
    await page.getByTestId('matrix-labels-reset').click();
    await expect.poll(() => dialog().count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(impactLabel, { timeout: 10_000 }).toContain('existenzbedrohend');
  });
});
