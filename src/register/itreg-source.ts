// What a new register's package.json pins itreg to, and the package.json itself (itreg init).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { packagePath, packageVersion } from '../util/paths.js';
import { packTarball } from './package-tarball.js';

/**
 * Where the register's package.json gets itreg from: `spec` for its devDependency, and the tarball to write into the
 * register when it carries its own (`vendor`, a path from the register's folder). `outside` names a folder spec that
 * a clone will not have.
 */
export interface ItregSource {
  readonly spec: string;
  readonly vendor?: { readonly path: string; readonly bytes: () => Uint8Array };
  readonly outside?: string;
}

const posixPath = (path: string) => path.split(sep).join('/');

/**
 * The itreg a new register pins (DESIGN.md "The register carries its checker"). By default the running itreg, packed
 * as `npm pack` would (its files only), copied to vendor/itreg-X.Y.Z.tgz and pinned as `file:vendor/itreg-X.Y.Z.tgz`,
 * so CI and every clone install it without a registry. `--itreg-source`: a registry version or range (`itreg@0.2.0`,
 * `^0.2.0`) or a git or https URL stays as given; a tarball or folder becomes a path relative to the register's
 * package.json, and a tarball outside the repository is copied into vendor/ (a clone would not have it).
 */
export function itregSource(source: string | undefined, cwd: string, target: string, top: string): ItregSource {
  if (source === undefined || source === '') {
    const path = `vendor/itreg-${packageVersion}.tgz`;
    return { spec: `file:${path}`, vendor: { path, bytes: () => packTarball(packagePath()) } };
  }
  const spec = source.startsWith('itreg@') ? source.slice('itreg@'.length) : source;
  if (/^(git\+|git:|github:|gitlab:|bitbucket:|https?:)/.test(spec) || /^[\w.-]+@[\w.-]+:/.test(spec)) return { spec };
  const pathLike = spec.startsWith('file:') || /^\.{0,2}[\\/]/.test(spec) || /^[A-Za-z]:[\\/]/.test(spec) || /\.(tgz|tar\.gz)$/.test(spec) || existsSync(resolve(cwd, spec));
  if (!pathLike) return { spec };
  const file = resolve(cwd, spec.replace(/^file:/, ''));
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) throw new UsageError({ id: 'itregSourceMissing', data: { source, file } });
  const inside = !relative(top, file).startsWith('..') && !isAbsolute(relative(top, file));
  const fromRegister = posixPath(relative(target, file)) || '.';
  if (stat.isDirectory()) return { spec: `file:${fromRegister}`, ...(inside ? {} : { outside: source }) };
  if (inside) return { spec: `file:${fromRegister}` };
  const path = `vendor/${basename(file)}`;
  return { spec: `file:${path}`, vendor: { path, bytes: () => readFileSync(file) } };
}

/** The register's package.json: private, itreg pinned as a devDependency, so CI installs it from the lock file. */
export function packageJson(name: string, spec: string): string {
  const slug =
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'register';
  const json = { name: slug, private: true, description: `${name}: IT governance register (itreg)`, scripts: { lint: 'itreg lint' }, devDependencies: { itreg: spec } };
  return `${JSON.stringify(json, null, 2)}\n`;
}
