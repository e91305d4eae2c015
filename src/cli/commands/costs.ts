// itreg costs: the year's shared costs split by population (or an agreed key), to the krona.
import { ExitCode, RegisterError, UsageError } from '../../errors.js';
import { computeCosts } from '../../costs/compute.js';
import { formatCostsBill, formatCostsCsv, formatCostsExplain, formatCostsJson, formatCostsTable } from '../../format/costs.js';
import { suggestNearest, type Message } from '../../i18n/index.js';
import { loadRegister, type LoadedRegister } from '../../register/load.js';
import { RegisterModel } from '../../register/model.js';
import { locate } from '../../register/positions.js';
import { today } from '../../util/dates.js';
import { emit, loadConfig, workingFolder, type GlobalOptions } from '../io.js';

export interface CostsCommandOptions extends GlobalOptions {
  readonly year?: string;
  readonly by: string;
  readonly format: string;
  readonly municipality?: string;
  readonly explain?: string;
  readonly output?: string;
}

export async function costsCommand(options: CostsCommandOptions): Promise<ExitCode> {
  const year = options.year === undefined ? Number(today().slice(0, 4)) : Number(options.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new UsageError({ id: 'badYear', data: { value: options.year } });
  const config = loadConfig(options);
  const loaded = loadRegister(config);
  refuseBrokenFiles(loaded);

  const model = new RegisterModel(loaded);
  const result = computeCosts(model, config, year);
  const [problem] = result.problems;
  if (problem) {
    // The same condition is a cost-split lint finding; here it stops the bill, since a part would be wrong.
    const source = model.recordOf(problem.entity).source;
    const { line, column } = locate(source, problem.path, problem.target ?? 'value');
    throw new RegisterError({ id: 'costsEntityProblem', data: { location: `${source.path}:${line}:${column}`, problem: problem.message, more: moreProblems(result.problems.length - 1) } });
  }

  const language = config.language;
  let text: string;
  if (options.explain !== undefined) {
    const split = result.splits.find((s) => s.item.entity.id === options.explain);
    if (!split) throw new UsageError({ id: 'noCostItem', data: { id: options.explain, year, suggestion: suggestNearest(options.explain, result.splits.map((s) => s.item.entity.id)) } });
    text = formatCostsExplain(result, split, { language });
  } else if (options.municipality !== undefined) {
    const municipality = model.getOf('Municipality', options.municipality);
    if (!municipality) throw new UsageError({ id: 'noMunicipality', data: { id: options.municipality, suggestion: suggestNearest(options.municipality, model.ofKind('Municipality').map((m) => m.id)) } });
    text = formatCostsBill(result, municipality, { language });
  } else if (options.format === 'json') {
    text = formatCostsJson(result);
  } else if (options.format === 'csv') {
    text = formatCostsCsv(result, options.by === 'municipality' ? 'municipality' : 'item', { language });
  } else {
    text = formatCostsTable(result, options.by === 'municipality' ? 'municipality' : 'item', { language });
  }
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}

/** " (+N; itreg lint lists them all)" for problems beyond the one shown. */
function moreProblems(count: number): Message | undefined {
  return count > 0 ? { id: 'moreProblems', data: { count } } : undefined;
}

/** A cost bill from a register with unreadable or invalid files could silently miss an item: refuse it. */
function refuseBrokenFiles(loaded: LoadedRegister): void {
  const broken = loaded.files.filter((f) => f.syntaxProblems.length > 0).map((f) => ({ file: f.path, ...f.syntaxProblems[0]!.position, message: f.syntaxProblems[0]!.message }));
  for (const record of loaded.records) {
    const issue = record.schemaIssues[0];
    if (issue) broken.push({ file: record.source.path, ...locate(record.source, issue.path, issue.target), message: issue.message });
  }
  const [first] = broken;
  if (first) {
    throw new RegisterError({ id: 'costsNeedCleanRegister', data: { location: `${first.file}:${first.line}:${first.column}`, problem: first.message, more: moreProblems(broken.length - 1) } });
  }
}
