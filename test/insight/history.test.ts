// itreg history on real temporary repositories with dated commits, a rename and a shallow clone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAt, git, registerFrom, runCli, temporaryFolder, writeFiles } from '../helpers.js';

/** The clean register with a history: created in January, owner changed in March, a plan renamed in May, a unit removed in June. */
function repository(): string {
  const folder = registerFrom('clean');
  git(folder, 'init', '--quiet', '--initial-branch=main');
  commitAt(folder, '2026-01-15T12:00:00+01:00', 'Registret skapas', 'Karin Registrator');
  const owner = join(folder, 'register/roles/diarium-owner.yaml');
  writeFiles(folder, { 'register/roles/diarium-owner.yaml': readFileSync(owner, 'utf8').replace('Kanslichef', 'Kommundirektör') });
  commitAt(folder, '2026-03-02T12:00:00+01:00', 'Ny systemägare för diariet', 'Per Samordnare');
  git(folder, 'mv', 'register/training/users.yaml', 'register/training/diarium-users.yaml');
  commitAt(folder, '2026-05-20T12:00:00+01:00', 'Filnamn enligt konventionen', 'Karin Registrator');
  git(folder, 'rm', '--quiet', 'register/documents/it-policy.yaml');
  commitAt(folder, '2026-06-10T12:00:00+01:00', 'IT-policyn flyttas till dokumentarkivet', 'Per Samordnare');
  return folder;
}

interface Change {
  date: string;
  author: string;
  entity: string;
  change: string;
  file: string;
  fields: Array<{ path: string; from?: string; to?: string }>;
}

const history = (folder: string, ...args: string[]) => {
  const result = runCli(['history', '--format', 'json', '--lang', 'en', ...args], folder);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { history: Change[]; shallow?: { commits: number; since: string } };
};

describe('itreg history', () => {
  const folder = repository();

  it('lists every change, newest first, with date, author and fields', () => {
    const { history: all } = history(folder);
    expect(all.slice(0, 3).map((c) => [c.date, c.author, c.entity, c.change])).toEqual([
      ['2026-06-10', 'Per Samordnare', 'it-policy', 'removed'],
      ['2026-05-20', 'Karin Registrator', 'users', 'renamed'],
      ['2026-03-02', 'Per Samordnare', 'diarium-owner', 'changed'],
    ]);
    expect(all[2]!.fields).toEqual([{ path: 'holder.title', from: 'Kanslichef', to: 'Kommundirektör' }]);
    expect(all.filter((c) => c.change === 'added')).toHaveLength(14);
  });

  it('follows a renamed file, and gathers an application with the entities that refer to it', () => {
    const { history: diarium } = history(folder, 'diarium');
    expect(diarium.slice(0, 2).map((c) => [c.entity, c.change])).toEqual([
      ['users', 'renamed'],
      ['diarium-owner', 'changed'],
    ]);
    // Added in January: the application and every entity that refers to it, and nothing else.
    expect(
      diarium
        .slice(2)
        .map((c) => `${c.entity} ${c.change}`)
        .sort(),
    ).toEqual(['diarium', 'diarium-2026', 'diarium-admin', 'diarium-drift', 'diarium-owner', 'diarium-specialist', 'diarium-support', 'users'].map((e) => `${e} added`));
    expect(diarium.find((c) => c.change === 'renamed')).toMatchObject({ file: 'register/training/diarium-users.yaml', fields: [] });
    expect(diarium.every((c) => c.entity !== 'it-policy')).toBe(true);
  });

  it('honours --since and --until', () => {
    const { history: spring } = history(folder, '--since', '2026-02-01', '--until', '2026-05-31');
    expect(spring.map((c) => c.date)).toEqual(['2026-05-20', '2026-03-02']);
  });

  it('prints a table with the field that changed', () => {
    const result = runCli(['history', 'diarium-owner', '--lang', 'en'], folder);
    expect(result.stdout.replace(/[│\s]+/g, ' ')).toContain('holder.title: Kanslichef → Kommundirektör');
  });

  it('says in a shallow clone how much history it can see', () => {
    const clone = join(temporaryFolder(), 'clone');
    git(folder, 'clone', '--quiet', '--depth', '2', `file://${folder}`, clone);
    const result = runCli(['history', '--format', 'json', '--lang', 'en'], clone);
    expect(result.stderr).toBe('itreg: a shallow clone: history covers only 2 commits, from 2026-05-20 (`git fetch --unshallow` brings the rest)\n');
    expect((JSON.parse(result.stdout) as { shallow: object }).shallow).toEqual({ commits: 2, since: '2026-05-20' });
    // One commit is "1 commit" ("1 incheckning"), not "1 commits".
    const single = join(temporaryFolder(), 'single');
    git(folder, 'clone', '--quiet', '--depth', '1', `file://${folder}`, single);
    expect(runCli(['history', '--format', 'json', '--lang', 'en'], single).stderr).toMatch(/^itreg: a shallow clone: history covers only 1 commit, from /);
    expect(runCli(['history', '--format', 'json', '--lang', 'sv'], single).stderr).toMatch(/^itreg: en grund klon: historiken omfattar bara 1 incheckning, från /);
  });

  it('exits 2 outside a git repository and for a bad date', () => {
    expect(runCli(['history'], registerFrom('clean')).stderr).toMatch(/^itreg: itreg history needs a git repository/);
    expect(runCli(['history', '--since', 'yesterday'], folder).status).toBe(2);
  });
});
