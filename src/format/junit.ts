// --format junit: JUnit XML as GitLab, Jenkins and Azure read it: a test case per file, a failure per error finding.
import type { LintResult } from '../lint/run-rules.js';

export interface JunitOptions {
  /** Every file linted, so clean files show as passing test cases. */
  readonly files: readonly string[];
}

export function formatJunit(result: LintResult, options: JunitOptions): string {
  const byFile = new Map<string, LintResult['findings'][number][]>(options.files.map((file) => [file, []]));
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const cases: string[] = [];
  let failures = 0;
  for (const [file, findings] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    failures += errors.length > 0 ? 1 : 0;
    const body = [
      ...errors.map((f) => `      <failure message="${attribute(f.message)}" type="${attribute(f.ruleId)}">${escape(`${f.file}:${f.line}:${f.column} ${f.ruleId}: ${f.message}`)}</failure>`),
      ...(warnings.length > 0 ? [`      <system-out>${escape(warnings.map((f) => `warning ${f.file}:${f.line}:${f.column} ${f.ruleId}: ${f.message}`).join('\n'))}</system-out>`] : []),
    ];
    const open = `    <testcase classname="${attribute(file)}" name="${attribute(file)}" file="${attribute(file)}" time="0"`;
    cases.push(body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`);
  }
  const tests = byFile.size;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="itreg" tests="${tests}" failures="${failures}" errors="0">`,
    `  <testsuite name="itreg lint" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** XML text escaping; characters XML 1.0 cannot carry at all are dropped, and a CR kept (a parser turns a raw one into LF). */
function escape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value: a parser normalises a raw newline, CR or tab in one to a space, so they are character references. */
function attribute(text: string): string {
  return escape(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
