// The tarball init vendors: the files npm pack would pack, as a tar that tar and npm read, the same bytes every time.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFiles, packTarball } from '../../src/register/package-tarball.js';
import { projectRoot, temporaryFolder, writeFiles } from '../helpers.js';

/** What `npm pack --dry-run` lists for the package at `root` (its scripts not run). */
function npmPackList(root: string): string[] {
  const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', root], { cwd: temporaryFolder(), encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path).sort();
}

describe('the package as a tarball', () => {
  it('holds the files npm pack lists for itreg itself', () => {
    expect(packageFiles(projectRoot)).toEqual(npmPackList(projectRoot));
  });

  it('follows npm on globs, folders, negations, long names and what npm never packs', () => {
    const root = temporaryFolder();
    const long = `${'lång-mapp/'.repeat(12)}${'n'.repeat(90)}.txt`;
    writeFiles(root, {
      'package.json': JSON.stringify({ name: 'p', version: '1.0.0', bin: { p: 'cli.js' }, files: ['lib', 'dist/*.js', '!lib/secret.js', 'deep'] }),
      'README.md': '# p\n',
      LICENSE: 'MIT\n',
      'cli.js': '#!/usr/bin/env node\n',
      'lib/a.js': 'a',
      'lib/secret.js': 's',
      'lib/.DS_Store': 'x',
      'lib/.gitignore': 'x',
      'lib/sub/b.js': 'b',
      'dist/c.js': 'c',
      'dist/c.js.map': 'm',
      'other.js': 'o',
      [`deep/${long}`]: 'long',
    });
    spawnSync('chmod', ['+x', join(root, 'cli.js')]);
    const expected = npmPackList(root);
    expect(packageFiles(root)).toEqual(expected);
    const file = join(temporaryFolder(), 'p.tgz');
    writeFileSync(file, packTarball(root));
    const listed = spawnSync('tar', ['-tzvf', file], { encoding: 'utf8' });
    expect(listed.status, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines.map((line) => line.slice(line.indexOf('package/') + 'package/'.length)).sort()).toEqual(expected);
    expect(lines.find((line) => line.endsWith('package/cli.js'))).toMatch(/^-rwxr-xr-x/);
    expect(lines.find((line) => line.endsWith('package/lib/a.js'))).toMatch(/^-rw-r--r-- .* 1985-10-26/);
    const out = temporaryFolder();
    expect(spawnSync('tar', ['-xzf', file, '-C', out]).status).toBe(0);
    expect(readFileSync(join(out, 'package', 'deep', long), 'utf8')).toBe('long');
    // The same package packs to the same bytes, so a lock file's integrity stays true.
    expect(packTarball(root).equals(readFileSync(file))).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(0);
  });
});
