// --cache keeps what the yaml package parsed, by content hash, and parses again only what changed; the progress line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, registerFrom, runCli, writeFiles } from '../helpers.js';

const lintArgs = ['lint', '--format', 'json', '--date', '2026-06-01', '--debug'];

/** A tag on the id sends a file past the plain-YAML fast path to the yaml package, whose results the cache keeps. */
function anchorIds(folder: string, subfolder: string): number {
  const files = readdirSync(join(folder, subfolder));
  for (const name of files) {
    const path = join(folder, subfolder, name);
    writeFiles(folder, { [`${subfolder}/${name}`]: readFileSync(path, 'utf8').replace(/^id: /m, 'id: !!str ') });
  }
  return files.length;
}

describe('lint --cache', () => {
  it('parses each file the fast path cannot read once, then only the changed one, with the same findings', () => {
    const folder = registerFrom('every-rule');
    const slow = anchorIds(folder, 'register/applications');
    expect(slow).toBe(7); // and register/broken.yaml, whose syntax error only the yaml package reports
    const cacheFile = join(folder, 'node_modules/.cache/itreg/lint-cache.bin');
    const first = runCli([...lintArgs, '--cache'], folder);
    expect(first.stderr).toMatch(/itreg: cache .*node_modules\/\.cache\/itreg\/lint-cache\.bin: 0 unchanged, 8 parsed, 28 read by the fast path/); // the 28th: every-rule's processing activity (format 1.2)
    expect(existsSync(cacheFile)).toBe(true);
    expect(first.stdout).toBe(runCli(lintArgs, folder).stdout);

    const written = statSync(cacheFile).mtimeMs;
    const second = runCli([...lintArgs, '--cache'], folder);
    expect(second.stderr).toMatch(/: 8 unchanged, 0 parsed, 28 read by the fast path/);
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(cacheFile).mtimeMs).toBe(written); // nothing changed: not written again

    const gis = join(folder, 'register/applications/gis.yaml');
    writeFiles(folder, { 'register/applications/gis.yaml': `# moved down a line\n${readFileSync(gis, 'utf8')}` });
    const third = runCli([...lintArgs, '--cache'], folder);
    expect(third.stderr).toMatch(/: 7 unchanged, 1 parsed, 28 read by the fast path/);
    const owner = (out: string) =>
      (JSON.parse(out) as { findings: Array<{ ruleId: string; file: string; line: number }> }).findings.find((f) => f.ruleId === 'application-has-owner' && f.file.endsWith('gis.yaml'));
    expect(owner(third.stdout)?.line).toBe(2);
    expect(third.stdout).toBe(runCli(lintArgs, folder).stdout);

    // A file that becomes plain leaves the cache; a plain file's change needs no cache entry.
    writeFiles(folder, { 'register/applications/gis.yaml': readFileSync(gis, 'utf8').replace('!!str ', '') });
    expect(runCli([...lintArgs, '--cache'], folder).stderr).toMatch(/: 7 unchanged, 0 parsed, 29 read by the fast path/);
    expect(runCli([...lintArgs, '--cache'], folder).stdout).toBe(runCli(lintArgs, folder).stdout);
  });

  it('keeps the cache where --cache-location says, and replaces a damaged cache file', () => {
    const folder = registerFrom('clean');
    writeFiles(folder, { 'cache.bin': 'not a cache' });
    const slow = anchorIds(folder, 'register/applications');
    const result = runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`cache .*cache\\.bin: 0 unchanged, ${slow} parsed, ${14 - slow} read by the fast path`));
    expect(readFileSync(join(folder, 'cache.bin'), 'utf8')).not.toBe('not a cache');
    expect(runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder).stderr).toMatch(new RegExp(`${slow} unchanged, 0 parsed`));
  });
});

describe('lint --cache with a file that is not one of its caches', () => {
  it.each([
    ['a structured clone of a list', serialize(['a list'])],
    ['a structured clone of an object without a format', serialize({ entries: new Map() })],
  ])('ignores %s with one line, as the cache of --changed does, and lints as without it', (_name, bytes) => {
    const folder = registerFrom('clean');
    writeFileSync(join(folder, 'cache.bin'), bytes);
    const result = runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder);
    expect(result.stdout).toBe(runCli(lintArgs, folder).stdout);
    expect(result.stderr.split('\n').filter((line) => line.includes('damaged'))).toEqual([`itreg: ${join(folder, 'cache.bin')}: the cache is damaged and was not used; this lint writes a new one`]);
    expect(runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder).stderr).not.toContain('damaged');
  });

  it("passes over another itreg version's cache without a word", () => {
    const folder = registerFrom('clean');
    writeFileSync(join(folder, 'cache.bin'), serialize({ format: '3:0.0.1', entries: new Map() }));
    expect(runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder).stderr).not.toContain('damaged');
  });
});

describe('lint --cache with entries of the right format and the wrong shape', () => {
  it.each([
    ['a result that is a number', { hash: 'x', result: 5 }],
    ['a path index of the wrong length', { hash: 'x', result: { value: {}, index: { paths: ['a'], offsets: [] }, syntaxProblems: [] } }],
    ['a problem without a position', { hash: 'x', result: { value: {}, index: { paths: [], offsets: [] }, syntaxProblems: [{ message: { id: 'yamlError' } }] } }],
  ])('ignores the cache with one line when it holds %s, and lints as without it', (_name, entry) => {
    const folder = registerFrom('clean');
    anchorIds(folder, 'register/applications');
    const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
    writeFileSync(join(folder, 'cache.bin'), serialize({ format: `3:${version}`, entries: new Map([['register/applications/diarium.yaml', entry]]) }));
    const result = runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder);
    const plain = runCli(lintArgs, folder);
    expect(result.status).toBe(plain.status);
    expect(result.stdout).toBe(plain.stdout);
    expect(result.stderr.split('\n').filter((line) => line.includes('damaged'))).toEqual([`itreg: ${join(folder, 'cache.bin')}: the cache is damaged and was not used; this lint writes a new one`]);
    expect(runCli([...lintArgs, '--cache', '--cache-location', 'cache.bin'], folder).stderr).not.toContain('damaged');
  });
});

describe('progress on long runs', () => {
  it('shows a progress line on a terminal (after a second; here at once), never in JSON or in CI', () => {
    const folder = registerFrom('clean');
    spawnSync(process.execPath, [join(__dirname, '../../bench/generate.mjs'), folder, '300'], { encoding: 'utf8' });
    const underTerminal = (args: string, env: Record<string, string>) =>
      spawnSync('script', ['-qec', `${process.execPath} ${join(__dirname, '../../bin/itreg.js')} ${args} -C ${folder} --date 2026-06-01 > /dev/null`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ITREG_PROGRESS_AFTER_MS: '0', ...env },
        timeout: 120_000,
      }).stdout;
    expect(underTerminal('lint', { CI: '' })).toMatch(/itreg: \d+\/1516 …/);
    expect(underTerminal('lint --format json', { CI: '' })).not.toMatch(/itreg: \d+\//);
    expect(underTerminal('lint', { CI: 'true' })).not.toMatch(/itreg: \d+\//);
  });
});

describe('lint --cache with hostile files and unwritable places', () => {
  const plainArgs = ['lint', '--format', 'json', '--date', '2026-06-01', '--lang', 'en'];
  const folder = registerFrom('clean', {
    // yaml's merge key as a value is a Symbol, which structured clone cannot copy.
    'register/units/merge.yaml': 'kind: Unit\nid: merge\nname: !!merge <<\ntype: department\nmunicipality: amal\n',
    // A tag sends the file to the yaml package; its __proto__ and constructor keys must stay entries of the index.
    'register/units/proto.yaml': 'kind: Unit\nid: !!str proto\nname: P\ntype: department\nmunicipality: amal\n__proto__: { x: 1 }\nconstructor: 1\n',
  });
  const expected = runCli(plainArgs, folder).stdout;

  it('gives the same findings as without --cache, on the first and the second run', () => {
    const findings = JSON.parse(expected) as { findings: Array<{ file: string; line: number; message: string }> };
    expect(findings.findings.map((f) => [f.file, f.line, f.message])).toEqual([
      ['register/units/merge.yaml', 3, '"name" must be text'],
      ['register/units/proto.yaml', 6, 'unknown field "__proto__"'],
      ['register/units/proto.yaml', 7, 'unknown field "constructor"'],
    ]);
    for (const run of [1, 2]) {
      const cached = runCli([...plainArgs, '--cache'], folder);
      expect([run, cached.status, cached.stderr]).toEqual([run, 1, '']);
      expect(cached.stdout).toBe(expected);
    }
  });

  it.each([
    ['a folder in its place', (dir: string) => writeFiles(dir, { 'cache/lint-cache.bin/keep': '' }), 'cache/lint-cache.bin'],
    ['a file where its folder should be', (dir: string) => writeFiles(dir, { 'not-a-folder': 'x' }), 'not-a-folder/lint-cache.bin'],
    ['a read-only file system', () => undefined, '/proc/self/lint-cache.bin'],
    ['a folder under /proc', () => undefined, '/proc/itreg-missing/lint-cache.bin'],
  ])('a cache that cannot be written (%s): a warning on stderr, and every finding', (_name, prepare, location) => {
    prepare(folder);
    const result = runCli([...plainArgs, '--cache', '--cache-location', location], folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(expected);
    expect(result.stderr).toMatch(/^itreg: warning: --cache was not saved \(.+\); the findings are complete, the next run only parses again\n$/);
  });
});
