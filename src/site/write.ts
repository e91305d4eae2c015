// writeSite(): the register as a static website (HTML, CSS, a script for search), built into a fresh folder beside
// the output folder and swapped in, so a half-built or stale site is never published.
import { closeSync, existsSync, mkdirSync, openSync, writeSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ItregError, UsageError } from '../errors.js';
import { headCommit } from '../git/commit.js';
import { readHistory } from '../git/history.js';
import { makeFolders } from '../register/write.js';
import { findRepository } from '../git/run.js';
import { entityHistory } from '../insight/history.js';
import { maskIdentityNumbers, redactEntity, redactHistory, type RedactionCount } from '../insight/export.js';
import { runRules, type Finding } from '../lint/run-rules.js';
import type { Config } from '../register/config.js';
import { loadRegister, type FileModel } from '../register/load.js';
import type { UnreadFile } from '../register/unread.js';
import { RegisterModel } from '../model/register-model.js';
import { reportLabels } from '../report/labels.js';
import { renderInParts, renderTemplate } from '../report/render.js';
import { rules } from '../rules/index.js';
import { leanHeap } from '../util/heap.js';
import { siteAssets, siteTemplate } from './assets.js';
import { buildSite, navKeys, navPages, rootOf, searchDocuments } from './build.js';
import { siteLabels } from './labels.js';
import { searchIndexScript } from './search.js';

/** A page's lists longer than this are rendered and written this many items at a time. */
const ROWS_AT_A_TIME = 250;
/** Characters of pages between two full garbage collections. */
const COLLECT_EVERY = 2 * 2 ** 20;

/** Marks a folder as a site itreg wrote, so a later run may replace it (and nothing else). */
const MARKER = '.itreg-site';

export interface SiteRequest {
  /** The output folder (absolute). */
  readonly output: string;
  /** The date the register is judged on. */
  readonly date: string;
  /** Without holder.name and notes, identity numbers masked. */
  readonly redact?: boolean;
  /** A link on every page to the git host's page for the file: `{path}` is replaced. */
  readonly editUrl?: string;
  /** Names the folder the site is built in beside the output (the process id), so two runs do not share it. */
  readonly buildId: string;
}

export interface SiteWritten {
  readonly pages: number;
  /** What --redact removed or masked. */
  readonly count: RedactionCount;
  /** Register files that could not be read (the site is published all the same). */
  readonly unread: readonly UnreadFile[];
}

/** A folder beside the output that a build with `id` (its process id, and a suffix) uses. */
function siblingOf(output: string, id: string): string {
  return join(dirname(output), `.${basename(output)}.itreg-${id}`);
}

/** Whether the process that named a sibling folder is gone (a kill, a crash): then the folder is left over. */
function isLeftOver(name: string, prefix: string): boolean {
  const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return pid === process.pid;
  } catch (error: unknown) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * What a killed build left beside the output: when the output is gone (killed between the swap's two renames), the
 * newest whole site is put back (a finished build has its marker, written last; else the site it was replacing); then
 * every left-over folder goes.
 */
function recoverSite(output: string): void {
  const prefix = `.${basename(output)}.itreg-`;
  const folder = dirname(output);
  const leftOver = readdirSync(folder).filter((name) => name.startsWith(prefix) && isLeftOver(name, prefix));
  if (!existsSync(output)) {
    const finished = leftOver.find((name) => !name.endsWith('-old') && existsSync(join(folder, name, MARKER)));
    const replaced = leftOver.find((name) => name.endsWith('-old') && existsSync(join(folder, name, MARKER)));
    const whole = finished ?? replaced;
    if (whole !== undefined) renameSync(join(folder, whole), output);
  }
  for (const name of leftOver) rmSync(join(folder, name), { recursive: true, force: true });
}

/** The output folder may be replaced: absent, empty, or a site itreg wrote (`given` is the path as the user wrote it). */
export function checkSiteOutput(output: string, given: string): void {
  if (!existsSync(output)) return;
  if (!statSync(output).isDirectory()) throw new UsageError({ id: 'siteOutputNotFolder', data: { path: given } });
  const entries = readdirSync(output);
  if (entries.length > 0 && !entries.includes(MARKER)) throw new UsageError({ id: 'siteOutputNotSite', data: { path: given } });
}

/**
 * The register read and linted, and the model the pages are built from. With --redact that is a copy without
 * holder.name and notes, identity numbers masked, and the original model is garbage once the findings are made:
 * nothing outside this function holds it, so the site does not carry two registers through 4,000 pages.
 */
function readAndLint(config: Config, date: string, redact: boolean, count: RedactionCount): { findings: readonly Finding[]; shown: FileModel } {
  const loaded = loadRegister(config);
  const register = new RegisterModel(loaded);
  const findings = runRules(register, rules, { date, language: config.language }).findings;
  if (!redact) return { findings, shown: register };
  // Findings can quote what a file holds: masked and counted once here (each page's view is masked again below).
  // A record's id is its data's id, masked alike (an id holding a personnummer was masked in the data only, and the
  // model then did not know the entity it was asked about).
  const records = loaded.records.map((r) => {
    const data = redactEntity(r.data, count);
    return { ...r, data, id: typeof data['id'] === 'string' ? data['id'] : r.id };
  });
  return { findings: maskIdentityNumbers(findings, count), shown: new RegisterModel({ ...loaded, records }) };
}

export async function writeSite(given: Config, request: SiteRequest): Promise<SiteWritten> {
  const { output, date } = request;
  const redact = request.redact === true;
  const language = given.language;
  const count: RedactionCount = { names: 0, notes: 0, identityNumbers: 0, contacts: 0 };
  // The register's own name is on every page's title and footer: masked like the rest.
  const config = redact ? { ...given, name: maskIdentityNumbers(given.name, count) } : given;
  const collect = leanHeap();
  const { findings, shown } = readAndLint(config, date, redact, count);
  collect(); // what parsing and the rules left (and with --redact the register as read)
  // The search index before the pages' view model is built: MiniSearch's working set (10 MB on 4,000 entities) is
  // collected before the pages need the room, and only the script (1 MB) is held until it is written.
  // (From the register as shown: with --redact already without names, notes and identity numbers.)
  const searchScript = searchIndexScript(searchDocuments(shown, date, language));
  collect();
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
  const shownHistory = history && redact ? redactHistory(history, count) : history;
  const prefix = repository ? repository.pathOf(config.root) : '.';
  const site = buildSite({
    register: shown,
    config,
    date,
    language,
    findings,
    ...(shownHistory ? { history: shownHistory } : {}),
    ...(commit ? { commit } : {}),
    ...(request.editUrl ? { editUrl: request.editUrl, repositoryPath: (path: string) => (prefix === '.' ? path : `${prefix}/${path}`) } : {}),
  });

  // Build beside the target, then swap by two renames: the old site stays whole until the new one is complete, and a
  // kill at any point leaves the old or the new site whole (between the renames, both whole beside it: the next build
  // puts the newer back, recoverSite()).
  makeFolders(dirname(output));
  recoverSite(output);
  const building = siblingOf(output, request.buildId);
  const retired = siblingOf(output, `${request.buildId}-old`);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  const made = new Set<string>();
  // Each page goes to disk as soon as it is rendered, synchronously: nothing of it outlives its turn of the loop.
  // (Overlapped promise writes kept pages and their buffers alive across collections and cost more system time.)
  let written = 0;
  const write = (path: string, parts: string | Iterable<string>) => {
    const file = join(building, path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const fd = openSync(file, 'w');
    try {
      for (const part of typeof parts === 'string' ? [parts] : parts) {
        writeSync(fd, part);
        written += part.length;
      }
    } finally {
      closeSync(fd);
    }
    // A page's garbage is about what it wrote, many times over: collected every few megabytes of pages.
    if (written > COLLECT_EVERY) {
      collect();
      written = 0;
    }
  };
  const l = siteLabels[language];
  const frame = { lang: language, name: config.name, date, commit, l, t: reportLabels[language], redacted: redact, year: Number(date.slice(0, 4)) };
  let pages = 0;
  try {
    write(join('assets', 'search-index.js'), searchScript);
    for (const page of site.pages()) {
      const base = rootOf(page.path);
      const view = redact ? maskIdentityNumbers(page.view) : page.view;
      // Object.assign, not spread syntax: V8 (Node 20) allocates a spread of this many properties in the old
      // generation, so every page's context was garbage that only a full collection freed (+80 MB peak on 4,000 pages).
      const body = renderInParts(siteTemplate(page.template), Object.assign({}, frame, view, { base }), ROWS_AT_A_TIME);
      const nav = navKeys.map((key) => ({ label: l.nav[key], href: navPages[key], current: key === page.nav }));
      const title = redact ? maskIdentityNumbers(page.title) : page.title;
      write(page.path, body.parts(renderTemplate(siteTemplate('layout'), Object.assign({}, frame, { base, title, nav, body: body.text, search: page.template === 'search' }))));
      pages++;
    }
    for (const asset of siteAssets()) write(join('assets', asset.name), asset.content);
    write(MARKER, `${JSON.stringify({ generator: 'itreg site', date, commit: commit ?? null, redacted: redact })}\n`);
    if (existsSync(output)) renameSync(output, retired);
    renameSync(building, output);
    rmSync(retired, { recursive: true, force: true });
  } catch (error: unknown) {
    rmSync(building, { recursive: true, force: true });
    if (error instanceof ItregError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new UsageError({ id: 'cannotWrite', data: { file: output, code } });
    throw error;
  }
  return { pages, count, unread: site.unread };
}
