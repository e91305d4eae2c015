// itreg lint [paths…]: load the whole register, run the rules, report findings in the given paths.
import { relative, resolve, sep } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { formatJson } from '../../format/json.js';
import { formatStylish } from '../../format/stylish.js';
import type { Severity } from '../../register/config.js';
import { loadRegister } from '../../register/load.js';
import { runRules, summarize, type LintResult } from '../../lint/run-rules.js';
import { rules, ruleIds, isRuleId } from '../../rules/index.js';
import { nearestName } from '../../util/nearest.js';
import { dateOption, emit, loadConfig, useColor, workingFolder, type GlobalOptions } from '../io.js';

export interface LintCommandOptions extends GlobalOptions {
  readonly format: string;
  readonly date?: string;
  readonly quiet?: boolean;
  readonly output?: string;
  readonly maxWarnings?: string;
  readonly rule?: readonly string[];
}

export const lintFormats = ['stylish', 'json'] as const;

export function parseRuleOverrides(values: readonly string[] = []): Record<string, Severity> {
  const overrides: Record<string, Severity> = {};
  for (const value of values) {
    const [id = '', severity = ''] = value.split('=');
    if (!isRuleId(id)) {
      const near = nearestName(id, ruleIds);
      throw new UsageError(`--rule ${value}: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; see \`itreg rules\``);
    }
    if (severity !== 'off' && severity !== 'warning' && severity !== 'error') {
      throw new UsageError(`--rule ${value}: the severity must be off, warning or error`);
    }
    overrides[id] = severity;
  }
  return overrides;
}

export async function lintCommand(paths: readonly string[], options: LintCommandOptions): Promise<ExitCode> {
  if (!(lintFormats as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${lintFormats.join(', ')}, not "${options.format}"`);
  }
  const maxWarnings = options.maxWarnings === undefined ? -1 : Number(options.maxWarnings);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError('--max-warnings must be a whole number, 0 or more');
  const date = dateOption(options.date);
  const overrides = parseRuleOverrides(options.rule);
  const config = loadConfig(options);
  const loaded = loadRegister(config);
  const full = runRules(loaded, rules, {
    date,
    language: config.language,
    overrides,
    ...(options.debug ? { onRuleCrash: (id: string, error: unknown) => console.error(`[${id}]`, error) } : {}),
  });

  const cwd = workingFolder(options);
  const inPaths = pathFilter(paths, cwd, config.root);
  const findings = full.findings.filter((f) => inPaths(f.file) && (!options.quiet || f.severity === 'error'));
  const result: LintResult = summarize(full, findings);

  const text = options.format === 'json'
    ? formatJson(result)
    : formatStylish(result, { color: useColor(options, options.output !== undefined), language: config.language });
  emit(text, options.output, cwd);

  const { errors, warnings } = result.summary;
  return errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings) ? ExitCode.Findings : ExitCode.Ok;
}

/** Findings in the given files or folders (relative to the working folder); all when none are given. */
function pathFilter(paths: readonly string[], cwd: string, root: string): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((path) => relative(root, resolve(cwd, path)).split(sep).join('/'));
  return (file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}
