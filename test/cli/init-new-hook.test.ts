// itreg init, new and hook, on real folders and real git repositories, ending in real commits.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git, projectRoot, registerFrom, repositoryFrom, runCli, temporaryFolder, writeFiles } from '../helpers.js';

function commit(folder: string, message: string) {
  const result = spawnSync('git', ['commit', '-m', message], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

function initialised(): string {
  const folder = join(temporaryFolder(), 'register');
  const result = runCli(['init', folder, '--name', 'Testkommunerna', '--lang', 'en']);
  expect(result.status).toBe(0);
  git(folder, 'config', 'user.name', 'Test');
  git(folder, 'config', 'user.email', 'test@example.org');
  return folder;
}

describe('itreg init', () => {
  it('says "den här mappen" for ., not "Ett nytt register i .. Nästa steg"', () => {
    const folder = temporaryFolder();
    const result = runCli(['init', '.', '--lang', 'sv'], folder);
    expect(result.status).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('skapade ett git-repo i den här mappen\n');
    expect(output).toMatch(/Ett nytt register i den här mappen\. Nästa steg: ändra exemplen och kör `itreg lint`\.\n$/);
    expect(output).not.toMatch(/ \.\./);
  });

  it('creates a register that lints with exit 0, one example per kind', () => {
    const folder = initialised();
    const lint = runCli(['lint', '--format', 'json'], folder);
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    const kinds = new Set<string>();
    for (const file of [
      'municipalities/exempelstad',
      'units/it-enheten',
      'applications/exempelsystem',
      'roles/exempelsystem-systemagare',
      'agreements/exempelsystem-drift',
      'training/it-personal',
      'investments/exempelsystem-inforande',
      'documents/it-policy',
    ]) {
      kinds.add((parse(readFileSync(join(folder, `register/${file}.yaml`), 'utf8')) as { kind: string }).kind);
    }
    expect(kinds.size).toBe(8);
    expect((parse(readFileSync(join(folder, 'itreg.yaml'), 'utf8')) as { name: string }).name).toBe('Testkommunerna');
  });

  it('writes the language asked for into itreg.yaml (--lang en: language: en), else sv', () => {
    const english = initialised();
    expect(readFileSync(join(english, 'itreg.yaml'), 'utf8')).toMatch(/^language: en {16}# sv \| en/m);
    expect((parse(readFileSync(join(english, 'itreg.yaml'), 'utf8')) as { language: string }).language).toBe('en');
    const swedish = join(temporaryFolder(), 'r');
    expect(runCli(['init', swedish]).status).toBe(0);
    expect((parse(readFileSync(join(swedish, 'itreg.yaml'), 'utf8')) as { language: string }).language).toBe('sv');
  });

  it('new in a register without its schema/ copy writes no schema line into another folder, and says so', () => {
    const folder = initialised();
    rmSync(join(folder, 'schema'), { recursive: true });
    const result = runCli(['new', 'application', 'x-app', '--lang', 'en'], folder);
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(join(folder, 'register/applications/x-app.yaml'), 'utf8');
    expect(text).not.toContain('$schema');
    expect(text.startsWith('kind: Application\n')).toBe(true);
    expect(result.stdout).toContain('without a schema line: the register has no schema/ folder and itreg is not installed in it');
    // lint --fix adds no line either.
    runCli(['lint', '--fix', '--lang', 'en'], folder);
    expect(readFileSync(join(folder, 'register/applications/x-app.yaml'), 'utf8')).not.toContain('$schema');
    // With the copy back, the line points at it.
    expect(runCli(['new', 'unit', 'x-unit', '--lang', 'en'], folder).status).toBe(0);
    writeFiles(folder, { 'schema/unit.schema.json': '{}' });
    expect(runCli(['new', 'unit', 'y-unit', '--lang', 'en'], folder).status).toBe(0);
    expect(readFileSync(join(folder, 'register/units/y-unit.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/unit.schema.json');
  });

  it('writes CI examples and schema lines that resolve', () => {
    const folder = initialised();
    const workflow = parse(readFileSync(join(folder, '.github/workflows/itreg.yml'), 'utf8')) as { jobs: { lint: { steps: Array<{ run?: string; uses?: string }> } } };
    expect(workflow.jobs.lint.steps.some((s) => s.run?.includes('--format sarif'))).toBe(true);
    expect(workflow.jobs.lint.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    const gitlab = parse(readFileSync(join(folder, '.gitlab/itreg.gitlab-ci.yml'), 'utf8')) as { itreg: { artifacts: { reports: { codequality: string } }; script: string[] } };
    expect(gitlab.itreg.artifacts.reports.codequality).toBe('gl-code-quality-report.json');
    expect(gitlab.itreg.script[0]).toContain('--format gitlab --output gl-code-quality-report.json');
    // Both publish the register as a website, redacted, from the folder the Pages step uploads.
    const pages = (parse(readFileSync(join(folder, '.github/workflows/itreg.yml'), 'utf8')) as { jobs: { pages: { steps: Array<{ run?: string; uses?: string; with?: { path?: string } }> } } }).jobs
      .pages.steps;
    expect(pages.find((s) => s.run?.includes('itreg site'))?.run).toContain('itreg site --redact --output public --edit-url');
    expect(pages.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('public');
    const gitlabPages = (parse(readFileSync(join(folder, '.gitlab/itreg.gitlab-ci.yml'), 'utf8')) as { pages: { script: string[]; artifacts: { paths: string[] } } }).pages;
    expect(gitlabPages.script[0]).toContain('itreg site --redact --output public --edit-url "$CI_PROJECT_URL/-/edit/$CI_DEFAULT_BRANCH/{path}"');
    expect(gitlabPages.artifacts.paths).toEqual(['public']);
    // And the command works on the register init wrote.
    const site = runCli(['site', '--redact', '--output', 'public', '--edit-url', 'https://example.org/edit/main/{path}'], folder);
    expect(site.status).toBe(0);
    expect(existsSync(join(folder, 'public/application/exempelsystem.html'))).toBe(true);
    const app = join(folder, 'register/applications/exempelsystem.yaml');
    const schemaLine = /\$schema=(\S+)/.exec(readFileSync(app, 'utf8'))?.[1];
    expect(existsSync(resolve(dirname(app), schemaLine!))).toBe(true);
  });

  it('never overwrites an existing file', () => {
    const folder = initialised();
    writeFileSync(join(folder, 'itreg.yaml'), 'name: Mine\n');
    const again = runCli(['init', folder, '--lang', 'en']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/kept {5}itreg\.yaml \(it already exists\)/);
    expect(readFileSync(join(folder, 'itreg.yaml'), 'utf8')).toBe('name: Mine\n');
  });

  it('installs a hook that blocks a commit with errors and lets it through once fixed', () => {
    const folder = initialised();
    git(folder, 'add', '-A');
    expect(commit(folder, 'the register').status).toBe(0);

    writeFiles(folder, {
      'register/applications/gis.yaml': '# yaml-language-server: $schema=../../schema/application.schema.json\nkind: Application\nid: gis\nname: GIS\ntype: general\nmunicipalities: [exempelstad]\n',
    });
    git(folder, 'add', '-A');
    const blocked = commit(folder, 'add gis');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toMatch(/register\/applications\/gis\.yaml[\s\S]*GIS has no system owner/); // the register speaks the language init was given
    expect(git(folder, 'log', '--oneline')).not.toMatch(/add gis/);

    writeFiles(folder, {
      'register/roles/gis-owner.yaml': 'kind: RoleAssignment\nid: gis-owner\nrole: system-owner\napplication: gis\nholder: { title: Chef, unit: it-enheten }\nfrom: 2020-01-01\n',
      'register/roles/gis-admin.yaml': 'kind: RoleAssignment\nid: gis-admin\nrole: system-administrator\napplication: gis\nholder: { title: Handläggare, unit: it-enheten }\nfrom: 2020-01-01\n',
    });
    writeFiles(folder, { 'register/applications/gis.yaml': `${readFileSync(join(folder, 'register/applications/gis.yaml'), 'utf8')}documentation: { routines: r }\n` });
    git(folder, 'add', '-A');
    const allowed = commit(folder, 'add gis with owner and administrator');
    expect(allowed.status, allowed.output).toBe(0);
  });
});

describe('itreg hook', () => {
  it("refuses another tool's hook unless --force, and uninstall removes only its own", () => {
    const repo = repositoryFrom('clean');
    const hook = join(repo, '.git/hooks/pre-commit');
    writeFiles(repo, { '.git/hooks/pre-commit': '#!/bin/sh\necho other tool\n' });
    const refused = runCli(['hook', 'install'], repo);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/is another tool's pre-commit hook: left alone \(itreg hook install --force replaces it\)/);
    expect(runCli(['hook', 'uninstall'], repo).status).toBe(2);
    expect(readFileSync(hook, 'utf8')).toContain('other tool');

    expect(runCli(['hook', 'install', '--force', '--lang', 'en'], repo).stdout).toMatch(/^replaced the pre-commit hook/);
    expect(runCli(['hook', 'install', '--lang', 'en'], repo).stdout).toMatch(/^the pre-commit hook is already installed/);
    expect(runCli(['hook', 'uninstall', '--lang', 'en'], repo).stdout).toMatch(/^removed the pre-commit hook/);
    expect(existsSync(hook)).toBe(false);
    expect(runCli(['hook', 'uninstall', '--lang', 'en'], repo).stdout).toBe('no pre-commit hook to remove\n');
  });

  it("says in the register's language, and blocks the commit, when it finds no itreg to run", () => {
    const repo = repositoryFrom('clean');
    const hook = join(repo, '.git/hooks/pre-commit');
    for (const [lang, message] of [
      ['sv', 'itregs pre-commit-krok: itreg är inte installerat här (kör npm ci i registrets mapp: itreg är dess devDependency), så registret kontrollerades inte\n'],
      ['en', "itreg pre-commit hook: itreg is not installed here (run npm ci in the register's folder: itreg is its devDependency), so the register was not checked\n"],
    ] as const) {
      expect(runCli(['hook', 'install', '--force', '--lang', lang], repo).status).toBe(0);
      // As if itreg had been uninstalled: the recorded node and bin/itreg.js are gone and no itreg is on the PATH.
      writeFileSync(hook, readFileSync(hook, 'utf8').replaceAll(process.execPath, '/nonexistent/node'));
      const run = spawnSync('/bin/sh', [hook], { cwd: repo, encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(message);
    }
  });

  it('respects core.hooksPath', () => {
    const repo = repositoryFrom('clean');
    git(repo, 'config', 'core.hooksPath', '.githooks');
    runCli(['hook', 'install'], repo);
    expect(readFileSync(join(repo, '.githooks/pre-commit'), 'utf8')).toContain('# itreg pre-commit hook');
  });
});

describe('itreg new', () => {
  it('writes the required fields from the schema, with a schema line that resolves', () => {
    const folder = registerFrom('clean');
    // The register's own copy of the schemas, as itreg init writes it (without one, new writes no line: see above).
    cpSync(join(projectRoot, 'schema'), join(folder, 'schema'), { recursive: true });
    const result = runCli(['new', 'role-assignment', 'diarium-specialist-2', '--set', 'application=diarium', '--lang', 'en'], folder);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('created register/roles/diarium-specialist-2.yaml\nfill in: role, holder.title, holder.unit, from\n');
    const file = join(folder, 'register/roles/diarium-specialist-2.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^# yaml-language-server: \$schema=(\.\.\/)+.*schema\/role-assignment\.schema\.json$/),
      'kind: RoleAssignment',
      'id: diarium-specialist-2',
    ]);
    expect(text).toMatch(/^role: # Roll \/ Role: system-owner \| system-administrator \| specialist \| it-manager$/m);
    expect(existsSync(resolve(dirname(file), /\$schema=(\S+)/.exec(text)![1]!))).toBe(true);
    // Not valid until the values are given …
    const before = JSON.parse(runCli(['lint', 'register/roles', '--format', 'json', '--date', '2026-06-01'], folder).stdout) as { findings: Array<{ ruleId: string }> };
    expect(before.findings.map((f) => f.ruleId)).toContain('schema');
  });

  it('--dir takes an absolute folder as it is (it was put below the working folder)', () => {
    const folder = registerFrom('clean');
    const target = join(folder, 'register/roles/specialists');
    const result = runCli(['new', 'role-assignment', 'diarium-specialist-2', '--dir', target, '--lang', 'en'], folder);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('created register/roles/specialists/diarium-specialist-2.yaml');
    expect(existsSync(join(target, 'diarium-specialist-2.yaml'))).toBe(true);
  });

  it('lints with no schema finding once the required values are given', () => {
    const folder = registerFrom('clean');
    const sets = ['role=specialist', 'application=diarium', 'holder.title=Arkivarie', 'holder.unit=kansli-amal', 'from=2026-01-01'].flatMap((s) => ['--set', s]);
    expect(runCli(['new', 'RoleAssignment', 'diarium-specialist-2', ...sets], folder).status).toBe(0);
    const after = JSON.parse(runCli(['lint', '--format', 'json', '--date', '2026-06-01'], folder).stdout) as { findings: unknown[] };
    expect(after.findings).toEqual([]);
  });

  it('--set: a value with spaces (even unquoted, as in the help), a colon in a value stays text, lists of scalars', () => {
    const folder = registerFrom('clean');
    const sets = ['--set', 'role=system-owner', '--set', 'application=diarium', '--set', 'holder.title=Plan-', 'och', 'byggchef', '--set', 'holder.unit=kansli-amal', '--set', 'from=2026-01-01'];
    expect(runCli(['new', 'role-assignment', 'diarium-owner-2', ...sets], folder).status).toBe(0);
    expect(readFileSync(join(folder, 'register/roles/diarium-owner-2.yaml'), 'utf8')).toMatch(/^holder:\n {2}title: Plan- och byggchef\n/m);
    const app = runCli(['new', 'application', 'gis', '--set', 'name=GIS: kartor', '--set', 'municipalities=[amal, mellerud]', '--set', 'description={a: 1}'], folder);
    expect(app.status).toBe(0);
    const text = readFileSync(join(folder, 'register/applications/gis.yaml'), 'utf8');
    expect(text).toContain('name: "GIS: kartor"\n');
    expect(text).toContain('description: "{a: 1}"\n');
    expect(text).toMatch(/^municipalities:\n {2}- amal\n {2}- mellerud\n/m);
  });

  it.each([['__proto__.x=1'], ['constructor.prototype.x=1'], ['holder.__proto__=1'], ['a..b=1']])('--set %s: exit 2, no prototype touched', (set) => {
    const folder = registerFrom('clean');
    const result = runCli(['new', 'unit', 'u9', '--set', set, '--lang', 'en'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^itreg: --set .*: ".*" is no field name/);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(existsSync(join(folder, 'register/units/u9.yaml'))).toBe(false);
  });

  it('parseSets never reaches a prototype', async () => {
    const { parseSets, newEntityText } = await import('../../src/register/scaffold.js');
    expect(() => parseSets(['__proto__.polluted=1'])).toThrow(/no field name/);
    newEntityText('Unit', 'u9', parseSets(['name=x']), { collaborationLevels: [] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses an id already in use, anywhere in the register', () => {
    const folder = registerFrom('clean');
    const result = runCli(['new', 'unit', 'diarium', '--lang', 'en'], folder);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('itreg: the id "diarium" is already used by register/applications/diarium.yaml: choose another id\n');
  });

  it.each([
    ['an unknown kind', ['new', 'aplication', 'x'], /unknown kind "aplication" \(did you mean "application"\?\)/i],
    ['a bad id', ['new', 'unit', 'IT Enheten'], /"IT Enheten" is not an id/],
    ['an unknown field', ['new', 'unit', 'x', '--set', 'munipality=amal', '--lang', 'en'], /unknown field "munipality" \(did you mean "municipality"\?\)/],
    ['a wrong value', ['new', 'unit', 'x', '--set', 'type=it', '--lang', 'en'], /"type" must be one of it-unit, department, federation, group/],
  ])('exits 2 for %s', (_name, args, message) => {
    const result = runCli(args, registerFrom('clean'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
