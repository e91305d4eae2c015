// itreg report processing: the record of processing activities (GDPR art. 30.1), checked element by element against
// the register's processing/*.yaml files, for a register built here and for the example register.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { escapeMarkdownText } from '../../src/format/markdown.js';
import { processingLabels } from '../../src/report/processing-labels.js';
import { projectRoot, runCli, temporaryFolder, writeFiles } from '../helpers.js';
import { lawCommandsRegister, type ProcessingFile } from '../insight/law-commands-register.js';

const read = (file: string): Record<string, unknown> => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const nameOf = (register: string, folder: string, id: string): string => {
  const file = join(register, 'register', folder, `${id}.yaml`);
  return existsSync(file) ? String(read(file)['name']) : id;
};
/** The text as a Markdown table shows it (what could be read as markup escaped). */
const md = escapeMarkdownText;

/** Every element of art. 30.1 of every processing current on `date`, found in the record's section for it. */
function checkRecord(register: string, language: 'sv' | 'en', date: string): number {
  const t = processingLabels[language];
  const folder = join(register, 'register', 'processing');
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.yaml')) : [];
  const result = runCli(['report', 'processing', '--format', 'md', '--date', date, '--lang', language], register);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  let checked = 0;
  for (const file of files) {
    const p = read(join(folder, file)) as unknown as ProcessingFile;
    const current = (p.start === undefined || p.start <= date) && (p.end === undefined || date <= p.end);
    const heading = `\n### ${md(p.name)}\n`;
    if (!current) {
      expect(result.stdout, `${file} has ended`).not.toContain(heading);
      continue;
    }
    const at = result.stdout.indexOf(heading);
    expect(at, `${file}: its section`).toBeGreaterThan(0);
    const section = result.stdout.slice(at, result.stdout.indexOf('\n### ', at + 1) === -1 ? undefined : result.stdout.indexOf('\n### ', at + 1));
    const row = (label: string) => section.split('\n').find((line) => line.startsWith(`| ${label} |`)) ?? '';
    // The controller's section, and a) in the processing's own table.
    const controller = nameOf(register, 'units', p.controller);
    expect(result.stdout.slice(0, at)).toContain(`## ${t.controller}: ${md(controller)}`);
    expect(row(t.a)).toContain(md(controller));
    // a) also the controller's contact details and data protection officer, or that they are not given.
    const unitFile = join(register, 'register', 'units', `${p.controller}.yaml`);
    const unit = existsSync(unitFile) ? read(unitFile) : {};
    expect(row(t.contact)).toBe(`| ${t.contact} | ${unit['contact'] ? md(String(unit['contact'])) : t.notGiven} |`);
    expect(row(t.dataProtectionOfficer)).toBe(`| ${t.dataProtectionOfficer} | ${unit['dataProtectionOfficer'] ? md(String(unit['dataProtectionOfficer'])) : t.notGiven} |`);
    expect(row(t.b)).toBe(`| ${t.b} | ${md(p.purpose)} |`);
    for (const basis of p.legalBasis) expect(row(t.legalBasis)).toContain(t.legalBases[basis]);
    if (p.article9Basis) expect(row(t.article9)).toContain(md(p.article9Basis));
    expect(row(t.c1)).toBe(`| ${t.c1} | ${p.dataSubjects.map(md).join('; ')} |`);
    expect(row(t.c2)).toBe(`| ${t.c2} | ${p.dataCategories.map(md).join('; ')} |`);
    expect(row(t.d)).toBe(`| ${t.d} | ${p.recipients?.length ? p.recipients.map(md).join('; ') : t.noneGiven} |`);
    for (const transfer of p.transfers ?? []) expect(row(t.e)).toContain(`(${transfer.country}): ${transfer.safeguard ? t.safeguards[transfer.safeguard] : ''}`);
    if (!p.transfers?.length && !row(t.e).includes(`(${t.subProcessor})`)) expect(row(t.e)).toBe(`| ${t.e} | ${t.noTransfers} |`);
    expect(row(t.f)).toBe(`| ${t.f} | ${md(p.retention)} |`);
    expect(row(t.g)).toBe(`| ${t.g} | ${p.securityMeasures ? md(p.securityMeasures) : t.notGiven} |`);
    expect(row(t.dpia)).not.toBe('');
    // Each application, with its processor agreements' names, parties and sub-processors.
    for (const app of p.applications) {
      expect(section).toContain(`| ${md(nameOf(register, 'applications', app))} (`);
      const agreements = readdirSync(join(register, 'register', 'agreements'))
        .map((f) => read(join(register, 'register', 'agreements', f)))
        .filter((a) => a['application'] === app && a['type'] === 'data-processing');
      if (agreements.length === 0) expect(section).toContain(`| ${md(nameOf(register, 'applications', app))} (`);
      for (const agreement of agreements) {
        expect(section).toContain(md(String(agreement['name'])));
        for (const sub of (agreement['subProcessors'] ?? []) as Array<{ name: string; country: string }>) expect(section).toContain(`${md(sub.name)}, `);
      }
    }
    checked += 1;
  }
  return checked;
}

describe('itreg report processing', () => {
  it('holds every art. 30.1 element of each current processing of a register built here, in Swedish and English', () => {
    const register = lawCommandsRegister('sv');
    expect(checkRecord(register, 'sv', '2026-06-01')).toBe(2);
    expect(checkRecord(register, 'en', '2026-06-01')).toBe(2);
    const sv = runCli(['report', 'processing', '--format', 'md', '--date', '2026-06-01'], register).stdout;
    expect(sv).toContain('| e) Överföringar till tredjeland och skyddsåtgärder | USA (US): Backup Corp (underbiträde), standardavtalsklausuler (art. 46.2 c) |');
    expect(sv).toContain(
      '| Lönesystem (personuppgifter) | PUB-avtal lön, 1 januari 2024 | Lönepartner Väst AB | Nordisk Datahall AB, Sverige (SE): inom EU/EES; Backup Corp, USA (US), sedan 1 mars 2025: standardavtalsklausuler (art. 46.2 c) |',
    );
    expect(sv).toContain('| Socialtjänstens journal (känsliga personuppgifter) | Inget personuppgiftsbiträdesavtal registrerat | | |');
    expect(sv).toContain('| Konsekvensbedömning (art. 35) | Krävs, genomförd (1 maj 2025) |');
    // Controllers by municipality: Mellerud before Åmål.
    expect(sv.indexOf('## Personuppgiftsansvarig: HR-avdelningen Mellerud')).toBeLessThan(sv.indexOf('## Personuppgiftsansvarig: Socialförvaltningen Åmål'));
    expect(sv).not.toContain('Gammal behandling');
  });

  it('holds every art. 30.1 element of each current processing of the example register', () => {
    checkRecord(projectRoot, 'sv', '2026-06-01');
    checkRecord(projectRoot, 'en', '2026-06-01');
  });

  it('names a sub-processor outside the EU/EEA among the transfers (e) from its since on, as itreg suppliers counts it', () => {
    // Videomöten Global Inc. (US) became a sub-processor of the Bengtsfors learning platform on 2026-08-15.
    const transfers = (date: string) => {
      const out = runCli(['report', 'processing', '--format', 'md', '--date', date, '--lang', 'en', '--unit', 'barn-utbildning-bengtsfors'], projectRoot).stdout;
      return out.split('\n').find((line) => line.startsWith(`| ${processingLabels.en.e} |`)) ?? '';
    };
    expect(transfers('2026-08-14')).not.toContain('Videomöten Global Inc.');
    expect(transfers('2026-08-15')).toContain('Videomöten Global Inc. (sub-processor)');
    // The processor agreement's own list still names it with its since.
    expect(runCli(['report', 'processing', '--format', 'md', '--date', '2026-08-14', '--lang', 'en', '--unit', 'barn-utbildning-bengtsfors'], projectRoot).stdout).toContain(
      'Videomöten Global Inc., United States (US), since 15 August 2026',
    );
  });

  it("gives each controller's contact details and data protection officer (art. 30.1 a), and says when they are not given", () => {
    const register = lawCommandsRegister('sv');
    writeFiles(register, {
      'register/units/soc-amal.yaml':
        'kind: Unit\nid: soc-amal\nname: Socialförvaltningen Åmål\ntype: department\nmunicipality: amal\ncontact: socialforvaltningen@amal.se, 0532-170 00\ndataProtectionOfficer: Dataskyddsombudet, Åmåls kommun, dataskyddsombud@amal.se\n',
    });
    expect(runCli(['lint', '--date', '2026-06-01'], register).stdout).not.toContain('soc-amal.yaml');
    for (const language of ['sv', 'en'] as const) {
      const t = processingLabels[language];
      expect(checkRecord(register, language, '2026-06-01')).toBe(2);
      const text = runCli(['report', 'processing', '--format', 'md', '--date', '2026-06-01', '--lang', language], register).stdout;
      const soc = text.slice(text.indexOf(`## ${t.controller}: Socialförvaltningen Åmål`));
      const hr = text.slice(text.indexOf(`## ${t.controller}: HR-avdelningen Mellerud`), text.indexOf(`## ${t.controller}: Socialförvaltningen Åmål`));
      expect(soc).toContain(`| ${t.contact} | socialforvaltningen@amal.se, 0532-170 00 |`);
      expect(soc).toContain(`| ${t.dataProtectionOfficer} | Dataskyddsombudet, Åmåls kommun, dataskyddsombud@amal.se |`);
      expect(hr).toContain(`| ${t.contact} | ${t.notGiven} |`);
      expect(hr).toContain(`| ${t.dataProtectionOfficer} | ${t.notGiven} |`);
      const html = runCli(['report', 'processing', '--date', '2026-06-01', '--lang', language], register).stdout;
      expect(html).toContain(`<tr><th scope="row">${t.contact}</th><td>socialforvaltningen@amal.se, 0532-170 00</td></tr>`);
      expect(html).toContain(`<tr><th scope="row">${t.dataProtectionOfficer}</th><td><span class="warn">${t.notGiven}</span></td></tr>`);
    }
    expect(processingLabels.sv.notGiven).toBe('Ej angivet');
    expect(processingLabels.en.notGiven).toBe('Not given');
  });

  it('keeps parties whose names hold a comma apart: "; " in Markdown, one per line in HTML', () => {
    // "Socialförvaltningen, Åmål, Sektor omsorg, Bengtsfors, Omsorgsdata Nordic AB" read as five parties.
    const md = runCli(['report', 'processing', '--format', 'md', '--date', '2026-06-01', '--unit', 'socialforvaltningen-amal'], projectRoot).stdout;
    expect(md).toContain('| Socialförvaltningen, Åmål; Sektor omsorg, Bengtsfors; Omsorgsdata Nordic AB |');
    const html = runCli(['report', 'processing', '--date', '2026-06-01', '--unit', 'socialforvaltningen-amal'], projectRoot).stdout;
    expect(html).toContain('<td><ul class="plain"><li>Socialförvaltningen, Åmål</li><li>Sektor omsorg, Bengtsfors</li><li>Omsorgsdata Nordic AB</li></ul></td>');
  });

  it("gives one controller's record with --unit, and refuses an unknown unit in one line, exit 2", () => {
    const register = lawCommandsRegister('en');
    const one = runCli(['report', 'processing', '--format', 'md', '--unit', 'soc-amal', '--date', '2026-06-01'], register).stdout;
    expect(one).toContain('## Controller: Socialförvaltningen Åmål, Åmåls kommun');
    expect(one).not.toContain('HR-avdelningen');
    const bad = runCli(['report', 'processing', '--unit', 'soc-amall'], register);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('itreg: no unit "soc-amall" (did you mean "soc-amal"?); `itreg list unit` lists them\n');
  });

  it.skipIf(spawnSync('pdftotext', ['-v']).status !== 0)(
    "prints the example register's record with no page holding a heading alone",
    () => {
      // The payroll record (a description row, five recipients) with its controller's two-line heading is taller than
      // a page: Chromium split the heading, leaving its first line alone on a page and the rest atop the next.
      const out = join(temporaryFolder(), 'record.pdf');
      const result = runCli(['report', 'processing', '--format', 'pdf', '--output', out, '--date', '2026-12-08'], projectRoot);
      expect(result.stderr).toBe('');
      const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
      const pages = text.split('\f').filter((page) => page.trim() !== '');
      const lines = (page: string) => page.split('\n').filter((line) => line.trim() !== '' && !/Sida \d+ av \d+/.test(line));
      for (const page of pages) expect(lines(page).length, page).toBeGreaterThan(3);
      const heading = 'Personuppgiftsansvarig: HR- och löneenheten, Mellerud, Melleruds kommun';
      expect(pages.some((page) => page.replace(/\s+/g, ' ').includes(heading))).toBe(true);
    },
    60_000,
  );

  it('renders HTML with a heading per element and a PDF by Chromium', () => {
    const register = lawCommandsRegister('sv');
    const html = runCli(['report', 'processing', '--date', '2026-06-01'], register).stdout;
    expect(html).toContain('<th scope="row">g) Tekniska och organisatoriska säkerhetsåtgärder</th>');
    expect(html).toContain('<section class="controller" id="c-soc-amal">');
    const out = join(temporaryFolder(), 'record.pdf');
    const pdf = runCli(['report', 'processing', '--format', 'pdf', '--output', out, '--date', '2026-06-01'], register);
    expect(pdf.stderr).toBe('');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
