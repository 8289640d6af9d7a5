import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, desktop, screenshotBoth } from './support/browser.ts';
import { admin, completeEnrolment, fillAdminStep, fillOrganisationStep, login, logout, practice, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('first run', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  it('sets up the practice, enrols two-factor, signs out and in again, and keeps the data over a restart', async () => {
    await page.goto(server.url);
    await page.waitForURL(/\/setup$/, { waitUntil: 'commit' });
    await seeText(page, 'praxisschild einrichten');
    await screenshotBoth(page, '01-setup-organisation');

    // "Weiter" with empty fields stays on step 1 and marks the fields, with one error block.
    const banner = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie die markierten Felder.' });
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await seeText(page, 'Bitte ausfüllen.');
    await banner.waitFor();

    await fillOrganisationStep(page);
    // A postal code with four digits: step 1 says so at once, next to the field (checked by the shared schema).
    const firstLocation = page.getByTestId('location-row-0');
    const postalCode = firstLocation.getByRole('textbox', { name: /PLZ/ });
    await postalCode.fill('1011');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await seeText(page, 'Die Postleitzahl hat 5 Ziffern.');
    expect(await postalCode.evaluate((input) => input.closest('.mantine-InputWrapper-root')?.textContent ?? '')).toContain('5 Ziffern');
    expect(await page.getByRole('textbox', { name: /Vor- und Nachname/ }).isVisible()).toBe(false);
    await screenshotBoth(page, '03-setup-error-step1');

    // Fixing the field removes its message and the red banner, before anything is submitted again.
    await postalCode.fill('10115');
    await postalCode.blur();
    await banner.waitFor({ state: 'hidden' });
    expect(await page.getByText('Die Postleitzahl hat 5 Ziffern.').count()).toBe(0);
    // A field left by tab is checked on blur: a one-letter practice name is too short.
    const practiceName = page.getByRole('textbox', { name: /Name der Praxis/ });
    await practiceName.fill('X');
    await practiceName.blur();
    await seeText(page, /mindestens 2 Zeichen/);
    await practiceName.fill(practice.name);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();

    // A too short password is named at its field when "Konto anlegen" is pressed.
    await fillAdminStep(page, 'zu kurz');
    await screenshotBoth(page, '02-setup-admin');
    await page.getByRole('button', { name: /Konto anlegen/ }).click();
    const passwordField = page.getByLabel(/^Passwort/).first();
    await seeText(page, /Das Passwort braucht mindestens 12 Zeichen/);
    const wrapperText = await passwordField.evaluate((input) => input.closest('.mantine-InputWrapper-root')?.textContent ?? '');
    expect(wrapperText).toContain('mindestens 12 Zeichen');
    await banner.waitFor();
    // Nothing typed is lost: name and e-mail are still there, and so is step 1.
    expect(await page.getByRole('textbox', { name: /Vor- und Nachname/ }).inputValue()).toBe(admin.name);
    await screenshotBoth(page, '03-setup-error');
    await page.getByRole('button', { name: 'Zurück', exact: true }).click();
    expect(await page.getByRole('textbox', { name: /Name der Praxis/ }).inputValue()).toBe(practice.name);
    expect(
      await page
        .getByTestId('location-row-1')
        .getByRole('textbox', { name: /Bezeichnung/ })
        .inputValue(),
    ).toBe('Filiale Nord');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();

    await fillAdminStep(page, admin.password);
    await page.getByRole('button', { name: /Konto anlegen/ }).click();
    await seeText(page, 'Zwei-Faktor-Anmeldung', 15_000).catch(() => undefined);
    await page.getByTestId('totp-secret').waitFor();
    await screenshotBoth(page, '04-setup-totp');

    // A wrong code is refused with a message at the field.
    await page.getByRole('textbox', { name: /Code aus der App/ }).fill('000000');
    await page.getByRole('button', { name: /Bestätigen/ }).click();
    await seeText(page, /Der Code stimmt nicht/);

    const { nextCode } = await completeEnrolment(page);
    await page.waitForURL(/\/o\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await seeText(page, practice.name);
    await seeText(page, practice.legalForm);
    await seeText(page, 'Filiale Nord');
    await screenshotBoth(page, '05-overview');

    await logout(page, admin.name);
    await seeText(page, 'Anmelden');
    await screenshotBoth(page, '06-login');

    await login(page, server.url, admin.email, admin.password, nextCode);
    await seeText(page, practice.name);

    // Restart the server process with the same data folder: signing in still works, the data is there.
    await logout(page, admin.name);
    await server.restart();
    await login(page, server.url, admin.email, admin.password, nextCode);
    await seeText(page, practice.name);
    await seeText(page, 'Hauptpraxis');
  });

  it('refuses a wrong password with a plain message', async () => {
    const context = await browser.newContext({ viewport: desktop });
    const other = await context.newPage();
    await other.goto(`${server.url}/login`);
    await other.getByRole('textbox', { name: /E-Mail/ }).fill(admin.email);
    await other.getByLabel(/^Passwort/).fill('falsches Passwort 123');
    await other.getByRole('button', { name: /^Weiter$/ }).click();
    await seeText(other, /E-Mail-Adresse oder Passwort stimmen nicht/);
    await screenshotBoth(other, '07-login-error');
    await context.close();
  });
});
