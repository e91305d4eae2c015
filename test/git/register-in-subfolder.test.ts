// A register in a sub-folder of its repository (as `itreg init governance` lays it out), and one reached through a
// symbolic link: history, the site's history, the yearly report's changes and --changed see the register's commits,
// and the git hook names the register's folder from the top.
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAt, fixtures, git, runCli, temporaryFolder, writeFiles } from '../helpers.js';

/** The clean register in `governance/`, committed in January; in March a unit gets a description and the diarium a new owner. */
function repository(): string {
  const top = temporaryFolder();
  cpSync(join(fixtures, 'clean'), join(top, 'governance'), { recursive: true });
  git(top, 'init', '--quiet', '--initial-branch=main');
  commitAt(top, '2026-01-15T12:00:00+01:00', 'Registret skapas', 'Karin Registrator');
  const owner = join(top, 'governance/register/roles/diarium-owner.yaml');
  writeFiles(top, {
    'governance/register/units/it-amal.yaml': `${readFileSync(join(top, 'governance/register/units/it-amal.yaml'), 'utf8')}description: Driftar diariet.\n`,
    'governance/register/roles/diarium-owner.yaml': readFileSync(owner, 'utf8').replace('Kanslichef', 'Kommundirektör'),
  });
  commitAt(top, '2026-03-02T12:00:00+01:00', 'Ny systemägare för diariet', 'Karin Registrator');
  return top;
}

interface Change {
  date: string;
  entity: string;
  change: string;
  file: string;
  fields: Array<{ path: string; from?: string; to?: string }>;
}

const history = (cwd: string, ...args: string[]) => {
  const result = runCli(['history', '--format', 'json', '--lang', 'en', ...args], cwd);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { history: Change[] }).history.map((c) => [c.date, c.entity, c.change, c.file, c.fields]);
};

const amal = [
  ['2026-03-02', 'it-amal', 'changed', 'register/units/it-amal.yaml', [{ path: 'description', to: 'Driftar diariet.' }]],
  ['2026-01-15', 'it-amal', 'added', 'register/units/it-amal.yaml', []],
];

describe('a register in a sub-folder of its repository', () => {
  const top = repository();
  const governance = join(top, 'governance');
  // The repository through a symbolic link (as macOS's /var is /private/var): git names the top by its real path.
  const linked = join(temporaryFolder(), 'link');
  symlinkSync(top, linked);

  it('history finds its commits, run in the folder, with -C from the top, and through a symbolic link', () => {
    const found = history(governance, 'it-amal');
    // The unit's own changes, and the entities that refer to it (added in January).
    expect(found.filter(([, entity]) => entity === 'it-amal')).toEqual(amal);
    expect(found.filter(([, entity]) => entity !== 'it-amal').map(([date, , change]) => [date, change])).toEqual([
      ['2026-01-15', 'added'],
      ['2026-01-15', 'added'],
    ]);
    expect(history(top, '-C', 'governance', 'it-amal')).toEqual(found);
    expect(history(top, '-C', join(linked, 'governance'), 'it-amal')).toEqual(found);
    expect(history(top, '-C', join(linked, 'governance'), '--since', '2026-03-01').map(([, entity]) => entity)).toEqual(['diarium-owner', 'it-amal']);
  });

  it('the site shows the history on the pages and the latest changes on the start page', () => {
    const output = join(temporaryFolder(), 'site');
    const result = runCli(['site', '-C', 'governance', '--lang', 'sv', '--date', '2026-06-01', '--output', output, '--edit-url', 'https://git.example.org/edit/{path}'], top);
    expect(result.status, result.stderr).toBe(0);
    const section = (page: string, heading: string) => {
      const html = readFileSync(join(output, page), 'utf8');
      return html.slice(html.indexOf(heading), html.indexOf('</section>', html.indexOf(heading)));
    };
    const start = section('index.html', 'Senaste ändringarna');
    expect(start).not.toContain('Inga.');
    expect(start).toContain('Ny systemägare för diariet');
    const unit = section('unit/it-amal.html', 'Historik');
    expect(unit).toContain('<code>description</code>: – → Driftar diariet.');
    expect(unit).toContain('Registret skapas');
    expect(section('application/diarium.html', 'Historik')).toContain('<code>holder.title</code>: Kanslichef → Kommundirektör');
    expect(readFileSync(join(output, 'unit/it-amal.html'), 'utf8')).toContain('href="https://git.example.org/edit/governance/register/units/it-amal.yaml"');
  });

  it("the yearly report's changes section lists the change of owner", () => {
    const result = runCli(['report', 'yearly', '-C', 'governance', '--lang', 'en', '--year', '2026', '--date', '2026-06-01', '--format', 'md'], top);
    expect(result.status, result.stderr).toBe(0);
    const changes = result.stdout.slice(result.stdout.indexOf('## 11.'));
    expect(changes).toContain('Kanslichef → Kommundirektör');
  });

  it('--changed through a symbolic link lints the changed file, as it does by the real path', () => {
    const changed = (folder: string) => {
      const result = runCli(['lint', '--changed', '--date', '2026-06-01', '--format', 'json', '-C', folder], top);
      return (JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; file: string }> }).findings.map((f) => `${f.ruleId} ${f.file}`);
    };
    writeFiles(governance, { 'register/units/kansli-amal.yaml': 'kind: Unit\nid: kansli-amal\nname: Kansliet\ntype: no-such-type\n' });
    try {
      expect(changed(governance)).toEqual(['schema register/units/kansli-amal.yaml']);
      expect(changed(join(linked, 'governance'))).toEqual(['schema register/units/kansli-amal.yaml']);
    } finally {
      git(top, 'checkout', '--quiet', '--', '.');
    }
  });

  it('the hook installed through a symbolic link changes into the register by its path from the top, and is the same hook by the real path', () => {
    expect(runCli(['hook', 'install', '-C', join(linked, 'governance')], top).status).toBe(0);
    expect(readFileSync(join(top, '.git/hooks/pre-commit'), 'utf8')).toContain(`\ncd "$(git rev-parse --show-toplevel)"/'governance' || exit 1\n`);
    expect(runCli(['hook', 'install', '-C', 'governance', '--lang', 'en'], top)).toMatchObject({
      status: 0,
      stdout: `the pre-commit hook is already installed: ${join(top, '.git/hooks/pre-commit')}\n`,
    });
  });
});
