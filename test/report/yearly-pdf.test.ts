// The yearly report a board reads: the example register committed month by month for a year, printed to PDF in
// Swedish and English, and read back with pdftotext (poppler-utils): summary figures, page numbers, footer, every section.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/report/pdf.js';
import { commitAt, git, projectRoot, runCli, temporaryFolder } from '../helpers.js';

const hasPdfToText = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!findChromium() || !hasPdfToText)('the yearly report as PDF, from a register committed every month', () => {
  const folder = temporaryFolder();
  const pages: Record<string, string[]> = {};
  /** The text in reading order with white space folded: for sentences that the layout wraps across columns. */
  const flowing: Record<string, string[]> = {};
  let commit = '';

  beforeAll(() => {
    spawnSync('cp', ['-r', join(__dirname, '../../register'), join(__dirname, '../../itreg.yaml'), folder]);
    appendFileSync(
      join(folder, 'itreg.yaml'),
      'report:\n  proposals:\n    - Kommunstyrelserna utser en systemansvarig för GIS och kartsystem.\n    - IT-chefsgruppen upphandlar lärplattformen gemensamt.\n',
    );
    git(folder, 'init', '--quiet', '--initial-branch=main');
    // December 2025: the library system has no owner yet; January: it gets one; then a change every month.
    const owner = join(folder, 'register/roles/bibliotek-systemagare.yaml');
    const ownerText = readFileSync(owner, 'utf8');
    rmSync(owner);
    commitAt(folder, '2025-12-15T12:00:00Z', 'Registret');
    writeFileSync(owner, ownerText);
    commitAt(folder, '2026-01-15T12:00:00Z', 'Systemägare för bibliotekssystemet');
    for (let month = 2; month <= 11; month++) {
      appendFileSync(join(folder, 'register/applications/gis.yaml'), `# granskad ${month}\n`);
      commitAt(folder, `2026-${String(month).padStart(2, '0')}-15T12:00:00Z`, `Månadens granskning ${month}`);
    }
    commit = git(folder, 'rev-parse', '--short', 'HEAD').trim();
    for (const lang of ['sv', 'en']) {
      const file = join(folder, `arsrapport-${lang}.pdf`);
      const result = runCli(['report', 'yearly', '--year', '2026', '--date', '2026-11-30', '--format', 'pdf', '--out', file, '--lang', lang], folder);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text.status).toBe(0);
      pages[lang] = text.stdout.split('\f').filter((page) => page.trim() !== '');
      const raw = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
      flowing[lang] = raw.stdout
        .split('\f')
        .filter((page) => page.trim() !== '')
        .map((page) => page.replace(/\s+/g, ' '));
      // Kept for looking at (pdftoppm -png -r 60 test-results/yearly-sv.pdf), as the browser tests keep screenshots.
      mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
      copyFileSync(file, join(projectRoot, 'test-results', `yearly-${lang}.pdf`));
    }
  }, 180_000);

  it('numbers every page and carries the register, the date judged and the commit in the footer', () => {
    for (const [lang, list] of Object.entries(pages)) {
      expect(list.length).toBeGreaterThanOrEqual(8);
      list.forEach((page, index) => {
        const label = lang === 'sv' ? `Sida ${index + 1} av ${list.length}` : `Page ${index + 1} of ${list.length}`;
        expect(page).toContain(label);
        expect(page).toMatch(new RegExp(`Dalslandskommunerna · ${lang === 'sv' ? 'Registret bedömt per' : 'Register assessed on'} 2026-11-30 · version ${commit}`));
      });
    }
  });

  it('opens with the summary: key figures with the change since last year, risks in words, proposed decisions', () => {
    const first = flowing['sv']![0]!;
    expect(first).toContain('IT-policyns årsrapport 2026');
    expect(first).toContain('Sammanfattning');
    // 82 of 89 demands met on 2026-11-30, as counted by hand in view-model.test.ts (2026-11-26; nothing falls due between).
    expect(first).toMatch(/92,9 %/); // test/report/view-model.test.ts counts it
    expect(first).toMatch(/5 632 041 kr/);
    expect(first).toMatch(/5 632 041 kr Kostnadsfördelning 2026 \+1 283 041 kr jämfört med 2025/);
    // December 2025 lacked the library system's owner: compliance has risen since, and there are fewer errors.
    expect(first).toMatch(/92,9 % Efterlevnad av IT-policyn \+\d+(,\d)? procentenheter jämfört med 31 december 2025/);
    expect(first).toMatch(/13 Applikationer i drift eller planerade oförändrat jämfört med 31 december 2025/);
    expect(first).toMatch(/9 Fel i registret −\d+ jämfört med 31 december 2025/);
    expect(first).toContain('De största riskerna');
    expect(first).toMatch(/Uppsägningstiden har passerat för 1 avtal/);
    expect(first).toContain('Förslag till beslut');
    expect(first).toContain('Kommunstyrelserna utser en systemansvarig för GIS och kartsystem.');
    const en = flowing['en']![0]!;
    expect(en).toMatch(/92\.9%/);
    expect(en).toMatch(/SEK 5,632,041/);
    expect(en).toContain('Proposed decisions');
  });

  it('has every section, each on the page its table of contents says', () => {
    const sections = {
      sv: [
        'Registret i korthet',
        'Efterlevnad av IT-policyn',
        'Ansvaret för gemensamma applikationer',
        'Informationsklassning och kontinuitet',
        'Öppna fel per kommun och applikation',
        'Samverkanstillfällen',
        'Avtal: nuvarande slut, sista uppsägningsdag och läge',
        'Styrande dokument att revidera',
        'Kostnadsfördelning',
        'Beslutade undantag i kraft',
        'Förändringar under året',
      ],
      en: [
        'The register at a glance',
        'Compliance with the IT policy',
        'Responsibility for shared applications',
        'Information classification and continuity',
        'Open errors by municipality and application',
        'Collaboration opportunities',
        'Agreements: current end, notice deadline and state',
        'Governing documents due for revision',
        'Cost split',
        'Decided exceptions in force',
        'Changes during the year',
      ],
    } as const;
    for (const [lang, titles] of Object.entries(sections)) {
      const list = pages[lang]!;
      const toc = list[0]!;
      titles.forEach((title, index) => {
        const entry = new RegExp(`${index + 1}\\. ${title.replace(/[()]/g, '\\$&')}\\s+(\\d+)\\n`).exec(toc);
        expect(entry, `${lang}: ${title} in the table of contents`).not.toBeNull();
        const page = list[Number(entry![1]) - 1]!;
        expect(page, `${lang}: ${title} on page ${entry![1]}`).toMatch(new RegExp(`^\\s*${index + 1}\\. ${title}`, 'm'));
      });
    }
  });

  it('counts classifications, continuity plans and restore tests per municipality, in a table that fits the page', () => {
    // The figures test/report/continuity-section.test.ts counts from the files (nothing changes between the 26th and the 30th).
    for (const [lang, rows] of Object.entries({
      sv: ['Applikationer Bengtsfors Dals-Eds Färgelanda Melleruds Åmåls Samtliga', 'I drift eller planerade 9 9 8 10 9 13', 'varav återläsning provad i tid 3 2 2 2 3 3'],
      en: ['Applications Bengtsfors Dals-Eds Färgelanda Melleruds Åmåls All', 'Live 9 9 8 10 9 13', 'of which restore tested in time 3 2 2 2 3 3'],
    })) {
      // The section's own page, not the contents that name it.
      const page = pages[lang]!.find((p) => /^\s*4\. /m.test(p) && /Det som saknas|What is missing/.test(p))!;
      const lines = page.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
      for (const row of rows.slice(1)) expect(lines, `${lang}: ${row}`).toContain(row);
      // The municipalities' names across the head, each on one line with "kommun" beneath (none cut or overlapping).
      expect(lines.join('\n')).toContain(rows[0]!);
    }
    expect(flowing['sv']!.join(' ')).toContain('Återläsning inte provad i tid: PA- och lönesystem (senast provad 15 september 2025)');
  });

  it('shows the compliance trend, the preliminary next year and names instead of ids', () => {
    const all = flowing['sv']!.join(' ');
    expect(all).toMatch(/Kostnader per kommun, tre år/);
    expect(all).toMatch(/2027 \(preliminärt\)/);
    expect(all).not.toMatch(
      /\b(training-plan|application-has-owner|gis-systemagare-2018|pa-lon-support|it-staff-training-plan|training-plan-review|document-review|specialist-competence|it-instruktion-dals-ed)\b/,
    );
    // Every measure by name, per municipality and for the cooperation as a whole, with its figures.
    for (const measure of ['Dokumentation', 'Specialist', 'Utbildningsplan för IT-personalen', 'Översyn av utbildningsplaner', 'Revidering av styrdokument']) expect(all).toContain(measure);
    expect(all).toMatch(/Revidering av styrdokument 100 % 1 \/ 1 0 % 0 \/ 1 100 % 1 \/ 1 100 % 1 \/ 1 100 % 2 \/ 2 100 % 1 \/ 1/); // Åmål's 2nd: the social services' continuity plan
    expect(all).toMatch(/Samverkan som helhet/);
    expect(flowing['en']!.join(' ')).toMatch(/Revision of governing documents 100% 1 \/ 1 0% 0 \/ 1/);
    expect(all).toMatch(/Systemägare för bibliotekssystemet|Bibliotekssystem/);
  });
});
