// formatLintOutput(): a lint result in the format asked for; the CI formats name files from the repository's top.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Language } from '../i18n/index.js';
import type { Finding, LintResult } from '../lint/run-rules.js';
import type { LoadedRegister } from '../register/load.js';
import { rules } from '../rules/index.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { plain, type Paint } from './paint.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const lintFormats = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab'] as const;
export type LintFormat = (typeof lintFormats)[number];

/** The formats whose file names are the repository's (CI annotations), wherever itreg.yaml sits in it. */
export const ciFormats: readonly string[] = ['sarif', 'github', 'gitlab', 'junit'];

export interface LintOutputOptions {
  readonly format: string;
  readonly language: Language;
  /** The register linted: SARIF regions end where a line's text ends; JUnit lists every file. */
  readonly loaded: LoadedRegister;
  /** Whether a file was asked about (JUnit lists those). */
  readonly inPaths: (file: string) => boolean;
  /** itreg.yaml's folder from the repository's top ('' or 'sub/folder/'), for the CI formats. */
  readonly prefix: string;
  /** itreg's version, for SARIF's tool. */
  readonly version: string;
  /** Stylish: colours, and the --max-warnings it names. */
  readonly paint?: Paint;
  readonly maxWarnings: number;
  /** The warnings --max-warnings counts, those --quiet leaves out included. */
  readonly countedWarnings?: number;
}

export function formatLintOutput(result: LintResult, options: LintOutputOptions): string {
  const { language, loaded, prefix } = options;
  const root = loaded.config.root;
  const ciResult = withPrefix(result, prefix);
  switch (options.format) {
    case 'json':
      return formatJson(result);
    case 'sarif':
      return formatSarif(ciResult, {
        rules,
        language,
        version: options.version,
        sourceRoot: pathToFileURL(resolve(root, prefix.replace(/[^/]+\//g, '../') || '.')).href.replace(/\/?$/, '/'),
        regionEnd: regionEnds(loaded, prefix),
      });
    case 'junit':
      return formatJunit(ciResult, { files: ['itreg.yaml', ...loaded.files.map((f) => f.path)].filter(options.inPaths).map((path) => prefix + path) });
    case 'github':
      return formatGithub(ciResult, { language });
    case 'gitlab':
      return formatGitlab(ciResult);
    default:
      return formatStylish(result, {
        paint: options.paint ?? plain,
        language,
        maxWarnings: options.maxWarnings,
        ...(options.countedWarnings === undefined ? {} : { countedWarnings: options.countedWarnings }),
      });
  }
}

/** SARIF regions end where the text on the finding's line ends (at least one character after its start). */
function regionEnds(loaded: LoadedRegister, prefix: string): (finding: Finding) => { endLine: number; endColumn: number } {
  // The files by path, their text taken only for a file with a finding (--changed --cache reads a cached file's then).
  const sources = new Map<string, { readonly text: string }>([[prefix + 'itreg.yaml', loaded.config.source], ...loaded.files.map((file) => [prefix + file.path, file] as const)]);
  const lines = new Map<string, string[]>();
  return (finding) => {
    let fileLines = lines.get(finding.file);
    if (fileLines === undefined) {
      fileLines = (sources.get(finding.file)?.text ?? '').split('\n');
      lines.set(finding.file, fileLines);
    }
    const text = (fileLines[finding.line - 1] ?? '').replace(/\s+$/, '');
    return { endLine: finding.line, endColumn: Math.max(text.length + 1, finding.column + 1) };
  };
}

function withPrefix(result: LintResult, prefix: string): LintResult {
  return prefix ? { ...result, findings: result.findings.map((f) => ({ ...f, file: prefix + f.file })) } : result;
}
