import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readSecret, totpClock } from './browser.ts';

export const admin = {
  name: 'Dr. Maria Muster',
  email: 'maria.muster@praxis-muster.de',
  password: 'Unser Wartezimmer hat 12 grüne Stühle',
};
export const practice = { name: 'Hausarztpraxis Dr. Muster', legalForm: 'Berufsausübungsgemeinschaft (BAG)' };

export async function chooseOption(page: Page, label: string | RegExp, option: string, within?: Locator) {
  const scope = within ?? page.locator('body');
  await scope
    .getByRole('combobox', { name: label })
    .or(scope.getByRole('textbox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits until `text` is visible somewhere on the page. */
export async function seeText(page: Page, text: string | RegExp, timeout = 15_000) {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout });
}

/** Step 1 of the wizard: practice, legal form, two locations. */
export async function fillOrganisationStep(page: Page) {
  await page.getByRole('textbox', { name: /Name der Praxis/ }).fill(practice.name);
  await chooseOption(page, /Rechtsform/, practice.legalForm);
  const first = page.getByTestId('location-row-0');
  await first.getByRole('textbox', { name: /Bezeichnung/ }).fill('Hauptpraxis');
  await first.getByRole('textbox', { name: /Straße/ }).fill('Lindenstraße 5');
  await first.getByRole('textbox', { name: /PLZ/ }).fill('10115');
  await first.getByRole('textbox', { name: /Ort/ }).fill('Berlin');
  await page.getByRole('button', { name: /Weiteren Standort/ }).click();
  await page
    .getByTestId('location-row-1')
    .getByRole('textbox', { name: /Bezeichnung/ })
    .fill('Filiale Nord');
}

export async function fillAdminStep(page: Page, password: string) {
  await page.getByRole('textbox', { name: /Vor- und Nachname/ }).fill(admin.name);
  await page.getByRole('textbox', { name: /E-Mail-Adresse/ }).fill(admin.email);
  await page
    .getByLabel(/^Passwort/)
    .first()
    .fill(password);
  await page.getByLabel(/Passwort wiederholen/).fill(password);
}

/**
 * Reads the secret on the enrolment step, types the current code and confirms, then reads the ten recovery codes
 * shown once and goes on. Returns the code source and the recovery codes.
 */
export async function completeEnrolment(page: Page) {
  await page.getByTestId('totp-secret').waitFor();
  const secret = await readSecret(page);
  const nextCode = totpClock(secret);
  await page.getByRole('textbox', { name: /Code aus der App|Code from the app/ }).fill(await nextCode());
  await page.getByRole('button', { name: /Bestätigen|Confirm/ }).click();
  await page.getByTestId('recovery-codes').waitFor();
  const recoveryCodes = await page.getByTestId('recovery-code').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-code') ?? ''));
  await page.getByTestId('recovery-continue').click();
  return { secret, nextCode, recoveryCodes };
}

/** The whole first run without detours; ends in the app. */
export async function runSetup(page: Page, url: string) {
  await page.goto(url);
  await page.waitForURL(/\/setup$/, { waitUntil: 'commit' });
  await fillOrganisationStep(page);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await fillAdminStep(page, admin.password);
  await page.getByRole('button', { name: /Konto anlegen/ }).click();
  const totp = await completeEnrolment(page);
  await page.waitForURL(/\/o\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
  await seeText(page, practice.name);
  expect(page.url()).toMatch(/\/o\//);
  return totp;
}

export async function login(page: Page, url: string, email: string, password: string, nextCode: () => Promise<string>) {
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: /E-Mail/ }).fill(email);
  await page.getByLabel(/^(Passwort|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Weiter|Continue)$/ }).click();
  const codeInput = page.getByRole('textbox', { name: /6-stelliger Code|6-digit code/ });
  await codeInput.waitFor();
  await codeInput.fill(await nextCode());
  await page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
  await page.waitForURL(/\/o\/[0-9a-f-]{36}/, { waitUntil: 'commit' });
}

export async function logout(page: Page, userName: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /Abmelden|Sign out/ }).click();
  await page.waitForURL(/\/login/, { waitUntil: 'commit' });
  void userName;
}
