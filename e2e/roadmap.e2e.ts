import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, screenshotBoth } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { admin, chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** The practice's calendar day `days` from today, as YYYY-MM-DD. */
function day(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
const german = (isoDay: string) => isoDay.split('-').reverse().join('.');

describe.runIf(run)('the 8-week plan: proposed from the checks and registers, adjusted, taken over, proposed again', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  const item = (key: string) => page.getByTestId(`proposal-item-${key}`);

  it('proposes the plan of an MVZ in NIS2 scope, keeps what was typed, takes it over and proposes only what is new', async () => {
    await runSetup(page, server.url);
    const organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const api = (method: string, path: string, body?: unknown) =>
      apiInPage<{ id: string }>(page, method, `/api/v1/organisations/${organisationId}${path}`, body);

    // Before the Betroffenheitscheck the plan says so and links to it.
    await openNav(page, '8-Wochen-Plan');
    await page.waitForURL(/\/plan$/, { waitUntil: 'commit' });
    await page.getByTestId('roadmap-scope-missing').getByText('Der NIS2-Betroffenheitscheck fehlt noch.', { exact: false }).waitFor();
    await page.getByTestId('roadmap-to-check').waitFor();
    await item('check-nis2').waitFor();
    await screenshotBoth(page, '97-roadmap-before-check', false);

    // An MVZ with 67.5 annual work units (important entity, § 28 Abs. 2 BSIG), a medium practice under the KBV
    // guideline, a leaver who still has an administrator account without MFA.
    expect(
      (
        await api('POST', '/applicability/nis2', {
          financialYear: 2025,
          check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 67.5, annualTurnoverEur: 8_000_000, balanceSheetTotalEur: 4_000_000 },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('POST', '/applicability/kbv', {
          check: { personsHandlingData: 12, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
        })
      ).status,
    ).toBe(201);
    const leaver = await api('POST', '/people', { name: 'Frieda Fort', role: 'medical_assistant', endsOn: day(-20), startsOn: '2020-01-01' });
    expect(leaver.status).toBe(201);
    expect(
      (await api('POST', `/people/${leaver.body.id}/accounts`, { system: 'windows_ad', accountName: 'ffort-admin', isAdmin: true, mfa: false })).status,
    ).toBe(201);

    await page.reload();
    await page.getByTestId('roadmap-scope-nis2').waitFor();
    expect(await page.getByTestId('roadmap-scope-badge').innerText()).toBe('NIS2 und KBV');
    await item('leavers-access').getByText('Ausgeschiedene Personen mit noch aktivem Zugang: 1.', { exact: false }).waitFor();
    await item('mfa-admins').getByText('Personen mit einem Administrator-Konto ohne Mehr-Faktor-Anmeldung: 1.', { exact: false }).waitFor();
    expect(await item('bsi-registration').getByTestId('proposal-citations').innerText()).toContain('§ 33 BSIG');
    expect(await item('management-training').getByTestId('proposal-citations').innerText()).toContain('§ 38 Abs. 3 BSIG');
    await page.getByTestId('proposal-week-8').getByText('Registrierung beim BSI', { exact: false }).waitFor();

    // Adjust: the IT tasks go to the practice's owner, MFA is due earlier, the review of effectiveness waits.
    await chooseOption(page, /^Zuständig/, admin.name, item('mfa-admins'));
    const due = day(10);
    await item('mfa-admins')
      .getByRole('textbox', { name: /^Fällig am/ })
      .fill(german(due));
    await item('mfa-admins')
      .getByRole('textbox', { name: /^Fällig am/ })
      .blur();
    await item('effectiveness-review').getByRole('checkbox').uncheck();
    const chosenBefore = await page.getByTestId('roadmap-chosen').innerText();

    // Nothing typed is lost by looking at another page in between.
    await openNav(page, 'Übersicht');
    await page.waitForURL(/\/o\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    await openNav(page, '8-Wochen-Plan');
    await item('mfa-admins').waitFor();
    expect(await page.getByTestId('roadmap-chosen').innerText()).toBe(chosenBefore);
    expect(await item('effectiveness-review').getByRole('checkbox').isChecked()).toBe(false);
    expect(
      await item('mfa-admins')
        .getByRole('textbox', { name: /^Fällig am/ })
        .inputValue(),
    ).toBe(german(due));
    const owner = item('mfa-admins')
      .getByRole('combobox', { name: /^Zuständig/ })
      .or(item('mfa-admins').getByRole('textbox', { name: /^Zuständig/ }));
    expect(await owner.first().inputValue()).toBe(admin.name);
    await screenshotBoth(page, '98-roadmap-proposal');

    await page.getByTestId('roadmap-accept').click();
    await page.getByTestId('roadmap-accepted').waitFor();
    await seeText(page, /Übernommen: \d+ Aufgaben/);

    // The plan: progress, weeks with their tasks, links to the tasks.
    const plan = page.getByTestId('roadmap-plan');
    await plan
      .getByTestId('roadmap-progress')
      .getByText(/^0 von \d+ erledigt$/)
      .waitFor();
    const mfaRow = plan.getByTestId('plan-task-mfa-admins');
    expect(await mfaRow.innerText()).toContain(admin.name);
    expect(await mfaRow.innerText()).toContain(german(due));
    expect(await mfaRow.getByRole('link').getAttribute('href')).toMatch(new RegExp(`^/o/${organisationId}/tasks/[0-9a-f-]{36}$`));
    await plan.getByTestId('plan-week-8').getByText('Beim BSI registrieren').waitFor();
    await screenshotBoth(page, '99-roadmap-plan');

    // Generated again: only the item left out is proposed; then a supplier without a processor agreement is new.
    expect(await page.getByTestId('roadmap-proposal').locator('[data-testid^="proposal-item-"]').count()).toBe(1);
    await item('effectiveness-review').waitFor();
    await page.getByTestId('roadmap-already-planned').waitFor();
    expect((await api('POST', '/suppliers', { name: 'Labor Nord GmbH', patientDataAccess: true, avvStatus: 'missing' })).status).toBe(201);
    await page.reload();
    await item('supplier-avv').waitFor();
    const proposed = await page
      .getByTestId('roadmap-proposal')
      .locator('[data-testid^="proposal-item-"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(proposed).toEqual(['proposal-item-supplier-avv', 'proposal-item-effectiveness-review']);
    await screenshotBoth(page, '99-roadmap-regenerated', false);
  });

  it('gives a small MVZ outside NIS2 the KBV-only plan: no registration, no § 38 duties, the leadership in week 7', async () => {
    const created = await apiInPage<{ id: string }>(page, 'POST', '/api/v1/organisations', {
      name: 'MVZ Klein',
      legalForm: 'mvz_gmbh',
      locations: [{ name: 'Hauptstandort' }],
    });
    expect(created.status).toBe(201);
    const base = `/api/v1/organisations/${created.body.id}`;
    const nis2 = { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 14, annualTurnoverEur: 2_500_000, balanceSheetTotalEur: 1_200_000 };
    expect((await apiInPage(page, 'POST', `${base}/applicability/nis2`, { financialYear: 2025, check: nis2 })).status).toBe(201);
    const kbv = { personsHandlingData: 4, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true };
    expect((await apiInPage(page, 'POST', `${base}/applicability/kbv`, { check: kbv })).status).toBe(201);

    await page.goto(`${server.url}/o/${created.body.id}/plan`);
    await page.getByTestId('roadmap-scope-kbv-only').waitFor();
    expect(await page.getByTestId('roadmap-scope-badge').innerText()).toBe('Nur KBV');
    await page.getByTestId('proposal-week-7').getByText('Woche 7 · Praxisleitung').waitFor();
    await item('leadership-awareness').waitFor();
    for (const key of ['bsi-registration', 'management-training', 'security-policy', 'incident-response']) expect(await item(key).count()).toBe(0);
    expect(await page.getByTestId('roadmap-proposal').innerText()).not.toContain('BSIG');
    await page.getByTestId('proposal-week-8').getByText('In dieser Woche gibt es nichts vorzuschlagen.').waitFor();
    await screenshotBoth(page, '99-roadmap-kbv-only', false);
  });
});
