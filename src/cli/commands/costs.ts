// itreg costs: the year's shared costs split by population (or an agreed key), to the krona.
import { requireMunicipality } from '../../model/find-municipality.js';
import { ExitCode, RegisterError, UsageError } from '../../errors.js';
import { checkCosts } from '../../costs/check.js';
import { computeCosts } from '../../costs/compute.js';
import {
  formatCostsBill,
  formatCostsBillCsv,
  formatCostsBillJson,
  formatCostsCsv,
  formatCostsExplain,
  formatCostsExplainCsv,
  formatCostsExplainJson,
  formatCostsJson,
  formatCostsTable,
} from '../../format/costs.js';
import { suggestNearest } from '../../i18n/index.js';
import { loadRegister } from '../../register/load.js';
import { RegisterModel } from '../../model/register-model.js';
import { emit, loadConfig, todayFor, workingFolder, type GlobalOptions, visibleRegister } from '../io.js';

export interface CostsCommandOptions extends GlobalOptions {
  readonly year?: string;
  readonly by: string;
  readonly format: string;
  readonly municipality?: string;
  readonly explain?: string;
  readonly output?: string;
  readonly final?: boolean;
}

export async function costsCommand(options: CostsCommandOptions): Promise<ExitCode> {
  const config = loadConfig(options);
  const year = options.year === undefined ? Number(todayFor(config).slice(0, 4)) : Number(options.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new UsageError({ id: 'badYear', data: { value: options.year } });
  const loaded = loadRegister(config);

  // Tables are read by people: register text with control characters made visible; JSON and CSV keep the data.
  const model = new RegisterModel(options.format === 'json' || options.format === 'csv' ? loaded : visibleRegister(loaded));
  const result = computeCosts(model, config, year);
  // The same conditions are lint findings (schema, cost-split); here they stop the bill, since a part would be wrong.
  const { stop, notFinal } = checkCosts(model, result);
  if (stop) throw new RegisterError(stop);
  if (notFinal && options.final) throw new RegisterError(notFinal);

  const language = config.language;
  let text: string;
  if (options.explain !== undefined) {
    const split = result.splits.find((s) => s.item.entity.id === options.explain);
    if (!split)
      throw new UsageError({
        id: 'noCostItem',
        data: {
          id: options.explain,
          year,
          suggestion: suggestNearest(
            options.explain,
            result.splits.map((s) => s.item.entity.id),
          ),
        },
      });
    text =
      options.format === 'json'
        ? formatCostsExplainJson(result, split)
        : options.format === 'csv'
          ? formatCostsExplainCsv(result, split, { language })
          : formatCostsExplain(result, split, { language });
  } else if (options.municipality !== undefined) {
    const municipality = requireMunicipality(model, options.municipality);
    text =
      options.format === 'json'
        ? formatCostsBillJson(result, municipality)
        : options.format === 'csv'
          ? formatCostsBillCsv(result, municipality, { language })
          : formatCostsBill(result, municipality, { language });
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
