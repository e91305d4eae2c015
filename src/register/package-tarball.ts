// An installed itreg or a built checkout as the tarball `npm pack --ignore-scripts` makes of it: what `init` copies into a register's vendor/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Manifest {
  readonly files?: readonly string[];
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly main?: string;
}

/** What npm never packs, whatever `files` says (npm-packlist's defaults). */
const NEVER = [
  /^\.git$/,
  /^\.svn$/,
  /^\.hg$/,
  /^CVS$/,
  /^node_modules$/,
  /^\.npmrc$/,
  /^\.npmignore$/,
  /^\.gitignore$/,
  /^\.DS_Store$/,
  /^\._/,
  /^\..*\.swp$/,
  /^npm-debug\.log$/,
  /^\.lock-wscript$/,
  /^\.wafpickle-\d+$/,
  /^config\.gypi$/,
  /^package-lock\.json$/,
  /^yarn\.lock$/,
  /^pnpm-lock\.yaml$/,
  /\.orig$/,
];

/** What npm always packs from the package's top, whatever `files` says. */
const ALWAYS = /^(package\.json|readme(\..*)?|licen[cs]e(\..*)?|copying(\..*)?)$/i;

const never = (name: string) => NEVER.some((pattern) => pattern.test(name));

/** Every file below `folder`, as paths from `root` with / separators. */
function filesBelow(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    if (never(entry.name)) return [];
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) return filesBelow(root, path);
    return entry.isFile() ? [path] : [];
  });
}

/** A `files` entry's segment as a pattern: `*` and `?` within one name, as npm's globs read them. */
function segmentPattern(segment: string): RegExp {
  return new RegExp(
    `^${segment
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
}

/** The files one `files` entry names: a file, a folder (all below it), or a glob of names. */
function filesOf(root: string, entry: string): string[] {
  const segments = entry
    .replace(/^\.?\//, '')
    .replace(/\/$/, '')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  let paths = [''];
  for (const segment of segments) {
    const pattern = segmentPattern(segment);
    paths = paths.flatMap((folder) => {
      let names: string[];
      try {
        names = readdirSync(join(root, folder));
      } catch {
        return [];
      }
      return names.filter((name) => pattern.test(name) && !never(name)).map((name) => posix.join(folder, name));
    });
  }
  return paths.flatMap((path) => {
    const stat = statSync(join(root, path));
    return stat.isDirectory() ? filesBelow(root, path) : stat.isFile() ? [path] : [];
  });
}

/** The files `npm pack` puts in the package at `root`, sorted: `files`, plus package.json, README, LICENSE, bin and main. */
export function packageFiles(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const chosen = new Set<string>();
  const named = manifest.files ?? ['.'];
  for (const entry of named.filter((e) => !e.startsWith('!'))) for (const file of filesOf(root, entry)) chosen.add(file);
  for (const entry of named.filter((e) => e.startsWith('!'))) for (const file of filesOf(root, entry.slice(1))) chosen.delete(file);
  for (const name of readdirSync(root)) if (ALWAYS.test(name) && statSync(join(root, name)).isFile()) chosen.add(name);
  const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
  for (const file of [...bins, ...(manifest.main ? [manifest.main] : [])]) chosen.add(posix.normalize(file).replace(/^\.\//, ''));
  return [...chosen].sort();
}

/** npm's fixed time for every entry (1985-10-26 08:15 UTC), so one package always packs to the same bytes. */
const PACK_TIME = Date.UTC(1985, 9, 26, 8, 15) / 1000;

/** A name as ustar's 155-byte prefix and 100-byte name, split at a slash; undefined when it cannot be. */
function splitName(name: string): [string, string] | undefined {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  for (let at = name.lastIndexOf('/'); at > 0; at = name.lastIndexOf('/', at - 1)) {
    if (Buffer.byteLength(name.slice(at + 1)) <= 100 && Buffer.byteLength(name.slice(0, at)) <= 155) return [name.slice(0, at), name.slice(at + 1)];
  }
  return undefined;
}

/** One ustar header block (a name that does not fit is cut here; entry() gives it a pax record first). */
function header(name: string, size: number, mode: number, type: '0' | 'x'): Buffer {
  const block = Buffer.alloc(512);
  const [prefix, rest] = splitName(name) ?? ['', name];
  const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, '0')}\0`;
  block.write(rest, 0, 100, 'utf8');
  block.write(octal(mode, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(PACK_TIME, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(type, 156, 'ascii');
  block.write('ustar\u000000', 257, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

const padding = (size: number) => Buffer.alloc((512 - (size % 512)) % 512);

/** A pax record "len path=value\n", whose length counts its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length += 1;
  return Buffer.from(`${length}${body}`, 'utf8');
}

/** One file as tar blocks; a name too long for ustar gets a pax header first. */
function entry(name: string, content: Buffer, mode: number): Buffer[] {
  const blocks: Buffer[] = [];
  if (splitName(name) === undefined) {
    const pax = paxRecord('path', name);
    blocks.push(header('PaxHeader', pax.length, 0o644, 'x'), pax, padding(pax.length));
  }
  blocks.push(header(name, content.length, mode, '0'), content, padding(content.length));
  return blocks;
}

/**
 * The gzipped tarball of the package at `root`: its files (packageFiles) under `package/`, modes 0644, or 0755 where
 * the file is executable, at npm's fixed time, as `npm pack --ignore-scripts` would make it (its scripts are not run:
 * a checkout must be built, which running it from bin/itreg.js already needs).
 */
export function packTarball(root: string): Buffer {
  const blocks: Buffer[] = [];
  for (const file of packageFiles(root)) {
    const path = join(root, file);
    const mode = (statSync(path).mode & 0o100) !== 0 ? 0o755 : 0o644;
    blocks.push(...entry(`package/${file}`, readFileSync(path), mode));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks), { level: 9 });
}
