import type { Page } from 'playwright-core';
import { screenshotBoth } from './browser.ts';
import { seeText } from './journeys.ts';

/** Clicks the option `label` of a Mantine SegmentedControl marked with data-testid. */
export async function chooseSegment(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).getByText(label, { exact: true }).click();
}

/** Opens a page of the side navigation by its label. */
export async function openNav(page: Page, label: string) {
  await page.getByRole('navigation').or(page.locator('nav')).getByRole('link', { name: label, exact: true }).first().click();
}

export interface PracticeFigures {
  persons: number;
  majorMedicalDevices: boolean;
  /** Target objects (German labels) the practice does not have. */
  without: string[];
  staffAwu: string;
  turnover: string;
  balanceSheet: string;
}

/** The Betroffenheitscheck from the first step to the result, with a screenshot of every step when `screens` is given. */
export async function runApplicabilityCheck(page: Page, figures: PracticeFigures, screens?: string) {
  await seeText(page, 'Ihre Praxis nach der KBV-IT-Sicherheitsrichtlinie');
  await page.getByRole('textbox', { name: /Anzahl Personen/ }).fill(String(figures.persons));
  await chooseSegment(page, 'kbv.check.majorMedicalDevices', figures.majorMedicalDevices ? 'Ja' : 'Nein');
  if (screens) await screenshotBoth(page, `${screens}-1-kbv`);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await seeText(page, 'Was hat oder nutzt Ihre Praxis?');
  for (const label of figures.without) await page.getByRole('switch', { name: label, exact: true }).click();
  if (screens) await screenshotBoth(page, `${screens}-2-targets`);
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();

  await seeText(page, 'Kennzahlen für NIS2 (§ 28 BSIG)');
  await page.getByRole('textbox', { name: /Beschäftigte in Jahresarbeitseinheiten/ }).fill(figures.staffAwu);
  await page.getByRole('textbox', { name: /^Jahresumsatz/ }).fill(figures.turnover);
  await page.getByRole('textbox', { name: /^Jahresbilanzsumme/ }).fill(figures.balanceSheet);
  if (screens) await screenshotBoth(page, `${screens}-3-nis2`);
  await page.getByRole('button', { name: 'Prüfen und speichern' }).click();
}

/** A minimal file that passes the server's content check for PDF (magic bytes "%PDF-"). */
export function pdfBuffer(): Buffer {
  return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
}
