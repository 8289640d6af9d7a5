import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshot, screenshotBoth } from './support/browser.ts';
import { pdfBuffer } from './support/compliance.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('the signed AVV of a supplier: uploaded on its page, downloadable, replaced and removed', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  it('uploads the AVV as evidence of KBV-A1-04, links it, and the "AVV fehlt" warning clears', async () => {
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const suppliers = `/api/v1/organisations/${organisationId}/suppliers`;
    const created = await apiInPage<{ id: string }>(page, 'POST', suppliers, {
      name: 'Praxis-IT Muster GmbH',
      patientDataAccess: true,
      avvStatus: 'requested',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await page.goto(`${server.url}/o/${organisationId}/suppliers/${id}`);
    await page.getByTestId('supplier-warning-avv_missing').waitFor();
    const card = page.getByTestId('supplier-avv');
    await card.getByText('Noch kein AVV-Dokument hinterlegt.').waitFor();

    // Nothing chosen, then a text file renamed to .pdf: both are said at the file control, in plain German.
    await page.getByTestId('supplier-avv-upload').click();
    await card.getByText('Bitte wählen Sie zuerst die Datei mit dem unterschriebenen AVV aus.').waitFor();
    const input = card.locator('input[type=file]');
    await input.setInputFiles({ name: 'avv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Nur Text.\n') });
    await page.getByTestId('supplier-avv-upload').click();
    await card.getByText(/Dieser Dateityp ist als Nachweis nicht erlaubt/).waitFor();
    await expect.poll(() => card.getByRole('button', { name: /Datei/ }).first().getAttribute('aria-invalid')).toBe('true');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '74-supplier-avv-wrong-type', false);

    await input.setInputFiles({ name: 'AVV Praxis-IT.pdf', mimeType: 'application/pdf', buffer: pdfBuffer() });
    await page.getByTestId('supplier-avv-upload').click();
    const download = page.getByTestId('supplier-avv-download');
    await download.filter({ hasText: 'AVV Praxis-IT.pdf' }).waitFor();
    await expect.poll(() => page.getByTestId('supplier-warning-avv_missing').count()).toBe(0);
    await seeText(page, 'Unterschrieben');
    expect(await page.getByTestId('supplier-avv-upload').textContent()).toBe('AVV ersetzen');
    const href = await download.getAttribute('href');
    expect(href).toMatch(/\/evidence\/[0-9a-f-]{36}\/download$/);
    const file = await page.request.get(`${server.url}${href}`);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(saved.suggestedFilename()).toBe('AVV Praxis-IT.pdf');
    await screenshotBoth(page, '73-supplier-avv');

    // Someone else changes the supplier meanwhile: the replacement is refused and said, and leaves no stray file.
    const current = await apiInPage<{ revision: number; avvEvidenceId: string }>(page, 'GET', `${suppliers}/${id}`);
    const other = await apiInPage(page, 'PUT', `${suppliers}/${id}`, {
      name: 'Praxis-IT Muster GmbH',
      patientDataAccess: true,
      avvStatus: 'signed',
      avvEvidenceId: current.body.avvEvidenceId,
      notes: 'Vertrag geprüft',
      revision: current.body.revision,
    });
    expect(other.status).toBe(200);
    await input.setInputFiles({ name: 'AVV neu.pdf', mimeType: 'application/pdf', buffer: pdfBuffer() });
    await page.getByTestId('supplier-avv-upload').click();
    await card.getByText(/Jemand anderes hat diesen Dienstleister inzwischen geändert/).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '75-supplier-avv-conflict', false);
    const evidence = await apiInPage<{ fileName: string }[]>(page, 'GET', `/api/v1/organisations/${organisationId}/requirements/KBV-A1-04/evidence`);
    expect(evidence.body.map((e) => e.fileName)).toEqual(['AVV Praxis-IT.pdf']);
    // On the fresh page the replacement goes through.
    await page.getByTestId('supplier-avv-upload').click();
    await download.filter({ hasText: 'AVV neu.pdf' }).waitFor();

    // Removing only unlinks: the file stays among the evidence of KBV-A1-04.
    await page.getByTestId('supplier-avv-unlink').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Entfernen' }).click();
    await card.getByText('Noch kein AVV-Dokument hinterlegt.').waitFor();
    expect(await page.getByTestId('supplier-avv-upload').textContent()).toBe('AVV hochladen');
    const after = await apiInPage<{ avvEvidenceId: string | null }>(page, 'GET', `${suppliers}/${id}`);
    expect(after.body.avvEvidenceId).toBeNull();
    const kept = await apiInPage<{ fileName: string }[]>(page, 'GET', `/api/v1/organisations/${organisationId}/requirements/KBV-A1-04/evidence`);
    expect(kept.body.map((e) => e.fileName).sort()).toEqual(['AVV Praxis-IT.pdf', 'AVV neu.pdf']);
  });
});
