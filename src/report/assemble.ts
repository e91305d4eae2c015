// assembleReport() and renderReport(): what `itreg report` computes (the register linted, the trend from git's month
// ends, last year's key figures, the bills) and the view a template renders.
import { requireMunicipality } from '../model/find-municipality.js';
import { join } from 'node:path';
import { ItregError, RegisterError, UsageError } from '../errors.js';
import { readHistory, readSnapshots } from '../git/history.js';
import { tryGit } from '../git/run.js';
import { suggestNearest } from '../i18n/index.js';
import { entityHistory } from '../insight/history.js';
import { runRules } from '../lint/run-rules.js';
import { RegisterModel } from '../model/register-model.js';
import type { Config } from '../register/config.js';
import { buildRecords, loadRegister } from '../register/load.js';
import { parseSource } from '../register/source.js';
import { rules } from '../rules/index.js';
import { daysInMonth } from '../util/dates.js';
import { reportedErrors } from './board.js';
import { computeCompliance } from './compliance.js';
import { reportLabels } from './labels.js';
import { builtInTemplate, renderTemplate } from './render.js';
import { buildApplicationView, buildCostsView, buildYearlyView, reportCosts, type ReportInput } from './view-model.js';

export const BUILT_IN = ['yearly', 'application', 'costs'] as const;

export interface ReportRequest {
  readonly year: number;
  /** The date the register is judged on. */
  readonly date: string;
  /** The template: a built-in name, or anything else for a custom file (then --municipality names no yearly part). */
  readonly template: string;
  readonly municipality?: string;
  /** A bill with an item left out is reported as a draft instead of stopping. */
  readonly draft?: boolean;
  /** A preliminary bill stops the report. */
  readonly final?: boolean;
}

export async function assembleReport(config: Config, request: ReportRequest): Promise<ReportInput> {
  const { year, date, template } = request;
  const language = config.language;
  const loaded = loadRegister(config);
  const register = new RegisterModel(loaded);
  const findings = runRules(register, rules, { date, language }).findings;
  const registerFolder = join(config.root, config.register);

  let history: ReportInput['history'];
  try {
    const read = await readHistory(config.root, registerFolder, { since: `${year}-01-01`, until: `${year}-12-31`, timeZone: config.timeZone });
    history = { changes: entityHistory(read.changes), ...(read.shallow ? { shallow: read.shallow } : {}) };
  } catch (error: unknown) {
    if (!(error instanceof ItregError)) throw error; // not a git repository: the report says so
  }
  const monthEnds = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-${String(daysInMonth(year, m + 1)).padStart(2, '0')}`)
    .filter((end) => end.slice(0, 8) <= date.slice(0, 8))
    // The month the report is judged in ends, for the trend, on the date judged (not on a day still to come).
    .map((end) => (end > date ? date : end));
  const previousEnd = `${year - 1}-12-31`;
  const allSnapshots = history ? await readSnapshots(config.root, registerFolder, [previousEnd, ...monthEnds], config.timeZone) : [];
  const snapshotModel = (snapshot: (typeof allSnapshots)[number]) => {
    const files = snapshot.files.map((f) => parseSource(f.path, f.text));
    return new RegisterModel({ config, files, records: buildRecords(files, config) });
  };
  const only = template === 'yearly' ? request.municipality : undefined;
  if (only !== undefined) requireMunicipality(register, only);
  const trend = allSnapshots
    .filter((snapshot) => snapshot.date !== previousEnd)
    .map((snapshot) => ({ date: snapshot.date, percent: computeCompliance(snapshotModel(snapshot), snapshot.date, only).overall }));
  // The key figures beside the register as committed at the end of the previous year.
  let previous: ReportInput['previous'];
  const last = allSnapshots.find((snapshot) => snapshot.date === previousEnd);
  if (last) {
    const model = snapshotModel(last);
    const compliance = computeCompliance(model, previousEnd, only);
    const errors = reportedErrors(model, runRules(model, rules, { date: previousEnd, language }).findings, only).length;
    previous = { date: previousEnd, compliance: compliance.overall, live: compliance.live, errors };
  }
  const commit = history ? await tryGit(config.root, ['rev-parse', '--short', 'HEAD']) : undefined;
  // The costs exactly as `itreg costs` computes them; a bill with an item left out is no report, only a draft.
  const costs = reportCosts(register, config, year);
  if (costs.check.stop && !request.draft) throw new RegisterError(costs.check.stop);
  if (costs.check.notFinal && request.final) throw new RegisterError(costs.check.notFinal);
  // Last year's bill beside this year's, and next year's (preliminary) when it has items and can be split.
  const lastYear = reportCosts(register, config, year - 1);
  const nextYear = reportCosts(register, config, year + 1);
  return {
    register,
    config,
    year,
    date,
    language,
    findings,
    trend,
    costs,
    ...(lastYear.check.stop ? {} : { lastYearCosts: lastYear.result }),
    ...(nextYear.check.stop || nextYear.result.splits.length === 0 ? {} : { nextYearCosts: nextYear.result }),
    ...(previous ? { previous } : {}),
    ...(only ? { municipality: only } : {}),
    ...(commit ? { commit } : {}),
    ...(history ? { history } : {}),
  };
}

export interface RenderReportOptions {
  /** A built-in template's name, or any other name for `customFile`. */
  readonly template: string;
  /** A custom template's file. */
  readonly customFile?: string;
  /** md, html, or pdf (rendered as HTML). */
  readonly format: string;
  /** An application's id: its sheet. */
  readonly id?: string;
  /** A municipality's id: its cost statement. */
  readonly municipality?: string;
}

/** The template rendered over the view it asks for (a custom template gets the yearly view, the sheet and the statement asked for). */
export function renderReport(input: ReportInput, options: RenderReportOptions): string {
  const { register } = input;
  const { template } = options;
  let view: object | undefined;
  let name = template;
  if (template === 'application') {
    if (!options.id) throw new UsageError({ id: 'reportNeedsId' });
    view = buildApplicationView(input, options.id);
    if (!view)
      throw new UsageError({
        id: 'noApplication',
        data: {
          id: options.id,
          suggestion: suggestNearest(
            options.id,
            register.ofKind('Application').map((a) => a.id),
          ),
        },
      });
  } else if (template === 'costs') {
    if (!options.municipality) throw new UsageError({ id: 'reportNeedsMunicipality' });
    requireMunicipality(register, options.municipality);
    view = buildCostsView(input, options.municipality)!;
  } else {
    // The yearly view; a custom template also gets the sheet or statement asked for.
    const yearly = buildYearlyView(input);
    const application = options.id ? buildApplicationView(input, options.id) : undefined;
    const bill = options.municipality ? buildCostsView(input, options.municipality) : undefined;
    view = { ...yearly, ...(application ? { application } : {}), ...(bill ? { bill } : {}) };
    name = 'yearly';
  }
  const format = options.format === 'md' ? 'md' : 'html';
  const file = options.customFile ?? builtInTemplate(name, format);
  return renderTemplate(file, view, format);
}

/** The footer of every PDF page: the register, the date judged and the commit. */
export function pdfFooter(input: ReportInput): string {
  const t = reportLabels[input.language];
  return [input.config.name, `${t.registerDate} ${input.date}`, input.commit ? `${t.commit} ${input.commit}` : ''].filter(Boolean).join(' · ');
}
