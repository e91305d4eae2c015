#!/usr/bin/env node
// Build step: bundles the CLI with esbuild into dist/bundle/ (one chunk per lazily imported command), so start-up
// loads a handful of files instead of a few hundred modules. ajv stays outside: lint uses the precompiled validators.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['ajv', 'ajv-formats', 'ajv/*', 'playwright-core', 'exceljs'],
  // CommonJS dependencies (commander, simple-git) call require(); give the ES module one.
  banner: { js: "import { createRequire as __itregRequire } from 'node:module'; const require = __itregRequire(import.meta.url);" },
  logLevel: 'warning',
});
