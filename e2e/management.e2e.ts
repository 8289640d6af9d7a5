import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav, pdfBuffer } from './support/compliance.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** The calendar day `days` from today in the practice's time zone, as DD.MM.YYYY. */
function germanDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10).split('-').reverse().join('.');
}

describe.runIf(run)('the duties of management under § 38 BSIG: training and approval per director', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');

  it('shows what each director still owes, records a training with its certificate and the director’s own approval', async () => {
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const session = await apiInPage<{ user: { id: string } }>(page, 'GET', '/api/v1/auth/session');
    // Two directors: the signed-in Dr. Muster (linked to her account) and a partner without an account.
    const own = await apiInPage<{ id: string }>(page, 'POST', `/api/v1/organisations/${organisationId}/people`, {
      name: 'Dr. Maria Muster',
      role: 'management',
      contractType: 'owner',
      userId: session.body.user.id,
    });
    expect(own.status).toBe(201);
    const partner = await apiInPage(page, 'POST', `/api/v1/organisations/${organisationId}/people`, {
      name: 'Dr. Paul Partner',
      role: 'management',
      contractType: 'owner',
    });
    expect(partner.status).toBe(201);

    await openNav(page, 'Geschäftsleitung (§ 38)');
    await page.waitForURL(/\/management$/, { waitUntil: 'commit' });
    const mine = page.getByTestId(`director-${own.body.id}`);
    await mine.getByText('2 Pflichten offen').waitFor();
    await mine.getByText('Keine Schulung erfasst').waitFor();
    expect(await page.getByText(/Ohne Konto in praxisschild/).count()).toBe(1);
    // Only the signed-in director is offered the approval.
    expect(await page.getByTestId('management-approve').count()).toBe(1);

    // A training from a month ago, with the certificate; a missing provider is named at the field first.
    await mine.getByRole('button', { name: 'Schulung erfassen' }).click();
    await dialog()
      .getByRole('textbox', { name: /^Datum der Schulung/ })
      .fill(germanDay(-30));
    await dialog()
      .getByRole('textbox', { name: /^Inhalte/ })
      .fill('NIS2-Pflichten, Haftung, Meldewege, Phishing-Fälle aus Praxen');
    await page.getByTestId('management-training-save').click();
    await expect
      .poll(() =>
        dialog()
          .getByRole('textbox', { name: /^Anbieter/ })
          .getAttribute('aria-invalid'),
      )
      .toBe('true');
    await dialog()
      .getByRole('textbox', { name: /^Anbieter/ })
      .fill('Ärztekammer Nordrhein');
    await dialog().locator('input[type=file]').setInputFiles({ name: 'Teilnahme.pdf', mimeType: 'application/pdf', buffer: pdfBuffer() });
    await page.getByTestId('management-training-save').click();
    await expect.poll(() => dialog().count()).toBe(0);
    await mine.getByText(`Gültig bis ${germanDay(-30).replace(/\d{4}$/, (y) => String(Number(y) + 1))}`).waitFor();
    await mine.getByText('1 Pflicht offen').waitFor();

    // The approval: the dialog shows the state approved; afterwards the card is complete.
    await page.getByTestId('management-approve').click();
    await seeText(page, /KBV-IT-Sicherheitsrichtlinie: 0 von \d+ Anforderungen erledigt/);
    await dialog()
      .getByRole('textbox', { name: /^Anmerkung/ })
      .fill('Backup-Test bis März nachholen.');
    await screenshotBoth(page, '95-management-approve');
    await page.getByTestId('management-approve-confirm').click();
    await mine.getByText('Vollständig').waitFor();
    await mine.getByText(/^Gebilligt am/).waitFor();
    await screenshotBoth(page, '96-management-overview');

    // The director's page keeps the training with its certificate and the approval with what it approved.
    await mine.getByRole('link', { name: 'Dr. Maria Muster' }).click();
    await page.waitForURL(/\/management\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await page.getByTestId('management-trainings').getByRole('link', { name: 'Teilnahme.pdf' }).waitFor();
    expect(await page.getByTestId('management-approvals').innerText()).toContain('Backup-Test bis März nachholen.');

    // The dashboard names the partner who still owes both.
    await openNav(page, 'Übersicht');
    await page.getByTestId('dashboard-management').getByText('Schulung fehlt oder ist abgelaufen: Dr. Paul Partner').waitFor();
    await page.getByTestId('dashboard-management').getByText('Billigung fehlt: Dr. Paul Partner').waitFor();
  });
});
