// itreg-suppressions.json: --suppress-all records today's findings, later runs report only the rest, --prune-suppressions.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, runCli, temporaryFolder, writeFiles } from '../helpers.js';

const application = (id: string, name: string) =>
  `kind: Application\nid: ${id}\nname: ${name}\ntype: general\nmunicipalities: [amal]\ndocumentation: { routines: https://intranat.amal.example/${id} }\n`;
const owner = (app: string) => `kind: RoleAssignment\nid: ${app}-systemagare\nrole: system-owner\napplication: ${app}\nholder: { title: IT-chef, unit: amal-it }\nfrom: 2026-01-01\n`;
const admin = (app: string) => `kind: RoleAssignment\nid: ${app}-systemansvarig\nrole: system-administrator\napplication: ${app}\nholder: { title: Systemtekniker, unit: amal-it }\nfrom: 2026-01-01\n`;

interface Json {
  findings: Array<{ ruleId: string; entityId?: string }>;
  summary: { errors: number; warnings: number; suppressed: number; unusedSuppressions?: number };
}

describe('suppressions: suppress, fix one, a new gap, prune', () => {
  let folder: string;
  const lint = (...args: string[]) => runCli(['lint', '--date', '2026-06-01', '--lang', 'en', ...args], folder);
  const json = (...args: string[]) => JSON.parse(lint('--format', 'json', ...args).stdout) as Json;
  const entries = () =>
    (JSON.parse(readFileSync(join(folder, 'itreg-suppressions.json'), 'utf8')) as { suppressions: Array<{ rule: string; entity?: string; file: string; date: string; fingerprint: string }> })
      .suppressions;

  beforeAll(() => {
    folder = temporaryFolder();
    writeFiles(folder, {
      'itreg.yaml': 'name: Åmål\nlanguage: en\nrules: { it-staff-training-plan: off }\n',
      'register/municipalities/amal.yaml': 'kind: Municipality\nid: amal\nname: Åmål\npopulation: { 2025: 12006 }\n',
      'register/units/amal-it.yaml': 'kind: Unit\nid: amal-it\nname: IT-enheten\ntype: it-unit\nmunicipality: amal\n',
      // Two applications without an owner and an administrator: four gaps on the day the cooperation starts.
      'register/applications/e-post.yaml': application('e-post', 'E-post'),
      'register/applications/intranat.yaml': application('intranat', 'Intranät'),
    });
    git(folder, 'init', '--quiet', '--initial-branch=main');
    git(folder, 'add', '-A');
    git(folder, 'commit', '--quiet', '-m', 'start');
  });

  it('--suppress-all records every finding with its rule, entity, file and date, and exits 0', () => {
    expect(lint().status).toBe(1);
    const result = lint('--suppress-all');
    expect(result.stderr).toBe('itreg: itreg-suppressions.json: recorded 4 findings as the starting line; lint now reports only what is not in it\n');
    expect(result.stdout).toBe('No problems (4 files, 4 suppressed in itreg-suppressions.json)\n');
    expect(result.status).toBe(0);
    expect(entries().map(({ rule, entity, file }) => `${file} ${rule} ${entity}`)).toEqual([
      'register/applications/e-post.yaml application-has-administrator e-post',
      'register/applications/e-post.yaml application-has-owner e-post',
      'register/applications/intranat.yaml application-has-administrator intranat',
      'register/applications/intranat.yaml application-has-owner intranat',
    ]);
    expect(entries().every((entry) => /^\d{4}-\d{2}-\d{2}$/.test(entry.date) && /^[0-9a-f]{32}$/.test(entry.fingerprint))).toBe(true);
    expect(json().summary).toEqual({ files: 4, entities: 4, errors: 0, warnings: 0, suppressed: 4, unusedSuppressions: 0 });
    git(folder, 'add', '-A');
    git(folder, 'commit', '--quiet', '-m', 'starting line');
  });

  it('an edit that moves a finding to another line keeps it suppressed (fingerprints have no line)', () => {
    writeFileSync(join(folder, 'register/applications/e-post.yaml'), `# E-post för hela kommunen\n\n${application('e-post', 'E-post')}`);
    expect(lint().stdout).toBe('No problems (4 files, 4 suppressed in itreg-suppressions.json)\n');
    // --changed: the changed file's suppressed findings stay suppressed, in every format.
    const changed = lint('--changed', '--base', 'HEAD', '--format', 'json');
    expect(JSON.parse(changed.stdout)).toMatchObject({ findings: [], summary: { errors: 0, suppressed: 2 } });
    expect(changed.status).toBe(0);
    const run = (format: string) => {
      const result = lint('--changed', '--base', 'HEAD', '--format', format);
      expect(result.status, format).toBe(0);
      return result.stdout;
    };
    expect((JSON.parse(run('sarif')) as { runs: Array<{ results: unknown[] }> }).runs[0]!.results).toEqual([]);
    expect(JSON.parse(run('gitlab'))).toEqual([]);
    expect(run('github')).not.toContain('::error');
    expect(run('junit')).not.toContain('<failure');
  });

  it('fixing one makes its entry unused: named in the summary line with the hint, counted in JSON', () => {
    writeFiles(folder, { 'register/roles/e-post-systemagare.yaml': owner('e-post') });
    const result = lint();
    expect(result.stdout).toBe('No problems (5 files, 3 suppressed in itreg-suppressions.json, 1 unused entry there (application-has-owner e-post): remove with itreg lint --prune-suppressions)\n');
    expect(result.status).toBe(0);
    expect(json().summary).toMatchObject({ suppressed: 3, unusedSuppressions: 1 });
    // --changed runs only the checks the change reaches: an entry is unused when a check it ran no longer finds it,
    // not because the check of another application was left out (intranät's two entries).
    expect(json('--changed', '--base', 'HEAD').summary).toMatchObject({ unusedSuppressions: 1 });
    // --suppress-all and --prune-suppressions with --changed still judge every finding of the register.
    const before = readFileSync(join(folder, 'itreg-suppressions.json'), 'utf8');
    expect(lint('--changed', '--base', 'HEAD', '--suppress-all').status).toBe(0);
    expect(entries().map((entry) => `${entry.rule} ${entry.entity}`)).toEqual(['application-has-administrator e-post', 'application-has-administrator intranat', 'application-has-owner intranat']);
    writeFileSync(join(folder, 'itreg-suppressions.json'), before);
    expect(lint('--changed', '--base', 'HEAD', '--prune-suppressions').stderr).toContain('removed 1 unused entry');
    expect(entries()).toHaveLength(3);
    writeFileSync(join(folder, 'itreg-suppressions.json'), before);
    expect(runCli(['lint', '--date', '2026-06-01', '--lang', 'sv'], folder).stdout).toBe(
      'Inga problem (5 filer, 3 undertryckta i itreg-suppressions.json, 1 oanvänd post där (application-has-owner e-post): ta bort med itreg lint --prune-suppressions)\n',
    );
  });

  it('a new gap is reported (exit 1), in stylish and in --changed', () => {
    writeFiles(folder, { 'register/applications/webb.yaml': application('webb', 'Webbplats') });
    const result = json();
    expect(result.findings.map((f) => `${f.ruleId} ${f.entityId}`)).toEqual(['application-has-administrator webb', 'application-has-owner webb']);
    expect(result.summary).toMatchObject({ errors: 2, suppressed: 3 });
    expect(lint().status).toBe(1);
    expect(JSON.parse(lint('--changed', '--base', 'HEAD', '--format', 'json').stdout).findings).toHaveLength(2);
    writeFiles(folder, { 'register/roles/webb-systemagare.yaml': owner('webb'), 'register/roles/webb-systemansvarig.yaml': admin('webb') });
  });

  it('--prune-suppressions removes the unused entry and keeps the others', () => {
    const result = lint('--prune-suppressions');
    expect(result.stderr).toBe('itreg: itreg-suppressions.json: removed 1 unused entry (their findings are gone)\n');
    expect(result.stdout).toBe('No problems (8 files, 3 suppressed in itreg-suppressions.json)\n');
    expect(entries().map((entry) => `${entry.rule} ${entry.entity}`)).toEqual(['application-has-administrator e-post', 'application-has-administrator intranat', 'application-has-owner intranat']);
    expect(json().summary).toMatchObject({ suppressed: 3, unusedSuppressions: 0 });
  });

  it('--prune-suppressions keeps the entries of a file that could not be judged, and says so', () => {
    const path = 'register/applications/intranat.yaml';
    const good = readFileSync(join(folder, path), 'utf8');
    for (const broken of ['kind: Application\nid: intranat\nname: [Intranät\n', good.replace('type: general', 'type: nonsense')]) {
      writeFiles(folder, { [path]: broken });
      const result = lint('--prune-suppressions');
      expect(result.stderr).toBe(
        'itreg: itreg-suppressions.json: removed 0 unused entries (their findings are gone); kept 2 entries in files with a YAML or schema error, which the rules could not judge: repair those files and prune again\n',
      );
      expect(entries().map((entry) => `${entry.rule} ${entry.entity}`)).toEqual(['application-has-administrator e-post', 'application-has-administrator intranat', 'application-has-owner intranat']);
    }
    writeFiles(folder, { [path]: good });
    expect(json().summary).toMatchObject({ errors: 0, suppressed: 3, unusedSuppressions: 0 });
    expect(runCli(['lint', '--date', '2026-06-01', '--lang', 'sv', '--prune-suppressions'], folder).stderr).toBe(
      'itreg: itreg-suppressions.json: tog bort 0 oanvända poster (deras fynd finns inte längre)\n',
    );
  });

  it('a damaged file is exit 2 with one line', () => {
    writeFileSync(join(folder, 'itreg-suppressions.json'), '{ "suppressions": [ { "rule": 1 } ] }');
    const result = lint();
    expect(result.stderr).toBe(
      'itreg: itreg-suppressions.json: entry 1 of "suppressions" is not { fingerprint, rule, file, date } in plain text (a field is missing, or holds a control character): write it again with itreg lint --suppress-all\n',
    );
    expect(result.status).toBe(2);
  });
});
