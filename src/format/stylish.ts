// --format stylish (the default): findings grouped by file, as ESLint's stylish formatter, and a summary line.
import type { Language } from '../i18n/index.js';
import type { LintResult } from '../lint/run-rules.js';
import { plain, type Paint } from './paint.js';
import { visible } from '../util/visible.js';

export interface StylishOptions {
  readonly paint?: Paint;
  readonly language: Language;
  /** --max-warnings: when the warnings exceed it, a line says so (that is why the exit code is 1). */
  readonly maxWarnings?: number;
  /** The warnings --max-warnings counts, where --quiet left them out of the result. */
  readonly countedWarnings?: number;
}

const words = {
  sv: {
    error: 'fel',
    warning: 'varning',
    problems: (n: number) => `${n} problem`,
    errors: (_n: number) => 'fel',
    warnings: (n: number) => (n === 1 ? 'varning' : 'varningar'),
    suppressed: (n: number) => (n === 1 ? 'undertryckt av ett beslutat undantag' : 'undertryckta av beslutade undantag'),
    baselined: (n: number) => (n === 1 ? 'undertryckt i itreg-suppressions.json' : 'undertryckta i itreg-suppressions.json'),
    unused: (n: number) => (n === 1 ? 'oanvänd post där' : 'oanvända poster där'),
    prune: 'ta bort med itreg lint --prune-suppressions',
    clean: 'Inga problem',
    files: 'filer',
    inPaths: (n: number) => `${n} ${n === 1 ? 'fil' : 'filer'} i de angivna sökvägarna`,
    elsewhere: (e: number, w: number) => `; i registrets andra filer: ${e} fel, ${w} ${w === 1 ? 'varning' : 'varningar'} (itreg lint utan sökvägar visar dem)`,
    tooManyWarnings: (n: number, max: number) => `för många varningar (${n}, högst ${max})`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    problems: (n: number) => `${n} ${n === 1 ? 'problem' : 'problems'}`,
    errors: (n: number) => (n === 1 ? 'error' : 'errors'),
    warnings: (n: number) => (n === 1 ? 'warning' : 'warnings'),
    suppressed: (n: number) => (n === 1 ? 'suppressed by a decided exception' : 'suppressed by decided exceptions'),
    baselined: (_n: number) => 'suppressed in itreg-suppressions.json',
    unused: (n: number) => (n === 1 ? 'unused entry there' : 'unused entries there'),
    prune: 'remove with itreg lint --prune-suppressions',
    clean: 'No problems',
    files: 'files',
    inPaths: (n: number) => `${n} ${n === 1 ? 'file' : 'files'} in the paths given`,
    elsewhere: (e: number, w: number) => `; in the register's other files: ${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'} (itreg lint without paths shows them)`,
    tooManyWarnings: (n: number, max: number) => `too many warnings (${n}, max ${max})`,
  },
} as const;

export function formatStylish(result: LintResult, options: StylishOptions): string {
  const c = options.paint ?? plain;
  const w = words[options.language];
  const { errors, warnings, files } = result.summary;
  const lines: string[] = [];
  const byFile = new Map<string, LintResult['findings'][number][]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push('', c.underline(visible(file)));
    const placeWidth = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    const severityWidth = Math.max(w.error.length, w.warning.length);
    for (const f of findings) {
      const place = `${f.line}:${f.column}`.padEnd(placeWidth);
      const severity = (f.severity === 'error' ? w.error : w.warning).padEnd(severityWidth);
      const coloured = f.severity === 'error' ? c.red(severity) : c.yellow(severity);
      lines.push(`  ${c.dim(place)}  ${coloured}  ${visible(f.message)}  ${c.dim(f.ruleId)}`);
    }
  }
  const total = errors + warnings;
  const tail = summaryTail(result, w);
  // Paths that leave files out: only those were judged, and the register's other files may hold findings.
  const scope = result.summary.scope;
  const elsewhere = scope && scope.otherErrors + scope.otherWarnings > 0 ? w.elsewhere(scope.otherErrors, scope.otherWarnings) : '';
  if (total === 0) {
    const clean = `${w.clean} (${scope ? w.inPaths(scope.files) : `${files} ${w.files}`}${tail})`;
    lines.push(elsewhere === '' ? c.green(clean) : `${c.green(clean)}${c.yellow(elsewhere)}`);
  } else {
    const summary = `✖ ${w.problems(total)} (${errors} ${w.errors(errors)}, ${warnings} ${w.warnings(warnings)}${scope ? `; ${w.inPaths(scope.files)}` : ''})${tail}${elsewhere}`;
    lines.push('', errors > 0 ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
  }
  const counted = options.countedWarnings ?? warnings;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && counted > options.maxWarnings) {
    lines.push(c.bold(c.red(w.tooManyWarnings(counted, options.maxWarnings))));
  }
  return `${lines.join('\n')}\n`;
}

/** ", 2 suppressed by decided exceptions, 40 suppressed in itreg-suppressions.json, 1 unused entry there (training-plan gis): remove with …". */
function summaryTail(result: LintResult, w: (typeof words)[keyof typeof words]): string {
  const { suppressed, baselined = 0 } = result.summary;
  const unused = result.unusedSuppressions ?? [];
  const excepted = suppressed - baselined;
  const parts: string[] = [];
  if (excepted > 0) parts.push(`${excepted} ${w.suppressed(excepted)}`);
  if (baselined > 0) parts.push(`${baselined} ${w.baselined(baselined)}`);
  if (unused.length > 0) {
    const named = unused.slice(0, 3).map((entry) => visible(entry.entity === undefined ? `${entry.rule} ${entry.file}` : `${entry.rule} ${entry.entity}`));
    parts.push(`${unused.length} ${w.unused(unused.length)} (${named.join(', ')}${unused.length > 3 ? ', …' : ''}): ${w.prune}`);
  }
  return parts.map((part) => `, ${part}`).join('');
}
