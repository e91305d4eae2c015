// Five small wrong answers a user saw (issue 25, item 9): an unknown --where field, list's sort by end, lint of some
// paths saying "no problems" of a register with errors elsewhere, itreg with no arguments, export --help on --redact.
import { describe, expect, it } from 'vitest';
import { registerFrom, runCli } from '../helpers.js';

const agreement = (id: string, fields: string) => `kind: Agreement\nid: ${id}\nname: ${id}\ntype: licence\napplication: gis\nstart: 2020-01-01\n${fields}`;
const folder = registerFrom('clean', {
  'register/applications/gis.yaml': 'kind: Application\nid: gis\nname: Kartsystem\ntype: business\nmunicipalities: [amal]\nlifecycle: { status: retired }\n',
  // On 2026-06-01: renewed once to 2026-12-31; ends 2026-09-30; open-ended.
  'register/agreements/g-renews.yaml': agreement('g-renews', 'end: 2025-12-31\nnoticeMonths: 3\nrenewal: { months: 12 }\n'),
  'register/agreements/g-ends.yaml': agreement('g-ends', 'end: 2026-09-30\n'),
  'register/agreements/g-open.yaml': agreement('g-open', ''),
});

describe('small wrong answers', () => {
  it('list --where or --sort with a field the kind does not have is exit 2 with the nearest name', () => {
    for (const [args, message] of [
      [['--where', 'foo=bar'], 'itreg: --where: the kind Agreement has no field "foo"\n'],
      [['--where', 'typ=licence'], 'itreg: --where: the kind Agreement has no field "typ" (did you mean "type"?)\n'],
      [['--sort', 'ennd'], 'itreg: --sort: the kind Agreement has no field "ennd" (did you mean "end"?)\n'],
    ] as const) {
      expect(runCli(['list', 'agreements', ...args, '--lang', 'en'], folder)).toMatchObject({ status: 2, stdout: '', stderr: message });
    }
    expect(runCli(['list', 'roles', '--where', 'holder.title=Kanslichef', '--format', 'json'], folder).status).toBe(0);
  });

  it('list agreements --sort end sorts by the current end on the date, open-ended last', () => {
    const list = runCli(['list', 'agreements', '--where', 'application=gis', '--sort', 'end', '--date', '2026-06-01', '--format', 'csv', '--lang', 'en'], folder);
    expect(list.status, list.stderr).toBe(0);
    const rows = list.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/^\uFEFF/, '').split(','));
    // id, name, type, application, start, end, currentEnd, …
    expect(rows.map((row) => [row[0], row[6]])).toEqual([
      ['g-ends', '2026-09-30'],
      ['g-renews', '2026-12-31'],
      ['g-open', ''],
    ]);
  });

  it('lint of some paths says only those files were judged, and what the other files hold', () => {
    const broken = registerFrom('clean', { 'register/applications/diarium.yaml': 'kind: Application\nid: diarium\nname: Diariesystem\ntype: busines\nmunicipalities: [amal]\n' });
    const units = runCli(['lint', 'register/units', '--date', '2026-06-01', '--lang', 'en'], broken);
    expect(units.status).toBe(0);
    expect(units.stdout).toMatch(/^No problems \(2 files in the paths given\); in the register's other files: 1 error, 0 warnings \(itreg lint without paths shows them\)\n$/);
    expect(runCli(['lint', 'register/units', '--date', '2026-06-01', '--lang', 'sv'], broken).stdout).toContain(
      'Inga problem (2 filer i de angivna sökvägarna); i registrets andra filer: 1 fel, 0 varningar',
    );
    // The whole register, or paths holding every file, read as before.
    expect(runCli(['lint', '--date', '2026-06-01', '--lang', 'en'], registerFrom('clean')).stdout).toMatch(/^No problems \(\d+ files\)\n$/);
  });

  it('itreg with no arguments is a usage error: exit 2, the help on stderr', () => {
    const result = runCli([], folder);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/itreg \[/);
  });

  it('export --help says --redact masks personal identity numbers too', () => {
    const help = (language: string) => runCli(['export', '--help', '--lang', language], folder).stdout.replace(/\s+/g, ' ');
    expect(help('en')).toContain('remove personal names (holder.name), notes and personal identity numbers');
    expect(help('sv')).toContain('ta bort personnamn (holder.name), anteckningar och personnummer');
  });
});
