// itreg site at its edges, as a new user met them: a file that cannot be read, a register with nothing to report, an
// --edit-url that is no web address, an identity number in a commit subject under --redact, and what the search says
// about its matches (one, several, more than it lists).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../src/report/pdf.js';
import { git, registerFrom, runCli, temporaryFolder } from '../helpers.js';

const DATE = ['--date', '2026-06-01', '--lang', 'sv']; // the fixture's register is in English
const executablePath = findChromium();
const pagesOf = (site: string) => readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && statSync(join(site, f)).isFile());

describe('itreg site at its edges', () => {
  it('names a file it could not read on stderr and on the start page, and builds the rest (exit 0)', () => {
    const folder = registerFrom('clean', { 'register/applications/broken.yaml': 'kind: Application\nid: broken\nname: [not closed\n' });
    const output = join(temporaryFolder(), 'site');
    const result = runCli(['site', '--output', output, ...DATE], folder);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^itreg: \d+ sidor → .*\nitreg: utelämnat ur webbplatsen: 1 fil som inte kunde läsas, först register\/applications\/broken\.yaml:\d+:\d+: .+; itreg lint visar alla fel\n$/,
    );
    const start = readFileSync(join(output, 'index.html'), 'utf8');
    expect(start).toContain('<h2 id="unread-h">Filer som inte kunde läsas</h2>');
    expect(start).toMatch(/<li><code>register\/applications\/broken\.yaml:\d+:\d+<\/code>: /);
    const clean = runCli(['site', '--output', output, '--date', '2026-06-01'], registerFrom('clean'));
    expect(clean.stderr).toMatch(/^itreg: \d+ pages → [^\n]*\n$/);
    expect(readFileSync(join(output, 'index.html'), 'utf8')).not.toContain('unread');
  });

  it('links no key figure to a list that is not there (a register without errors or warnings)', () => {
    const folder = registerFrom('clean');
    const site = join(temporaryFolder(), 'site');
    expect(runCli(['site', '--output', site, ...DATE], folder).status).toBe(0);
    const missing: string[] = [];
    for (const page of pagesOf(site)) {
      for (const [, href = ''] of readFileSync(join(site, page), 'utf8').matchAll(/<a [^>]*href="([^"#]*)[^"]*"/g)) {
        if (href === '' || /^[a-z]+:/.test(href)) continue;
        const target = relative(site, resolve(dirname(join(site, page)), decodeURIComponent(href)));
        try {
          statSync(join(site, target));
        } catch {
          missing.push(`${page} → ${href}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toMatch(/<div class="figure-box"><span class="figure">0<\/span> <span class="figure-label">Varningar<\/span><\/div>/);
  });

  it('takes only a web address as --edit-url (exit 2, one line)', () => {
    const folder = registerFrom('clean');
    for (const url of ['javascript:alert(1)//{path}', 'not a url {path}', '/local/{path}', 'https://git.example.org/edit/main/']) {
      const result = runCli(['site', '--output', join(temporaryFolder(), 'site'), '--edit-url', url, '--lang', 'sv'], folder);
      expect(result.status, url).toBe(2);
      expect(result.stderr, url).toMatch(/^itreg: --edit-url ska vara en http\(s\)-adress med \{path\}[^\n]*\n$/);
    }
  });

  it('--redact counts the identity numbers it masks in the git history too', () => {
    const folder = registerFrom('clean');
    git(folder, 'init', '--quiet', '--initial-branch=main');
    git(folder, 'add', '-A');
    git(folder, 'commit', '--quiet', '-m', 'Registret');
    const file = join(folder, 'register/applications', readdirSync(join(folder, 'register/applications'))[0]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}description: Ny beskrivning\n`);
    git(folder, 'commit', '--quiet', '-am', 'Beskrivning enligt samtal med 121212-1212');
    const site = join(temporaryFolder(), 'site');
    const result = runCli(['site', '--redact', '--output', site, ...DATE], folder);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('ersatte 1 personnummer eller samordningsnummer med ÅÅMMDD-XXXX');
    const all = pagesOf(site)
      .map((p) => readFileSync(join(site, p), 'utf8'))
      .join('\n');
    expect(all).toContain('Beskrivning enligt samtal med ÅÅMMDD-XXXX');
    expect(all).not.toContain('121212-1212');
  });

  it.skipIf(!executablePath)('says how many the search found, and that it lists the best 100 of more', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) {
      const id = `app-${String(i).padStart(3, '0')}`;
      files[`register/applications/${id}.yaml`] =
        `kind: Application\nid: ${id}\nname: Ärendesystem ${i === 7 ? 'Solrosen' : i >= 10 && i < 15 ? `Tulpan ${i}` : id}\ntype: business\nmunicipalities: [amal]\ncollaborationLevel: 1\noperatedBy: it-amal\npersonalData: none\nvendor:\n  name: Leverantör ${i}\n  product: Produkt ${i}\n`;
    }
    const site = join(temporaryFolder(), 'site');
    expect(runCli(['site', '--output', site, ...DATE], registerFrom('clean', files)).status).toBe(0);
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const said = async (query: string) => {
        await page.goto(`file://${join(site, 'search.html')}?q=${encodeURIComponent(query)}`);
        return page.locator('#search-status').innerText();
      };
      expect(await said('Solrosen')).toBe('1 träff.');
      expect(await page.locator('#search-results li').count()).toBe(1);
      expect(await said('Tulpan')).toBe('5 träffar.');
      expect(await said('Ärendesystem Tulpan')).toBe('5 träffar.'); // every word must match: more words, fewer matches
      expect(await said('Ärendesystem')).toMatch(/^15\d träffar, de 100 bästa visas\. Skriv fler ord för att begränsa sökningen\.$/); // the 150 and the fixture's own
      expect(await page.locator('#search-results li').count()).toBe(100);
      expect(await said('zzzqqq')).toBe('Inga träffar.');
    } finally {
      await browser.close();
    }
  });
});
