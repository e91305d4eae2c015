// --changed in real temporary git repositories: branches, untracked files, staged deletions, shallow clones, no upstream.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, git, registerFrom, repositoryFrom, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const overdue = 'kind: Document\nid: it-policy\nname: IT-policy\ntype: policy\nadopted: 2020-01-01\nvalidYears: 5\n';
const files = (folder: string, ...args: string[]) => {
  const result = runCli(['lint', '--date', '2026-06-01', '--format', 'json', ...args], folder);
  const json = JSON.parse(result.stdout || '{"findings":[]}') as { findings: Array<{ ruleId: string; file: string }> };
  return { status: result.status, stderr: result.stderr, found: json.findings.map((f) => `${f.ruleId} ${f.file}`) };
};

describe('lint --changed', () => {
  it('reports only findings in files changed on the branch, judged against the whole register', () => {
    const repo = repositoryFrom('clean', { 'register/documents/it-policy.yaml': overdue });
    git(repo, 'checkout', '--quiet', '-b', 'feature');
    const diarium = join(repo, 'register/applications/diarium.yaml');
    writeFiles(repo, { 'register/applications/diarium.yaml': `${readFileSync(diarium, 'utf8')}homepage: x\n` });
    git(repo, 'commit', '--quiet', '-am', 'change diarium');

    expect(files(repo).found).toEqual(['schema register/applications/diarium.yaml', 'document-review register/documents/it-policy.yaml']);
    expect(files(repo, '--changed', '--base', 'main').found).toEqual(['schema register/applications/diarium.yaml']);
  });

  it('includes staged, unstaged and untracked files', () => {
    const repo = repositoryFrom('clean', { 'register/documents/it-policy.yaml': overdue });
    writeFiles(repo, {
      'register/units/new-unit.yaml': 'kind: Unit\nid: ny-enhet\nname: Ny\ntype: group\n',
      'register/units/staged.yaml': 'kind: Unit\nid: staged\nname: S\ntype: departement\n',
    });
    git(repo, 'add', 'register/units/staged.yaml');
    expect(files(repo, '--changed').found).toEqual(
      ['schema register/units/staged.yaml', 'id-matches-filename register/units/new-unit.yaml'].sort((a, b) => (a.split(' ')[1]! < b.split(' ')[1]! ? -1 : 1)),
    );
  });

  it('finds changed and untracked files of a register in a sub-folder of the repository, also before the first commit', () => {
    const top = temporaryFolder();
    cpSync(join(fixtures, 'clean'), join(top, 'governance'), { recursive: true });
    git(top, 'init', '--quiet', '--initial-branch=main');
    git(top, 'config', 'user.name', 'Test');
    git(top, 'config', 'user.email', 'test@example.org');
    git(top, 'add', 'governance/itreg.yaml', 'governance/register/units');
    // No commit yet: the staged files are the change.
    expect(files(join(top, 'governance'), '--changed').found).toEqual([]);
    writeFiles(top, { 'governance/register/units/staged.yaml': 'kind: Unit\nid: staged\nname: S\ntype: departement\n' });
    git(top, 'add', 'governance/register/units/staged.yaml');
    expect(files(join(top, 'governance'), '--changed').found).toEqual(['schema register/units/staged.yaml']);
    git(top, 'add', '-A');
    git(top, 'commit', '--quiet', '-m', 'register');
    writeFiles(top, {
      'governance/register/units/new-unit.yaml': 'kind: Unit\nid: ny-enhet\nname: Ny\ntype: group\n',
      'governance/register/documents/it-policy.yaml': overdue,
    });
    expect(files(join(top, 'governance'), '--changed').found).toEqual(['document-review register/documents/it-policy.yaml', 'id-matches-filename register/units/new-unit.yaml']);
  });

  it('reports references broken by a staged deletion, in the file that still refers, and the application left without owner', () => {
    const repo = repositoryFrom('clean');
    git(repo, 'rm', '--quiet', 'register/roles/diarium-owner.yaml');
    const { found } = files(repo, '--changed');
    expect(found).toEqual(['application-has-owner register/applications/diarium.yaml', 'reference register/roles/diarium-admin.yaml']);
  });

  it("--base HEAD (the pre-commit hook): ending the only owner's role breaks the application in another file", () => {
    // The base already has an overdue document in a file the change does not touch: not the change's doing.
    const repo = repositoryFrom('clean', { 'register/documents/it-policy.yaml': overdue });
    const owner = join(repo, 'register/roles/diarium-owner.yaml');
    writeFiles(repo, { 'register/roles/diarium-owner.yaml': `${readFileSync(owner, 'utf8')}until: 2021-01-01\n` });
    git(repo, 'add', '-A');
    expect(files(repo, '--changed', '--base', 'HEAD')).toMatchObject({ status: 1, found: ['application-has-owner register/applications/diarium.yaml'] });
    expect(files(repo).found).toContain('document-review register/documents/it-policy.yaml');
  });

  it("git rm of the administrator's file is reported on the application", () => {
    const repo = repositoryFrom('clean');
    git(repo, 'rm', '--quiet', 'register/roles/diarium-admin.yaml');
    expect(files(repo, '--changed', '--base', 'HEAD')).toMatchObject({ status: 1, found: ['application-has-administrator register/applications/diarium.yaml'] });
  });

  it('renaming an id that others refer to is reported where the reference breaks, with or without moving the file', () => {
    const repo = repositoryFrom('clean');
    const owner = join(repo, 'register/roles/diarium-owner.yaml');
    writeFiles(repo, { 'register/roles/diarium-owner.yaml': readFileSync(owner, 'utf8').replace('id: diarium-owner', 'id: diarium-agare') });
    expect(files(repo, '--changed').found).toEqual(['reference register/roles/diarium-admin.yaml', 'id-matches-filename register/roles/diarium-owner.yaml']);
    git(repo, 'mv', 'register/roles/diarium-owner.yaml', 'register/roles/diarium-agare.yaml');
    expect(files(repo, '--changed').found).toEqual(['reference register/roles/diarium-admin.yaml']);
  });

  it('lints the base with the current configuration, and reports nothing when nothing changed', () => {
    const config = (extra: string) => ({ 'itreg.yaml': `${readFileSync(join(fixtures, 'clean/itreg.yaml'), 'utf8')}${extra}` });
    const repo = repositoryFrom('clean', { 'register/documents/it-policy.yaml': overdue, ...config('\nrules:\n  document-review: "off"\n') });
    // Turning a rule on is a change to itreg.yaml, not to the document: the base, judged by the same rules, has the finding too.
    writeFiles(repo, config(''));
    git(repo, 'commit', '--quiet', '-am', 'document-review on');
    expect(files(repo).found).toEqual(['document-review register/documents/it-policy.yaml']);
    expect(files(repo, '--changed', '--base', 'HEAD~1')).toMatchObject({ status: 0, found: [] });
    expect(files(repo, '--changed', '--base', 'HEAD')).toMatchObject({ status: 0, found: [] });
  });

  it('compares with HEAD when the branch has no upstream', () => {
    const repo = repositoryFrom('clean', { 'register/documents/it-policy.yaml': overdue });
    expect(files(repo, '--changed')).toMatchObject({ status: 0, found: [] });
  });

  it('works on a detached HEAD', () => {
    const repo = repositoryFrom('clean');
    git(repo, 'checkout', '--quiet', '-b', 'feature');
    writeFiles(repo, { 'register/units/x.yaml': 'kind: Unit\nid: x\nname: X\ntype: nope\n' });
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'x');
    git(repo, 'checkout', '--quiet', '--detach', 'HEAD');
    expect(files(repo, '--changed', '--base', 'main').found).toEqual(['schema register/units/x.yaml']);
  });

  it('in a shallow clone names the missing ref and the fetch that brings it, which then works', () => {
    const origin = repositoryFrom('clean', { 'register/documents/it-policy.yaml': overdue });
    git(origin, 'checkout', '--quiet', '-b', 'feature');
    writeFiles(origin, { 'register/units/x.yaml': 'kind: Unit\nid: x\nname: X\ntype: nope\n' });
    git(origin, 'add', '-A');
    git(origin, 'commit', '--quiet', '-m', 'x');
    const clone = join(temporaryFolder(), 'clone');
    git(origin, 'clone', '--quiet', '--depth', '1', '--branch', 'feature', '--single-branch', `file://${origin}`, clone);

    const missing = runCli(['lint', '--changed', '--base', 'origin/main'], clone);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const hint = /fetch it with `(git fetch [^`]+)`/.exec(missing.stderr)?.[1];
    expect(hint).toBe('git fetch --no-tags --deepen=200 origin main:refs/remotes/origin/main');

    git(clone, ...hint!.split(' ').slice(1));
    expect(files(clone, '--changed', '--base', 'origin/main').found).toEqual(['schema register/units/x.yaml']);
  });

  it('in a shallow clone whose histories do not meet, says how to deepen it', () => {
    const origin = repositoryFrom('clean');
    writeFiles(origin, { 'register/units/y.yaml': 'kind: Unit\nid: y\nname: Y\ntype: department\n' });
    git(origin, 'add', '-A');
    git(origin, 'commit', '--quiet', '-m', 'y on main');
    git(origin, 'checkout', '--quiet', '-b', 'feature', 'HEAD~1');
    writeFiles(origin, { 'register/units/x.yaml': 'kind: Unit\nid: x\nname: X\ntype: nope\n' });
    git(origin, 'add', '-A');
    git(origin, 'commit', '--quiet', '-m', 'x');
    const clone = join(temporaryFolder(), 'clone');
    git(origin, 'clone', '--quiet', '--depth', '1', '--no-single-branch', '--branch', 'feature', `file://${origin}`, clone);

    const result = runCli(['lint', '--changed', '--base', 'origin/main'], clone);
    expect(result.status).toBe(2);
    const hint = /deepen it with `(git fetch [^`]+)`/.exec(result.stderr)?.[1];
    expect(hint).toBe('git fetch --no-tags --deepen=200 origin main:refs/remotes/origin/main');
    git(clone, ...hint!.split(' ').slice(1));
    expect(files(clone, '--changed', '--base', 'origin/main').found).toEqual(['schema register/units/x.yaml']);
  });

  it('exits 2 with a clear line outside a git repository', () => {
    const result = runCli(['lint', '--changed'], registerFrom('clean'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^itreg: --changed needs a git repository, and .* is not inside one/);
  });
});
