// A release is the tag vX.Y.Z of package.json's version, made by one script (npm run release), and the pre-commit
// `rev:` a user copies from the README names that tag.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, projectRoot, temporaryFolder, writeFiles } from '../helpers.js';

const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string; scripts: Record<string, string> };
const tag = `v${manifest.version}`;
const revisions = (file: string) => [...readFileSync(join(projectRoot, file), 'utf8').matchAll(/^\s*#?\s*rev:\s*(\S+)/gm)].map((m) => m[1]);
const release = (cwd: string) =>
  spawnSync(process.execPath, [join(projectRoot, 'scripts/release.mjs')], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });

/** A repository shaped like itreg's at its version: the files the script reads, committed. */
function repository(readmeRev = tag): string {
  const folder = temporaryFolder();
  writeFiles(folder, {
    'package.json': JSON.stringify({ name: manifest.name, version: manifest.version, files: ['README.md'] }),
    'README.md': readFileSync(join(projectRoot, 'README.md'), 'utf8').replaceAll(`rev: ${tag}`, `rev: ${readmeRev}`),
    'docs/ci.md': readFileSync(join(projectRoot, 'docs/ci.md'), 'utf8'),
    '.pre-commit-hooks.yaml': readFileSync(join(projectRoot, '.pre-commit-hooks.yaml'), 'utf8'),
    '.gitignore': '/itreg-*.tgz\n',
  });
  git(folder, 'init', '--quiet', '--initial-branch=main');
  git(folder, 'add', '-A');
  git(folder, 'commit', '--quiet', '-m', 'release candidate');
  return folder;
}

describe('a release', () => {
  it('is named by every pre-commit rev: in the README, docs/ci.md and .pre-commit-hooks.yaml, and made by npm run release', () => {
    expect(revisions('README.md')).toEqual([tag]);
    expect(revisions('docs/ci.md')).toEqual([tag]);
    expect(revisions('.pre-commit-hooks.yaml')).toEqual([tag]);
    expect(manifest.scripts['release']).toBe('node scripts/release.mjs');
  });

  it('tags vX.Y.Z at HEAD, the tag the README names, and packs the tarball', () => {
    const folder = repository();
    const result = release(folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(git(folder, 'tag', '--list').trim()).toBe(revisions('README.md')[0]);
    expect(git(folder, 'rev-parse', `${tag}^{commit}`).trim()).toBe(git(folder, 'rev-parse', 'HEAD').trim());
    expect(existsSync(join(folder, `${manifest.name}-${manifest.version}.tgz`))).toBe(true);
    expect(result.stdout).toContain(`tagged ${tag} at `);
    // Once is enough: the same version again is refused.
    const again = release(folder);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`release: the tag ${tag} exists already: raise the version in package.json (npm version patch --no-git-tag-version), commit, and run again\n`);
  });

  it('refuses, tagging nothing, when the README names another tag or the tree has changes', () => {
    const stale = repository('v0.0.9');
    const result = release(stale);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`release: README.md says rev: v0.0.9, and this release is ${tag}: write rev: ${tag} there, commit, and run again\n`);
    expect(git(stale, 'tag', '--list').trim()).toBe('');

    const dirty = repository();
    writeFiles(dirty, { 'notes.txt': 'half done\n' });
    const refused = release(dirty);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('release: the working tree has changes (1 files, first: notes.txt): commit or stash them first\n');
    expect(git(dirty, 'tag', '--list').trim()).toBe('');
  });
});
