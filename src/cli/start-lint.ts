// The entry point of dist/bundle/start-lint.cjs, which bin/itreg.js starts for `itreg lint …`: it runs dist/bundle/lint.cjs
// with its V8 code cache (code-cache.ts).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCacheFile, runWithCodeCache } from './code-cache.js';

// This module and lint.cjs sit in dist/bundle/, two folders below the package's root.
const bundle = fileURLToPath(new URL('lint.cjs', import.meta.url));
runWithCodeCache(bundle, codeCacheFile(dirname(dirname(dirname(bundle))), 'lint'));
