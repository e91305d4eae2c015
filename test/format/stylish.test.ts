// --format stylish: findings grouped by file with aligned columns, and a summary line in Swedish or English with the
// right number forms.
import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/format/stylish.js';
import type { Finding, LintResult } from '../../src/lint/run-rules.js';

const finding = (file: string, line: number, severity: Finding['severity'], message: string): Finding => ({ ruleId: 'schema', severity, message, file, line, column: 3 });

function result(findings: Finding[], suppressed: number, files = 2): LintResult {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, summary: { files, entities: files, errors, warnings: findings.length - errors, suppressed } };
}

describe('formatStylish', () => {
  it('groups by file and aligns line:column and severity', () => {
    const text = formatStylish(result([finding('a.yaml', 7, 'error', 'broken'), finding('a.yaml', 12, 'warning', 'odd'), finding('b.yaml', 1, 'error', 'bad')], 0), { language: 'en' });
    expect(text.split('\n')).toEqual([
      '',
      'a.yaml',
      '  7:3   error    broken  schema',
      '  12:3  warning  odd  schema',
      '',
      'b.yaml',
      '  1:3  error    bad  schema',
      '',
      '✖ 3 problems (2 errors, 1 warning)',
      '',
    ]);
  });

  it.each([
    ['en', 1, '✖ 1 problem (1 error, 0 warnings), 1 suppressed by a decided exception'],
    ['en', 2, '✖ 1 problem (1 error, 0 warnings), 2 suppressed by decided exceptions'],
    ['sv', 1, '✖ 1 problem (1 fel, 0 varningar), 1 undertryckt av ett beslutat undantag'],
    ['sv', 3, '✖ 1 problem (1 fel, 0 varningar), 3 undertryckta av beslutade undantag'],
  ] as const)('%s, %i suppressed: the summary in the right number', (language, suppressed, summary) => {
    expect(
      formatStylish(result([finding('a.yaml', 1, 'error', 'x')], suppressed), { language })
        .trimEnd()
        .split('\n')
        .at(-1),
    ).toBe(summary);
  });

  it('says there are no problems, with the file count', () => {
    expect(formatStylish(result([], 0, 14), { language: 'en' })).toBe('No problems (14 files)\n');
    expect(formatStylish(result([], 1, 104), { language: 'sv' })).toBe('Inga problem (104 filer, 1 undertryckt av ett beslutat undantag)\n');
  });
});
