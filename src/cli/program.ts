// The commander program: every command, option and help text (English here, Swedish from help-sv.ts), with the
// command modules imported lazily.
import { Command, Help, Option } from 'commander';
import { UsageError, type ExitCode } from '../errors.js';
import type { Language } from '../i18n/index.js';
import { packageVersion } from '../util/paths.js';
import { examplesSv, helpSv, translatePlaceholders } from './help-sv.js';
import type { GlobalOptions } from './io.js';

const examplesEn = `
Examples:
  $ itreg lint                                   check the whole register (exit 1 on errors)
  $ itreg lint register/applications --quiet     only errors, only in that folder
  $ itreg lint --format json --date 2026-12-31   findings as JSON, judged on a given date
  $ itreg rules                                  every rule and the policy text it enforces
  $ itreg rules agreement-expiry                 one rule in full
  $ itreg costs --year 2026                      shared costs split by population
  $ itreg opportunities                          where collaboration is due, by the policy's triggers
  $ itreg show gis                               one application with its roles, agreements, costs and findings
  $ itreg report yearly --format pdf --out r.pdf the yearly policy report for the municipal boards

Exit codes: 0 success, 1 lint found errors (or too many warnings), 2 usage, configuration or internal error.
`;

export type Action = () => Promise<ExitCode>;

/**
 * The commander program. Descriptions and help are in `language` (English text in the code, Swedish from
 * help-sv.ts); actions import their command module only when run.
 */
export function buildProgram(run: (action: Action) => Promise<void>, language: Language = 'en'): Command {
  const d = (text: string): string => (language === 'sv' ? (helpSv[text] ?? text) : text);
  const program = new Command('itreg')
    .description(d('Lint, cost split and reports over the git-versioned IT governance register of a municipal cooperation.'))
    .version(packageVersion, '-v, --version', d('print the version'))
    .helpOption('-h, --help', d('display help for command'))
    .helpCommand('help [command]', d('display help for command'))
    .option('-C, --cwd <dir>', d('run as if started in <dir>'))
    .option('-c, --config <file>', d('use this itreg.yaml instead of searching upwards'))
    .addOption(new Option('--lang <lang>', d("language of messages and reports (default: itreg.yaml's)")).choices(['sv', 'en']))
    .option('--no-color', d('never colour the output'))
    .option('--debug', d('show stack traces of internal errors'))
    .addHelpText('after', language === 'sv' ? examplesSv : examplesEn)
    .configureHelp({
      styleTitle: (title) => d(title),
      // The usage line and the terms in Swedish: "itreg lint [flaggor] [sökvägar...]", "--cwd <mapp>".
      styleOptionText: (text) => (language === 'sv' ? translatePlaceholders(text) : text),
      styleArgumentText: (text) => (language === 'sv' ? translatePlaceholders(text) : text),
      styleSubcommandText: (text) => (language === 'sv' ? translatePlaceholders(text) : text),
      // Commander's own "(choices: …, default: …)" after an option's description.
      optionDescription(option) {
        const text = Help.prototype.optionDescription.call(this, option);
        return language === 'sv' ? text.replace(/\((choices: .*?)?(, )?(default: .*)?\)$/, (whole) => whole.replace('choices: ', 'val: ').replace('default: ', 'standard: ')) : text;
      },
    })
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      // Commander's errors are printed by main(), as one line in the CLI's language like every other itreg error.
      outputError: () => {},
    });

  const globals = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

  program
    .command('lint')
    .description(d('check the register against the schemas and the IT policy rules'))
    .argument('[paths...]', d('report only findings in these files or folders (the whole register is still loaded)'))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab']).default('stylish'))
    .option('--changed', d('report what the changes since --base broke: findings in changed files (committed, staged, unstaged, untracked) and new findings elsewhere'))
    .option('--staged', d('judge the commit about to be made, as the git hook does: the staged files against HEAD; changes not staged and untracked files are left out'))
    .option(
      '--pre-commit',
      d('as the pre-commit framework runs it: --changed --base HEAD, and the file names given count as changed (all of them: the whole register); names outside the register are left out'),
    )
    .option('--base <ref>', d('with --changed: compare with the merge base of this ref (default: the upstream branch, else HEAD)'))
    .option('--date <YYYY-MM-DD>', d('judge "current" and "overdue" on this date (default: today)'))
    .option('-q, --quiet', d('report errors only'))
    .option('-o, --output <file>', d('write the report to a file instead of stdout'))
    .option('--max-warnings <n>', d('exit 1 when there are more warnings than this'))
    .option('--rule <id=severity...>', d("override a rule's severity (off, warning, error); repeatable"))
    .option('--cache', d('keep parse results by content hash, so unchanged files are not parsed again'))
    .option('--cache-location <file>', d('where --cache keeps them (default: node_modules/.cache/itreg/ below itreg.yaml)'))
    .option('--suppress-all', d('record every current finding in itreg-suppressions.json as the starting line (exit 0); later runs report only the rest'))
    .option('--prune-suppressions', d('remove the entries of itreg-suppressions.json whose finding is gone'))
    .option('--fix', d('make the fixes that cannot change a meaning (damaged text, a file named after its id, the schema line), then report what remains'))
    .option('--fix-dry-run', d('print the fixes --fix would make as a unified diff; write nothing'))
    .option('--stdin', d('lint the text on standard input as the file --stdin-filename names'))
    .option('--stdin-filename <path>', d('the register file the text on standard input is linted as'))
    .option('--print-config', d('print the configuration in force as JSON (every rule with its severity and options) and lint nothing'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg lint
  $ itreg lint --format json --output lint.json
  $ itreg lint --rule documentation=off --max-warnings 0
  $ itreg lint --changed --base origin/main --format sarif --output itreg.sarif
  $ itreg lint --changed --format github
  $ itreg lint --staged
  $ itreg lint --pre-commit register/roles/gis-systemagare.yaml
  $ itreg lint --suppress-all
  $ itreg lint --prune-suppressions
  $ itreg lint --fix-dry-run
  $ itreg lint --stdin --stdin-filename register/applications/gis.yaml < gis.yaml
  $ itreg lint --print-config`,
    )
    .action((paths: string[], _options: unknown, command: Command) => run(async () => (await import('./commands/lint.js')).lintCommand(paths, globals(command) as never)));

  program
    .command('rules')
    .description(d('list the rules with their severities and the policy text each enforces'))
    .argument('[id]', d('show one rule in full'))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['table', 'json']).default('table'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg rules
  $ itreg rules training-plan --lang en`,
    )
    .action((id: string | undefined, _options: unknown, command: Command) => run(async () => (await import('./commands/rules.js')).rulesCommand(id, globals(command))));

  program
    .command('lsp')
    .description(d('run the language server (LSP over stdin and stdout) for editors: lint findings as you type, hover, go to definition and completion of references'))
    .option('--stdio', d('talk over stdin and stdout (the default and only transport; accepted for clients that pass it)'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg lsp
  $ itreg lsp --debug   ${d('(logs the time each change takes, on stderr)')}`,
    )
    .action((_options: unknown, command: Command) => run(async () => (await import('./commands/lsp.js')).lspCommand(globals(command))));

  program
    .command('costs')
    .description(d("split the year's shared costs over the municipalities, by population unless agreed otherwise"))
    .option('-y, --year <year>', d('the budget year (default: this year)'))
    .addOption(new Option('--by <view>', d('one row per item, or per municipality')).choices(['item', 'municipality']).default('item'))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['table', 'json', 'csv']).default('table'))
    .option('-m, --municipality <id>', d("one municipality's bill: each item, its key and the share behind the amount"))
    .option('--explain <item>', d('how one item was split: weights, exact quotas, floors, remainders, leftover units'))
    .option('--final', d("refuse preliminary items (split by an earlier year's population): exit 2"))
    .option('-o, --output <file>', d('write to a file instead of stdout'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg costs --year 2026
  $ itreg costs --year 2026 --by municipality
  $ itreg costs --year 2026 --municipality amal
  $ itreg costs --year 2026 --explain pa-lon-uppgradering-2026
  $ itreg costs --year 2026 --format csv --output kostnader-2026.csv
  $ itreg costs --year 2027 --municipality amal --format json
  $ itreg costs --year 2027 --final`,
    )
    .action((_options: unknown, command: Command) => run(async () => (await import('./commands/costs.js')).costsCommand(globals(command) as never)));

  program
    .command('new')
    .description(d('write a new entity file from the schema, with the schema line for editor completion'))
    .argument('<kind>', d('Municipality, Unit, Application, RoleAssignment, Agreement, TrainingPlan, Investment, Document, Processing or Supplier'))
    .argument('<id>', d('the new id (lower-case letters, digits, hyphens); the file is <id>.yaml'))
    .option('-s, --set <key=value...>', d('a field value (dotted keys for nested fields; the value is read as a YAML scalar or [list])'))
    .option('--dir <folder>', d("write into this folder instead of the kind's conventional one"))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg new application gis --set name="GIS och kartsystem" --set type=business --set "municipalities=[fargelanda, mellerud]"
  $ itreg new role-assignment gis-systemagare --set role=system-owner --set application=gis --set "holder.title=Plan- och byggchef"`,
    )
    .action((kind: string, id: string, _options: unknown, command: Command) => run(async () => (await import('./commands/new.js')).newCommand(kind, id, globals(command))));

  program
    .command('import')
    .description(d('entities from a spreadsheet the cooperation already keeps (.xlsx or .csv): one file per new row, never overwriting; with --update, the changed cells of a sheet from export --map'))
    .argument('<file>', d('the .xlsx or .csv file (CSV: UTF-8 or Windows-1252, ; or , between the columns)'))
    .requiredOption('-m, --map <mapping.yaml>', d('the mapping: column → field, value translations, constants, ids, rows to skip'))
    .option('-k, --kind <kind>', d('what each row becomes (default: kind in the mapping), e.g. application'))
    .option('--sheet <name>', d("the sheet of an .xlsx file (default: the mapping's, else the first)"))
    .option('--update', d('rows from itreg export --map: change the existing files where a cell was changed (only the mapped fields)'))
    .option('--create-units', d("make a unit (a department of the row's municipality) that a cell names and the register lacks"))
    .option('--dry-run', d('write nothing; report what would be written, changed, skipped and refused'))
    .option('--date <YYYY-MM-DD>', d('the "from" date of the roles a row creates, and the day a replaced role ends (default: today)'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg import systemforteckning.xlsx --kind application --map mapping.yaml --dry-run
  $ itreg import applikationer.xlsx --map applikationer.yaml --update --dry-run
  $ itreg import systemforteckning.xlsx --kind application --map mapping.yaml --sheet "Åmål"
  $ itreg import kommuner.csv --kind municipality --map kommuner.yaml
  $ itreg init it-register --from systemforteckning.xlsx --map mapping.yaml

${d('Exit codes: 0 every row imported, changed, unchanged or skipped, 1 a row could not be imported or was in conflict, 2 a wrong option, file or mapping.')}`,
    )
    .action((file: string, _options: unknown, command: Command) => run(async () => (await import('./commands/import.js')).importCommand(file, globals(command) as never)));

  program
    .command('init')
    .description(d('create a new register: itreg.yaml, one example per kind, the schemas, a package.json pinning itreg, CI files and the pre-commit hook'))
    .argument('[dir]', d('the folder (default: the working folder); existing files are never overwritten'))
    .option('--name <name>', d("the cooperation's name in itreg.yaml (default: the folder name)"))
    .option('--from <file>', d('fill the register from this spreadsheet (.xlsx or .csv) instead of the examples; needs --map'))
    .option('-m, --map <mapping.yaml>', d('with --from: the mapping (see itreg import --help)'))
    .option('-k, --kind <kind>', d('with --from: what each row becomes (default: kind in the mapping)'))
    .option('--sheet <name>', d('with --from: the sheet of an .xlsx file'))
    .option('--create-units', d('with --from: make the units the sheet names (see itreg import --help)'))
    .option('--itreg-source <spec>', d("the itreg the register's package.json pins: a version, a git URL, a tarball or a folder (default: this itreg, copied into vendor/)"))
    .option('--force', d("let the repository's itreg pre-commit hook check this register instead of the one it checks"))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg init it-register --name "Dalslandskommunerna"
  $ cd it-register && npm install && itreg lint
  $ itreg init governance --itreg-source git+https://example.org/itreg.git#v0.1.0
  $ itreg init governance --itreg-source ../itreg-0.2.0.tgz
  $ itreg init amal-register --from systemforteckning.xlsx --map mapping.yaml`,
    )
    .action((dir: string | undefined, _options: unknown, command: Command) => run(async () => (await import('./commands/init.js')).initCommand(dir, globals(command))));

  program
    .command('hook')
    .description(d('install or remove the git pre-commit hook that runs itreg lint --staged'))
    .argument('<action>', d('install or uninstall'))
    .option('--force', d("replace another tool's pre-commit hook"))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg hook install
  $ itreg hook uninstall`,
    )
    .action((action: string, _options: unknown, command: Command) => run(async () => (await import('./commands/hook.js')).hookCommand(action, globals(command))));

  program
    .command('report')
    .description(d("the yearly policy report, an application sheet, a municipality's cost statement or the record of processing (Markdown, HTML with charts, PDF)"))
    .argument('<template>', d('yearly, application, costs, processing, or the path of your own .hbs template'))
    .option('-y, --year <year>', d('the year reported on (default: the year of --date)'))
    .option('--date <YYYY-MM-DD>', d('judge the register on this date (default: today; 31 December for a past year)'))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['md', 'html', 'pdf']).default('html'))
    .option('-o, --output <file>', d('write to this file (required for pdf; default stdout)'))
    .option('--out <file>', d('the same as --output'))
    .option('--id <application>', d('the application, for the application sheet'))
    .option('-m, --municipality <id>', d('the municipality: its cost statement (report costs), or the yearly report of its applications and its bill (report yearly)'))
    .option('--unit <id>', d('the controller (a unit), for the record of processing (report processing)'))
    .option('--draft', d('render even when cost items cannot be split: a banner on the first page lists what is left out'))
    .option('--final', d("refuse preliminary items (split by an earlier year's population): exit 2"))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg report yearly --year 2026 --output arsrapport-2026.html
  $ itreg report yearly --year 2026 --format pdf --output arsrapport-2026.pdf
  $ itreg report yearly --lang en --format md
  $ itreg report application --id gis --format pdf --out gis.pdf
  $ itreg report costs --municipality amal --year 2026
  $ itreg report yearly --municipality amal --format pdf --output arsrapport-amal.pdf
  $ itreg report processing --format pdf --output registerforteckning.pdf
  $ itreg report processing --unit socialforvaltningen-amal --format md
  $ itreg report ./min-mall.hbs --id gis
  $ itreg report yearly --draft --out utkast.html`,
    )
    .action((template: string, _options: unknown, command: Command) => run(async () => (await import('./commands/report.js')).reportCommand(template, globals(command) as never)));

  program
    .command('opportunities')
    .description(d("collaboration candidates by the policy's four triggers (agreements running out, poor fit, competence risk, the same product)"))
    .option('--date <YYYY-MM-DD>', d('judge on this date (default: today)'))
    .option('--months <n>', d('horizon for notice deadlines'), '12')
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['table', 'json', 'md']).default('table'))
    .option('-o, --output <file>', d('write to a file instead of stdout'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg opportunities
  $ itreg opportunities --months 24 --format md --output samverkan.md`,
    )
    .action((_options: unknown, command: Command) => run(async () => (await import('./commands/opportunities.js')).opportunitiesCommand(globals(command))));

  program
    .command('list')
    .description(d('list the entities of one kind, filtered and sorted'))
    .argument('<kind>', d('municipalities, units, applications, roles, agreements, training, investments, documents, processing or suppliers'))
    .option('-w, --where <field=value...>', d('keep entities whose (dotted) field has this value; several are ANDed'))
    .option('--sort <field>', d('sort by this (dotted) field'), 'id')
    .option('--date <YYYY-MM-DD>', d('judge on this date (default: today)'))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['table', 'json', 'csv']).default('table'))
    .option('-o, --output <file>', d('write to a file instead of stdout'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg list applications --where municipalities=amal --where type=business
  $ itreg list roles --where role=system-owner --sort holder.unit --format csv`,
    )
    .action((kind: string, _options: unknown, command: Command) => run(async () => (await import('./commands/list.js')).listCommand(kind, globals(command))));

  program
    .command('show')
    .description(d('one entity and everything that refers to it: roles, agreements, plans, costs, findings, exceptions'))
    .argument('<id>', d("the entity's id"))
    .option('--date <YYYY-MM-DD>', d('judge on this date (default: today)'))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', d('write to a file instead of stdout'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg show gis
  $ itreg show telefoni --format json`,
    )
    .action((id: string, _options: unknown, command: Command) => run(async () => (await import('./commands/show.js')).showCommand(id, globals(command))));

  program
    .command('history')
    .description(d('what changed in the register, per entity, with date, author and the fields that changed (from git)'))
    .argument('[id]', d('one entity, and the entities that refer to it'))
    .option('--since <YYYY-MM-DD>', d('changes from this date'))
    .option('--until <YYYY-MM-DD>', d('changes up to this date'))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['table', 'json']).default('table'))
    .option('-o, --output <file>', d('write to a file instead of stdout'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg history gis
  $ itreg history --since 2026-01-01 --format json`,
    )
    .action((id: string | undefined, _options: unknown, command: Command) => run(async () => (await import('./commands/history.js')).historyCommand(id, globals(command))));

  program
    .command('calendar')
    .description(d('every coming deadline as an iCalendar file: notice deadlines, agreement ends, reviews, restore tests, exception ends, introductions'))
    .option('--date <YYYY-MM-DD>', d('deadlines from this date (default: today)'))
    .option('-m, --municipality <id>', d('only deadlines that concern this municipality'))
    .option('--owner-unit <id>', d('only deadlines of applications whose system owner sits in this unit'))
    .option('-o, --output <file>', d('write to a file instead of stdout'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg calendar --output itreg.ics
  $ itreg calendar --owner-unit kultur-bengtsfors --output kultur.ics`,
    )
    .action((_options: unknown, command: Command) => run(async () => (await import('./commands/calendar.js')).calendarCommand(globals(command))));

  program
    .command('suppliers')
    .description(d('each supplier with the applications that depend on it (as vendor, agreement party or sub-processor), highest consequence first; a concentration is named at the top'))
    .argument('[id]', d('one supplier'))
    .option('--date <YYYY-MM-DD>', d('judge on this date (default: today)'))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['table', 'json', 'md']).default('table'))
    .option('-o, --output <file>', d('write to a file instead of stdout'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg suppliers
  $ itreg suppliers nordisk-datahall --format json`,
    )
    .action((id: string | undefined, _options: unknown, command: Command) => run(async () => (await import('./commands/suppliers.js')).suppliersCommand(id, globals(command))));

  program
    .command('incident')
    .description(d("what an incident at a supplier or in an application affects, who owns it, and the deadlines to report it (CSIRT, IMY) in the register's time zone"))
    .option('--supplier <id>', d('the supplier where the incident happened'))
    .option('--application <id>', d('the application where the incident happened'))
    .option('--detected <date-time>', d("when it was detected: 2026-03-28T10:00 in the register's time zone, or with Z or an offset"))
    .addOption(new Option('-f, --format <format>', d('output format')).choices(['table', 'json', 'md', 'ics']).default('table'))
    .option('-o, --output <file>', d('write to a file instead of stdout'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg incident --supplier nordisk-datahall --detected 2026-03-28T10:00
  $ itreg incident --application pa-lon --detected "2026-01-31 08:30" --format ics --output incident.ics`,
    )
    .action((_options: unknown, command: Command) => run(async () => (await import('./commands/incident.js')).incidentCommand(globals(command))));

  program
    .command('export')
    .description(d("the register as one JSON document or one CSV per kind, for publication and other tools; with --map, a spreadsheet in the municipality's own layout"))
    .addOption(new Option('-f, --format <format>', d("output format (default: json; with --map, from the --output file's extension)")).choices(['json', 'csv', 'xlsx']))
    .option('-m, --map <mapping.yaml>', d('an import mapping: write its kind in its columns, with itreg-id and itreg-digest, for import --update'))
    .option('--date <YYYY-MM-DD>', d("the day judged (default: today): the agreements' states and the parts in the JSON's views; with --map, the owner and administrator of that day"))
    .option('--redact', d('remove personal names (holder.name), notes and personal identity numbers, and say what was removed'))
    .option('--out-dir <folder>', d('with --format csv: the folder for the CSV files'))
    .option('-o, --output <file>', d('with --format json: write to a file instead of stdout; with --map: the .xlsx or .csv file to write'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg export --redact --output register.json
  $ itreg export --format csv --out-dir export/
  $ itreg export --map applikationer.yaml --output applikationer.xlsx`,
    )
    .action((_options: unknown, command: Command) => run(async () => (await import('./commands/export.js')).exportCommand(globals(command))));

  program
    .command('site')
    .description(d('the register as a static website for people who never use git: searchable, a page per application, municipality, unit, agreement and document'))
    .requiredOption('-o, --output <dir>', d('the folder to write the site to (replaced if itreg made it)'))
    .option('--redact', d('remove personal names (holder.name), notes and personal identity numbers, as export --redact'))
    .option('--edit-url <template>', d('a "propose a change" link to each entity\'s file: a URL with {path}'))
    .option('--date <YYYY-MM-DD>', d('judge on this date (default: today)'))
    .addHelpText(
      'after',
      `
${d('Examples:')}
  $ itreg site --output public
  $ itreg site --output public --redact --edit-url 'https://github.com/dalsland/itreg-register/edit/main/{path}'
  $ itreg site --output site-en --lang en --date 2026-12-31`,
    )
    .action((_options: unknown, command: Command) => run(async () => (await import('./commands/site.js')).siteCommand(globals(command) as never)));

  refuseRepeatedOptions(program);
  return program;
}

/**
 * An option that takes one value, given twice (`--format json --format sarif`), is a usage error: commander would
 * silently keep the last. Repeatable options (`--rule`, `--set`) are variadic and not counted.
 */
function refuseRepeatedOptions(command: Command): void {
  for (const option of command.options) {
    if (option.variadic || !(option.required || option.optional)) continue;
    let given = 0;
    command.on(`option:${option.name()}`, () => {
      given += 1;
      if (given > 1) throw new UsageError({ id: 'optionRepeated', data: { option: option.long ?? option.flags } });
    });
  }
  for (const sub of command.commands) refuseRepeatedOptions(sub);
}
