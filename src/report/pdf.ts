// printPdf(): the HTML report printed by the system's Chromium, driven headless with playwright-core (no browser download).
// Page numbers and a footer come from Chromium's footer template; the table of contents gets each section's page from
// a first print (the PDF's named destinations), filled in before the second.
import { existsSync } from 'node:fs';
import { importOptional, RegisterError } from '../errors.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/** The Chromium to use: $ITREG_CHROMIUM, else the first one installed in the usual places. */
export function findChromium(): string | undefined {
  const configured = process.env['ITREG_CHROMIUM'];
  if (configured) return existsSync(configured) ? configured : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** Flags for a closed network and a root user: no sandbox, no background traffic, a fresh profile. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface PdfOptions {
  /** Left part of every page's footer (register name, date judged, commit), plain text. */
  readonly footer?: string;
  /** "Sida {page} av {pages}": the page label, with {page} and {pages}. */
  readonly pageLabel?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The page (1-based) each named destination lies on, from a PDF Chromium (Skia) wrote: the catalog's /Dests
 * dictionary maps an anchor id to [page-object …]; the page tree gives the pages' order.
 */
export function anchorPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(match[1]!, match[2]!);
  const pages: string[] = [];
  const walk = (id: string, depth: number): void => {
    const body = objects.get(id);
    if (!body || depth > 32) return;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    if (kids && /\/Type\s*\/Pages\b/.test(body)) for (const kid of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(kid[1]!, depth + 1);
    else if (/\/Type\s*\/Page\b/.test(body)) pages.push(id);
  };
  const catalog = [...objects.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body)) ?? '';
  const root = /\/Pages\s+(\d+) 0 R/.exec(catalog);
  if (root) walk(root[1]!, 0);
  const result = new Map<string, number>();
  const destsRef = /\/Dests\s+(\d+) 0 R/.exec(catalog);
  const dests = destsRef ? (objects.get(destsRef[1]!) ?? '') : '';
  for (const match of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
    const index = pages.indexOf(match[2]!);
    if (index >= 0) result.set(decodeName(match[1]!), index + 1);
  }
  return result;
}

/** A PDF name with #XX escapes decoded. */
function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export async function printPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const { chromium } = await importOptional('playwright-core', '--format pdf', () => import('playwright-core'));
  const executablePath = findChromium();
  if (!executablePath) {
    throw new RegisterError({ id: 'pdfNeedsChromium' });
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const label = escapeHtml(options.pageLabel ?? 'Page {page} of {pages}')
      .replace('{page}', '<span class="pageNumber"></span>')
      .replace('{pages}', '<span class="totalPages"></span>');
    const footerTemplate = `<div style="font-size:7.5pt;font-family:sans-serif;color:#5b6675;width:100%;margin:0 14mm;display:flex;justify-content:space-between"><span>${escapeHtml(options.footer ?? '')}</span><span>${label}</span></div>`;
    const print = async (content: string) => {
      await page.setContent(content, { waitUntil: 'load' });
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate });
    };
    const first = await print(html);
    // A table of contents whose entries wait for their page (<span class="toc-page" data-for="id"></span>).
    if (!html.includes('class="toc-page"')) return first;
    const pages = anchorPages(first);
    const filled = html.replace(/<span class="toc-page" data-for="([^"]+)"><\/span>/g, (whole, id: string) => {
      const number = pages.get(id);
      return number === undefined ? whole : `<span class="toc-page" data-for="${id}">${number}</span>`;
    });
    return await print(filled);
  } finally {
    await browser.close();
  }
}
