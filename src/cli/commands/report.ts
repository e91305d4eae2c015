// itreg report <template>: the yearly policy report, an application sheet or a municipality's cost statement, as Markdown, HTML or PDF.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { suggestNearest } from '../../i18n/index.js';
import { writeFileAtomic } from '../../register/write.js';
import { assembleReport, BUILT_IN, pdfFooter, renderReport } from '../../report/assemble.js';
import { reportLabels } from '../../report/labels.js';
import { printPdf } from '../../report/pdf.js';
import { assembleProcessingRecord, renderProcessingRecord } from '../../report/processing.js';
import { processingLabels } from '../../report/processing-labels.js';
import { checkDate, emit, loadConfig, todayFor, workingFolder, type GlobalOptions } from '../io.js';

export interface ReportCommandOptions extends GlobalOptions {
  readonly year?: string;
  readonly date?: string;
  readonly format: string;
  readonly out?: string;
  readonly output?: string;
  readonly id?: string;
  readonly municipality?: string;
  readonly unit?: string;
  readonly draft?: boolean;
  readonly final?: boolean;
}

export async function reportCommand(template: string, given: ReportCommandOptions): Promise<ExitCode> {
  // --out is --output's older name, kept for report.
  const options = { ...given, out: given.output ?? given.out };
  const cwd = workingFolder(options);
  if (template === 'processing') return processingReport(options, cwd);
  const builtIn = (BUILT_IN as readonly string[]).includes(template);
  const customFile = builtIn ? undefined : resolve(cwd, template);
  if (customFile && !existsSync(customFile)) {
    throw new UsageError({ id: 'noTemplate', data: { template, suggestion: suggestNearest(template, [...BUILT_IN, 'processing']) } });
  }
  if (options.format === 'pdf' && !options.out) throw new UsageError({ id: 'pdfNeedsOut' });
  if (options.date !== undefined) checkDate(options.date, '--date');
  const config = loadConfig(options);
  const now = todayFor(config);
  const year = options.year === undefined ? Number((options.date ?? now).slice(0, 4)) : Number(options.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new UsageError({ id: 'badYear', data: { value: options.year } });
  // A past year's report describes the register as it stood at the year's end.
  const date = options.date ?? (year < Number(now.slice(0, 4)) ? `${year}-12-31` : now);

  const input = await assembleReport(config, { year, date, template, municipality: options.municipality, draft: options.draft, final: options.final });
  const output = renderReport(input, { template, customFile, format: options.format, id: options.id, municipality: options.municipality });
  if (options.format === 'pdf') {
    // The footer of every page: the register, the date judged and the commit; the page number and count.
    writeFileAtomic(resolve(cwd, options.out!), await printPdf(output, { footer: pdfFooter(input), pageLabel: reportLabels[config.language].pageLabel }));
  } else {
    emit(output, options.out, cwd);
  }
  return ExitCode.Ok;
}

/** itreg report processing [--unit ID]: the record of processing activities (GDPR art. 30.1) per controller. */
async function processingReport(options: ReportCommandOptions, cwd: string): Promise<ExitCode> {
  if (options.format === 'pdf' && !options.out) throw new UsageError({ id: 'pdfNeedsOut' });
  if (options.date !== undefined) checkDate(options.date, '--date');
  const config = loadConfig(options);
  const date = options.date ?? todayFor(config);
  const record = assembleProcessingRecord(config, { date, ...(options.unit !== undefined ? { unit: options.unit } : {}) });
  const output = renderProcessingRecord(record, options.format);
  if (options.format !== 'pdf') emit(output, options.out, cwd);
  else {
    const t = processingLabels[config.language];
    writeFileAtomic(
      resolve(cwd, options.out!),
      await printPdf(output, { footer: [config.name, `${t.registerDate} ${date}`].filter(Boolean).join(' · '), pageLabel: reportLabels[config.language].pageLabel }),
    );
  }
  return ExitCode.Ok;
}
