// itreg report <template>: the yearly policy report, an application sheet or a municipality's cost statement, as Markdown, HTML or PDF.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExitCode, ItregError, RegisterError, UsageError } from '../../errors.js';
import { readHistory, readSnapshots } from '../../git/history.js';
import { tryGit } from '../../git/run.js';
import { entityHistory } from '../../insight/history.js';
import { runRules } from '../../lint/run-rules.js';
import { buildRecords, loadRegister } from '../../register/load.js';
import { RegisterModel } from '../../model/register-model.js';
import { parseSource } from '../../register/source.js';
import { writeFileAtomic } from '../../register/write.js';
import { reportedErrors } from '../../report/board.js';
import { computeCompliance } from '../../report/compliance.js';
import { reportLabels } from '../../report/labels.js';
import { printPdf } from '../../report/pdf.js';
import { builtInTemplate, renderTemplate } from '../../report/render.js';
import { buildApplicationView, buildCostsView, buildYearlyView, reportCosts, type ReportInput } from '../../report/view-model.js';
import { rules } from '../../rules/index.js';
import { daysInMonth } from '../../util/dates.js';
import { suggestNearest } from '../../i18n/index.js';
import { checkDate, emit, loadConfig, todayFor, workingFolder, type GlobalOptions } from '../io.js';

export interface ReportCommandOptions extends GlobalOptions {
  readonly year?: string;
  readonly date?: string;
  readonly format: string;
  readonly out?: string;
  readonly output?: string;
  readonly id?: string;
  readonly municipality?: string;
  readonly draft?: boolean;
  readonly final?: boolean;
}

const BUILT_IN = ['yearly', 'application', 'costs'] as const;

export async function reportCommand(template: string, given: ReportCommandOptions): Promise<ExitCode> {
  // --out is --output's older name, kept for report.
  const options = { ...given, out: given.output ?? given.out };
  const cwd = workingFolder(options);
  const builtIn = (BUILT_IN as readonly string[]).includes(template);
  const customFile = builtIn ? undefined : resolve(cwd, template);
  if (customFile && !existsSync(customFile)) {
    throw new UsageError({ id: 'noTemplate', data: { template, suggestion: suggestNearest(template, BUILT_IN) } });
  }
  if (options.format === 'pdf' && !options.out) throw new UsageError({ id: 'pdfNeedsOut' });
  if (options.date !== undefined) checkDate(options.date, '--date');
  const config = loadConfig(options);
  const now = todayFor(config);
  const year = options.year === undefined ? Number((options.date ?? now).slice(0, 4)) : Number(options.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new UsageError({ id: 'badYear', data: { value: options.year } });
  // A past year's report describes the register as it stood at the year's end.
  const date = options.date ?? (year < Number(now.slice(0, 4)) ? `${year}-12-31` : now);

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
  const monthEnds = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-${String(daysInMonth(year, m + 1)).padStart(2, '0')}`).filter((end) => end.slice(0, 8) <= date.slice(0, 8));
  const previousEnd = `${year - 1}-12-31`;
  const allSnapshots = history ? await readSnapshots(config.root, registerFolder, [previousEnd, ...monthEnds], config.timeZone) : [];
  const snapshotModel = (snapshot: (typeof allSnapshots)[number]) => {
    const files = snapshot.files.map((f) => parseSource(f.path, f.text));
    return new RegisterModel({ config, files, records: buildRecords(files, config) });
  };
  const only = template === 'yearly' ? options.municipality : undefined;
  if (only !== undefined && !register.getOf('Municipality', only)) {
    throw new UsageError({ id: 'noMunicipality', data: { id: only, suggestion: suggestNearest(only, register.ofKind('Municipality').map((m) => m.id)) } });
  }
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
  if (costs.check.stop && !options.draft) throw new RegisterError(costs.check.stop);
  if (costs.check.notFinal && options.final) throw new RegisterError(costs.check.notFinal);
  // Last year's bill beside this year's, and next year's (preliminary) when it has items and can be split.
  const lastYear = reportCosts(register, config, year - 1);
  const nextYear = reportCosts(register, config, year + 1);
  const input: ReportInput = {
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

  let view: object | undefined;
  let name = template;
  if (template === 'application') {
    if (!options.id) throw new UsageError({ id: 'reportNeedsId' });
    view = buildApplicationView(input, options.id);
    if (!view) throw new UsageError({ id: 'noApplication', data: { id: options.id, suggestion: suggestNearest(options.id, register.ofKind('Application').map((a) => a.id)) } });
  } else if (template === 'costs') {
    if (!options.municipality) throw new UsageError({ id: 'reportNeedsMunicipality' });
    view = buildCostsView(input, options.municipality);
    if (!view) throw new UsageError({ id: 'noMunicipality', data: { id: options.municipality, suggestion: suggestNearest(options.municipality, register.ofKind('Municipality').map((m) => m.id)) } });
  } else {
    // The yearly view; a custom template also gets the sheet or statement asked for.
    const yearly = buildYearlyView(input);
    const application = options.id ? buildApplicationView(input, options.id) : undefined;
    const bill = options.municipality ? buildCostsView(input, options.municipality) : undefined;
    view = { ...yearly, ...(application ? { application } : {}), ...(bill ? { bill } : {}) };
    name = 'yearly';
  }
  const format = options.format === 'md' ? 'md' : 'html';
  const file = customFile ?? builtInTemplate(name, format);
  const output = renderTemplate(file, view, format);
  if (options.format === 'pdf') {
    // The footer of every page: the register, the date judged and the commit; the page number and count.
    const t = reportLabels[language];
    const footer = [config.name, `${t.registerDate} ${date}`, commit ? `${t.commit} ${commit}` : ''].filter(Boolean).join(' · ');
    writeFileAtomic(resolve(cwd, options.out!), await printPdf(output, { footer, pageLabel: t.pageLabel }));
  } else {
    emit(output, options.out, cwd);
  }
  return ExitCode.Ok;
}
