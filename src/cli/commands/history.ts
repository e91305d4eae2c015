// itreg history [id]: what changed in the register, per entity, with date, author and the fields that changed.
import { join } from 'node:path';
import Table from 'cli-table3';
import { ExitCode } from '../../errors.js';
import { readHistory } from '../../git/history.js';
import { entityHistory, type EntityChange } from '../../insight/history.js';
import { visible } from '../../util/visible.js';
import { countOf, terms } from '../../i18n/terms.js';
import { checkDate, emit, loadConfig, workingFolder, type GlobalOptions } from '../io.js';

export interface HistoryCommandOptions extends GlobalOptions {
  readonly since?: string;
  readonly until?: string;
  readonly format?: string;
  readonly output?: string;
}

const words = {
  sv: {
    date: 'Datum',
    author: 'Vem',
    entity: 'Post',
    what: 'Vad',
    added: 'tillagd',
    removed: 'borttagen',
    changed: 'ändrad',
    renamed: 'flyttad',
    none: 'Inga ändringar.',
    shallow: (n: number, since: string) => `itreg: en grund klon: historiken omfattar bara ${countOf('sv', n, terms.sv.counted.commit)}, från ${since} (\`git fetch --unshallow\` hämtar resten)`,
  },
  en: {
    date: 'Date',
    author: 'Author',
    entity: 'Entity',
    what: 'What',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    renamed: 'moved',
    none: 'No changes.',
    shallow: (n: number, since: string) => `itreg: a shallow clone: history covers only ${countOf('en', n, terms.en.counted.commit)}, from ${since} (\`git fetch --unshallow\` brings the rest)`,
  },
} as const;

export async function historyCommand(id: string | undefined, options: HistoryCommandOptions): Promise<ExitCode> {
  for (const [name, value] of [
    ['--since', options.since],
    ['--until', options.until],
  ] as const) {
    if (value !== undefined) checkDate(value, name);
  }
  const config = loadConfig(options);
  // Whole days in the register's time zone, both ends included.
  const range = { timeZone: config.timeZone, ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) };
  const history = await readHistory(config.root, join(config.root, config.register), range);
  const changes = entityHistory(history.changes, id);
  const w = words[config.language];
  if (history.shallow) process.stderr.write(`${w.shallow(history.shallow.commits, history.shallow.since)}\n`);
  let text: string;
  if (options.format === 'json') {
    text = `${JSON.stringify({ history: changes, ...(history.shallow ? { shallow: history.shallow } : {}) }, null, 2)}\n`;
  } else if (changes.length === 0) {
    text = `${w.none}\n`;
  } else {
    const table = new Table({ head: [w.date, w.author, w.entity, w.what], wordWrap: true, colWidths: [12, 18, 28, 60], style: { head: [], border: [] } });
    for (const change of changes) table.push([change.date, visible(change.author), visible(change.entity), describe(change, w)]);
    text = `${table.toString()}\n`;
  }
  emit(text, options.output, workingFolder(options));
  return ExitCode.Ok;
}

function describe(change: EntityChange, w: (typeof words)[keyof typeof words]): string {
  // Each part made visible on its own: the line breaks between them are the table's, not the register's.
  const fields = change.fields.map((f) => visible(`${f.path}: ${f.from ?? '–'} → ${f.to ?? '–'}`));
  return [visible(`${w[change.change]} (${change.subject})`), ...fields].join('\n');
}
