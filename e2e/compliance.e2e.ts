import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { chooseSegment, openNav, pdfBuffer, runApplicabilityCheck } from './support/compliance.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('what applies to us, and where do we stand', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  const kbvDone = async () => Number(await page.getByTestId('progress-kbv-done').textContent());

  /** Opens a requirement from the catalog, marks it implemented and waits for the confirmation. */
  async function markImplemented(requirementId: string) {
    await openNav(page, 'Anforderungskatalog');
    await page.getByTestId(`requirement-row-${requirementId}`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/catalog/${requirementId}$`), { waitUntil: 'commit' });
    await chooseSegment(page, 'status-form', 'umgesetzt');
    await page.getByTestId('status-form').getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('status-saved').waitFor();
  }

  it('runs the Betroffenheitscheck, works on two requirements with evidence and sees the progress', async () => {
    await runSetup(page, server.url);

    // Before any check the landing page asks for one.
    await seeText(page, 'Starten Sie mit dem Betroffenheitscheck');
    await screenshotBoth(page, '20-dashboard-empty');

    await openNav(page, 'Betroffenheitscheck');
    await page.waitForURL(/\/applicability$/, { waitUntil: 'commit' });
    await seeText(page, 'Noch nicht durchgeführt.');
    await runApplicabilityCheck(
      page,
      { persons: 12, majorMedicalDevices: true, without: ['Windows-Rechner'], staffAwu: '67,5', turnover: '8000000', balanceSheet: '4000000' },
      '21-wizard',
    );
    await seeText(page, 'Ihre Praxis ist eine wichtige Einrichtung nach NIS2');
    expect(await page.getByTestId('kbv-headline').textContent()).toContain('Anlagen 1, 2, 4, 5');
    await seeText(page, /67,5 JAE/);
    await seeText(page, 'Kurzfassung, maßgeblich ist der Gesetzes-/Richtlinientext:');
    await expect.poll(() => page.getByTestId('check-history').getByRole('row').count()).toBe(3);
    await screenshotBoth(page, '22-wizard-result');

    // The landing page now shows the progress; note the KBV count before working on requirements.
    await openNav(page, 'Übersicht');
    await page.getByTestId('progress-kbv').waitFor();
    await seeText(page, /KBV-Anteil umgesetzt bei \d+ von 4 Maßnahmen/);
    await seeText(page, /Auch mit umgesetztem KBV-Anteil fehlt dort noch: Krisenmanagement/);
    const before = await kbvDone();

    // Catalog: Anlage 3 (large practices) is hidden while "Nur anwendbare" is on.
    await openNav(page, 'Anforderungskatalog');
    const table = page.getByTestId('catalog-table');
    await table.waitFor();
    await table.getByText(/^Anlage\s1\sNr\.\s1$/).waitFor();
    expect(await table.getByText(/^Anlage\s3\sNr\./).count()).toBe(0);
    await screenshotBoth(page, '23-catalog', false);
    await page.getByRole('switch', { name: 'Nur anwendbare' }).click();
    await table
      .getByText(/^Anlage\s3\sNr\./)
      .first()
      .waitFor();
    expect(await page.getByTestId('not-applicable-badge').count()).toBeGreaterThan(0);
    await page.getByRole('switch', { name: 'Nur anwendbare' }).click();
    await expect.poll(() => table.getByText(/^Anlage\s3\sNr\./).count()).toBe(0);

    await markImplemented('KBV-A1-01');
    // The due date is typed the German way (TT.MM.JJJJ) whatever the browser's language, and stays so after a reload.
    const statusForm = page.getByTestId('status-form');
    const dueDate = statusForm.getByRole('textbox', { name: /Fällig|Frist|bis/ });
    expect(await dueDate.getAttribute('type')).not.toBe('date');
    await dueDate.fill('31.12.2026');
    await dueDate.blur();
    await statusForm.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('status-saved').waitFor();
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByTestId('status-form')
          .getByRole('textbox', { name: /Fällig|Frist|bis/ })
          .inputValue(),
      )
      .toBe('31.12.2026');
    const fileInput = page.getByTestId('evidence-file');
    const wrapper = page.locator('.mantine-InputWrapper-root', { has: fileInput });

    // A text file renamed to .pdf is refused by its content; the message stands next to the file input.
    await page.locator('input[type=file]').setInputFiles({ name: 'kein-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Das ist nur Text.\n') });
    await page.getByRole('button', { name: 'Hochladen', exact: true }).click();
    await wrapper.getByText(/Dieser Dateityp ist als Nachweis nicht erlaubt/).waitFor();

    await page.locator('input[type=file]').setInputFiles({ name: 'datensicherung.pdf', mimeType: 'application/pdf', buffer: pdfBuffer() });
    await page.getByRole('button', { name: 'Hochladen', exact: true }).click();
    const download = page.getByTestId('evidence-download').filter({ hasText: 'datensicherung.pdf' });
    await download.waitFor();
    const href = await download.getAttribute('href');
    expect(href).toMatch(/\/evidence\/[0-9a-f-]{36}\/download$/);
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshotBoth(page, '24-requirement');

    await markImplemented('KBV-A1-02');

    await openNav(page, 'Übersicht');
    await page.getByTestId('progress-kbv').waitFor();
    await expect.poll(kbvDone).toBe(before + 2);
    await screenshotBoth(page, '25-dashboard');
  });
});
