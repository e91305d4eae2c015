// itreg site --output DIR: the register as a static website (HTML, CSS, a script for search), built into a fresh
// folder beside DIR and swapped in, so a half-built or stale site is never published.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, writeSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ExitCode, ItregError, UsageError } from '../../errors.js';
import { headCommit } from '../../git/commit.js';
import { readHistory } from '../../git/history.js';
import { findRepository } from '../../git/run.js';
import { translator } from '../../i18n/index.js';
import { entityHistory } from '../../insight/history.js';
import { maskIdentityNumbers, redactEntity, type RedactionCount } from '../../insight/export.js';
import { runRules, type Finding } from '../../lint/run-rules.js';
import type { Config } from '../../register/config.js';
import { loadRegister } from '../../register/load.js';
import { RegisterModel } from '../../register/model.js';
import { reportLabels } from '../../report/labels.js';
import { renderTemplate } from '../../report/render.js';
import { rules } from '../../rules/index.js';
import { siteAssets, sitePartial, siteTemplate } from '../../site/assets.js';
import { buildSite, navKeys, navPages, rootOf } from '../../site/build.js';
import { siteLabels } from '../../site/labels.js';
import { searchIndexScript } from '../../site/search.js';
import { dateOption, loadConfig, workingFolder, type GlobalOptions } from '../io.js';

export interface SiteCommandOptions extends GlobalOptions {
  readonly output: string;
  readonly redact?: boolean;
  readonly editUrl?: string;
  readonly date?: string;
}

/** Stands for an application table's rows in its page, which are written after it in parts. */
const ROWS = `\u0000rows-${randomUUID()}\u0000`;
const ROWS_AT_A_TIME = 250;
const rowsMarker = { 'site/app-row': (_row: unknown, options?: { data?: { first?: boolean } }) => (options?.data?.first ? `${ROWS}\n` : '') };

/** Marks a folder as a site itreg wrote, so a later run may replace it (and nothing else). */
const MARKER = '.itreg-site';

/**
 * The register read and linted, and the model the pages are built from. With --redact that is a copy without
 * holder.name and notes, identity numbers masked, and the original model is garbage once the findings are made:
 * nothing outside this function holds it, so the site does not carry two registers through 4,000 pages.
 */
function readAndLint(config: Config, date: string, redact: boolean, count: RedactionCount): { findings: readonly Finding[]; shown: RegisterModel } {
  const loaded = loadRegister(config);
  const register = new RegisterModel(loaded);
  const findings = runRules(register, rules, { date, language: config.language }).findings;
  if (!redact) return { findings, shown: register };
  return { findings, shown: new RegisterModel({ ...loaded, records: loaded.records.map((r) => ({ ...r, data: redactEntity(r.data, count) })) }) };
}

export async function siteCommand(options: SiteCommandOptions): Promise<ExitCode> {
  const cwd = workingFolder(options);
  const output = resolve(cwd, options.output);
  if (options.editUrl !== undefined && !options.editUrl.includes('{path}')) throw new UsageError({ id: 'siteEditUrl' });
  if (existsSync(output)) {
    if (!statSync(output).isDirectory()) throw new UsageError({ id: 'siteOutputNotFolder', data: { path: options.output } });
    const entries = readdirSync(output);
    if (entries.length > 0 && !entries.includes(MARKER)) throw new UsageError({ id: 'siteOutputNotSite', data: { path: options.output } });
  }
  if (options.date !== undefined) dateOption(options.date, undefined);
  const config = loadConfig(options);
  const date = dateOption(options.date, config);
  const language = config.language;
  const count: RedactionCount = { names: 0, notes: 0, identityNumbers: 0 };
  const { findings, shown } = readAndLint(config, date, options.redact === true, count);
  const registerFolder = join(config.root, config.register);

  const [history, commit, repository] = await Promise.all([
    readHistory(config.root, registerFolder, {}).then(
      (read) => entityHistory(read.changes),
      (error: unknown) => {
        if (error instanceof ItregError) return undefined; // not a git repository: the pages say so
        throw error;
      },
    ),
    headCommit(config.root, registerFolder),
    findRepository(config.root),
  ]);
  const prefix = repository ? repository.pathOf(config.root) : '.';
  const site = buildSite({
    register: shown,
    config,
    date,
    language,
    findings,
    ...(history ? { history } : {}),
    ...(commit ? { commit } : {}),
    ...(options.editUrl ? { editUrl: options.editUrl, repositoryPath: (path: string) => (prefix === '.' ? path : `${prefix}/${path}`) } : {}),
    redacted: options.redact === true,
  });

  // Build beside the target, then swap: the old site stays whole until the new one is complete.
  const building = join(dirname(output), `.${basename(output)}.itreg-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  const made = new Set<string>();
  // Each page goes to disk as soon as it is rendered, synchronously: nothing of it outlives its turn of the loop.
  // (Overlapped promise writes kept pages and their buffers alive across collections and cost more system time.)
  const write = (path: string, content: string) => {
    const file = join(building, path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, content);
  };
  const writeParts = (path: string, parts: Iterable<string>) => {
    const file = join(building, path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const fd = openSync(file, 'w');
    try {
      for (const part of parts) writeSync(fd, part);
    } finally {
      closeSync(fd);
    }
  };
  const l = siteLabels[language];
  const frame = { lang: language, name: config.name, date, commit, l, t: reportLabels[language], redacted: options.redact === true, year: Number(date.slice(0, 4)) };
  let pages = 0;
  try {
    // The search index first, and to disk at once: its working set (MiniSearch's tree) is garbage before the pages
    // need the room, and neither its documents nor its 1 MB script are held through 4,000 pages.
    write(join('assets', 'search-index.js'), await searchIndexScript(options.redact ? maskIdentityNumbers(site.search()) : site.search()));
    for (const page of site.pages()) {
      const base = rootOf(page.path);
      const view = options.redact ? maskIdentityNumbers(page.view) : page.view;
      // An application list's table (up to every application: 1 MB on 2,000) is written a few hundred rows at a time
      // instead of as one string, whose pieces outlived the collections made while it was built and flattened.
      const streamed = page.template === 'applications';
      // Object.assign, not spread syntax: V8 (Node 20) allocates a spread of this many properties in the old
      // generation, so every page's context was garbage that only a full collection freed (+80 MB peak on 4,000 pages).
      const body = renderTemplate(siteTemplate(page.template), Object.assign({}, frame, view, { base }), 'html', streamed ? rowsMarker : undefined);
      const nav = navKeys.map((key) => ({ label: l.nav[key], href: navPages[key], current: key === page.nav }));
      const title = options.redact ? maskIdentityNumbers(page.title) : page.title;
      const html = renderTemplate(siteTemplate('layout'), Object.assign({}, frame, { base, title, nav, body, search: page.template === 'search' }));
      const at = streamed ? html.indexOf(ROWS) : -1;
      // The indentation Handlebars gave the rows' partial there (the marker's line up to it), which each line gets.
      const indent = at < 0 ? '' : html.slice(html.lastIndexOf('\n', at) + 1, at);
      if (at < 0 || !/^[ \t]*$/.test(indent)) write(page.path, html);
      else {
        // The table's rows, a few hundred at a time, between the page before and after them.
        const rows = (view as { rows: readonly object[] }).rows;
        const indented = (text: string) => (indent === '' ? text : text.split('\n').map((line, i, all) => (line === '' && i === all.length - 1 ? line : indent + line)).join('\n'));
        const parts = function* () {
          yield html.slice(0, at - indent.length);
          for (let i = 0; i < rows.length; i += ROWS_AT_A_TIME) yield indented(renderTemplate(sitePartial('app-rows'), Object.assign({}, frame, { base, rows: rows.slice(i, i + ROWS_AT_A_TIME) })));
          yield html.slice(at + ROWS.length + 1);
        };
        writeParts(page.path, parts());
      }
      pages++;
    }
    for (const asset of siteAssets()) write(join('assets', asset.name), asset.content);
    write(MARKER, `${JSON.stringify({ generator: 'itreg site', date, commit: commit ?? null, redacted: options.redact === true })}\n`);
    rmSync(output, { recursive: true, force: true });
    renameSync(building, output);
  } catch (error: unknown) {
    rmSync(building, { recursive: true, force: true });
    if (error instanceof ItregError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new UsageError({ id: 'cannotWrite', data: { file: output, code } });
    throw error;
  }
  const t = translator(language);
  if (options.redact) process.stderr.write(`${t({ id: 'siteRedacted', data: { names: { count: count.names, of: 'personalName' }, notes: { count: count.notes, of: 'note' }, numbers: { count: count.identityNumbers, of: 'identityNumber' } } })}\n`);
  process.stderr.write(`${t({ id: 'siteWritten', data: { pages, folder: options.output } })}\n`);
  return ExitCode.Ok;
}
