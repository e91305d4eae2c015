// The CI formats, each checked as its consumer reads it: SARIF against the OASIS schema, JUnit as XML, GitHub's command grammar, GitLab's fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/format/github.js';
import { formatJunit } from '../../src/format/junit.js';
import { fixtures, registerFrom, runCli, sarifSchemaFile, writeFiles } from '../helpers.js';
import type { LintResult } from '../../src/lint/run-rules.js';

// A copy outside any git repository, so paths are relative to itreg.yaml (see the prefix test below).
const everyRule = registerFrom('every-rule');
const lintAs = (format: string, folder = everyRule) => runCli(['lint', '--date', '2026-06-01', '--format', format], folder);

describe('--format sarif', () => {
  const ajv = new (Ajv04 as unknown as typeof Ajv04.default)({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaFile, 'utf8')) as object);
  const result = lintAs('sarif');
  const sarif = JSON.parse(result.stdout) as {
    runs: Array<{
      tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string }; help: { text: string } }> } };
      results: Array<{
        ruleId: string;
        level: string;
        partialFingerprints: Record<string, string>;
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
      }>;
    }>;
  };

  it('is valid SARIF 2.1.0', () => {
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(result.status).toBe(1);
  });

  it('has one result per finding, with level, location and a fingerprint', () => {
    const run = sarif.runs[0]!;
    expect(run.results).toHaveLength(31);
    const owner = run.results.find((r) => r.ruleId === 'application-has-owner')!;
    expect(owner.level).toBe('error');
    expect(owner.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'register/applications/gis.yaml' }, region: { startLine: 1, startColumn: 1 } });
    expect(new Set(run.results.map((r) => r.partialFingerprints['itreg/v1'])).size).toBe(31);
  });

  it('describes every rule with its policy text', () => {
    const rules = sarif.runs[0]!.tool.driver.rules;
    expect(rules).toHaveLength(31);
    expect(rules.find((r) => r.id === 'training-plan')?.help.text).toContain('Utbildningsplaner ska upprättas för alla verksamhetssystem.');
  });

  it('keeps fingerprints when a finding moves to another line', () => {
    const before = registerFrom('every-rule');
    const moved = registerFrom('every-rule');
    writeFiles(moved, { 'register/applications/gis.yaml': `# a comment that moves everything down\n\n${readFileSync(join(before, 'register/applications/gis.yaml'), 'utf8')}` });
    const print = (folder: string) => {
      const parsed = JSON.parse(lintAs('sarif', folder).stdout) as typeof sarif;
      const r = parsed.runs[0]!.results.find((x) => x.ruleId === 'application-has-owner')!;
      return [r.partialFingerprints['itreg/v1'], r.locations[0]!.physicalLocation.region.startLine];
    };
    const [a, lineA] = print(before);
    const [b, lineB] = print(moved);
    expect(b).toBe(a);
    expect(lineB).not.toBe(lineA);
  });
});

describe('--format junit', () => {
  const result = lintAs('junit');

  it('is well-formed XML with a test case per file and a failure per error finding', () => {
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(result.stdout) as {
      testsuites: { testsuite: { tests: string; failures: string; testcase: Array<{ name: string; failure?: unknown; 'system-out'?: string }> } };
    };
    const suite = xml.testsuites.testsuite;
    expect(Number(suite.tests)).toBe(37); // 36 register files and itreg.yaml
    expect(suite.testcase).toHaveLength(37);
    const failures = suite.testcase.flatMap((c) => (c.failure === undefined ? [] : Array.isArray(c.failure) ? c.failure : [c.failure]));
    expect(failures).toHaveLength(20);
    const karta = suite.testcase.find((c) => c.name === 'register/applications/karta.yaml')!;
    expect(karta['system-out']).toMatch(/warning register\/applications\/karta\.yaml:6:40 text-encoding/);
    expect(suite.testcase.find((c) => c.name === 'register/municipalities/amal.yaml')?.failure).toBeUndefined();
  });

  it('escapes what XML cannot carry', () => {
    const folder = registerFrom('clean', {
      'register/applications/diarium.yaml': readFileSync(join(fixtures, 'clean/register/applications/diarium.yaml'), 'utf8').replace('name: Diariesystem', 'name: "Diarie<&>\\"system\\u0001"'),
    });
    writeFiles(folder, { 'register/roles/diarium-owner.yaml': null });
    const out = lintAs('junit', folder).stdout;
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('Diarie&lt;&amp;&gt;&quot;system');
  });

  it('writes a newline, CR and tab in an attribute as character references (a parser reads raw ones as spaces)', () => {
    const message = 'first line\nsecond\r\nthird\tcolumn';
    const result: LintResult = {
      findings: [{ ruleId: 'schema', severity: 'error', message, file: 'register/a\tb.yaml', line: 2, column: 3 }],
      summary: { files: 1, entities: 0, errors: 1, warnings: 0, suppressed: 0 },
    };
    const out = formatJunit(result, { files: ['register/a\tb.yaml'] });
    expect(out).toContain('<failure message="first line&#10;second&#13;&#10;third&#9;column" type="schema">');
    expect(out).toContain('classname="register/a&#9;b.yaml"');
    // No attribute value holds a raw newline, CR or tab.
    for (const value of out.matchAll(/="([^"]*)"/g)) expect(value[1]).not.toMatch(/[\n\r\t]/);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true }).parse(out) as {
      testsuites: { testsuite: { testcase: { failure: { message: string } } } };
    };
    expect(xml.testsuites.testsuite.testcase.failure.message).toBe(message);
  });
});

describe('--format github', () => {
  // ::error file=F,line=L,col=C,title=T::message — properties escape % \r \n : ,; data escapes % \r \n
  const command = /^::(error|warning|notice) ((?:file|line|col|title)=[^,:\r\n]*(?:,(?:file|line|col|title)=[^,:\r\n]*)*)::[^\r\n]*$/;

  it('prints one workflow command per finding, in the grammar', () => {
    const lines = lintAs('github').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(32);
    for (const line of lines) expect(line).toMatch(command);
    // 20 errors and 11 warnings: GitHub shows 10 of each, so a notice says 11 are only in the log.
    expect(lines.at(-1)).toMatch(/^::notice title=itreg::11 of 31 findings/);
    expect(lines).toContain(
      '::error file=register/applications/gis.yaml,line=1,col=1,title=itreg application-has-owner::GIS has no system owner: add a RoleAssignment with role: system-owner (IT policy, ch. 3: "Alla gemensamma och verksamhetsspecifika applikationer ska ha en systemägare.")',
    );
  });

  it('escapes newlines, percent signs, colons and commas', () => {
    const result: LintResult = {
      findings: [{ ruleId: 'schema', severity: 'error', message: '50% done\r\nnext: line', file: 'a,b:c.yaml', line: 2, column: 3 }],
      summary: { files: 1, entities: 0, errors: 1, warnings: 0, suppressed: 0 },
    };
    expect(formatGithub(result, { language: 'en' })).toBe('::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=itreg schema::50%25 done%0D%0Anext: line\n');
  });

  it('shows ESC, NEL, U+2028 and a bidirectional override as escapes, in the message and the file name', () => {
    const result: LintResult = {
      findings: [{ ruleId: 'schema', severity: 'error', message: 'a\u001b[2Jb\u0085::error::forged\u2028c\u202ed', file: 'x\u0085y.yaml', line: 1, column: 1 }],
      summary: { files: 1, entities: 0, errors: 1, warnings: 0, suppressed: 0 },
    };
    const text = formatGithub(result, { language: 'en' });
    expect(text).toBe('::error file=x\\u0085y.yaml,line=1,col=1,title=itreg schema::a\\u001b[2Jb\\u0085::error::forged\\u2028c\\u202ed\n');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  });

  it('ends with a notice when GitHub will not show them all', () => {
    const many: LintResult = {
      findings: Array.from({ length: 13 }, (_, i) => ({ ruleId: 'schema', severity: 'error' as const, message: `m${i}`, file: 'a.yaml', line: i + 1, column: 1 })),
      summary: { files: 1, entities: 0, errors: 13, warnings: 0, suppressed: 0 },
    };
    const lines = formatGithub(many, { language: 'en' }).trimEnd().split('\n');
    expect(lines).toHaveLength(14);
    expect(lines.at(-1)).toMatch(/^::notice title=itreg::3 of 13 findings are not shown as annotations/);
    expect(lines.at(-1)).toMatch(command);
  });
});

describe('--format gitlab', () => {
  it('prints a Code Quality array with the documented fields', () => {
    const issues = JSON.parse(lintAs('gitlab').stdout) as Array<{
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }>;
    expect(issues).toHaveLength(31);
    for (const issue of issues) {
      expect(typeof issue.description).toBe('string');
      expect(issue.check_name).toMatch(/^[a-z-]+$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(31);
    expect(issues.find((i) => i.check_name === 'reference')).toMatchObject({ severity: 'major', location: { path: 'register/units/hr-amal.yaml', lines: { begin: 5 } } });
  });
});

describe('paths in CI formats', () => {
  it('are relative to the repository top when itreg.yaml sits below it', () => {
    const json = JSON.parse(runCli(['lint', '--date', '2026-06-01', '--format', 'gitlab'], join(fixtures, 'every-rule')).stdout) as Array<{ location: { path: string } }>;
    expect(json[0]?.location.path).toBe('test/fixtures/every-rule/itreg.yaml');
    const plain = JSON.parse(runCli(['lint', '--date', '2026-06-01', '--format', 'json'], join(fixtures, 'every-rule')).stdout) as { findings: Array<{ file: string }> };
    expect(plain.findings[0]?.file).toBe('itreg.yaml');
  });
});

describe('every format prints nothing else on stdout', () => {
  it.each(['json', 'sarif', 'gitlab'])('%s is pure JSON', (format) => {
    expect(() => JSON.parse(lintAs(format).stdout) as unknown).not.toThrow();
  });
});
