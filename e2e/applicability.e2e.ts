import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { chooseSegment, openNav } from './support/compliance.ts';
import { runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

describe.runIf(run)('Betroffenheitscheck: what a new user stumbled over', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  it('says three steps, stops at an empty person count, asks for the devices once, stores nothing while a figure is missing, and explains a small shareholder', async () => {
    await runSetup(page, server.url);
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    const stored = async () =>
      (await apiInPage<{ nis2: unknown; kbv: unknown; history: unknown[] }>(page, 'GET', `/api/v1/organisations/${orgId}/applicability`)).body;
    await openNav(page, 'Betroffenheitscheck');
    await page.waitForURL(/\/applicability$/, { waitUntil: 'commit' });
    await seeText(page, /Drei kurze Schritte/);
    expect(await page.getByText(/Vier kurze Schritte/).count()).toBe(0);

    // Step 1: "Weiter" with an empty person count stays and says what is expected; a huge count names the limit.
    const persons = page.getByRole('textbox', { name: /Anzahl Personen/ });
    const weiter = page.getByRole('button', { name: 'Weiter', exact: true });
    const checkFields = page.getByText('Bitte prüfen Sie die markierten Felder.');

    // Leaving an invalid field by clicking "Weiter": the field's message appears (and moves the button down), and the
    // click still counts: the step is checked, the form says so. A lost click would leave only the field's message.
    await persons.fill('2000000');
    const gap = async () => (await weiter.boundingBox())!.y - (await persons.boundingBox())!.y;
    const before = await gap();
    await weiter.click();
    await seeText(page, 'Höchstens 100.000.');
    await checkFields.waitFor();
    expect(await gap()).toBeGreaterThan(before);
    expect(await persons.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    await screenshotBoth(page, '30-applicability-step1-error', false);
    // On blur alone (by keyboard) the message is at the field at once.
    await persons.fill('');
    expect(await page.getByText('Höchstens 100.000.').count()).toBe(0);
    await persons.press('Tab');
    await seeText(page, 'Bitte ausfüllen.');
    await persons.fill('');

    await weiter.click();
    await seeText(page, 'Bitte ausfüllen.');
    expect(await persons.getAttribute('aria-invalid')).toBe('true');
    await seeText(page, 'Ihre Praxis nach der KBV-IT-Sicherheitsrichtlinie');
    await persons.fill('2000000');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await seeText(page, 'Höchstens 100.000.');
    await persons.fill('8');
    await chooseSegment(page, 'kbv.check.majorMedicalDevices', 'Ja');
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();

    // Step 2 shows the answer of step 1 instead of asking again with another default.
    await seeText(page, 'Was hat oder nutzt Ihre Praxis?');
    await seeText(page, 'Medizinische Großgeräte: Ja (aus Schritt 1).');
    expect(await page.getByRole('switch', { name: 'Medizinische Großgeräte', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Weiter', exact: true }).click();

    // Step 3 without the balance-sheet total: nothing is stored, neither NIS2 nor KBV.
    await seeText(page, 'Kennzahlen für NIS2 (§ 28 BSIG)');
    await page.getByRole('textbox', { name: /Beschäftigte in Jahresarbeitseinheiten/ }).fill('30');
    await page.getByRole('textbox', { name: /^Jahresumsatz/ }).fill('3000000');
    await page.getByRole('button', { name: 'Partnerunternehmen hinzufügen' }).click();
    const partner = page.getByTestId('partnerEnterprises-0');
    await partner.getByRole('textbox', { name: 'Beteiligung' }).fill('10');
    await partner.getByRole('textbox', { name: /Beschäftigte \(JAE\)/ }).fill('500');
    await partner.getByRole('textbox', { name: /^Jahresumsatz/ }).fill('90000000');
    await partner.getByRole('textbox', { name: /^Jahresbilanzsumme/ }).fill('80000000');
    await page.getByRole('button', { name: 'Prüfen und speichern' }).click();
    await checkFields.waitFor();
    expect(
      await page
        .getByRole('textbox', { name: /^Jahresbilanzsumme/ })
        .first()
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await stored()).toMatchObject({ nis2: null, kbv: null, history: [] });

    // With the figure, but the server refuses the NIS2 figures (here: the staff taken out of the request on the way):
    // its 400 appears at the field, what was typed stays, and the KBV result is not stored either.
    await page
      .getByRole('textbox', { name: /^Jahresbilanzsumme/ })
      .first()
      .fill('1000000');
    const staffAwu = page.getByRole('textbox', { name: /Beschäftigte in Jahresarbeitseinheiten/ });
    await page.route('**/applicability/nis2', (route) => {
      const body = route.request().postDataJSON() as { check: Record<string, unknown> };
      delete body.check.staffAwu;
      return route.continue({ postData: JSON.stringify(body) });
    });
    await page.getByRole('button', { name: 'Prüfen und speichern' }).click();
    await seeText(page, 'Bitte die Zahl der Beschäftigten angeben.');
    expect(await staffAwu.getAttribute('aria-invalid')).toBe('true');
    expect(await staffAwu.inputValue()).toBe('30');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await staffAwu.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshotBoth(page, '31-applicability-server-error', false);
    expect(await stored()).toMatchObject({ nis2: null, kbv: null, history: [] });
    await page.unroute('**/applicability/nis2');

    // Saved as it is: both are stored; the 10 % shareholder is accepted and explained, not counted.
    await page.getByRole('button', { name: 'Prüfen und speichern' }).click();
    await seeText(page, 'Ihre Praxis ist von NIS2 nicht betroffen');
    await seeText(page, /kein Partnerunternehmen, wird nicht mitgezählt/);
    expect(await page.getByTestId('kbv-headline').textContent()).toContain('Anlagen 1, 2, 4, 5');
    const after = await stored();
    expect(after.history).toHaveLength(2);
    // Step 1 stored as it was shown: 8 persons, contract practice yes, no large-scale processing, major devices yes.
    expect(after.kbv).toMatchObject({
      inputs: {
        personsHandlingData: 8,
        contractPractice: true,
        significantScaleProcessing: false,
        majorMedicalDevices: true,
        targetObjects: { usesMajorMedicalDevices: true },
      },
    });
  });

  // KBV guideline: carried-over requirements have applied since 2021 (revised text since 2025-04-01), new ones since 2025-10-01.
  it.each([
    ['KBV-A1-11', 'gilt seit 2021; überarbeitete Fassung seit 01.04.2025'],
    ['KBV-A1-01', 'neu in der Fassung 2025, verpflichtend seit 01.10.2025'],
  ])('the catalog says since when %s applies', async (id, text) => {
    const orgId = /\/o\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    await page.goto(`${server.url}/o/${orgId}/catalog/${id}`);
    await page.getByTestId('requirement-start').waitFor();
    expect(await page.getByTestId('requirement-start').textContent()).toBe(text);
    await seeText(page, /Die überarbeitete Fassung nach § 390 SGB V ist am 01\.04\.2025 in Kraft getreten/);
  });
});
