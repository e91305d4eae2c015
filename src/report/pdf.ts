// printPdf(): the HTML report printed by the system's Chromium, driven headless with playwright-core (no browser download).
import { existsSync } from 'node:fs';
import { RegisterError } from '../errors.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/** The Chromium to use: $ITREG_CHROMIUM, else the first one installed in the usual places. */
export function findChromium(): string | undefined {
  const configured = process.env['ITREG_CHROMIUM'];
  if (configured) return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Flags for a closed network and a root user: no sandbox, no background traffic, a fresh profile. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function printPdf(html: string): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new RegisterError({ id: 'pdfNeedsChromium' });
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
