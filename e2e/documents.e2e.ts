import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../server/test/docx-text.ts';
import { pdfTextLines } from '../server/test/pdf-text.ts';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, desktop, screenshotBoth } from './support/browser.ts';
import { openNav, pdfBuffer } from './support/compliance.ts';
import { completeEnrolment, runSetup } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('documents: the emergency plan filled, approved by management and downloaded', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  async function download(testId: string) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
  }

  it('fills the emergency plan, keeps what was typed over a reload, issues a version, approves it as management and downloads it', async () => {
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const session = await apiInPage<{ user: { id: string } }>(page, 'GET', '/api/v1/auth/session');
    // The signed-in practice owner is a managing director in the people register: her approval is her § 38 Billigung.
    const director = await apiInPage(page, 'POST', `/api/v1/organisations/${organisationId}/people`, {
      name: 'Dr. Maria Muster',
      role: 'management',
      contractType: 'owner',
      userId: session.body.user.id,
    });
    expect(director.status).toBe(201);
    const supplier = await apiInPage(page, 'POST', `/api/v1/organisations/${organisationId}/suppliers`, {
      name: 'Medisoft PVS GmbH',
      services: 'Praxisverwaltungssystem, Fernwartung',
      emergencyContact: 'Notfall-Hotline',
      emergencyPhone: '0231 998877',
    });
    expect(supplier.status).toBe(201);

    await openNav(page, 'Dokumente');
    await page.waitForURL(/\/documents$/, { waitUntil: 'commit' });
    await page.getByTestId('document-card-emergency_plan').waitFor();
    await screenshotBoth(page, '120-documents');
    await page.getByRole('link', { name: 'Öffnen: Notfallplan' }).click();
    await page.waitForURL(/\/documents\/emergency_plan$/, { waitUntil: 'commit' });

    // Without the 24/7 contact the draft names the gap and no version can be issued yet.
    await page.getByTestId('document-gaps').getByText('24/7-Kontakt unter Registrierung (§ 33) eintragen').waitFor();
    expect(await page.getByTestId('version-create').isDisabled()).toBe(true);
    await screenshotBoth(page, '121-emergency-plan-gaps');

    // The practice writes its own way of working when the PVS fails; a second text is typed but not yet saved.
    const pvs = page.getByTestId('section-pvsDown');
    await pvs.fill('- Termine im roten Notfallordner hinter dem Empfang notieren.\n- Frau Kaya ruft den PVS-Dienstleister an.');
    await page.getByTestId('section-findings').fill('Befunde ruft die diensthabende Ärztin beim Labor Dr. Berg ab (0221 445566).');
    await page.reload();
    await expect.poll(() => page.getByTestId('section-findings').inputValue()).toContain('Labor Dr. Berg');
    expect(await page.getByTestId('section-pvsDown').inputValue()).toContain('roten Notfallordner');
    await page.getByTestId('review-months').fill('0');
    await page.getByTestId('texts-save').click();
    await expect.poll(() => page.getByTestId('review-months').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('review-months').fill('6');
    await page.getByTestId('texts-save').click();
    await page.getByTestId('texts-saved').getByText('Gespeichert.').waitFor();

    // The 24/7 contact is entered where the registration keeps it; the gap closes.
    const registration = await apiInPage<{ setup: Record<string, unknown> }>(page, 'GET', `/api/v1/organisations/${organisationId}/registration`);
    const saved = await apiInPage(page, 'PUT', `/api/v1/organisations/${organisationId}/registration`, {
      ...registration.body.setup,
      contactPoint: { name: 'Rufbereitschaft IT-Service Nord', phone: '0800 1234567', email: 'notfall@it-nord.example' },
    });
    expect(saved.status).toBe(200);
    await page.reload();
    await page.getByTestId('document-complete').waitFor();

    const draft = await download('draft-pdf');
    expect(draft.name).toMatch(/^notfallplan-fuer-den-praxisbetrieb-entwurf\.pdf$/);
    const draftText = pdfTextLines(draft.bytes).join('\n');
    expect(draftText).toContain('roten Notfallordner');
    expect(draftText).toContain('0231 998877');
    expect(draftText).toContain('Rufbereitschaft IT-Service Nord');

    await page.getByTestId('version-create').click();
    await page.getByTestId('version-1').waitFor();
    await page.getByTestId('approve-open').click();
    await page
      .getByRole('dialog')
      .getByText(/zugleich als Billigung nach § 38 Abs. 1 BSIG/)
      .waitFor();
    await screenshotBoth(page, '122-emergency-plan-approve', false);
    await page.getByTestId('approve-confirm').click();
    await page.getByTestId('version-1').getByText('zählt als Billigung nach § 38 BSIG').waitFor();
    await screenshotBoth(page, '123-emergency-plan-approved');

    const pdf = await download('version-1-pdf');
    expect(pdf.name).toBe('notfallplan-fuer-den-praxisbetrieb-version-1.pdf');
    const pdfText = pdfTextLines(pdf.bytes).join('\n');
    expect(pdfText).toMatch(/Freigegeben durch/);
    expect(pdfText).toContain('Version 1');
    expect(pdfText).not.toMatch(/\[ergänzen/);
    const docx = await download('version-1-docx');
    const { body } = await docxParagraphs(docx.bytes);
    expect(body.join('\n')).toContain('Labor Dr. Berg');

    // The list shows the approval and the review six months on; the review is a task of the plan.
    await page.getByRole('link', { name: /Alle Dokumente/ }).click();
    await page
      .getByTestId('document-card-emergency_plan')
      .getByText(/freigegeben am/)
      .waitFor();
    await page
      .getByTestId('document-card-emergency_plan')
      .getByText(/Überprüfung bis/)
      .waitFor();
    const tasks = await apiInPage<{ items: { title: string }[] }>(page, 'GET', `/api/v1/organisations/${organisationId}/tasks?source=document`);
    expect(tasks.body.items.map((task) => task.title)).toEqual(['Dokument überprüfen: Notfallplan für den Praxisbetrieb']);
  });
  it('lets an auditor download the evidence pack: every file’s SHA-256 as the index says, the approved plan inside', async () => {
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    // One evidence file on a requirement, uploaded as the practice does it.
    await page.goto(`${server.url}/o/${organisationId}/catalog/KBV-A1-01`);
    await page.locator('input[type=file]').setInputFiles({ name: 'einarbeitung.pdf', mimeType: 'application/pdf', buffer: pdfBuffer() });
    await page.getByRole('button', { name: 'Hochladen', exact: true }).click();
    await page.getByRole('link', { name: 'einarbeitung.pdf' }).waitFor();
    const invitation = await apiInPage<{ link: string }>(page, 'POST', `/api/v1/organisations/${organisationId}/invitations`, {
      email: 'pruefer@audit.example',
      role: 'auditor',
    });
    expect(invitation.status).toBe(201);

    const context = await browser.newContext({ viewport: desktop, locale: 'de-DE', timezoneId: 'Europe/Berlin', acceptDownloads: true });
    const auditor = await context.newPage();
    auditor.setDefaultTimeout(30_000);
    await auditor.goto(invitation.body.link);
    await auditor.getByRole('textbox', { name: /Vor- und Nachname/ }).fill('Petra Prüfer');
    await auditor
      .getByLabel(/^Passwort/)
      .first()
      .fill('Prüfung ohne Papierberge 2026');
    await auditor.getByLabel(/Passwort wiederholen/).fill('Prüfung ohne Papierberge 2026');
    await auditor.getByRole('button', { name: /Konto anlegen/ }).click();
    await completeEnrolment(auditor);
    await auditor.waitForURL(new RegExp(`/o/${organisationId}$`), { waitUntil: 'commit' });
    await auditor.goto(`${server.url}/o/${organisationId}/documents`);
    await auditor.getByTestId('evidence-pack').waitFor();
    // The auditor reads; issuing and approving stay with the practice.
    await auditor.getByRole('link', { name: 'Öffnen: Notfallplan' }).click();
    await auditor.getByTestId('version-1').waitFor();
    expect(await auditor.getByTestId('version-create').count()).toBe(0);
    expect(await auditor.getByTestId('approve-open').count()).toBe(0);
    await auditor.goBack();
    await auditor.getByTestId('evidence-pack').waitFor();
    await screenshotBoth(auditor, '124-documents-auditor');
    const [file] = await Promise.all([auditor.waitForEvent('download'), auditor.getByTestId('evidence-pack-download').click()]);
    expect(file.suggestedFilename()).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(await readFile((await file.path())!));
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
    expect(names).toContain('index.pdf');
    expect(names.some((name) => /^evidence\/KBV-A1-01\/.*einarbeitung\.pdf$/.test(name))).toBe(true);
    expect(names.some((name) => /^documents\/notfallplan.*\.pdf$/.test(name))).toBe(true);
    const lines = (await zip.file('hashes.sha256')!.async('string')).trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      const [hash, name] = [line.slice(0, 64), line.slice(66)];
      const bytes = await zip.file(name)!.async('nodebuffer');
      expect(createHash('sha256').update(bytes).digest('hex'), name).toBe(hash);
    }
    const index = pdfTextLines(await zip.file('index.pdf')!.async('nodebuffer')).join('\n');
    expect(index).toContain('KBV-A1-01');
    await context.close();
  });
});
