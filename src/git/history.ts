// readHistory(): every commit that touched the register folder, with the file contents before and after, from git;
// readSnapshots(): the register as committed at month ends. Plain git (run.ts), independent calls at once.
import { UsageError } from '../errors.js';
import { DEFAULT_TIME_ZONE, startOfDay, todayIn } from '../model/today.js';
import { addDays } from '../util/dates.js';
import { readTexts } from './objects.js';
import { findRepository, runGit, tryGit } from './run.js';

export interface FileChange {
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  /** A added, M modified, D deleted, R renamed (git's rename detection, as --follow uses). */
  readonly status: 'A' | 'M' | 'D' | 'R';
  /** Paths relative to the register root (the folder of itreg.yaml). */
  readonly path: string;
  readonly oldPath?: string;
  readonly before?: string;
  readonly after?: string;
}

export interface History {
  readonly changes: readonly FileChange[];
  /** Set in a shallow clone: how much history there is to see. */
  readonly shallow?: { readonly commits: number; readonly since: string };
}

const ZERO = /^0+$/;

/** A range of whole days (YYYY-MM-DD, both ends included) in the register's time zone. */
export interface DayRange {
  readonly since?: string;
  readonly until?: string;
  /** IANA zone the days are in (default Europe/Stockholm); a change's `date` is its day there too. */
  readonly timeZone?: string;
}

/**
 * Every change to the register's files authored within `range`. A day is the whole day in the register's zone (so
 * `--since D --until D` finds that day's commits, at any time of day and whatever the machine's zone); the author
 * date decides, as `date` shows it.
 */
export async function readHistory(root: string, registerFolder: string, range: DayRange): Promise<History> {
  const [repository, head] = await Promise.all([findRepository(root), tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])]);
  if (repository === undefined) throw new UsageError({ id: 'historyNoRepository', data: { folder: root } });
  if (head === undefined) return { changes: [] };
  const folder = repository.pathOf(registerFolder);
  // --literal-pathspecs: a folder named `*` or `:(top)x` is that folder, not a pattern.
  // -z: paths come unquoted and NUL-ended (a name with `"`, a tab, a newline or `\\` is itself), and NUL, which no
  // subject, name or path can hold, separates the header's fields (0x1E and 0x1F can stand in a subject).
  const args = ['--literal-pathspecs', 'log', '-z', '--no-merges', '-M', '--raw', '--no-abbrev', '--format=%H%x00%aI%x00%an%x00%s'];
  const zone = range.timeZone ?? DEFAULT_TIME_ZONE;
  const from = range.since === undefined ? undefined : startOfDay(range.since, zone);
  const to = range.until === undefined ? undefined : startOfDay(addDays(range.until, 1), zone);
  // git's --since compares committer dates, never earlier than the author's: a safe bound for the walk. The exact
  // filter, on author dates, is below (--until cannot be left to git: a commit rebased later is committed later).
  if (from !== undefined) args.push(`--since=@${Math.floor(from / 1000)}`);
  args.push('--', folder);
  // From the top: a pathspec is read from the folder git runs in, and `folder` is a path from the top (run from a
  // register in a subfolder, `governance/register` meant `governance/governance/register`, and nothing changed).
  const log = await runGit(repository.top, args);

  const toRoot = (path: string) => repository.toRoot(path, root);
  const raw: Array<Omit<FileChange, 'before' | 'after'> & { oldBlob?: string; newBlob?: string }> = [];
  for (const commit of parseRawLog(log)) {
    const instant = Date.parse(commit.date);
    if ((from !== undefined && instant < from) || (to !== undefined && instant >= to)) continue;
    for (const { oldBlob, newBlob, status, first, second } of commit.entries) {
      if (!/\.ya?ml$/i.test(second ?? first)) continue;
      raw.push({
        commit: commit.hash,
        date: todayIn(zone, new Date(instant)),
        author: commit.author,
        subject: commit.subject,
        status,
        path: toRoot(second ?? first),
        ...(second ? { oldPath: toRoot(first) } : {}),
        ...(ZERO.test(oldBlob) ? {} : { oldBlob }),
        ...(ZERO.test(newBlob) ? {} : { newBlob }),
      });
    }
  }
  const blobs = await readTexts(repository.top, [...new Set(raw.flatMap((c) => [c.oldBlob, c.newBlob].filter((b): b is string => b !== undefined)))]);
  const changes = raw.map(({ oldBlob, newBlob, ...change }) => ({
    ...change,
    ...(oldBlob ? { before: blobs.get(oldBlob) ?? '' } : {}),
    ...(newBlob ? { after: blobs.get(newBlob) ?? '' } : {}),
  }));

  let shallow: History['shallow'];
  if (repository.shallow) {
    const [count, dates] = await Promise.all([runGit(root, ['rev-list', '--count', 'HEAD']), runGit(root, ['log', '--reverse', '--format=%aI', 'HEAD'])]);
    shallow = { commits: Number(count.trim()), since: dates.split('\n')[0]?.slice(0, 10) ?? '' };
  }
  return { changes, ...(shallow ? { shallow } : {}) };
}

interface RawEntry {
  readonly oldBlob: string;
  readonly newBlob: string;
  readonly status: FileChange['status'];
  readonly first: string;
  readonly second: string | undefined;
}

interface RawCommit {
  readonly hash: string;
  readonly date: string;
  readonly author: string;
  readonly subject: string;
  readonly entries: readonly RawEntry[];
}

const RAW_ENTRY = /^\n?:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([AMDRCTUX])\d*$/;
const HASH = /^[0-9a-f]{40,64}$/;

/**
 * `git log -z --raw --format=%H%x00%aI%x00%an%x00%s`: NUL-ended tokens, a commit's four header fields followed by
 * its raw entries (`:modes blobs status`, then one path, or two for a rename or copy). Read by position, so a subject
 * that looks like an entry or a hash is still the subject.
 */
export function parseRawLog(log: string): RawCommit[] {
  const tokens = log.split('\0');
  const commits: RawCommit[] = [];
  let i = 0;
  while (i + 3 < tokens.length) {
    const hash = tokens[i]!.replace(/^\n/, '');
    if (!HASH.test(hash)) break;
    const [date = '', author = '', subject = ''] = tokens.slice(i + 1, i + 4);
    i += 4;
    while (tokens[i] === '') i++;
    const entries: RawEntry[] = [];
    for (let match = RAW_ENTRY.exec(tokens[i] ?? ''); match; match = RAW_ENTRY.exec(tokens[i] ?? '')) {
      const [, oldBlob = '', newBlob = '', status = 'M'] = match;
      const paths = status === 'R' || status === 'C' ? 2 : 1;
      const first = tokens[i + 1] ?? '';
      const second = paths === 2 ? tokens[i + 2] : undefined;
      i += 1 + paths;
      // A copy is an addition of its second path; a type change or unmerged entry a modification.
      if (status === 'C') entries.push({ oldBlob: '0', newBlob, status: 'A', first: second ?? first, second: undefined });
      else entries.push({ oldBlob, newBlob, status: status === 'A' || status === 'D' || status === 'R' ? status : 'M', first, second });
    }
    commits.push({ hash, date, author, subject, entries });
  }
  return commits;
}

export interface Snapshot {
  /** The month end (YYYY-MM-DD) the snapshot stands for. */
  readonly date: string;
  readonly commit: string;
  /** Register files at that commit: path relative to the register root, and text. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}

/**
 * The register as committed at each given month end: the last commit within that month (a month without one has no
 * snapshot, rather than repeating an older state).
 */
export async function readSnapshots(root: string, registerFolder: string, monthEnds: readonly string[], timeZone = DEFAULT_TIME_ZONE): Promise<Snapshot[]> {
  const repository = await findRepository(root);
  if (repository === undefined) return [];
  const folder = repository.pathOf(registerFolder);
  const toRoot = (path: string) => repository.toRoot(path, root);
  // The months do not depend on each other: their git questions run at once (twelve months in about a tenth of the
  // time they took one after the other through simple-git).
  const months = await Promise.all(
    monthEnds.map(async (end) => {
      // The month as whole days in the register's zone, not the machine's.
      const before = Math.floor(startOfDay(addDays(end, 1), timeZone) / 1000) - 1;
      const after = Math.floor(startOfDay(`${end.slice(0, 8)}01`, timeZone) / 1000);
      const commit = await tryGit(root, ['rev-list', '-1', `--before=@${before}`, `--after=@${after}`, 'HEAD']);
      if (!commit) return undefined;
      const tree = await runGit(root, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', commit, '--', folder]);
      const blobs = tree
        .split('\0')
        .map((line) => /^\d+ blob ([0-9a-f]+)\t([^]+)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null && /\.ya?ml$/i.test(m[2]!))
        .map((m): [string, string] => [m[1]!, toRoot(m[2]!)]);
      return { date: end, commit, blobs };
    }),
  );
  const found = months.filter((month) => month !== undefined);
  const texts = await readTexts(repository.top, [...new Set(found.flatMap((f) => f.blobs.map(([blob]) => blob)))]);
  return found.map(({ date, commit, blobs }) => ({ date, commit, files: blobs.map(([blob, path]) => ({ path, text: texts.get(blob) ?? '' })) }));
}
