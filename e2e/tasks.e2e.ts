import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf, practiceDay } from '../domain/tasks/task-rules.ts';
import { chromiumAvailable, desktop, screenshotBoth } from './support/browser.ts';
import { chooseSegment, openNav } from './support/compliance.ts';
import { admin, runSetup, seeText } from './support/journeys.ts';
import type { RunningServer } from './support/server.ts';
import { closeSession, openSession } from './support/session.ts';

const run = chromiumAvailable();

/** A day `days` from today in Berlin, as typed (DD.MM.YYYY) and as stored (YYYY-MM-DD). */
function dayFromToday(days: number) {
  const date = new Date(`${practiceDay(new Date())}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const iso = date.toISOString().slice(0, 10);
  return { iso, typed: `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` };
}

describe.runIf(run)('tasks: plan a task with an owner and a link, find it, comment, complete it, and the recurring cycle', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    let first: Page;
    ({ server, browser, page: first } = await openSession());
    // axe-core's Playwright binding needs a page of an explicit browser context.
    await first.close();
    page = await (await browser.newContext({ viewport: desktop, locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    page.setDefaultTimeout(30_000);
  });

  /** The screenshots of a page at both sizes, and no serious or critical WCAG 2.1 AA finding of axe-core on it. */
  async function lookAt(name: string, fullPage = true) {
    // The pointer off the button just clicked: its hover colour is not what the page shows.
    await page.mouse.move(0, 0);
    await screenshotBoth(page, name, fullPage);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? ''})`).join(', ')}`)).toEqual([]);
  }

  afterAll(() => closeSession({ server, browser }));

  it('creates, finds, comments and completes a task; a completed recurring task brings the next one', async () => {
    await runSetup(page, server.url);
    await openNav(page, 'Aufgaben');
    await page.waitForURL(/\/tasks$/, { waitUntil: 'commit' });
    await seeText(page, 'Noch keine Aufgaben.');

    // A task with an owner, a due day and a link to a requirement.
    const due = dayFromToday(9);
    await page.getByTestId('task-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Titel/ }).fill('Rücksicherung des PVS testen');
    await dialog.getByRole('textbox', { name: /^Beschreibung/ }).fill('Auf dem Testrechner im Labor, mit dem IT-Dienstleister.');
    await dialog.getByTestId('task-owner').click();
    await page.getByRole('option', { name: admin.name }).click();
    await dialog.getByRole('textbox', { name: /^Fällig am/ }).fill(due.typed);
    await dialog.getByRole('textbox', { name: /^Fällig am/ }).blur();
    await dialog.getByTestId('task-link-target').click();
    await dialog.getByTestId('task-link-target').fill('A1-25');
    await page.getByRole('option', { name: /Anlage 1 Nr\. 25 · Test der Datensicherung/ }).click();
    await expect.poll(() => dialog.getByTestId('task-links-editor').getByText('Test der Datensicherung').count()).toBe(1);
    await screenshotBoth(page, '96-task-form', false);
    await dialog.getByTestId('task-save').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    const taskUrl = page.url();
    await seeText(page, 'Rücksicherung des PVS testen');
    await expect.poll(() => page.getByTestId('task-owner-name').textContent()).toBe(admin.name);
    await page
      .getByTestId('task-links')
      .getByRole('link', { name: /Anlage 1 Nr\. 25 · Test der Datensicherung/ })
      .waitFor();

    // The list finds it with "mine", by its week, and the board shows it in that week's column.
    await page.getByRole('link', { name: /Zurück zu den Aufgaben/ }).click();
    await page
      .getByTestId('task-presets')
      .getByText(/^Meine \(/)
      .click();
    await page.waitForURL(/mine=true/, { waitUntil: 'commit' });
    await page.getByTestId('task-table').getByRole('link', { name: 'Rücksicherung des PVS testen' }).waitFor();
    await page
      .getByTestId('task-presets')
      .getByText(/^Alle offenen/)
      .click();
    await page.getByTestId('task-filter-week').click();
    const week = isoWeekOf(due.iso);
    await page.getByRole('option', { name: new RegExp(`^KW ${Number(week.slice(6))} ·`) }).click();
    await page.getByTestId('task-table').getByRole('link', { name: 'Rücksicherung des PVS testen' }).waitFor();
    await lookAt('96-tasks-list');
    await chooseSegment(page, 'task-view', 'Wochenplan');
    await page.getByTestId(`task-board-week-${week}`).getByRole('link', { name: 'Rücksicherung des PVS testen' }).waitFor();
    await lookAt('97-tasks-board', false);

    // A comment, then done: when and by whom.
    await page.goto(taskUrl);
    await page.getByTestId('task-comment-input').fill('Termin mit Herrn Krause steht: Freitag, 10 Uhr.');
    await page.getByTestId('task-comment-submit').click();
    await page.getByTestId('task-comments').getByText('Termin mit Herrn Krause steht: Freitag, 10 Uhr.').waitFor();
    await page.getByTestId('task-complete').click();
    await expect.poll(() => page.getByTestId('task-status').first().textContent()).toBe('erledigt');
    await seeText(page, new RegExp(`Erledigt am .* von ${admin.name}`));
    await lookAt('98-task-detail');

    // The recurring cycle: start it, complete the risk register's first task, the next one is there.
    await page.getByRole('link', { name: /Zurück zu den Aufgaben/ }).click();
    await page.getByTestId('task-templates-link').click();
    await page.waitForURL(/\/tasks\/templates$/, { waitUntil: 'commit' });
    await page.getByTestId('task-recurring-start').click();
    await page.getByTestId('task-recurring-started').getByText('7 Aufgaben angelegt.').waitFor();
    await lookAt('99-task-templates');
    await page.getByTestId('task-template-risk_register').getByTestId('task-template-open').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
    const firstUrl = page.url();
    await seeText(page, 'Risikoregister aktualisieren');
    await seeText(page, 'Kommt vierteljährlich wieder');
    await page.getByTestId('task-complete').click();
    await page.getByTestId('task-next').waitFor();
    await seeText(page, /Nächste Aufgabe: fällig am/);
    await page.getByTestId('task-next-link').click();
    await expect.poll(() => page.url()).not.toBe(firstUrl);
    await seeText(page, 'Risikoregister aktualisieren');
    await expect.poll(() => page.getByTestId('task-status').first().textContent()).toBe('offen');
    await lookAt('99-task-next-occurrence');
  });
});
