// Test helpers: real registers in real temporary folders, linted in-process or through the real CLI.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { readConfig } from '../src/register/config.js';
import { loadRegister } from '../src/register/load.js';
import { runRules, type Finding, type LintOptions, type LintResult } from '../src/lint/run-rules.js';
import { rules } from '../src/rules/index.js';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const fixtures = join(projectRoot, 'test/fixtures');
export const bin = join(projectRoot, 'bin/itreg.js');

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function temporaryFolder(prefix = 'itreg-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

/** Writes files (path → text; null removes) into a folder. */
export function writeFiles(folder: string, files: Readonly<Record<string, string | null>>): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(folder, path);
    if (text === null) {
      rmSync(file, { force: true });
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
}

/** A copy of a fixture register with some files replaced, added or removed. */
export function registerFrom(fixture: string, changes: Readonly<Record<string, string | null>> = {}): string {
  const folder = temporaryFolder();
  cpSync(join(fixtures, fixture), folder, { recursive: true });
  writeFiles(folder, changes);
  return folder;
}

/** Lints a register folder in-process, as `itreg lint` does. */
export function lint(folder: string, options: Partial<LintOptions> = {}): LintResult {
  const config = readConfig(join(folder, 'itreg.yaml'), options.language ?? 'en');
  return runRules(loadRegister(config), rules, { date: '2026-06-01', ...options });
}

/** The findings of a register, optionally of one rule only. */
export function findings(folder: string, ruleId?: string, options: Partial<LintOptions> = {}): Finding[] {
  return lint(folder, options).findings.filter((f) => ruleId === undefined || f.ruleId === ruleId);
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a child process (npm test builds first). */
export function runCli(args: readonly string[], cwd: string = projectRoot, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs git in a folder, with a fixed identity and no user configuration; returns stdout. */
export function git(folder: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: folder, encoding: 'utf8', env: gitEnvironment('Test') });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** git's environment in a test: no user or system configuration, a fixed identity, and the dates given, if any. */
function gitEnvironment(author: string, when?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: 'test@example.org',
    ...(when === undefined ? {} : { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when }),
  };
}

/** Stages everything in `folder` and commits it (an empty commit too) as made at `when` (an ISO date-time) by `author`. */
export function commitAt(folder: string, when: string, message: string, author = 'Test'): void {
  git(folder, 'add', '-A');
  const result = spawnSync('git', ['commit', '--quiet', '--allow-empty', '-m', message], { cwd: folder, encoding: 'utf8', env: gitEnvironment(author, when) });
  if (result.status !== 0) throw new Error(`git commit failed: ${result.stderr}`);
}

/** A throwaway repository holding a copy of a fixture register, committed on main. */
export function repositoryFrom(fixture: string, changes: Readonly<Record<string, string | null>> = {}): string {
  const folder = registerFrom(fixture, changes);
  git(folder, 'init', '--quiet', '--initial-branch=main');
  git(folder, 'config', 'user.name', 'Test');
  git(folder, 'config', 'user.email', 'test@example.org');
  git(folder, 'add', '-A');
  git(folder, 'commit', '--quiet', '-m', 'register');
  return folder;
}

/** The YAML test suite's cases (in.yaml and error only), copied under test/peer/ so a fresh clone has them. */
export const yamlTestSuite = join(projectRoot, 'test/peer/yaml-test-suite');

/** The SARIF 2.1.0 schema (OASIS), copied under test/peer/sarif/. */
export const sarifSchemaFile = join(projectRoot, 'test/peer/sarif/sarif-schema-2.1.0.json');

/** The IT policy (the seed, with its damaged letters), copied under test/seed/. */
export const policySeedFile = join(projectRoot, 'test/seed/000_b59c67bdfaf89eb3.txt');

export interface YamlTestCase {
  readonly name: string;
  readonly folder: string;
  readonly isError: boolean;
}

/** Every case of the suite (a folder with in.yaml, nested ones too), sorted by name. */
export function yamlTestSuiteCases(root: string): YamlTestCase[] {
  const found: YamlTestCase[] = [];
  const walk = (folder: string, name: string): void => {
    if (existsSync(join(folder, 'in.yaml'))) found.push({ name, folder, isError: existsSync(join(folder, 'error')) });
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), name ? `${name}/${entry.name}` : entry.name);
    }
  };
  walk(root, '');
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** A small deterministic generator (mulberry32) of numbers in [0, 1), so a failing case can be found again by its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
