// itreg site in a real Chromium: pages load with no console error and no request outside the folder, search finds
// a product's application, every link leads to a page, axe-core finds no violation, --redact leaves no personal data.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../src/report/pdf.js';
import { findIdentityNumbers } from '../../src/util/identity-number.js';
import { git, projectRoot, runCli, temporaryFolder } from '../helpers.js';

const executablePath = findChromium();
const shots = join(projectRoot, 'test-results');
const DATE = '2026-11-26';
const HOLDER_NAME = 'Karin Exempelsson';
const NOTE = 'Avtalet omförhandlas i hemlighet';
const PERSONNUMMER = '19121212-1212';
/** A supplier's contact that names a person (the schema asks for a shared address, but nothing stops this). */
const CONTACT_PERSON = 'Sven Kontaktsson';

/** The example register in a git repository of its own, with a named holder, a note, a personnummer and a broken reference added. */
function exampleRepository(): string {
  const folder = temporaryFolder('itreg-site-');
  cpSync(join(projectRoot, 'itreg.yaml'), join(folder, 'itreg.yaml'));
  cpSync(join(projectRoot, 'register'), join(folder, 'register'), { recursive: true });
  git(folder, 'init', '--quiet', '--initial-branch=main');
  git(folder, 'add', '-A');
  git(folder, 'commit', '--quiet', '-m', 'Registret från kalkylarket');
  writeFileSync(
    join(folder, 'register/roles/gis-specialist.yaml'),
    `kind: RoleAssignment\nid: gis-specialist\nrole: specialist\napplication: gis\nholder:\n  title: GIS-specialist\n  unit: samhallsbyggnad-fargelanda\n  name: ${HOLDER_NAME}\nfrom: 2024-01-01\nnotes: ${NOTE}\n`,
  );
  writeFileSync(
    join(folder, 'register/applications/karttjanst.yaml'),
    `kind: Application\nid: karttjanst\nname: Karttjänst för allmänheten\ndescription: Kontakt via handläggare ${PERSONNUMMER} (ska inte stå här)\ntype: general\nmunicipalities: [fargelanda, ornskoldsvik]\ncollaborationLevel: 1\n`,
  );
  // The system owner of the social services' journal (behind a supplier and in two processings) by name, and a
  // supplier reached through a person.
  const owner = join(folder, 'register/roles/socialtjanst-journal-systemagare.yaml');
  writeFileSync(owner, readFileSync(owner, 'utf8').replace(/^(\s+)title: (.*)$/m, `$1title: $2\n$1name: ${HOLDER_NAME}`));
  const supplier = join(folder, 'register/suppliers/omsorgsdata-nordic.yaml');
  writeFileSync(supplier, readFileSync(supplier, 'utf8').replace(/^contact: .*$/m, `contact: ${CONTACT_PERSON}, 070-123 45 67`));
  git(folder, 'add', '-A');
  git(folder, 'commit', '--quiet', '-m', 'GIS-specialist och karttjänst');
  return folder;
}

/** Every file below a folder, relative to it. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(folder, f)).isFile());
}

let register: string;
let site: string;
let browser: Browser | undefined;

beforeAll(async () => {
  register = exampleRepository();
  site = join(register, 'public');
  const result = runCli(['site', '--output', 'public', '--date', DATE, '--edit-url', 'https://git.example.org/dkf/register/-/edit/main/{path}'], register);
  expect(result.stderr).toMatch(/^itreg: \d+ sidor → public\n$/);
  expect(result.status).toBe(0);
  if (executablePath) browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The cells with a text broken over lines ("92,3" and "%", "1 januari" and "2027"; a tag beside it may wrap). */
function wrappedCells(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const walker = cell.ownerDocument.createTreeWalker(cell, 4 /* NodeFilter.SHOW_TEXT */);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const range = cell.ownerDocument.createRange();
        range.selectNodeContents(text);
        const lines = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)));
        if (lines.size > 1) return [cell.textContent ?? ''];
      }
      return [];
    }),
  );
}

/** Opens a page of the site, collecting console errors and every request that leaves the site's folder. */
async function open(path: string, options: { javaScript?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(`file://${site}/`)) problems.push(`request outside the site: ${request.url()}`);
  });
  await page.goto(`file://${join(site, path)}`, { waitUntil: 'load' });
  return { page, problems };
}

describe('the site as files', () => {
  it('has a page per application, municipality, unit, agreement and document, each naming the register, date and commit', () => {
    for (const page of [
      'index.html',
      'applications.html',
      'application/gis.html',
      'municipality/amal.html',
      'unit/it-amal.html',
      'agreement/gis-drift.html',
      'document/it-policy-2022.html',
      'processing/socialtjanst-amal.html',
      'supplier/nordisk-datahall.html',
      'processing.html',
      'suppliers.html',
      'agreements.html',
      'documents.html',
      'costs.html',
      'opportunities.html',
      'search.html',
    ]) {
      const html = readFileSync(join(site, page), 'utf8');
      expect(html, page).toContain('Dalslandskommunerna');
      expect(html, page).toContain('26 november 2026');
      expect(html, page).toContain(git(register, 'rev-parse', '--short', 'HEAD').trim());
    }
  });

  it('links every reference, and shows a broken one as broken with its finding', () => {
    const html = readFileSync(join(site, 'application/karttjanst.html'), 'utf8');
    expect(html).toContain('<a href="../municipality/fargelanda.html">Färgelanda kommun</a>');
    expect(html).toMatch(/<span class="broken">.*ornskoldsvik.*trasig hänvisning: &quot;municipalities\[1\]&quot; hänvisar till &quot;ornskoldsvik&quot;, som inte finns/);
    expect(html).toContain('href="https://git.example.org/dkf/register/-/edit/main/register/applications/karttjanst.yaml"');
  });

  it('shows a dash, as for every other empty cell, where an application has no collaboration level', () => {
    const html = readFileSync(join(site, 'applications.html'), 'utf8');
    const row = html.slice(html.indexOf('>Lärplattform, Bengtsfors<'), html.indexOf('</tr>', html.indexOf('>Lärplattform, Bengtsfors<')));
    expect(row).toContain('<td data-sort="">–</td>');
  });

  it('marks a notice deadline gone by as "passerad" (not "försenad", which is for a review not done), on the opportunities too', () => {
    const agreements = readFileSync(join(site, 'agreements.html'), 'utf8');
    expect(agreements).toContain('<span class="tag tag-warn">passerad</span>');
    expect(agreements).not.toContain('försenad');
    expect(readFileSync(join(site, 'opportunities.html'), 'utf8')).toContain('<span class="tag tag-warn">passerad</span>');
  });

  it('says what happened with a verb, right for any entity ("Supportavtal … lades till", not "tillagd"), and a role once', () => {
    const start = readFileSync(join(site, 'index.html'), 'utf8');
    expect(start).toMatch(/<\/a> lades till, av /);
    expect(start).not.toMatch(/tillagd|borttagen/);
    // The IT manager's title is the role's name: "IT-chef", not "IT-chef: IT-chef".
    const unit = readFileSync(join(site, 'unit/it-amal.html'), 'utf8');
    expect(unit).toContain('<li>IT-chef</li>');
    expect(unit).not.toContain('IT-chef: IT-chef');
  });

  it("shows a finding's code spans as code, as the report does, never as escaped backticks", () => {
    expect(readFileSync(join(site, 'application/gis.html'), 'utf8')).toContain('<code>role: system-administrator</code>');
    expect(filesBelow(site).filter((f) => f.endsWith('.html') && readFileSync(join(site, f), 'utf8').includes('&#x60;'))).toEqual([]);
  });

  it('follows every link of the site and finds no missing page or anchor', () => {
    const seen = new Set<string>();
    const queue = ['index.html'];
    const missing: string[] = [];
    while (queue.length > 0) {
      const page = queue.shift()!;
      if (seen.has(page)) continue;
      seen.add(page);
      const html = readFileSync(join(site, page), 'utf8');
      for (const [, href = ''] of html.matchAll(/<a [^>]*href="([^"]*)"/g)) {
        if (/^[a-z]+:/.test(href)) continue; // http(s), mailto: outside the site, not followed
        const [path = '', anchor] = href.split('#');
        const target = path === '' ? page : relative(site, resolve(dirname(join(site, page)), decodeURIComponent(path)));
        if (!existsSync(join(site, target))) {
          missing.push(`${page} → ${href}`);
          continue;
        }
        if (anchor && !readFileSync(join(site, target), 'utf8').includes(`id="${anchor}"`)) missing.push(`${page} → ${href} (no such anchor)`);
        if (target.endsWith('.html') && !seen.has(target)) queue.push(target);
      }
    }
    expect(missing).toEqual([]);
    const pages = filesBelow(site).filter((f) => f.endsWith('.html'));
    // Every page is reachable from the start page.
    expect(pages.filter((p) => !seen.has(p))).toEqual([]);
    expect(seen.size).toBeGreaterThan(90);
  });

  it('--redact leaves no holder.name, note or personnummer anywhere in the folder', () => {
    const redacted = join(register, 'redacted');
    const result = runCli(['site', '--output', 'redacted', '--redact', '--date', DATE], register);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/tog bort 2 personnamn \(holder\.name\) och \d+ anteckningar \(notes\), och ersatte 1 personnummer eller samordningsnummer med ÅÅMMDD-XXXX/);
    expect(result.stderr).toContain('itreg: tog också bort 7 leverantörers kontaktuppgifter (contact), som kan vara en persons namn\n');
    const notes = [NOTE, 'GIS-ingenjören slutade vid halvårsskiftet', 'Förlängning förhandlas'];
    // The unredacted site shows them, so the check below can fail.
    const plain = filesBelow(site)
      .map((f) => readFileSync(join(site, f), 'utf8'))
      .join('\n');
    for (const text of [HOLDER_NAME, PERSONNUMMER, CONTACT_PERSON, ...notes]) expect(plain).toContain(text);
    for (const file of filesBelow(redacted)) {
      const text = readFileSync(join(redacted, file), 'utf8');
      for (const secret of [HOLDER_NAME, CONTACT_PERSON, ...notes]) expect(text, file).not.toContain(secret);
      expect(findIdentityNumbers(text), file).toEqual([]);
    }
    // The record of processing and the suppliers are public by law: kept whole, but for the contact.
    const content = (folder: string, page: string) => {
      const html = readFileSync(join(folder, page), 'utf8');
      return html.slice(html.indexOf('<main'), html.indexOf('<section aria-labelledby="findings-h">'));
    };
    for (const page of ['processing.html', 'suppliers.html', ...readdirSync(join(site, 'processing')).map((f) => `processing/${f}`)]) {
      expect(content(redacted, page), page).toBe(content(site, page));
    }
    for (const page of readdirSync(join(site, 'supplier')).map((f) => `supplier/${f}`)) {
      expect(content(redacted, page), page).toBe(content(site, page).replace(/<dt>Kontakt<\/dt><dd>[^<]*<\/dd>/, ''));
    }
    expect(content(site, 'supplier/omsorgsdata-nordic.html')).toContain(`<dt>Kontakt</dt><dd>${CONTACT_PERSON}, 070-123 45 67</dd>`);
  });

  it('links a supplier that is a party to an agreement, and its sub-processors, to their pages (a party was shown as a broken reference)', () => {
    const html = readFileSync(join(site, 'agreement/socialtjanst-journal-pub.html'), 'utf8');
    expect(html).toContain('<a href="../supplier/omsorgsdata-nordic.html">Omsorgsdata Nordic AB</a>');
    expect(html).toContain('<a href="../supplier/nordisk-datahall.html">Nordisk Datahall AB</a>, Sverige (SE), sedan 1 maj 2024: <span>inom EU/EES</span>');
    expect(html).not.toContain('class="broken"');
    expect(readFileSync(join(site, 'agreement/katalogtjanst-serverhall.html'), 'utf8')).not.toContain('class="broken"');
  });

  it('refuses an --output that is a file, or a folder with other files in it (exit 2)', () => {
    writeFileSync(join(register, 'a-file'), 'x');
    mkdirSync(join(register, 'other'));
    writeFileSync(join(register, 'other', 'keep.txt'), 'mine');
    expect(runCli(['site', '--output', 'a-file'], register)).toMatchObject({ status: 2, stderr: 'itreg: --output a-file finns och är ingen mapp: ange en mapp för webbplatsen\n' });
    expect(runCli(['site', '--output', 'other'], register).status).toBe(2);
    expect(runCli(['site'], register)).toMatchObject({ status: 2, stderr: "itreg: flaggan '-o, --output <mapp>' måste anges (se itreg --help)\n" });
    expect(runCli(['site', '--lang', 'en'], register).stderr).toBe("itreg: the option '-o, --output <dir>' is required (see itreg --help)\n");
    expect(readFileSync(join(register, 'other', 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe.skipIf(!executablePath)('the site in Chromium', () => {
  it('loads the start page and an application page with no console error and no request outside the folder', async () => {
    for (const path of ['index.html', 'application/gis.html']) {
      const { page, problems } = await open(path);
      expect(await page.locator('h1').innerText()).not.toBe('');
      expect(problems, path).toEqual([]);
      await page.context().close();
    }
  });

  it('finds an application by its product in the search', async () => {
    const { page, problems } = await open('index.html');
    // The search box on every page leads to the search page with the query, which searches at once.
    await page.fill('#site-q', 'KartWeb');
    await page.press('#site-q', 'Enter');
    await page.waitForSelector('#search-results li a');
    expect(page.url()).toContain('search.html?q=KartWeb');
    expect(await page.locator('#search-results li a').first().getAttribute('href')).toBe('application/gis.html');
    // As one types, by the vendor's name too, with prefix search: both of Kartbolaget's applications.
    await page.fill('#search-q', 'kartbolag');
    await page.waitForFunction('document.querySelectorAll(\'#search-results a[href^="application/"]\').length === 2');
    expect(await page.locator('#search-results a[href^="application/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort())).toEqual([
      'application/e-bygglov.html',
      'application/gis.html',
    ]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('keeps each number of the start page\'s tables on one line ("92,3 %" wrapped before its "%")', async () => {
    const { page } = await open('index.html');
    expect(await page.locator('td.num').count()).toBeGreaterThan(20);
    expect(await wrappedCells(page, 'td.num')).toEqual([]);
    await page.context().close();
  });

  it('prints every table whole on A4: the compliance per municipality with all its columns', async () => {
    const { page } = await open('index.html');
    await page.setViewportSize({ width: 680, height: 960 }); // A4 within 15 mm margins, at 96 dpi
    await page.emulateMedia({ media: 'print' });
    const cut = await page.locator('table').evaluateAll((tables) => tables.filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1).map((t) => t.querySelector('th')?.textContent ?? ''));
    expect(await page.locator('table').count()).toBe(2); // the demands and the municipalities: both measured
    expect(cut).toEqual([]);
    await page.context().close();
  });

  it('prints the record of processing, a processing activity and a supplier with every table within A4', async () => {
    const cut: string[] = [];
    for (const path of ['processing.html', 'processing/socialtjanst-amal.html', 'suppliers.html', 'supplier/nordisk-datahall.html']) {
      const { page } = await open(path);
      await page.setViewportSize({ width: 680, height: 960 }); // A4 within 15 mm margins, at 96 dpi
      await page.emulateMedia({ media: 'print' });
      const wide = await page.locator('table').evaluateAll((tables) => tables.filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1).map((t) => `${t.className}: ${t.scrollWidth} px`));
      cut.push(...wide.map((w) => `${path}: ${w}`));
      await page.context().close();
    }
    // The record's tables were 725 px wide: "myndighetsutövning" and "Konsekvensbedömning" did not fit their columns.
    expect(cut).toEqual([]);
  });

  it("fits a phone's width: no page scrolls sideways at 390 px (wide tables scroll in their own box)", async () => {
    const wide: string[] = [];
    for (const path of [
      'index.html',
      'applications.html',
      'application/gis.html',
      'unit/it-amal.html',
      'agreements.html',
      'costs.html',
      'processing.html',
      'processing/socialtjanst-amal.html',
      'suppliers.html',
      'supplier/nordisk-datahall.html',
    ]) {
      const context = await browser!.newContext({ viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      await page.goto(`file://${join(site, path)}`, { waitUntil: 'load' });
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (width > 390) wide.push(`${path}: ${width} px`);
      // Dates stay on one line in the tables, which scroll instead ("1 januari 2027" broke over three lines).
      wide.push(...(await wrappedCells(page, 'td.date')).map((cell) => `${path}: "${cell}" wraps`));
      await context.close();
    }
    expect(wide).toEqual([]);
  });

  it('filters and lists without JavaScript, and sorts with it', async () => {
    const { page } = await open('applications.html', { javaScript: false });
    await page.getByRole('link', { name: 'Mellerud', exact: false }).first().click();
    expect(page.url()).toContain('applications/municipality-mellerud.html');
    const rows = await page.locator('table.apps tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(14);
    await page.context().close();
    const sorted = await open('applications.html');
    const names = () => sorted.page.locator('table.apps tbody tr td:first-child a').allInnerTexts();
    const before = await names();
    await sorted.page.locator('table.apps th button').first().click();
    await sorted.page.locator('table.apps th button').first().click();
    expect(await names()).toEqual([...before].reverse());
    await sorted.page.context().close();
  });

  it('works with the keyboard alone (skip link, sort buttons) and prints without navigation or search', async () => {
    const { page, problems } = await open('applications.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    // The sort buttons in the table's headings are reached by Tab and work with Enter.
    const heading = page.locator('table.apps th button').first();
    await heading.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('table.apps th').first().getAttribute('aria-sort')).toBe('ascending');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header nav').isVisible()).toBe(false);
    expect(await page.locator('.search-form').isVisible()).toBe(false);
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('table.apps').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  // One test per page: axe takes seconds a page, and nine in one test outran its minute on a loaded machine.
  it.each([
    'index.html',
    'applications.html',
    'application/gis.html',
    'municipality/fargelanda.html',
    'costs.html',
    'processing.html',
    'processing/e-tjanster-dals-ed.html',
    'suppliers.html',
    'supplier/nordisk-datahall.html',
  ])('axe-core finds no violation on %s, and it is photographed', async (path) => {
    const axe = readFileSync(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
    mkdirSync(shots, { recursive: true });
    const { page } = await open(path);
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>("axe.run(document, { resultTypes: ['violations'] })");
    await page.screenshot({ path: join(shots, `site-${path.replace(/[/.]/g, '-')}.png`), fullPage: true });
    await page.context().close();
    expect(result.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });
});
