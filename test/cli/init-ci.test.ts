// itreg init's package.json and CI files, run as the CI hosts would: the generated GitHub workflow's and GitLab job's
// commands in a clean clone, with itreg from an `npm pack` tarball pinned in the register's package.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, projectRoot, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const quiet = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_prefer_offline: 'true', NO_COLOR: '1', CI: 'true' };
const sh = (command: string, cwd: string) => {
  const result = spawnSync('bash', ['-e', '-c', command], { cwd, encoding: 'utf8', env: quiet, timeout: 600_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

interface Workflow { jobs: { lint: { defaults: { run: { 'working-directory': string } }; steps: Array<{ run?: string; with?: Record<string, string> }> } } }
interface GitlabJob { itreg: { before_script: string[]; script: string[]; artifacts: { reports: { codequality: string } } } }

/** Runs the workflow's `run:` steps in the clone as the runner would (GitHub's expression for the base branch filled in); the exit code of each. */
function runGithubSteps(clone: string): number[] {
  const workflow = parse(readFileSync(join(clone, '.github/workflows/itreg.yml'), 'utf8')) as Workflow;
  const folder = join(clone, workflow.jobs.lint.defaults.run['working-directory']);
  return workflow.jobs.lint.steps.filter((step) => step.run).map((step) => sh(step.run!.replace(/\$\{\{ github\.base_ref \|\| 'main' \}\}/g, 'main'), folder).status ?? -1);
}

/** Runs the GitLab job's before_script and script as one shell would, from the clone's top. */
function runGitlabJob(clone: string): number {
  const job = (parse(readFileSync(join(clone, '.gitlab/itreg.gitlab-ci.yml'), 'utf8')) as GitlabJob).itreg;
  return sh([...job.before_script, ...job.script].join('\n'), clone).status ?? -1;
}

describe('itreg init in a sub-folder of a repository, with CI that installs the pinned itreg', () => {
  const scratch = temporaryFolder('itreg-init-ci-');
  // The package as npm would publish it (dist is already built by the test run; --ignore-scripts keeps it so).
  const tarball = join(scratch, spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', scratch], { cwd: projectRoot, encoding: 'utf8' }).stdout.trim().split('\n').at(-1)!);
  const repo = join(scratch, 'repo');
  writeFiles(repo, { 'README.md': '# Kommunens repo\n' });
  git(repo, 'init', '--quiet', '--initial-branch=main');
  const init = runCli(['init', 'gov', '--name', 'Testkommunerna', '--lang', 'en', '--itreg-source', tarball], repo);

  it('writes the CI files at the repository\'s top, working in the register\'s folder, and a package.json pinning itreg', () => {
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(join(repo, 'gov/.github'))).toBe(false);
    expect(existsSync(join(repo, 'gov/.gitlab-ci.yml'))).toBe(false);
    const workflow = parse(readFileSync(join(repo, '.github/workflows/itreg.yml'), 'utf8')) as Workflow;
    expect(workflow.jobs.lint.defaults.run['working-directory']).toBe('gov');
    expect(workflow.jobs.lint.steps.at(-1)!.with!['sarif_file']).toBe('gov/itreg.sarif');
    const job = (parse(readFileSync(join(repo, '.gitlab/itreg.gitlab-ci.yml'), 'utf8')) as GitlabJob).itreg;
    expect(job.before_script[0]).toBe('cd gov');
    expect(job.artifacts.reports.codequality).toBe('gov/gl-code-quality-report.json');
    expect(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')).toContain('local: .gitlab/itreg.gitlab-ci.yml');
    const pkg = JSON.parse(readFileSync(join(repo, 'gov/package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies).toEqual({ itreg: `file:${tarball}` });
    // Never an unpinned name: every itreg the CI files run is the one installed from the lock file.
    for (const file of ['.github/workflows/itreg.yml', '.gitlab/itreg.gitlab-ci.yml']) {
      const text = readFileSync(join(repo, file), 'utf8');
      expect(text).not.toMatch(/npx (?!--no-install itreg )/);
      expect(text).toContain('npm ci');
    }
  });

  it('pins itreg@^ this version by default, and takes an npm range or a git URL as given', () => {
    const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
    for (const [source, spec] of [[undefined, `^${version}`], ['itreg@~0.1.2', '~0.1.2'], ['git+https://example.org/itreg.git#v0.1.0', 'git+https://example.org/itreg.git#v0.1.0']] as const) {
      const folder = join(temporaryFolder(), 'r');
      expect(runCli(['init', folder, '--lang', 'en', ...(source ? ['--itreg-source', source] : [])]).status).toBe(0);
      expect((JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['itreg']).toBe(spec);
    }
  });

  it('refuses to re-point the repository\'s itreg hook to another register without --force', () => {
    const hook = join(repo, '.git/hooks/pre-commit');
    expect(readFileSync(hook, 'utf8')).toContain(`"/'gov' || exit 1`);
    const second = runCli(['init', 'other', '--lang', 'en', '--itreg-source', tarball], repo);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/already checks the register in gov/);
    expect(existsSync(join(repo, 'other/itreg.yaml'))).toBe(false);
    expect(runCli(['init', 'other', '--lang', 'en', '--force', '--itreg-source', tarball], repo).status).toBe(0);
    expect(readFileSync(hook, 'utf8')).toContain(`"/'other' || exit 1`);
    expect(runCli(['init', 'gov', '--lang', 'en', '--force'], repo).status).toBe(0);
  });

  it('runs the GitHub workflow\'s and GitLab job\'s steps in a clean clone: pass on a good register, fail on a bad one with the reports written', () => {
    // npm install writes the lock file CI installs from (npm ci); it is committed with the register.
    const installed = sh('npm install', join(repo, 'gov'));
    expect(installed.status, installed.output).toBe(0);
    git(repo, 'add', '-A');
    git(repo, 'commit', '--quiet', '-m', 'register');
    expect(git(repo, 'ls-files')).toContain('gov/package-lock.json');
    expect(git(repo, 'ls-files')).not.toContain('node_modules');

    const good = join(scratch, 'good');
    git(scratch, 'clone', '--quiet', repo, good);
    expect(runGithubSteps(good)).toEqual([0, 0, 0]);
    expect(runGitlabJob(good)).toBe(0);
    expect(JSON.parse(readFileSync(join(good, 'gov/gl-code-quality-report.json'), 'utf8'))).toEqual([]);

    git(repo, 'checkout', '--quiet', '-b', 'feature');
    writeFiles(repo, { 'gov/register/units/trasig.yaml': 'kind: Unit\nid: trasig\nname: Trasig\ntype: nope\n' });
    git(repo, 'add', '-A');
    // --no-verify: the register's own hook (now running the pinned itreg) would rightly refuse this commit.
    git(repo, 'commit', '--quiet', '--no-verify', '-m', 'a broken unit');
    const bad = join(scratch, 'bad');
    git(scratch, 'clone', '--quiet', '--branch', 'feature', repo, bad);
    expect(runGithubSteps(bad)).toEqual([0, 1, 1]);
    const sarif = JSON.parse(readFileSync(join(bad, 'gov/itreg.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('schema');
    expect(runGitlabJob(bad)).toBe(1);
    const quality = JSON.parse(readFileSync(join(bad, 'gov/gl-code-quality-report.json'), 'utf8')) as Array<{ check_name: string; location: { path: string } }>;
    expect(quality.map((issue) => [issue.check_name, issue.location.path])).toContainEqual(['schema', 'gov/register/units/trasig.yaml']);
  }, 900_000);
});
