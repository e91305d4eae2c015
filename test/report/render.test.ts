// Reports rendered through the CLI: every template in both languages (file snapshots), hostile text, history from git.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureKeys } from '../../src/report/compliance.js';
import { reportLabels } from '../../src/report/labels.js';
import { commitAt, git, registerFrom, runCli, temporaryFolder, writeFiles } from '../helpers.js';

// A copy of the example register outside git, so the reports do not depend on this repository's history.
const example = temporaryFolder();
spawnSync('cp', ['-r', join(__dirname, '../../register'), join(__dirname, '../../itreg.yaml'), example]);

const report = (folder: string, ...args: string[]) => {
  const result = runCli(['report', ...args, '--date', '2026-11-26'], folder);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
};

describe('built-in templates, in Swedish and English', () => {
  it.each([
    ['yearly', 'md', []],
    ['yearly', 'html', []],
    ['application', 'md', ['--id', 'gis']],
    ['application', 'html', ['--id', 'gis']],
    ['costs', 'md', ['--municipality', 'amal']],
    ['costs', 'html', ['--municipality', 'amal']],
  ] as const)('%s.%s', async (template, format, extra) => {
    for (const lang of ['sv', 'en']) {
      const out = report(example, template, '--format', format, '--lang', lang, ...extra);
      await expect(out).toMatchFileSnapshot(`__snapshots__/${template}.${lang}.${format}`);
    }
  });

  it('formats money, dates and percentages by language', () => {
    const sv = report(example, 'yearly', '--format', 'md');
    expect(sv).toContain('| Kostnadsfördelning 2026 | 5\u00A0632\u00A0041 kr |');
    expect(sv).toContain('Registret bedömt per 26 november 2026');
    const en = report(example, 'yearly', '--format', 'md', '--lang', 'en');
    expect(en).toContain('| Cost split 2026 | SEK 5,632,041 |');
    expect(en).toContain('Register assessed on 26 November 2026');
  });

  it('introduces compliance naming either no demand or every one that applies to some applications only, the processor agreement too', () => {
    for (const language of ['sv', 'en'] as const) {
      const labels = reportLabels[language];
      const partial = measureKeys.filter((key) => key !== 'owner' && key !== 'administrator');
      expect(partial).toContain('dataProcessingAgreement');
      const named = partial.filter((key) => labels.complianceIntro.includes(labels.measures[key].toLowerCase()));
      expect(named, language).toEqual(named.length === 0 ? [] : partial);
    }
  });

  it('sorts municipalities by Swedish collation, Å last', () => {
    const en = report(example, 'yearly', '--format', 'md', '--lang', 'en');
    expect(en).toMatch(/Member municipalities: Bengtsfors kommun, Dals-Eds kommun, Färgelanda kommun, Melleruds kommun, Åmåls kommun\./);
  });
});

describe('hostile text', () => {
  const hostile = registerFrom('clean', {
    'register/applications/diarium.yaml': readFileSync(join(__dirname, '../fixtures/clean/register/applications/diarium.yaml'), 'utf8').replace(
      'name: Diariesystem',
      'name: "<script>alert(1)</script> {{constructor}} | {{{x}}}"',
    ),
  });

  it('is escaped in HTML and cannot reach templates', () => {
    const html = report(hostile, 'yearly', '--format', 'html');
    expect(html).not.toContain('<script>alert(1)</script>');
    // Printed as text: the braces are data, never evaluated again.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{constructor}} | {{{x}}}');
  });

  it('is escaped in Markdown, tables intact', () => {
    const md = report(hostile, 'application', '--id', 'diarium', '--format', 'md');
    expect(md).toContain('# &lt;script&gt;alert(1)&lt;/script&gt; {{constructor}} \\| {{{x}}}');
    expect(md).not.toContain('<script>');
  });

  it('cannot form a link or an image in Markdown ([x](javascript:…), ![](tracker))', () => {
    const links = registerFrom('clean', {
      'register/applications/diarium.yaml': readFileSync(join(__dirname, '../fixtures/clean/register/applications/diarium.yaml'), 'utf8').replace(
        'name: Diariesystem',
        'name: "[Klicka](javascript:alert(1)) ![](http://tracker.example/p.gif) *fet* `kod` \\\\[x]"',
      ),
    });
    const md = report(links, 'application', '--id', 'diarium', '--format', 'md');
    const heading = md.split('\n').find((line) => line.startsWith('# '))!;
    expect(heading).toBe('# \\[Klicka\\]\\(javascript:alert(1)) \\!\\[\\]\\(http://tracker.example/p.gif) \\*fet\\* \\`kod\\` \\\\\\[x\\]');
    for (const made of ['](javascript:', '![](', '[Klicka]']) expect(md).not.toContain(made);
  });

  it('a syntax error in a custom template: exit 2 with the file and line, not an internal error', () => {
    writeFileSync(join(hostile, 'trasig.hbs'), '# {{name}}\n\n{{#each applications}}\n- {{name}}\n');
    const broken = runCli(['report', './trasig.hbs', '--lang', 'en'], hostile);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe(`itreg: ${join(hostile, 'trasig.hbs')}:5: the template has a mistake: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'\n`);
    writeFileSync(join(hostile, 'fel-block.hbs'), 'a\n{{#if name}}\n{{/each}}\n');
    expect(runCli(['report', './fel-block.hbs', '--lang', 'sv'], hostile).stderr).toBe(`itreg: ${join(hostile, 'fel-block.hbs')}:2: mallen har ett fel: if doesn't match each\n`);
    writeFileSync(join(hostile, 'hjalpare.hbs'), '{{okand name}}\n');
    const helper = runCli(['report', './hjalpare.hbs', '--lang', 'en'], hostile);
    expect([helper.status, helper.stderr]).toEqual([2, `itreg: ${join(hostile, 'hjalpare.hbs')}: the template has a mistake: Missing helper: "okand"\n`]);
  });

  it('a custom template reaches the view model and helpers, never prototypes', () => {
    const template = join(hostile, 'mall.hbs');
    writeFileSync(template, '{{name}}: {{percent compliance.overall}} {{money costs.total}} [{{constructor}}][{{lookup this "__proto__"}}][{{glance.constructor.name}}]\n');
    expect(report(hostile, './mall.hbs', '--lang', 'en')).toBe('Testkommunerna: 100% SEK 200,001 [][][]\n');
  });
});

describe("the year's changes from git", () => {
  it('shows added, removed and owner changes with dates, and compliance month by month', () => {
    const folder = registerFrom('clean', { 'itreg.yaml': 'name: X\nlanguage: en\n' });
    git(folder, 'init', '--quiet', '--initial-branch=main');
    const owner = readFileSync(join(folder, 'register/roles/diarium-owner.yaml'), 'utf8');
    writeFiles(folder, {
      'register/roles/diarium-owner.yaml': null,
      'register/applications/webb.yaml': 'kind: Application\nid: webb\nname: Webbplats\ntype: general\nmunicipalities: [amal]\ndocumentation: { routines: r }\n',
      'register/roles/webb-owner.yaml': 'kind: RoleAssignment\nid: webb-owner\nrole: system-owner\napplication: webb\nholder: { title: Kommunikationschef, unit: kansli-amal }\nfrom: 2020-01-01\n',
      'register/roles/webb-admin.yaml': 'kind: RoleAssignment\nid: webb-admin\nrole: system-administrator\napplication: webb\nholder: { title: Webbredaktör, unit: kansli-amal }\nfrom: 2020-01-01\n',
    });
    commitAt(folder, '2026-01-31T12:00:00Z', 'Registret, diariet utan systemägare');
    writeFiles(folder, { 'register/roles/diarium-owner.yaml': owner });
    commitAt(folder, '2026-02-28T12:00:00Z', 'Systemägare utsedd');
    writeFiles(folder, { 'register/roles/diarium-owner.yaml': owner.replace('Kanslichef', 'Kommundirektör'), 'register/documents/it-policy.yaml': null });
    commitAt(folder, '2026-03-31T12:00:00Z', 'Ny systemägare; policyn flyttad');
    const md = runCli(['report', 'yearly', '--format', 'md', '--year', '2026', '--date', '2026-04-15'], folder).stdout;
    expect(md).toContain('- 31 March 2026: Diariesystem: Kanslichef → Kommundirektör');
    // The first owner of an application that already existed is a change; the January register's own roles are not.
    expect(md).toContain('- 28 February 2026: Diariesystem: → Kanslichef');
    expect(md).not.toContain('Webbplats: →');
    expect(md).toMatch(/- 31 March 2026, Governing documents \(1\): IT-policy/);
    expect(md).toMatch(/- 31 January 2026, Applications \(2\): Diariesystem; Webbplats/);
    // Without the diary's owner in January 13 of 14 demands are met (92.9 %): of the application demands 6 of 7 (owner
    // 1/2, administrator 2/2, training plan, operations and support agreements 1/1 each), documentation 2/2, the shared
    // diary's specialist 1/1, the IT staff's plan 1/1, plan reviews 2/2 (both due 2027-01-15), the IT policy 1/1 (due
    // 2030). From February all are (14/14; in March 13/13, the policy's file removed).
    expect(md).toContain('### Compliance month by month\n\n- 31 January 2026: 92.9%\n- 28 February 2026: 100%\n- 31 March 2026: 100%\n');
  });
});

describe('itreg report errors', () => {
  it.each([
    // In the example register's language (Swedish), and in English with --lang en.
    [['report', 'yerly'], /ingen mall "yerly".*\(menade du "yearly"\?\)/],
    [['report', 'application'], /applikationsbladet behöver --id/],
    [['report', 'application', '--id', 'gsi'], /ingen applikation "gsi" \(menade du "gis"\?\)/],
    [['report', 'costs', '--municipality', 'amål'], /ingen kommun "amål" \(menade du "amal"\?\)/],
    [['report', 'yearly', '--format', 'pdf'], /--format pdf skriver en fil: ange den med --out/],
    [['report', 'yerly', '--lang', 'en'], /no template "yerly".*\(did you mean "yearly"\?\)/],
    [['report', 'application', '--lang', 'en'], /needs --id/],
    [['report', 'application', '--id', 'gsi', '--lang', 'en'], /no application "gsi" \(did you mean "gis"\?\)/],
    [['report', 'costs', '--municipality', 'amål', '--lang', 'en'], /no municipality "amål" \(did you mean "amal"\?\)/],
    [['report', 'yearly', '--format', 'pdf', '--lang', 'en'], /--format pdf writes a file: give it with --out/],
  ])('%j exits 2 with one line', (args, message) => {
    const result = runCli(args, example);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
