import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/connect.ts';
import { insertPerson } from '../server/modules/access/access.fixtures.ts';
import { apiInPage } from './support/api.ts';
import { chromiumAvailable, desktop, screenshotBoth, tablet } from './support/browser.ts';
import { openNav } from './support/compliance.ts';
import { chooseOption, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** The calendar day `days` from today in the practice's time zone, as YYYY-MM-DD. */
function berlinDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe.runIf(run)('access: a leaver keeps showing on the dashboard until every account is disabled (KBV Anlage 1 Nr. 2)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let organisationId = '';
  let personId = '';

  beforeAll(async () => {
    ({ server, browser, page } = await openSession());
  });

  afterAll(() => closeSession({ server, browser }));

  const dialog = () => page.getByRole('dialog');

  it('records two accounts and an onboarding for a person who left twelve days ago', async () => {
    await runSetup(page, server.url);
    organisationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    // The people register's routes belong to another module: the person is written into the data folder directly,
    // with the server stopped (PGlite has one process), and the session survives the restart.
    await server.stop();
    const database = await openDatabase({ engine: 'pglite', dataDir: server.dataDir });
    try {
      personId = await insertPerson(database, organisationId, { name: 'Anna Berger', endsOn: berlinDay(-12) });
    } finally {
      await database.close();
    }
    await server.restart();
    const asset = await apiInPage(page, 'POST', `/api/v1/organisations/${organisationId}/assets`, { name: 'PVS Medistar', kind: 'pvs' });
    expect(asset.status).toBe(201);

    // The former access page of a person (bookmarks, older mails) opens the person page of the staff register.
    await page.goto(`${server.url}/o/${organisationId}/access/people/${personId}`);
    await page.waitForURL(new RegExp(`/staff/${personId}$`), { waitUntil: 'commit' });
    await seeText(page, 'Anna Berger');
    await seeText(page, 'Für diese Person sind noch keine Zugänge erfasst');

    await page.getByTestId('account-add').click();
    await chooseOption(page, /^System/, 'Praxisverwaltungssystem (PVS)', dialog());
    await dialog()
      .getByRole('textbox', { name: /Anmeldename/ })
      .fill('a.berger');
    await chooseOption(page, /^Gerät oder Dienst/, 'PVS Medistar', dialog());
    await dialog().getByTestId('account-save').click();
    await dialog().waitFor({ state: 'detached' });

    await page.getByTestId('account-add').click();
    await chooseOption(page, /^System/, 'Windows-Anmeldung / Domäne', dialog());
    await dialog()
      .getByRole('textbox', { name: /Anmeldename/ })
      .fill('PRAXIS\\aberger');
    await dialog().getByText('Administrationsrechte').click();
    await chooseOption(page, /^Mehr-Faktor-Anmeldung/, 'Nein', dialog());
    await dialog().getByTestId('account-save').click();
    await dialog().waitFor({ state: 'detached' });

    await expect.poll(() => page.getByTestId('person-account-row').count()).toBe(2);
    await page.getByTestId('person-leaver-alert').waitFor();
    expect(await page.getByTestId('person-leaver-alert').textContent()).toContain('Ausgeschieden vor 12 Tagen – noch aktive Zugänge: 2.');
    await page.getByTestId('access-warning-admin_mfa_missing').first().waitFor();

    // On a tablet the accounts fit the card without sideways scrolling (the disable button in reach), and no warning is
    // cut to "Ausgeschi…".
    await page.setViewportSize(tablet);
    const scrolled = () =>
      page.getByTestId('person-accounts').evaluate((table) => {
        const overflowing: number[] = [];
        for (let box = table.parentElement; box && box.dataset.testid !== 'person-access'; box = box.parentElement) {
          if (box.scrollWidth > box.clientWidth + 1) overflowing.push(box.scrollWidth - box.clientWidth);
        }
        return overflowing;
      });
    await expect.poll(scrolled).toEqual([]);
    const cut = await page
      .getByTestId('person-accounts')
      .locator('[data-testid^="access-warning-"] span')
      .evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent));
    expect(cut).toEqual([]);
    await page.setViewportSize(desktop);

    await page.getByTestId('checklist-start-onboarding').click();
    const onboarding = page.getByTestId('checklist-onboarding');
    await onboarding.waitFor();
    const items = onboarding.getByTestId('checklist-item');
    expect(await items.count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      await items.nth(i).click();
      await expect.poll(() => items.nth(i).isChecked()).toBe(true);
      await expect
        .poll(() =>
          onboarding
            .getByText(`${i + 1} von 5 erledigt`)
            .or(onboarding.getByText(/Abgeschlossen am/))
            .count(),
        )
        .toBe(1);
    }
    await seeText(page, /Abgeschlossen am/);
    await page.getByTestId('checklist-start-offboarding').waitFor();
    await screenshotBoth(page, 'access-person');
  });

  it('shows the leaver on the dashboard, still after one account is disabled, and no longer after both', async () => {
    await page.goto(`${server.url}/o/${organisationId}`);
    const card = page.getByTestId('dashboard-access');
    await card.waitFor();
    await card.getByText('Anna Berger – seit 12 Tagen ausgeschieden, aktive Zugänge: 2').waitFor();
    expect(await card.getByTestId('dashboard-admin-mfa').textContent()).toBe('Admin-Konten ohne MFA: 1 (§ 30 Abs. 2 Nr. 10 BSIG)');
    await card.scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'access-dashboard');

    await card.getByTestId('dashboard-leaver').click();
    await page.waitForURL(new RegExp(`/staff/${personId}$`), { waitUntil: 'commit' });
    await page.getByTestId('account-disable').first().click();
    await expect.poll(() => page.getByTestId('account-disable').count()).toBe(1);
    await page.goto(`${server.url}/o/${organisationId}`);
    await card.getByText('Anna Berger – seit 12 Tagen ausgeschieden, aktive Zugänge: 1').waitFor();

    // A second location: the list then filters by the location of the person holding the account.
    const branch = await apiInPage(page, 'POST', `/api/v1/organisations/${organisationId}/locations`, { name: 'Zweigpraxis Nord' });
    expect(branch.status).toBe(201);
    await openNav(page, 'Zugänge');
    await page.waitForURL(/\/access$/, { waitUntil: 'commit' });
    await page.getByText('Ehemalige mit aktivem Zugang', { exact: true }).click();
    await expect.poll(() => page.getByTestId('access-table').getByText('Anna Berger').count()).toBe(1);
    await screenshotBoth(page, 'access-list');
    await chooseOption(page, /^Standort/, 'Zweigpraxis Nord');
    await expect.poll(() => page.getByTestId('access-table').getByText('Anna Berger').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('locationId')).toBe((branch.body as { id: string }).id);
    await page.goto(`${server.url}/o/${organisationId}/access?leaver=true`);
    await expect.poll(() => page.getByTestId('access-table').getByText('Anna Berger').count()).toBe(1);
    // The name opens the person page of the staff register: accounts, checklists and training in one place.
    await page.getByTestId('access-table').getByText('Anna Berger').click();
    await page.waitForURL(new RegExp(`/staff/${personId}$`), { waitUntil: 'commit' });
    await page.getByTestId('person-training').waitFor();
    await page.getByTestId('account-disable').click();
    await expect.poll(() => page.getByTestId('account-disable').count()).toBe(0);
    await page.getByTestId('person-leaver-alert').waitFor({ state: 'detached' });

    await page.goto(`${server.url}/o/${organisationId}`);
    await card.getByTestId('dashboard-no-leavers').waitFor();
    expect(await card.getByTestId('dashboard-admin-mfa').textContent()).toBe('Admin-Konten ohne MFA: 0 (§ 30 Abs. 2 Nr. 10 BSIG)');
  });

  it('edits the checklist template: a new item moved to the top, and back to the defaults', async () => {
    await page.goto(`${server.url}/o/${organisationId}/access/checklists`);
    const editor = page.getByTestId('template-editor');
    await editor.getByTestId('template-origin').getByText('Mitgelieferte Vorlage').waitFor();
    await editor.getByTestId('template-add').click();
    await editor.getByRole('textbox', { name: 'Punkt 6' }).fill('Foto für den Praxisausweis');
    for (let i = 0; i < 5; i++)
      await editor
        .getByTestId('template-item')
        .nth(5 - i)
        .getByRole('button', { name: 'Nach oben' })
        .click();
    expect(await editor.getByRole('textbox', { name: 'Punkt 1' }).inputValue()).toBe('Foto für den Praxisausweis');
    await editor.getByTestId('template-save').click();
    await editor.getByTestId('template-saved').waitFor();
    await editor.getByTestId('template-origin').getByText('Eigene Vorlage').waitFor();
    await screenshotBoth(page, 'access-templates');
    const template = await apiInPage<{ items: { title: string }[] }>(page, 'GET', `/api/v1/organisations/${organisationId}/checklist-templates/onboarding`);
    expect(template.body.items.map((i) => i.title)[0]).toBe('Foto für den Praxisausweis');
    await editor.getByRole('button', { name: 'Auf mitgelieferte Vorlage zurücksetzen' }).click();
    await editor.getByTestId('template-origin').getByText('Mitgelieferte Vorlage').waitFor();
    expect(await editor.getByTestId('template-item').count()).toBe(5);
  });
});
