// itreg suppliers [id]: who depends on each supplier, highest consequence first, concentrations named at the top.
import { ExitCode, UsageError } from '../../errors.js';
import { formatSuppliersJson, formatSuppliersMarkdown, formatSuppliersTable } from '../../format/suppliers.js';
import { suggestNearest } from '../../i18n/index.js';
import { rankSuppliers } from '../../insight/suppliers.js';
import { supplierView } from '../../views/supplier.js';
import { dateOption, emit, openRegister, workingFolder, type CommonOptions } from '../io.js';

export async function suppliersCommand(id: string | undefined, options: CommonOptions): Promise<ExitCode> {
  const { config, register } = openRegister(options, options.format !== 'json' && options.format !== 'md');
  const date = dateOption(options.date, config);
  if (id !== undefined && !register.getOf('Supplier', id)) {
    throw new UsageError({ id: 'noSupplier', data: { id, suggestion: suggestNearest(id, register.idsOf('Supplier')) } });
  }
  const ranked = rankSuppliers(register, date).filter((e) => id === undefined || e.supplier.id === id);
  const views = ranked.map((e) => supplierView(register, e, date, config.classificationLevels));
  const text =
    options.format === 'json' ? formatSuppliersJson(views) : options.format === 'md' ? formatSuppliersMarkdown(views, config.language, date) : formatSuppliersTable(views, config.language, date);
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}
