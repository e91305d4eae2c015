// --format github: GitHub Actions workflow commands, one annotation per finding, escaped as the runner requires.
import type { Language } from '../i18n/index.js';
import type { LintResult } from '../lint/run-rules.js';
import { visible } from '../util/visible.js';

/** GitHub shows this many error and this many warning annotations per step; the rest are only in the log. */
const GITHUB_ANNOTATION_LIMIT = 10;

const notice = {
  sv: (hidden: number, total: number) =>
    `${hidden} av ${total} fynd visas inte som anteckningar (GitHub visar högst ${GITHUB_ANNOTATION_LIMIT} fel och ${GITHUB_ANNOTATION_LIMIT} varningar per steg); hela listan står i stegets logg, eller kör itreg lint lokalt`,
  en: (hidden: number, total: number) =>
    `${hidden} of ${total} findings are not shown as annotations (GitHub shows at most ${GITHUB_ANNOTATION_LIMIT} errors and ${GITHUB_ANNOTATION_LIMIT} warnings per step); the full list is in this step's log, or run itreg lint locally`,
} as const;

export function formatGithub(result: LintResult, options: { language: Language }): string {
  const lines = result.findings.map((f) => {
    const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`itreg ${f.ruleId}`)}`].join(',');
    return `::${f.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(f.message)}`;
  });
  const { errors, warnings } = result.summary;
  const hidden = Math.max(0, errors - GITHUB_ANNOTATION_LIMIT) + Math.max(0, warnings - GITHUB_ANNOTATION_LIMIT);
  if (hidden > 0) lines.push(`::notice title=itreg::${escapeData(notice[options.language](hidden, errors + warnings))}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * The runner's escapes for `%`, CR and LF, then every other control, line-separator or bidirectional character as a
 * visible escape (`\u0085`, `\u202e`): the runner passes them to the annotation and the log raw, where ESC steers a
 * terminal and NEL or U+2028 starts a line another tool may read as a workflow command.
 */
function escapeData(text: string): string {
  return visible(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
