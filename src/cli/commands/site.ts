// itreg site --output DIR: the register as a static website (HTML, CSS, a script for search), built into a fresh
// folder beside DIR and swapped in, so a half-built or stale site is never published.
import { resolve } from 'node:path';
import { ExitCode, UsageError } from '../../errors.js';
import { translator } from '../../i18n/index.js';
import { checkSiteOutput, writeSite } from '../../site/write.js';
import { checkDate, dateOption, loadConfig, workingFolder, type GlobalOptions } from '../io.js';

export interface SiteCommandOptions extends GlobalOptions {
  readonly output: string;
  readonly redact?: boolean;
  readonly editUrl?: string;
  readonly date?: string;
}

export async function siteCommand(options: SiteCommandOptions): Promise<ExitCode> {
  const cwd = workingFolder(options);
  const output = resolve(cwd, options.output);
  // A link on every page: to the git host's web page for the file, never a script (javascript:) or a local path.
  if (options.editUrl !== undefined && (!options.editUrl.includes('{path}') || !/^https?:\/\/[^/\s]+/i.test(options.editUrl))) throw new UsageError({ id: 'siteEditUrl' });
  checkSiteOutput(output, options.output);
  if (options.date !== undefined) checkDate(options.date, '--date'); // before the register is read
  const config = loadConfig(options);
  const date = dateOption(options.date, config);
  const { pages, count, unread } = await writeSite(config, { output, date, redact: options.redact, editUrl: options.editUrl, buildId: String(process.pid) });

  const t = translator(config.language);
  if (options.redact)
    process.stderr.write(
      `${t({ id: 'siteRedacted', data: { names: { count: count.names, of: 'personalName' }, notes: { count: count.notes, of: 'note' }, numbers: { count: count.identityNumbers, of: 'identityNumber' } } })}\n${
        count.contacts > 0 ? `${t({ id: 'redactedContacts', data: { contacts: { count: count.contacts, of: 'supplierContact' } } })}\n` : ''
      }`,
    );
  process.stderr.write(`${t({ id: 'siteWritten', data: { pages, folder: options.output } })}\n`);
  // Published all the same (the site shows the register as it is, its findings too), but never silently short.
  const [first] = unread;
  if (first) process.stderr.write(`${t({ id: 'siteUnread', data: { files: { count: unread.length, of: 'file' }, location: first.location, problem: first.reason } })}\n`);
  return ExitCode.Ok;
}
