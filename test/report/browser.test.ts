// The HTML report in a real headless Chromium (no console errors, charts drawn, a screenshot), and the PDF read back.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../src/report/pdf.js';
import { projectRoot, runCli, temporaryFolder } from '../helpers.js';

const executablePath = findChromium();
const shots = join(projectRoot, 'test-results');

// .ci/run installs Debian's chromium; a developer machine without it skips these, saying so.
describe.skipIf(!executablePath)('the report in Chromium', () => {
  it.each(['sv', 'en'])('renders the yearly HTML report (%s) without console errors, with charts that have a size', async (lang) => {
    const folder = temporaryFolder();
    const file = join(folder, `arsrapport-${lang}.html`);
    expect(runCli(['report', 'yearly', '--date', '2026-11-26', '--lang', lang, '--out', file]).status).toBe(0);
    const browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) problems.push(`network request: ${request.url()}`);
      });
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      const charts = await page.locator('svg.chart').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect()).map((r) => [r.width, r.height]));
      expect(charts).toHaveLength(3);
      for (const [width, height] of charts) {
        expect(width).toBeGreaterThan(100);
        expect(height).toBeGreaterThan(50);
      }
      // Defect 4: no label runs off its chart ("engtsfors kommun" in the PDF): every text lies inside its SVG.
      const outside = await page.locator('svg.chart').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')].flatMap((text) => {
            const r = text.getBoundingClientRect();
            return r.left < box.left - 0.5 || r.right > box.right + 0.5 ? [text.textContent ?? ''] : [];
          });
        }),
      );
      expect(outside).toEqual([]);
      expect(await page.locator('h1').innerText()).toBe(lang === 'sv' ? 'IT-policyns årsrapport 2026' : 'IT policy yearly report 2026');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `report-${lang}.png`), fullPage: true });
      expect(problems).toEqual([]);
      // WCAG 2 AA as axe-core judges it (colour contrast of 4.5:1 for text among it).
      await page.addScriptTag({ content: readFileSync(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8') });
      const axe = await page.evaluate<{ violations: Array<{ id: string; nodes: Array<{ target: unknown; any: Array<{ message: string }> }> }> }>("axe.run(document, { resultTypes: ['violations'] })");
      expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)} ${n.any[0]?.message ?? ''}`))).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('prints a PDF whose pages can be counted', () => {
    const folder = temporaryFolder();
    const file = join(folder, 'arsrapport.pdf');
    const result = runCli(['report', 'yearly', '--date', '2026-11-26', '--format', 'pdf', '--out', file]);
    expect(result.stderr).toBe('');
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Page objects in the file; pdfinfo (poppler-utils) agrees when present.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(5);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    if (info.status === 0) expect(Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1])).toBe(pages);
  });
});

describe('without Chromium', () => {
  it('--format pdf exits 2 with one line saying how to install it', () => {
    const result = runCli(['report', 'yearly', '--format', 'pdf', '--out', join(temporaryFolder(), 'r.pdf')], projectRoot, { ITREG_CHROMIUM: '/nonexistent/chromium' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('itreg: --format pdf behöver Chromium, och det finns inte: installera det (Debian: apt-get install chromium) eller ange sökvägen i ITREG_CHROMIUM\n');
  });
});
