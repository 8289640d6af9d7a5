import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { admin, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('§ 33 BSIG registration and an alert from a detection tool', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let orgId: string;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession({ acceptDownloads: true }));
  });

  afterAll(() => closeSession({ server, browser }));

  const section = (testId: string) => page.getByTestId(testId);
  const badge = () => page.getByTestId('registration-ready');
  /** Switches of the checklist are turned on by their label, as a person would. */
  async function turnOn(label: string) {
    const toggle = page.getByRole('switch', { name: label });
    // Above the sticky save bar, where a person would see it.
    await toggle.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await toggle.click();
    expect(await page.getByRole('switch', { name: label }).isChecked()).toBe(true);
  }

  it('collects the registration data, shows what the server refuses, keeps the draft and saves', async () => {
    await runSetup(page, server.url);
    orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    // Without the Betroffenheitscheck the page says so and links to it.
    await openNav(page, 'Registrierung (§ 33)');
    await page.waitForURL(/\/registration$/, { waitUntil: 'commit' });
    await seeText(page, 'Noch offen: Muss sich Ihre Praxis registrieren?');
    expect(await page.getByRole('link', { name: 'Zum Betroffenheitscheck' }).getAttribute('href')).toBe(`/o/${orgId}/applicability`);
    await screenshotBoth(page, '50-registration-no-check', false);

    // An MVZ with 80 staff: an important entity.
    const check = await apiInPage(page, 'POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
      financialYear: 2025,
      check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 80, annualTurnoverEur: 6_000_000, balanceSheetTotalEur: 3_000_000 },
    });
    expect(check.status).toBe(201);
    await page.reload();
    await seeText(page, 'Registrierung nötig: Ihre Praxis ist eine wichtige Einrichtung');
    await seeText(page, /Fällig bis 06\.03\.2026|Überfällig seit 06\.03\.2026/);
    expect(await page.getByTestId('registration-checklist-count').textContent()).toBe('0 von 5 erledigt');
    const missing = page.getByTestId('registration-missing');
    await missing.getByText('Kontaktstelle (24/7): Name').waitFor();
    await missing.getByText('MUK-Zugang: Vertretung').waitFor();
    expect(await badge().textContent()).toBe('Noch nicht bereit');
    // Address from the first location.
    expect(await page.getByRole('textbox', { name: 'Straße und Hausnummer' }).inputValue()).toBe('Lindenstraße 5');
    await screenshotBoth(page, '51-registration-required');

    // A wrong e-mail address is named at the field as soon as the field is left.
    const email = page.getByRole('textbox', { name: 'E-Mail-Adresse der Praxis' });
    await email.fill('praxis-at-muster');
    await email.press('Tab');
    await seeText(page, 'Bitte eine gültige E-Mail-Adresse eingeben, z. B. name@praxis.de.');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    // § 33 Abs. 1 Nr. 1 BSIG: the name with its legal form, said once.
    expect(await page.getByTestId('registration-name-legal-form').inputValue()).toBe('Hausarztpraxis Dr. Muster, Berufsausübungsgemeinschaft');

    // The date is German, typed or picked; an emptied date is asked for.
    const since = page.getByRole('textbox', { name: 'Betroffen seit' });
    expect(await since.inputValue()).toBe('06.12.2025');
    await since.fill('');
    await since.press('Tab');
    await seeText(page, 'Bitte ausfüllen.');
    expect(await since.getAttribute('aria-invalid')).toBe('true');
    await since.fill('1.1.2026');
    await since.press('Tab');
    expect(await since.inputValue()).toBe('01.01.2026');
    expect(await since.getAttribute('aria-invalid')).not.toBe('true');

    const phone = page.getByRole('textbox', { name: 'Telefonnummer der Praxis' });
    const ipRanges = page.getByRole('textbox', { name: 'Öffentliche IP-Adressbereiche' });
    await page.getByRole('textbox', { name: 'Zuständige Aufsichtsbehörden' }).fill('BSI; Berliner Beauftragte für Datenschutz und Informationsfreiheit');
    const contact = section('section-contact-point');
    await contact.getByRole('textbox', { name: 'Name oder Stelle' }).fill('Bereitschaft IT-Dienst Nord');
    await contact.getByRole('textbox', { name: 'Telefon' }).fill('0170 1234567');
    await contact.getByRole('textbox', { name: 'E-Mail' }).fill('notfall@it-nord.example');
    const muk = section('section-muk');
    await muk.getByRole('textbox', { name: 'Name', exact: true }).fill('Dr. Maria Muster');
    await muk.getByRole('textbox', { name: 'Name der Vertretung' }).fill('Bernd Vertretung');

    // The escalation chain starts from the usual three roles; the last two change places.
    // The managing director is known: the suggestion fills in her name and address, not an empty row.
    await page.getByTestId('escalation-suggest').click();
    const row = (i: number) => page.getByTestId(`escalation-row-${i}`);
    expect(await row(0).getByRole('textbox', { name: 'Rolle' }).inputValue()).toBe('IT-Verantwortliche');
    expect(await row(1).getByRole('textbox', { name: 'Rolle' }).inputValue()).toBe('Geschäftsführung');
    expect(await row(1).getByRole('textbox', { name: 'Name' }).inputValue()).toBe(admin.name);
    expect(await row(1).getByRole('textbox', { name: 'E-Mail' }).inputValue()).toBe(admin.email);
    await row(0).getByRole('textbox', { name: 'Name' }).fill('Tom Technik');
    await row(0).getByRole('textbox', { name: 'Telefon' }).fill('0170 111');
    await row(1).getByRole('textbox', { name: 'Name' }).fill('Dr. Maria Muster');
    await row(2).getByRole('textbox', { name: 'Name' }).fill('Dana Datenschutz');
    await page.getByRole('button', { name: 'Stufe 3 nach oben' }).click();
    expect(await row(1).getByRole('textbox', { name: 'Rolle' }).inputValue()).toBe('Datenschutzbeauftragte');
    await page.getByRole('button', { name: 'Stufe 2 nach unten' }).click();
    expect(await row(2).getByRole('textbox', { name: 'Rolle' }).inputValue()).toBe('Datenschutzbeauftragte');
    // A button below a field that shows its message on leaving it: the click that leaves the field still counts.
    const lastPhone = row(2).getByRole('textbox', { name: 'Telefon' });
    await lastPhone.fill('12');
    const gap = async () => (await page.getByTestId('escalation-add').boundingBox())!.y - (await lastPhone.boundingBox())!.y;
    const before = await gap();
    await page.getByTestId('escalation-add').click();
    await page.getByTestId('escalation-row-3').waitFor();
    await row(2)
      .getByText(/Bitte eine Telefonnummer aus Ziffern eingeben/)
      .waitFor();
    expect(await lastPhone.getAttribute('aria-invalid')).toBe('true');
    expect(await gap()).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Stufe 4 entfernen' }).click();
    expect(await page.getByTestId('escalation-row-3').count()).toBe(0);
    await lastPhone.fill('');

    for (const label of [
      'ELSTER-Organisationszertifikat liegt vor',
      '„Mein Unternehmenskonto“ ist eingerichtet',
      'Kontaktstelle getestet',
      'Eskalationskette ist bekannt',
    ]) {
      await turnOn(label);
    }

    // Nr. 2: a phone "abc" and an IP range "999.1.1.1/99" are refused at their fields, before anything is sent. The
    // click on "Speichern" straight out of the IP field counts: the form says what to check and goes to the first field.
    await phone.fill('abc');
    await ipRanges.fill('203.0.113.0/29, 999.1.1.1/99');
    const puts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith('/registration')) puts.push(request.url());
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await seeText(page, 'Bitte prüfen Sie die markierten Felder.');
    await seeText(page, /Bitte eine Telefonnummer aus Ziffern eingeben/);
    await seeText(page, /Keine gültige IP-Adresse und kein Netz in CIDR-Schreibweise: 999\.1\.1\.1\/99\./);
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await ipRanges.getAttribute('aria-invalid')).toBe('true');
    expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(puts).toEqual([]);
    expect(await contact.getByRole('textbox', { name: 'Name oder Stelle' }).inputValue()).toBe('Bereitschaft IT-Dienst Nord');
    await screenshotBoth(page, '52-registration-field-errors', false);

    // Away and back: the draft is still there.
    await openNav(page, 'Übersicht');
    await page.waitForURL(/\/o\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await openNav(page, 'Registrierung (§ 33)');
    await page.getByTestId('registration-draft-restored').waitFor();
    expect(await email.inputValue()).toBe('praxis-at-muster');
    expect(await phone.inputValue()).toBe('abc');
    expect(await page.getByTestId('escalation-row-2').getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Dana Datenschutz');

    // The server's 400 stands at its field (here a phone number changed on the way), and what was typed stays.
    await email.fill('praxis@praxis-muster.de');
    await phone.fill('030 1234567');
    await ipRanges.fill('203.0.113.0/29');
    await page.route('**/registration', (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const body = route.request().postDataJSON() as { contactPoint: { phone: string } };
      body.contactPoint.phone = 'bitte anrufen';
      return route.continue({ postData: JSON.stringify(body) });
    });
    await page.getByRole('button', { name: 'Speichern' }).click();
    const contactPhone = contact.getByRole('textbox', { name: 'Telefon' });
    await seeText(page, 'Bitte prüfen Sie die markierten Felder.');
    await page.waitForFunction(() => document.activeElement?.id === 'registration-contactPoint-phone');
    expect(await contactPhone.getAttribute('aria-invalid')).toBe('true');
    expect(await contact.getByText(/Bitte eine Telefonnummer aus Ziffern eingeben/).count()).toBe(1);
    expect(await contactPhone.inputValue()).toBe('0170 1234567');
    expect(await phone.inputValue()).toBe('030 1234567');
    expect(await email.inputValue()).toBe('praxis@praxis-muster.de');
    expect(puts).toHaveLength(1);
    await page.unroute('**/registration');

    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('registration-saved').waitFor();
    expect(await badge().textContent()).toBe('Bereit zur Registrierung');
    const saved = await apiInPage<{ setup: Record<string, unknown> }>(page, 'GET', `/api/v1/organisations/${orgId}/registration`);
    expect(saved.body.setup).toMatchObject({ qualifiesSince: '2026-01-01', phone: '030 1234567', publicIpRanges: '203.0.113.0/29' });
    expect(await page.getByTestId('registration-checklist-count').textContent()).toBe('4 von 5 erledigt');
    expect(await page.getByTestId('registration-missing').count()).toBe(0);
    await screenshotBoth(page, '53-registration-ready');

    // Registered in the portal: the number goes in, the badge says so.
    await turnOn('Im BSI-Portal registriert');
    await page.getByRole('textbox', { name: 'Registrierungsnummer vom BSI' }).fill('NIS2-REG-4711');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('registration-saved').waitFor();
    expect(await badge().textContent()).toBe('Registriert – alles erledigt');
    expect(await page.getByTestId('registration-checklist-count').textContent()).toBe('5 von 5 erledigt');

    // Still there after a reload, from the server.
    await page.reload();
    await seeText(page, 'Registriert – alles erledigt');
    expect(await page.getByTestId('registration-draft-restored').count()).toBe(0);
    expect(await page.getByTestId('escalation-row-1').getByRole('textbox', { name: 'Rolle' }).inputValue()).toBe('Geschäftsführung');
  });

  it('downloads the data sheet as PDF', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registration-pdf').click()]);
    expect(download.suggestedFilename()).toBe('praxisschild-registrierung-33-bsig.pdf');
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await apiInPage(page, 'GET', `/api/v1/organisations/${orgId}/registration/datasheet/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.head).toBe('%PDF-');
  });

  it('creates an API key, shows it once, opens an incident from an alert and refuses the revoked key', async () => {
    await openNav(page, 'Schnittstellen');
    await page.waitForURL(/\/api-tokens$/, { waitUntil: 'commit' });
    await seeText(page, 'Wofür ist das?');
    const intakeUrl = `${server.url}/api/v1/organisations/${orgId}/incidents/intake`;
    expect(await page.getByTestId('intake-url').textContent()).toBe(intakeUrl);
    expect(await page.getByTestId('intake-example').textContent()).toContain('Authorization: Bearer <TOKEN>');
    await screenshotBoth(page, '54-api-tokens-empty');

    // Too short a name is refused before it goes out.
    await page.getByRole('button', { name: 'Schlüssel anlegen' }).click();
    await seeText(page, 'Bitte ausfüllen.');
    await page.getByRole('textbox', { name: /Wofür ist der Schlüssel/ }).fill('Virenscanner Empfang');
    await page.getByRole('button', { name: 'Schlüssel anlegen' }).click();
    const shown = page.getByTestId('created-token');
    await shown.waitFor();
    const token = (await shown.getAttribute('data-token'))!;
    expect(token.length).toBeGreaterThan(20);
    await seeText(page, /Danach kann ihn niemand mehr anzeigen/);
    await screenshotBoth(page, '55-api-token-created', false);
    await page.getByRole('button', { name: 'Ich habe den Schlüssel gesichert' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(token);
    await seeText(page, 'Virenscanner Empfang');

    // The antivirus sends an alert with the key.
    const alert = {
      source: 'Defender',
      severity: 'high',
      title: 'Trojaner auf dem Empfangs-PC gefunden',
      detectedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      host: 'EMPFANG-PC',
    };
    const send = (key: string) =>
      fetch(intakeUrl, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(alert) });
    const accepted = await send(token);
    expect([200, 201]).toContain(accepted.status);

    await page.reload();
    await page
      .getByText('noch nie')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await screenshotBoth(page, '56-api-token-used');

    await openNav(page, 'Sicherheitsvorfälle');
    await page.waitForURL(/\/incidents$/, { waitUntil: 'commit' });
    await seeText(page, 'Trojaner auf dem Empfangs-PC gefunden');
    const listed = await apiInPage<{ items: { title: string }[] }>(page, 'GET', `/api/v1/organisations/${orgId}/incidents`);
    expect(listed.body.items.some((i) => i.title.includes('Trojaner auf dem Empfangs-PC gefunden'))).toBe(true);
    await screenshotBoth(page, '57-incident-from-alert', false);

    // Revoked after confirming: the key no longer opens anything.
    await openNav(page, 'Schnittstellen');
    await page.getByRole('button', { name: 'Widerrufen' }).click();
    await seeText(page, /Der Schlüssel „Virenscanner Empfang“ funktioniert danach nicht mehr/);
    await page.getByRole('dialog').getByRole('button', { name: 'Widerrufen' }).click();
    await seeText(page, /widerrufen am/);
    expect((await send(token)).status).toBe(401);
  });
});
