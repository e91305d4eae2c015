// itreg incident: what an incident at a supplier or in an application reaches, and the law's reporting deadlines.
import { ExitCode, UsageError } from '../../errors.js';
import { formatIncidentIcs, formatIncidentJson, formatIncidentMarkdown, formatIncidentTable } from '../../format/incident.js';
import { suggestNearest } from '../../i18n/index.js';
import { assessIncident, type IncidentTarget } from '../../insight/incident.js';
import { formatIcsUtc, parseDateTime } from '../../util/zoned-time.js';
import { incidentView } from '../../views/incident.js';
import { currentInstant, emit, openRegister, workingFolder, type CommonOptions } from '../io.js';

export interface IncidentCommandOptions extends CommonOptions {
  readonly supplier?: string;
  readonly application?: string;
  readonly detected?: string;
}

export async function incidentCommand(options: IncidentCommandOptions): Promise<ExitCode> {
  if ((options.supplier === undefined) === (options.application === undefined) || options.detected === undefined) throw new UsageError({ id: 'incidentTarget' });
  const { config, register } = openRegister(options, options.format !== 'json' && options.format !== 'ics');
  const detected = parseDateTime(options.detected, config.timeZone);
  if (detected === undefined) throw new UsageError({ id: 'badDateTime', data: { value: options.detected } });
  let target: IncidentTarget;
  if (options.supplier !== undefined) {
    if (!register.getOf('Supplier', options.supplier))
      throw new UsageError({ id: 'noSupplier', data: { id: options.supplier, suggestion: suggestNearest(options.supplier, register.idsOf('Supplier')) } });
    target = { supplier: options.supplier };
  } else {
    const id = options.application!;
    if (!register.getOf('Application', id)) throw new UsageError({ id: 'noApplication', data: { id, suggestion: suggestNearest(id, register.idsOf('Application')) } });
    target = { application: id };
  }
  const view = incidentView(register, assessIncident(register, target, detected, config.timeZone));
  const language = config.language;
  const text =
    options.format === 'json'
      ? formatIncidentJson(view)
      : options.format === 'md'
        ? formatIncidentMarkdown(view, language)
        : options.format === 'ics'
          ? formatIncidentIcs(view, language, formatIcsUtc(currentInstant().getTime()))
          : formatIncidentTable(view, language);
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}
