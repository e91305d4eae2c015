// itreg calendar: every coming deadline as iCalendar.
import { requireMunicipality } from '../../model/find-municipality.js';
import { ExitCode, UsageError } from '../../errors.js';
import { suggestNearest } from '../../i18n/index.js';
import { collectDeadlines, formatCalendar } from '../../insight/calendar.js';
import { isCurrentRole } from '../../model/register-model.js';
import { openRegister, dateOption, emit, workingFolder, type CommonOptions } from '../io.js';

export async function calendarCommand(options: CommonOptions & { municipality?: string; ownerUnit?: string }): Promise<ExitCode> {
  const { config, register } = openRegister(options);
  const date = dateOption(options.date, config);
  let deadlines = collectDeadlines(register, config, date, config.language);
  if (options.municipality) {
    requireMunicipality(register, options.municipality);
    deadlines = deadlines.filter((d) => d.municipalities.includes(options.municipality!));
  }
  if (options.ownerUnit) {
    if (!register.getOf('Unit', options.ownerUnit))
      throw new UsageError({
        id: 'noUnit',
        data: {
          id: options.ownerUnit,
          suggestion: suggestNearest(
            options.ownerUnit,
            register.ofKind('Unit').map((u) => u.id),
          ),
        },
      });
    const owned = new Set(
      register
        .ofKind('RoleAssignment')
        .filter((r) => r.role === 'system-owner' && r.holder.unit === options.ownerUnit && isCurrentRole(r, date))
        .map((r) => r.application),
    );
    deadlines = deadlines.filter((d) => d.applications.some((a) => owned.has(a)));
  }
  const stamp = `${date.replace(/-/g, '')}T000000Z`;
  emit(formatCalendar(deadlines, { name: config.name || 'itreg', stamp, language: config.language }), options.output, workingFolder(options));
  return ExitCode.Ok;
}
