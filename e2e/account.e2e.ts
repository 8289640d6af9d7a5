import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, desktop, readSecret, screenshotBoth, totpClock } from './support/browser.ts';
import { admin, fillAdminStep, fillOrganisationStep, login, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();
const resetPassword = 'Im Sommer blüht der Flieder vor der Praxis';
const changedPassword = 'Drei Kaffeetassen stehen auf dem Tresen';

describe.runIf(run)('an account one can rely on', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminPage: Page;

  beforeAll(async () => {
    ({ server, browser, page: adminPage } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  it('forgot password → link from the outbox → new password → recovery code → change password', async () => {
    // First run: the wizard shows the public URL (fixed here by PUBLIC_URL), then the codes after enrolment.
    await adminPage.goto(server.url);
    await adminPage.waitForURL(/\/setup$/, { waitUntil: 'commit' });
    await fillOrganisationStep(adminPage);
    await adminPage.getByRole('button', { name: 'Weiter', exact: true }).click();
    await fillAdminStep(adminPage, admin.password);
    const urlField = adminPage.getByRole('textbox', { name: /Adresse von praxisschild/ });
    expect(await urlField.inputValue()).toBe(server.url);
    await screenshotBoth(adminPage, '40-setup-public-url');
    await adminPage.getByRole('button', { name: /Konto anlegen/ }).click();
    await adminPage.getByTestId('totp-secret').waitFor();
    const secret = await readSecret(adminPage);
    const nextCode = totpClock(secret);
    await adminPage.getByRole('textbox', { name: /Code aus der App/ }).fill(await nextCode());
    await adminPage.getByRole('button', { name: /Bestätigen/ }).click();
    await adminPage.getByTestId('recovery-codes').waitFor();
    const codes = await adminPage.getByTestId('recovery-code').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code') ?? ''));
    expect(codes).toHaveLength(10);
    await seeText(adminPage, 'Die Codes werden nur jetzt angezeigt');
    await screenshotBoth(adminPage, '41-recovery-codes-after-enrolment');
    await adminPage.getByTestId('recovery-continue').click();
    await adminPage.waitForURL(/\/o\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    const orgPath = new URL(adminPage.url()).pathname;

    // Maria forgets her password; on another computer she asks for a link.
    const context = await browser.newContext({ viewport: desktop, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const maria = await context.newPage();
    maria.setDefaultTimeout(30_000);
    await maria.goto(`${server.url}/login`);
    await maria.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await maria.waitForURL(/\/password-reset$/, { waitUntil: 'commit' });
    await screenshotBoth(maria, '42-forgot-password');
    await maria.getByRole('textbox', { name: /E-Mail-Adresse/ }).fill(admin.email);
    await maria.getByRole('button', { name: 'Link anfordern' }).click();
    await maria.getByTestId('reset-requested').waitFor();
    await screenshotBoth(maria, '43-forgot-password-sent');

    // Without a mail server the link waits in the outbox (here read by the still signed-in first browser).
    await adminPage.goto(`${server.url}${orgPath}/outbox`);
    await adminPage.getByText('praxisschild: Passwort zurücksetzen').first().click();
    await seeText(adminPage, /\/password-reset\/[A-Za-z0-9_-]{20,}/);
    const outboxText = await adminPage.getByTestId('outbox-list').innerText();
    const link = outboxText.match(new RegExp(`${server.url}/password-reset/[A-Za-z0-9_-]+`))?.[0];
    expect(link).toBeTruthy();

    await maria.goto(link!);
    await seeText(maria, 'Neues Passwort festlegen');
    await screenshotBoth(maria, '44-reset-new-password');
    await maria.getByLabel(/^Neues Passwort/).fill(resetPassword);
    await maria.getByLabel(/Passwort wiederholen/).fill(resetPassword);
    await maria.getByRole('button', { name: 'Passwort speichern' }).click();
    await maria.getByTestId('reset-done').waitFor();
    // Every session ended: the first browser is signed out.
    await adminPage.reload();
    await adminPage.waitForURL(/\/login/, { waitUntil: 'commit' });

    // The phone is not at hand: she signs in with a recovery code and sees how many are left.
    await maria.getByRole('link', { name: 'Anmelden' }).click();
    await maria.getByRole('textbox', { name: /E-Mail/ }).fill(admin.email);
    await maria.getByLabel(/^Passwort/).fill(resetPassword);
    await maria.getByRole('button', { name: /^Weiter$/ }).click();
    await maria.getByTestId('use-recovery-code').click();
    const recoveryInput = maria.getByRole('textbox', { name: /Wiederherstellungscode/ });
    await recoveryInput.fill(codes[0]!.toUpperCase());
    await screenshotBoth(maria, '45-login-recovery-code');
    await maria.getByRole('button', { name: /^Anmelden$/ }).click();
    await maria.getByTestId('recovery-remaining').waitFor();
    await seeText(maria, /noch 9 unbenutzte Wiederherstellungscodes/);
    await maria.getByRole('button', { name: /weiter/ }).click();
    await maria.waitForURL(/\/o\/[0-9a-f-]{36}/, { waitUntil: 'commit' });

    // Her own page: change the password (the current one is needed), and renew the codes.
    await maria.getByTestId('user-menu').click();
    await maria.getByRole('menuitem', { name: 'Mein Konto und Sicherheit' }).click();
    await maria.waitForURL(/\/account$/, { waitUntil: 'commit' });
    await seeText(maria, '9 Codes übrig');
    await maria.getByLabel(/^Bisheriges Passwort/).fill('falsch, ganz falsch');
    await maria.getByLabel(/^Neues Passwort/).fill(changedPassword);
    await maria.getByLabel(/Passwort wiederholen/).fill(changedPassword);
    await maria.getByRole('button', { name: 'Passwort ändern' }).click();
    await seeText(maria, 'Das bisherige Passwort stimmt nicht');
    await maria.getByLabel(/^Bisheriges Passwort/).fill(resetPassword);
    await maria.getByRole('button', { name: 'Passwort ändern' }).click();
    await maria.getByTestId('password-changed').waitFor();
    await screenshotBoth(maria, '46-account-password-changed');

    const section = maria.getByRole('region', { name: 'Wiederherstellungscodes' });
    await section.getByLabel(/^Passwort/).fill(changedPassword);
    await section.getByRole('textbox', { name: /6-stelliger Code/ }).fill(await nextCode());
    await section.getByRole('button', { name: 'Neue Codes erzeugen' }).click();
    await section.getByTestId('recovery-codes').waitFor();
    await screenshotBoth(maria, '47-account-new-recovery-codes');
    await section.getByRole('button', { name: /neuen Codes gesichert/ }).click();
    await seeText(maria, '10 Codes übrig');

    // The changed password signs in (with the authenticator as always).
    await maria.getByTestId('user-menu').click();
    await maria.getByRole('menuitem', { name: 'Abmelden' }).click();
    await maria.waitForURL(/\/login/, { waitUntil: 'commit' });
    await login(maria, server.url, admin.email, changedPassword, nextCode);
    await seeText(maria, 'Hausarztpraxis Dr. Muster');
    await context.close();
  });
});
