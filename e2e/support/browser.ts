import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { generate } from 'otplib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether the browser journeys can run. Without Debian's chromium they are skipped locally (with a message),
 * but fail on CI (CI=true), where a missing browser is a broken setup.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing; the browser tests need Debian's chromium (apt install chromium).`);
  console.warn(`[e2e] skipped: ${CHROMIUM} is missing. Install Debian's chromium (apt install chromium) to run the browser tests.`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const desktop = { width: 1280, height: 800 };
export const tablet = { width: 768, height: 1024 };

/** Screenshots for looking at the pages (git-ignored). */
export async function screenshot(page: Page, name: string, fullPage = true) {
  const dir = path.join(repoRoot, '.tmp/screens');
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: path.join(dir, `${name}-${size?.width ?? 0}x${size?.height ?? 0}.png`), fullPage });
}

/** Screenshots at desktop and tablet size, restoring the viewport afterwards; long lists read better with fullPage false. */
export async function screenshotBoth(page: Page, name: string, fullPage = true) {
  const before = page.viewportSize() ?? desktop;
  for (const size of [desktop, tablet]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    await screenshot(page, name, fullPage);
  }
  await page.setViewportSize(before);
}

/** The TOTP secret as shown on the enrolment step. */
export async function readSecret(page: Page): Promise<string> {
  const secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
  if (!secret) throw new Error('no TOTP secret on the page');
  return secret;
}

/**
 * A code for `secret`. The server refuses a code of an already used 30-second step (replay protection);
 * `stepOffset` 1 gives the next step's code, which the server accepts within its ±30 s drift tolerance.
 */
export function totp(secret: string, stepOffset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepOffset * 30 });
}

/**
 * Hands out TOTP codes for one secret the way a person would type them, never reusing a 30-second step
 * (the server refuses replays): it takes the next unused step, waiting when that step is too far ahead.
 */
export function totpClock(secret: string) {
  let lastStep = 0;
  return async function nextCode(): Promise<string> {
    const nowStep = () => Math.floor(Date.now() / 30_000);
    let step = Math.max(nowStep(), lastStep + 1);
    // The server accepts one step of drift; wait until `step` is at most one step ahead.
    while (step > nowStep() + 1) await new Promise((r) => setTimeout(r, 500));
    step = Math.max(step, nowStep());
    lastStep = step;
    return generate({ secret, epoch: step * 30 });
  };
}
