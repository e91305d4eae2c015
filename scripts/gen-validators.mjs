#!/usr/bin/env node
// Build step: compiles the JSON Schemas with the project's own ajv set-up into standalone validator code,
// so `itreg lint` starts without compiling schemas (ajv's standalone mode). The set-up (src/schema/validate.ts) is
// bundled by esbuild first, so this step needs no tsc: `prepare` runs it where devDependencies are not installed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import standaloneCode from 'ajv/dist/standalone/index.js';

// Two folders below the package root, as dist/bundle/, so the module finds schema/ where it looks at run time.
const scratch = new URL('../dist/gen/', import.meta.url);
mkdirSync(scratch, { recursive: true });
try {
  await build({
    entryPoints: ['src/schema/validate.ts'],
    outfile: 'dist/gen/validate.mjs',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    banner: { js: "import { createRequire as __itregRequire } from 'node:module'; const require = __itregRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const { createAjv, standaloneExports } = await import(new URL('validate.mjs', scratch).href);
  const ajv = createAjv({ code: { source: true } });
  const code = standaloneCode.default(ajv, standaloneExports);
  mkdirSync(new URL('../dist/schema/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../dist/schema/validators.generated.cjs', import.meta.url), code);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
