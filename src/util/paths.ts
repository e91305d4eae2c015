// Where the package's own files are, and its version (read once, for --version, SARIF and the --cache format). This
// module sits two folders below the package root both as dist/util/paths.js (tsc) and inside dist/bundle/ (the
// esbuild bundle that bin/itreg.js runs), so one relative URL serves both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const packagePath = (...parts: string[]): string => join(packageRoot, ...parts);

const packageJson = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string; repository?: { url?: string } };

export const packageVersion = packageJson.version;

/** The repository's web address (package.json's `repository`, as npm reads it): where its documentation is read. */
export const repositoryUrl: string | undefined = packageJson.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '');
