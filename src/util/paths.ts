// Where the package's own files are, and its version (read once, for --version, SARIF and the --cache format). This
// module sits two folders below the package root both as dist/util/paths.js (tsc) and inside dist/bundle/ (the
// esbuild bundle that bin/itreg.js runs), so one relative URL serves both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const packagePath = (...parts: string[]): string => join(packageRoot, ...parts);

export const packageVersion = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
