// --changed and --staged with --cache: the files a change left alone come from a cache keyed by git's blob ids. Held to the
// plain path on random changes of random registers (the files' values, texts and problems, every finding with its
// position), and the cache's safety: damaged, another itreg version, another configuration, a checkout that converts
// line ends.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { lintRegister, type LintRequest } from '../../src/lint/lint-register.js';
import { BlobCache } from '../../src/register/blob-cache.js';
import { readConfig } from '../../src/register/config.js';
import { git, projectRoot, seededRandom, temporaryFolder, writeFiles } from '../helpers.js';

const random = seededRandom;

/** A repository holding a register: the example register, or one bench/generate.mjs writes (with its defects). */
function repository(kind: 'example' | 'generated'): string {
  const folder = temporaryFolder();
  if (kind === 'example') {
    cpSync(join(projectRoot, 'itreg.yaml'), join(folder, 'itreg.yaml'));
    cpSync(join(projectRoot, 'register'), join(folder, 'register'), { recursive: true });
  } else {
    execFileSync(process.execPath, [join(projectRoot, 'bench/generate.mjs'), folder, '40', '--defects'], { stdio: 'ignore' });
  }
  git(folder, 'init', '--quiet', '--initial-branch=main');
  git(folder, 'add', '-A');
  git(folder, 'commit', '--quiet', '-m', 'register');
  return folder;
}

function registerFiles(folder: string, under = 'register'): string[] {
  return readdirSync(join(folder, under), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

/** One to three random edits of the working copy: a value swapped for another file's, an id renamed, a file deleted or copied, a role ended, a comment. */
function editRandomly(folder: string, next: () => number): string[] {
  const files = registerFiles(folder);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const steps: string[] = [];
  for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
    const path = pick(files);
    if (!existsSync(join(folder, path))) continue;
    const text = readFileSync(join(folder, path), 'utf8');
    const what = next();
    if (what < 0.1) {
      writeFiles(folder, { [path]: null });
      steps.push(`delete ${path}`);
    } else if (what < 0.2) {
      writeFiles(folder, { [path.replace(/\.yaml$/, '-copy.yaml')]: text });
      steps.push(`copy ${path}`);
    } else if (what < 0.3) {
      writeFiles(folder, { [path]: text.replace(/^id: (.+)$/m, 'id: $1-renamed') });
      steps.push(`rename the id in ${path}`);
    } else if (what < 0.4 && /^kind: RoleAssignment$/m.test(text) && !/^until:/m.test(text)) {
      writeFiles(folder, { [path]: `${text}until: 2021-01-01\n` });
      steps.push(`end the role in ${path}`);
    } else if (what < 0.5) {
      writeFiles(folder, { [path]: `# a comment\n${text}` });
      steps.push(`comment in ${path}`);
    } else {
      const otherPath = pick(files);
      const other = existsSync(join(folder, otherPath)) ? readFileSync(join(folder, otherPath), 'utf8') : text;
      const lines = [...text.matchAll(/^( *(?:- )?)([A-Za-z]+): ([^\n#[{|>]+?)\s*$/gm)];
      const values = [...other.matchAll(/^ *(?:- )?([A-Za-z]+): ([^\n#[{|>]+?)\s*$/gm)];
      if (lines.length === 0 || values.length === 0) continue;
      const line = pick(lines);
      const value = pick(values)[2]!;
      writeFiles(folder, { [path]: text.replace(line[0], `${line[1]}${line[2]}: ${value}`) });
      steps.push(`${path}: ${line[2]}: ${line[3]} → ${value}`);
    }
  }
  return steps;
}

async function lintIn(folder: string, request: Partial<LintRequest>) {
  const notes: string[] = [];
  const debug: string[] = [];
  const config = readConfig(join(folder, 'itreg.yaml'), 'en');
  const outcome = await lintRegister(
    config,
    { paths: [], cwd: folder, date: '2026-06-01', today: () => '2026-06-01', overrides: {}, ...request },
    { note: (line) => notes.push(line), onDebug: (line) => debug.push(line) },
  );
  return { outcome, notes, debug };
}

/** What must be the same with and without the cache: every file as loaded, every record's schema issues, every finding. */
function seen(outcome: Awaited<ReturnType<typeof lintIn>>['outcome']) {
  return {
    files: outcome.loaded.files.map((file) => ({ path: file.path, text: file.text, value: file.value, problems: file.syntaxProblems })),
    issues: outcome.loaded.records.map((record) => [record.source.path, record.schemaIssues]),
    findings: outcome.result.findings,
    summary: outcome.result.summary,
  };
}

/** The blob cache's debug line: how many files came from it. */
function fromCache(debug: readonly string[]): number {
  const line = debug.find((text) => text.includes('-changed.bin'));
  return Number(/: (\d+) unchanged/.exec(line ?? '')?.[1] ?? NaN);
}

describe('--changed and --staged with --cache', () => {
  it.each([
    ['the example register', 'example' as const, 40],
    ['a generated register with defects', 'generated' as const, 25],
  ])(
    'find on %s what the plain path finds, after random changes',
    async (_name, kind, changes) => {
      const folder = repository(kind);
      const cacheFile = join(temporaryFolder(), 'lint-cache.bin');
      const next = random(29);
      let hits = 0;
      for (let n = 0; n < changes; n++) {
        git(folder, 'reset', '--quiet', '--hard');
        git(folder, 'clean', '--quiet', '-fd');
        const steps = editRandomly(folder, next);
        // Some changes are committed (the base moves on and brings new blobs), some staged, some staged and edited again.
        const state = next();
        if (state < 0.2) {
          git(folder, 'add', '-A');
          git(folder, 'commit', '--quiet', '--allow-empty', '-m', `change ${n}`);
          steps.push('committed', ...editRandomly(folder, next));
        } else if (state < 0.5) {
          git(folder, 'add', '-A');
          if (state < 0.35) steps.push('staged, then', ...editRandomly(folder, next));
        }
        for (const mode of [{ changed: true, base: 'HEAD' }, { staged: true }]) {
          const plain = await lintIn(folder, mode);
          const cached = await lintIn(folder, { ...mode, cacheFile });
          const what = `change ${n} (${JSON.stringify(mode)}): ${steps.join('; ')}`;
          expect(seen(cached.outcome), what).toStrictEqual(seen(plain.outcome));
          expect(cached.notes, what).toEqual(plain.notes);
          hits += fromCache(cached.debug);
        }
      }
      // Most files came from the cache: the test held the cached path, not only the cold one.
      expect(hits).toBeGreaterThan(changes * registerFiles(folder).length);
    },
    240_000,
  );

  it('reads only the changed file on a warm run, and the same findings', async () => {
    const folder = repository('example');
    const cacheFile = join(temporaryFolder(), 'lint-cache.bin');
    const files = registerFiles(folder).length;
    const path = 'register/applications/diarium.yaml';
    const text = readFileSync(join(folder, path), 'utf8');
    writeFiles(folder, { [path]: `${text}colour: blue\n` });
    const cold = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    expect(cold.debug).toContain(`itreg: cache ${BlobCache.besideFile(cacheFile)}: 0 unchanged, 0 read`);
    expect(existsSync(join(cacheFile, '..', 'lint-cache-changed.bin'))).toBe(true);
    const warm = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    expect(warm.debug, warm.debug.join('\n')).toContain(`itreg: cache ${BlobCache.besideFile(cacheFile)}: ${files - 1} unchanged, 1 read`);
    expect(seen(warm.outcome)).toStrictEqual(seen(cold.outcome));
    const line = text.split('\n').length;
    expect(warm.outcome.result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([`${path}:${line}:1 schema`]);
  });
});

describe('the --changed cache is safe', () => {
  const path = 'register/applications/diarium.yaml';

  /** A repository with a warm cache, and the cache's file. */
  async function warmCache(): Promise<{ folder: string; cacheFile: string; blobFile: string }> {
    const folder = repository('example');
    const cacheFile = join(temporaryFolder(), 'lint-cache.bin');
    writeFiles(folder, { 'register/municipalities/amal.yaml': `# changed\n${readFileSync(join(folder, 'register/municipalities/amal.yaml'), 'utf8')}` });
    await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    return { folder, cacheFile, blobFile: BlobCache.besideFile(cacheFile) };
  }

  /** The cache with diarium's value replaced by one without an owner-unit's name: a finding the file does not have. */
  function poison(folder: string, blobFile: string, format?: (old: string) => string): void {
    const stored = deserialize(readFileSync(blobFile)) as { format: string; values: Map<string, Record<string, unknown>> };
    const id = git(folder, 'rev-parse', `HEAD:${path}`).trim();
    const value = stored.values.get(id)!;
    stored.values.set(id, { ...value, name: undefined });
    writeFileSync(blobFile, serialize({ format: format ? format(stored.format) : stored.format, values: stored.values }));
  }

  it('uses an entry of its own version and configuration (so the tests below test something)', async () => {
    const { folder, cacheFile, blobFile } = await warmCache();
    poison(folder, blobFile);
    const poisoned = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    expect(poisoned.outcome.loaded.files.find((file) => file.path === path)?.value).toHaveProperty('name', undefined);
  });

  it('ignores a cache another itreg version wrote, without a word', async () => {
    const { folder, cacheFile, blobFile } = await warmCache();
    poison(folder, blobFile, (format) => format.replace(/^(\d+):[^:]+:/, '$1:0.0.0-other:'));
    const plain = await lintIn(folder, { changed: true, base: 'HEAD' });
    const other = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    expect(fromCache(other.debug)).toBe(0);
    expect(other.notes).toEqual([]);
    expect(seen(other.outcome)).toStrictEqual(seen(plain.outcome));
    // It wrote its own: the next run is warm.
    expect(fromCache((await lintIn(folder, { changed: true, base: 'HEAD', cacheFile })).debug)).toBeGreaterThan(90);
  });

  it('ignores a cache written for another itreg.yaml', async () => {
    const { folder, cacheFile, blobFile } = await warmCache();
    poison(folder, blobFile);
    writeFiles(folder, { 'itreg.yaml': `${readFileSync(join(folder, 'itreg.yaml'), 'utf8')}# another configuration\n` });
    const plain = await lintIn(folder, { changed: true, base: 'HEAD' });
    const other = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    expect(fromCache(other.debug)).toBe(0);
    expect(seen(other.outcome)).toStrictEqual(seen(plain.outcome));
  });

  it.each([
    ['not a cache at all', () => Buffer.from('not a cache')],
    ['a structured clone of something else', () => serialize(['a list'])],
    ['its own format with values that are no map', (format: string) => serialize({ format, values: 'no map' })],
  ])('ignores a damaged cache (%s) with one line, and writes a new one', async (_name, bytes) => {
    const { folder, cacheFile, blobFile } = await warmCache();
    writeFileSync(blobFile, bytes((deserialize(readFileSync(blobFile)) as { format: string }).format));
    const plain = await lintIn(folder, { changed: true, base: 'HEAD' });
    const damaged = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    expect(damaged.notes).toEqual([`${blobFile}: the cache is damaged and was not used; this lint writes a new one`]);
    expect(seen(damaged.outcome)).toStrictEqual(seen(plain.outcome));
    const again = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    expect(again.notes).toEqual([]);
    expect(fromCache(again.debug)).toBeGreaterThan(90);
  });

  it('says once that it could not write the caches, and finds as without them', async () => {
    const folder = repository('example');
    writeFiles(folder, { 'register/municipalities/amal.yaml': `# changed\n${readFileSync(join(folder, 'register/municipalities/amal.yaml'), 'utf8')}`, blocked: 'a file where the folder would be' });
    const plain = await lintIn(folder, { changed: true, base: 'HEAD' });
    const blocked = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile: join(folder, 'blocked/lint-cache.bin') });
    expect(blocked.notes).toHaveLength(1);
    expect(blocked.notes[0]).toMatch(/^warning: --cache was not saved \(.*blocked.*lint-cache\.bin/);
    expect(seen(blocked.outcome)).toStrictEqual(seen(plain.outcome));
  });

  it('keeps no file whose bytes are not its blob (a checkout converting line ends), and finds as without it', async () => {
    const folder = repository('example');
    git(folder, 'config', 'core.autocrlf', 'true');
    git(folder, 'rm', '--quiet', '-r', '--cached', 'register');
    git(folder, 'reset', '--quiet', '--hard');
    expect(readFileSync(join(folder, path), 'utf8')).toContain('\r\n');
    writeFiles(folder, { 'register/municipalities/amal.yaml': `# changed\n${readFileSync(join(folder, 'register/municipalities/amal.yaml'), 'utf8')}` });
    const cacheFile = join(temporaryFolder(), 'lint-cache.bin');
    const plain = await lintIn(folder, { changed: true, base: 'HEAD' });
    await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    const second = await lintIn(folder, { changed: true, base: 'HEAD', cacheFile });
    expect(fromCache(second.debug)).toBe(0);
    expect(seen(second.outcome)).toStrictEqual(seen(plain.outcome));
  });
});
