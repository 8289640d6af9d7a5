import type { Browser, Page } from 'playwright-core';
import { desktop, launchBrowser } from './browser.ts';
import { ensureClientBuilt, type RunningServer, startServer } from './server.ts';

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
}

/** A fresh server with its own data folder and one German desktop page in the system Chromium. */
export async function openSession(options: { acceptDownloads?: boolean } = {}): Promise<BrowserSession> {
  ensureClientBuilt();
  const server = await startServer();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: desktop, locale: 'de-DE', timezoneId: 'Europe/Berlin', ...options });
  page.setDefaultTimeout(30_000);
  return { server, browser, page };
}

export async function closeSession(session: Partial<BrowserSession>): Promise<void> {
  await session.browser?.close();
  await session.server?.dispose();
}
