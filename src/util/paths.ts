// Where the package's own files are. This module sits two folders below the package root both as dist/util/paths.js
// (tsc) and inside dist/bundle/ (the esbuild bundle that bin/itreg.js runs), so one relative URL serves both.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export const packagePath = (...parts: string[]): string => join(packageRoot, ...parts);
