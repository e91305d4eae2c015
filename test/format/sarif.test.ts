// --format sarif as SARIF readers resolve it: RFC 3986 URIs for any file name, %SRCROOT% an absolute file: URI,
// regions with an end; valid against the OASIS schema, and against Microsoft's SARIF multitool where its binary runs.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { toUriReference } from '../../src/format/sarif.js';
import { projectRoot, registerFrom, runCli, sarifSchemaFile, temporaryFolder } from '../helpers.js';

interface Sarif {
  runs: Array<{
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }> }>;
  }>;
}

const names = ['med mellanslag', 'a#b', 'fråga?', 'procent%41', 'åäö'];
const unit = (n: number) => `kind: Unit\nid: enhet-${n}\nname: Enhet ${n}\ntype: departement\n`;
const folder = registerFrom('every-rule', Object.fromEntries(names.map((name, i) => [`register/units/${name}.yaml`, unit(i)])));
const result = runCli(['lint', '--date', '2026-06-01', '--format', 'sarif'], folder);
const sarif = JSON.parse(result.stdout) as Sarif;
const run = sarif.runs[0]!;

describe('--format sarif', () => {
  it('percent-encodes every character outside the unreserved set and /', () => {
    expect(toUriReference('register/units/med mellanslag.yaml')).toBe('register/units/med%20mellanslag.yaml');
    expect(toUriReference("a#b?c%d!e'(f)*g~h-i_j.k")).toBe('a%23b%3Fc%25d%21e%27%28f%29%2Ag~h-i_j.k');
    expect(toUriReference('åäö.yaml')).toBe('%C3%A5%C3%A4%C3%B6.yaml');
  });

  it('names files with a space, #, ?, % and å/ä/ö by URIs that resolve, against %SRCROOT%, to the files themselves', () => {
    const base = run.originalUriBaseIds!['%SRCROOT%']!.uri;
    expect(base).toMatch(/^file:\/\/\/.*\/$/);
    const uris = run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    for (const name of names) {
      const found = uris.find((a) => decodeURIComponent(a.uri) === `register/units/${name}.yaml`);
      expect(found, name).toBeDefined();
      expect(found!.uri).toMatch(/^[A-Za-z0-9\-._~/%]+$/);
      expect(found!.uriBaseId).toBe('%SRCROOT%');
      const file = fileURLToPath(new URL(found!.uri, base));
      expect(file).toBe(join(folder, `register/units/${name}.yaml`));
      expect(existsSync(file)).toBe(true);
    }
  });

  it('gives every region an end', () => {
    for (const r of run.results) {
      const region = r.locations[0]!.physicalLocation.region;
      expect(region['endLine'], r.ruleId).toBeGreaterThanOrEqual(region['startLine']!);
      if (region['endLine'] === region['startLine']) expect(region['endColumn'], r.ruleId).toBeGreaterThan(region['startColumn']!);
    }
    // The type in "type: departement" runs to the end of its line.
    const typo = run.results.find((r) => r.ruleId === 'schema' && r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('a%23b.yaml'))!;
    expect(typo.locations[0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 7, endLine: 4, endColumn: 18 });
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    const ajv = new (Ajv04 as unknown as typeof Ajv04.default)({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaFile, 'utf8')) as object);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  // npm 11 skips the package's postinstall that marks the binary executable, hence the chmod.
  const multitool = join(projectRoot, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
  const runs = (() => {
    if (!existsSync(multitool)) return false;
    chmodSync(multitool, 0o755);
    return spawnSync(multitool, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
  })();
  it.skipIf(!runs)("passes Microsoft's SARIF multitool validate with no error", () => {
    const scratch = temporaryFolder();
    const input = join(scratch, 'itreg.sarif');
    writeFileSync(input, result.stdout);
    const output = join(scratch, 'validation.sarif');
    const validated = spawnSync(multitool, ['validate', input, '--output', output], { encoding: 'utf8', timeout: 120_000 });
    expect(validated.status, validated.stdout + validated.stderr).toBe(0);
    const report = JSON.parse(readFileSync(output, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: { arguments?: string[] } }> }> };
    const problems = (report.runs[0]!.results ?? []).filter((r) => r.level === 'error' || r.ruleId === 'SARIF1001' || r.ruleId === 'SARIF1002' || r.ruleId === 'SARIF1004');
    expect(problems.map((r) => `${r.ruleId} ${r.message.arguments?.join(' ')}`)).toEqual([]);
  });
});
