// The register carries its checker: itreg init vendors the running itreg and pins it by a relative path, and the
// generated GitHub workflow's steps and GitLab job run in a clone elsewhere, with no itreg published anywhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, projectRoot, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const quiet = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true', NO_COLOR: '1', CI: 'true' };
const sh = (command: string, cwd: string) => {
  const result = spawnSync('bash', ['-e', '-c', command], { cwd, encoding: 'utf8', env: quiet, timeout: 600_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout, stderr: result.stderr };
};
const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

interface Step {
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push: { branches: string[] } };
  jobs: { lint: { defaults: { run: { 'working-directory': string } }; steps: Step[] }; pages: { if: string; steps: Step[] } };
}
interface GitlabJob {
  itreg: { before_script: string[]; script: string[]; artifacts: { reports: { codequality: string } } };
}

/** Runs the workflow's `run:` steps in the clone as the runner would (GitHub's expression for the base branch filled in); the exit code of each. */
function runGithubSteps(clone: string, branch: string): number[] {
  const workflow = parse(readFileSync(join(clone, '.github/workflows/itreg.yml'), 'utf8')) as Workflow;
  const folder = join(clone, workflow.jobs.lint.defaults.run['working-directory']);
  return workflow.jobs.lint.steps
    .filter((step) => step.run)
    .map((step) => {
      const command = step.run!.replace(/\$\{\{ github\.base_ref \|\| '([^']*)' \}\}/g, (_whole, fallback: string) => {
        expect(fallback).toBe(branch);
        return fallback;
      });
      return sh(command, folder).status ?? -1;
    });
}

/** Runs the GitLab job's before_script and script as one shell would, from the clone's top. */
function runGitlabJob(clone: string): number {
  const job = (parse(readFileSync(join(clone, '.gitlab/itreg.gitlab-ci.yml'), 'utf8')) as GitlabJob).itreg;
  return sh([...job.before_script, ...job.script].join('\n'), clone).status ?? -1;
}

/** Every file below `folder` but .git and node_modules, as text (a gzipped tarball unpacked), with its path. */
function writtenTexts(folder: string): Array<[string, string]> {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    if (entry.name === '.git' || entry.name === 'node_modules') return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return writtenTexts(path);
    const bytes = readFileSync(path);
    return [[path, (path.endsWith('.tgz') ? gunzipSync(bytes) : bytes).toString('latin1')]];
  });
}

/** Kilobytes below `folder`, as du counts them. */
const kilobytes = (folder: string) => Number(spawnSync('du', ['-sk', folder], { encoding: 'utf8' }).stdout.split('\t')[0]);

describe('itreg init: a register that carries its checker, on a repository whose branch is master', () => {
  const scratch = temporaryFolder('itreg-init-ci-');
  const repo = join(scratch, 'first');
  writeFiles(repo, { 'README.md': '# Kommunens repo\n' });
  git(repo, 'init', '--quiet', '--initial-branch=master');
  const init = runCli(['init', 'gov', '--name', 'Testkommunerna', '--lang', 'en'], repo);

  it('copies the running itreg into vendor/ and pins it by a path relative to package.json', () => {
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain(`created  vendor/itreg-${version}.tgz\n`);
    const pkg = JSON.parse(readFileSync(join(repo, 'gov/package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies).toEqual({ itreg: `file:vendor/itreg-${version}.tgz` });
    const tarball = join(repo, `gov/vendor/itreg-${version}.tgz`);
    const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    expect(listed).toContain('package/package.json');
    expect(listed).toContain('package/dist/bundle/main.js');
    expect(listed).toContain('package/bin/itreg.js');
    // `itreg lint` runs from a CommonJS bundle of its own, and bin/ is CommonJS (bin/package.json).
    for (const file of ['package/bin/package.json', 'package/dist/bundle/lint.cjs', 'package/dist/bundle/start-lint.cjs']) expect(listed).toContain(file);
    expect(listed.filter((path) => /^package\/(src|test|node_modules)\//.test(path))).toEqual([]);
  });

  it("writes the CI files at the repository's top, for the branch git reports (master), working in the register's folder", () => {
    expect(existsSync(join(repo, 'gov/.github'))).toBe(false);
    const workflow = parse(readFileSync(join(repo, '.github/workflows/itreg.yml'), 'utf8')) as Workflow;
    expect(workflow.on.push.branches).toEqual(['master']);
    expect(workflow.jobs.pages.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/master'");
    expect(workflow.jobs.pages.steps.find((s) => s.run?.includes('itreg site'))?.run).toContain('/edit/master/{path}');
    expect(readFileSync(join(repo, '.github/workflows/itreg.yml'), 'utf8')).not.toMatch(/\bmain\b/);
    expect(workflow.jobs.lint.defaults.run['working-directory']).toBe('gov');
    expect(workflow.jobs.lint.steps.at(-1)!.with!['sarif_file']).toBe('gov/itreg.sarif');
    const job = (parse(readFileSync(join(repo, '.gitlab/itreg.gitlab-ci.yml'), 'utf8')) as GitlabJob).itreg;
    expect(job.before_script[0]).toBe("cd 'gov'");
    expect(job.artifacts.reports.codequality).toBe('gov/gl-code-quality-report.json');
    expect(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')).toContain('local: .gitlab/itreg.gitlab-ci.yml');
    // Never an unpinned name: every itreg the CI files run is the one installed from the lock file.
    for (const file of ['.github/workflows/itreg.yml', '.gitlab/itreg.gitlab-ci.yml']) {
      const text = readFileSync(join(repo, file), 'utf8');
      expect(text).not.toMatch(/npx (?!--no-install itreg )/);
      expect(text).toContain('npm ci');
    }
  });

  it("runs the GitHub workflow's steps and the GitLab job in a clone elsewhere: the vendored itreg, a lint-only install, no path of the first folder", () => {
    // npm install writes the lock file CI installs from (npm ci); it is committed with the register and its vendor/.
    const installed = sh('npm install', join(repo, 'gov'));
    expect(installed.status, installed.output).toBe(0);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '--no-verify', '-m', 'register');
    expect(git(repo, 'ls-files')).toContain(`gov/vendor/itreg-${version}.tgz`);
    expect(git(repo, 'ls-files')).toContain('gov/package-lock.json');
    expect(git(repo, 'ls-files')).not.toContain('node_modules');
    const lock = JSON.parse(readFileSync(join(repo, 'gov/package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    expect(lock.packages['node_modules/itreg']?.resolved).toBe(`file:vendor/itreg-${version}.tgz`);

    const elsewhere = join(temporaryFolder('itreg-clone-'), 'register');
    git(scratch, 'clone', '--quiet', repo, elsewhere);
    for (const [file, text] of writtenTexts(elsewhere)) {
      for (const path of [repo, scratch, projectRoot]) expect(text.includes(path), `${file} names ${path}`).toBe(false);
    }
    expect(runGithubSteps(elsewhere, 'master')).toEqual([0, 0, 0]);
    expect(runGitlabJob(elsewhere)).toBe(0);
    // The lint's code cache, in the node_modules folder itreg is installed in (never in the register's files).
    expect(existsSync(join(elsewhere, 'gov/node_modules/.cache/itreg/lint.v8-cache'))).toBe(true);
    expect(JSON.parse(readFileSync(join(elsewhere, 'gov/gl-code-quality-report.json'), 'utf8'))).toEqual([]);
    const itreg = sh('npx --no-install itreg --version', join(elsewhere, 'gov'));
    expect(itreg.stdout.trim()).toBe(version);

    // The lint install: at most 25 MB, without what only PDF and .xlsx need, and no esbuild (a build tool).
    const modules = join(elsewhere, 'gov/node_modules');
    expect(kilobytes(modules)).toBeLessThanOrEqual(25 * 1024);
    for (const name of ['esbuild', 'playwright-core', 'exceljs']) expect(existsSync(join(modules, name)), name).toBe(false);
    const pdf = sh('npx --no-install itreg report yearly --lang en --format pdf --out r.pdf || echo "exit $?"', join(elsewhere, 'gov'));
    expect(pdf.stderr).toBe(
      'itreg: --format pdf needs the package playwright-core, an optional dependency of itreg that is not installed: add it with npm install playwright-core where itreg is installed (-g for a global itreg)\n',
    );
    expect(pdf.stdout).toBe('exit 2\n');
    const xlsx = sh(
      `npx --no-install itreg import ${join(projectRoot, 'examples/import/systemforteckning.xlsx')} --map ${join(projectRoot, 'examples/import/mapping.yaml')} --lang sv --dry-run || echo "exit $?"`,
      join(elsewhere, 'gov'),
    );
    expect(xlsx.stderr).toBe(
      'itreg: systemforteckning.xlsx behöver paketet exceljs, ett valfritt beroende till itreg som inte är installerat: lägg till det med npm install exceljs där itreg är installerat (-g om itreg är globalt installerat)\n',
    );
    expect(xlsx.stdout).toBe('exit 2\n');
    expect(statSync(join(elsewhere, 'gov/itreg.sarif')).size).toBeGreaterThan(0);
    // Without the register's schema/ copy, new points at the locally installed itreg's schemas, the same in every clone.
    sh('rm -rf schema && npx --no-install itreg new application x-app --lang en', join(elsewhere, 'gov'));
    const line = readFileSync(join(elsewhere, 'gov/register/applications/x-app.yaml'), 'utf8').split('\n')[0];
    expect(line).toBe('# yaml-language-server: $schema=../../node_modules/itreg/schema/application.schema.json');
    expect(existsSync(join(elsewhere, 'gov/node_modules/itreg/schema/application.schema.json'))).toBe(true);

    // Upgrading the register to a new itreg, as docs/install.md says (a 9.9.9 made from the vendored tarball).
    const next = sh(
      `mkdir -p ../up && tar -xzf vendor/itreg-${version}.tgz -C ../up && sed -i 's/"version": "${version}"/"version": "9.9.9"/' ../up/package/package.json && tar -czf ../itreg-9.9.9.tgz -C ../up package`,
      join(elsewhere, 'gov'),
    );
    expect(next.status, next.output).toBe(0);
    const upgrade = sh([`cp ../itreg-9.9.9.tgz vendor/`, `git rm -q vendor/itreg-${version}.tgz`, 'npm install -D file:vendor/itreg-9.9.9.tgz'].join('\n'), join(elsewhere, 'gov'));
    expect(upgrade.status, upgrade.output).toBe(0);
    expect((JSON.parse(readFileSync(join(elsewhere, 'gov/package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies).toEqual({ itreg: 'file:vendor/itreg-9.9.9.tgz' });
    expect(sh('npx --no-install itreg --version', join(elsewhere, 'gov')).stdout.trim()).toBe('9.9.9');

    // A change that breaks a file, on a branch: the steps fail with the reports written.
    git(repo, 'checkout', '--quiet', '-b', 'feature');
    writeFiles(repo, { 'gov/register/units/trasig.yaml': 'kind: Unit\nid: trasig\nname: Trasig\ntype: nope\n' });
    git(repo, 'add', '-A');
    // --no-verify: the register's own hook (now running the pinned itreg) would rightly refuse this commit.
    git(repo, 'commit', '--quiet', '--no-verify', '-m', 'a broken unit');
    const bad = join(temporaryFolder('itreg-clone-'), 'bad');
    git(scratch, 'clone', '--quiet', '--branch', 'feature', repo, bad);
    expect(runGithubSteps(bad, 'master')).toEqual([0, 1, 1]);
    const sarif = JSON.parse(readFileSync(join(bad, 'gov/itreg.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('schema');
    expect(runGitlabJob(bad)).toBe(1);
    const quality = JSON.parse(readFileSync(join(bad, 'gov/gl-code-quality-report.json'), 'utf8')) as Array<{ check_name: string; location: { path: string } }>;
    expect(quality.map((issue) => [issue.check_name, issue.location.path])).toContainEqual(['schema', 'gov/register/units/trasig.yaml']);
  }, 900_000);
});

describe('itreg init --itreg-source', () => {
  const pinned = (folder: string) => (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['itreg'];

  it('takes a registry version or a git URL as given', () => {
    for (const [source, spec] of [
      ['itreg@~0.1.2', '~0.1.2'],
      ['0.2.0', '0.2.0'],
      ['git+https://example.org/itreg.git#v0.1.0', 'git+https://example.org/itreg.git#v0.1.0'],
    ] as const) {
      const folder = join(temporaryFolder(), 'r');
      const result = runCli(['init', folder, '--lang', 'en', '--itreg-source', source]);
      expect(result.status, result.stderr).toBe(0);
      expect(pinned(folder)).toBe(spec);
      expect(existsSync(join(folder, 'vendor'))).toBe(false);
    }
  });

  it('writes a tarball inside the repository as a path relative to package.json, and copies one outside it into vendor/', () => {
    const top = temporaryFolder();
    git(top, 'init', '--quiet', '--initial-branch=trunk');
    writeFiles(top, { 'tools/itreg-9.9.9.tgz': 'not read' });
    expect(runCli(['init', 'gov', '--lang', 'en', '--itreg-source', './tools/itreg-9.9.9.tgz'], top).status).toBe(0);
    expect(pinned(join(top, 'gov'))).toBe('file:../tools/itreg-9.9.9.tgz');
    expect(readFileSync(join(top, '.github/workflows/itreg.yml'), 'utf8')).toContain("branches: ['trunk']");

    const away = temporaryFolder();
    writeFiles(away, { 'itreg-9.9.8.tgz': 'the tarball' });
    const folder = join(temporaryFolder(), 'r');
    const result = runCli(['init', folder, '--lang', 'en', '--itreg-source', join(away, 'itreg-9.9.8.tgz')]);
    expect(result.status, result.stderr).toBe(0);
    expect(pinned(folder)).toBe('file:vendor/itreg-9.9.8.tgz');
    expect(readFileSync(join(folder, 'vendor/itreg-9.9.8.tgz'), 'utf8')).toBe('the tarball');
    expect(readFileSync(join(folder, 'package.json'), 'utf8')).not.toContain(away);
  });

  it('says so when a folder outside the repository is given; exit 2 for a path that is not there', () => {
    const checkout = temporaryFolder();
    const folder = join(temporaryFolder(), 'r');
    const result = runCli(['init', folder, '--lang', 'en', '--itreg-source', checkout]);
    expect(result.status).toBe(0);
    expect(pinned(folder)).toMatch(/^file:\.\.\/\.\.\//);
    expect(result.stdout).toContain(`--itreg-source ${checkout}: the folder is outside the repository, so a clone (and CI) will not find it`);
    const missing = runCli(['init', join(temporaryFolder(), 'r'), '--lang', 'en', '--itreg-source', './nowhere/itreg-1.0.0.tgz']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^itreg: --itreg-source \.\/nowhere\/itreg-1\.0\.0\.tgz: there is no .*nowhere\/itreg-1\.0\.0\.tgz; give an itreg tarball/);
  });

  it('refuses a branch name that cannot stand in the CI files, before writing anything', () => {
    const top = temporaryFolder();
    git(top, 'init', '--quiet', '--initial-branch=a$b');
    const result = runCli(['init', 'gov', '--lang', 'en'], top);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('itreg: the branch "a$b" cannot stand in the CI files as it is: rename it (git branch -m main) and run itreg init again\n');
    expect(existsSync(join(top, 'gov/itreg.yaml'))).toBe(false);
  });
});

describe("itreg init and the repository's hook", () => {
  it("refuses to re-point the repository's itreg hook to another register without --force", () => {
    const repo = temporaryFolder();
    git(repo, 'init', '--quiet', '--initial-branch=main');
    expect(runCli(['init', 'gov', '--lang', 'en'], repo).status).toBe(0);
    const hook = join(repo, '.git/hooks/pre-commit');
    expect(readFileSync(hook, 'utf8')).toContain("/'gov' || exit 1");
    const second = runCli(['init', 'other', '--lang', 'en'], repo);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/already checks the register in gov/);
    expect(existsSync(join(repo, 'other/itreg.yaml'))).toBe(false);
    expect(runCli(['init', 'other', '--lang', 'en', '--force'], repo).status).toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain("/'other' || exit 1");
    expect(runCli(['init', 'gov', '--lang', 'en', '--force'], repo).status).toBe(0);
  });
});
