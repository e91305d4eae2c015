// lint --staged, the git hook's question: the commit as staged against HEAD, not the files on disk. Real repositories,
// and a real `git commit` through the hook `itreg hook install` writes.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { git, repositoryFrom, runCli, writeFiles } from '../helpers.js';

const found = (folder: string, ...args: string[]) => {
  const result = runCli(['lint', '--date', '2026-06-01', '--format', 'json', '--staged', ...args], folder);
  const json = JSON.parse(result.stdout || '{"findings":[]}') as { findings: Array<{ ruleId: string; file: string; message: string }> };
  return { status: result.status, stderr: result.stderr, found: json.findings.map((f) => `${f.ruleId} ${f.file}`) };
};
const application = 'register/applications/diarium.yaml';
const text = (repo: string, path: string) => readFileSync(join(repo, path), 'utf8');

describe('lint --staged', () => {
  it('judges a typo that is staged, even when the file on disk was fixed without git add', () => {
    const repo = repositoryFrom('clean');
    const good = text(repo, application);
    writeFiles(repo, { [application]: good.replace('type: business', 'type: busines') });
    git(repo, 'add', application);
    writeFiles(repo, { [application]: good });
    expect(found(repo)).toMatchObject({ status: 1, found: [`schema ${application}`] });
    // --changed looks at the files on disk, where the typo is gone: the question the hook must not ask.
    expect(runCli(['lint', '--changed', '--base', 'HEAD', '--format', 'json', '--date', '2026-06-01'], repo).status).toBe(0);
  });

  it('lets a good staged change through when a file not staged, or not tracked, is broken on disk', () => {
    const repo = repositoryFrom('clean');
    writeFiles(repo, { [application]: `${text(repo, application)}notes: Ny anteckning\n` });
    git(repo, 'add', application);
    writeFiles(repo, {
      'register/units/it-amal.yaml': text(repo, 'register/units/it-amal.yaml').replace('type: it-unit', 'type: it-enhet'),
      'register/units/new.yaml': 'kind: Unit\nid: new\nname: Ny\ntype: departement\n',
    });
    expect(found(repo)).toMatchObject({ status: 0, found: [] });
  });

  it('reports what a staged change breaks in another file, and a file deleted on disk without git rm is still committed', () => {
    const repo = repositoryFrom('clean');
    const owner = 'register/roles/diarium-owner.yaml';
    writeFiles(repo, { [owner]: `${text(repo, owner)}until: 2021-01-01\n` });
    git(repo, 'add', owner);
    rmSync(join(repo, 'register/roles/diarium-admin.yaml'));
    expect(found(repo)).toMatchObject({ status: 1, found: [`application-has-owner ${application}`] });
  });

  it('blocks `git commit` through the hook for what is staged, not what is on disk', () => {
    const repo = repositoryFrom('clean');
    expect(runCli(['hook', 'install'], repo).status).toBe(0);
    expect(readFileSync(join(repo, '.git/hooks/pre-commit'), 'utf8')).toContain('lint --staged');
    const good = text(repo, application);
    writeFiles(repo, { [application]: good.replace('type: business', 'type: busines') });
    git(repo, 'add', application);
    writeFiles(repo, { [application]: good });
    const commit = (message: string) => spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '--quiet', '-m', message], { cwd: repo, encoding: 'utf8' });
    const refused = commit('typo staged, fixed on disk');
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toContain(application);
    // It says why the commit stopped and how to go on (it printed only the findings).
    expect(refused.stderr).toContain('itreg: the errors above stopped the commit. Fix them and stage the files again (`git add`), or skip the check with `git commit --no-verify`.');
    writeFiles(repo, { [application]: `${good}notes: Rättat\n` });
    git(repo, 'add', application);
    expect(commit('fixed').status).toBe(0);
  });
});
