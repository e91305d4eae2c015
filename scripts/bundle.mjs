#!/usr/bin/env node
// Build step: bundles the CLI with esbuild into dist/bundle/ (one chunk per lazily imported command), so start-up
// loads a handful of files instead of a few hundred modules. ajv stays outside: lint uses the precompiled validators.
// `itreg lint` gets a bundle of its own, dist/bundle/lint.cjs: one CommonJS file (node loads it faster than a dozen ES
// modules) that start-lint.cjs runs with a V8 code cache; it holds the whole command line but no other command.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

const external = ['ajv', 'ajv-formats', 'ajv/*', 'playwright-core', 'exceljs'];

await build({
  entryPoints: { main: 'src/cli/entry.ts' },
  outdir: 'dist/bundle',
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  // CommonJS dependencies (commander, simple-git) call require(); give the ES module one.
  banner: { js: "import { createRequire as __itregRequire } from 'node:module'; const require = __itregRequire(import.meta.url);" },
  logLevel: 'warning',
});

/** In lint.cjs, the modules of the other commands: start-lint.cjs runs it only for a command line that starts with `lint`. */
const lintOnly = {
  name: 'lint-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/.*\.js$/ }, (args) => (args.path === './commands/lint.js' ? undefined : { path: args.path, namespace: 'not-lint' }));
    build.onLoad({ filter: /.*/, namespace: 'not-lint' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in lint.cjs: bin/itreg.js starts only \`itreg lint\` from it`)});`,
      loader: 'js',
    }));
  },
};

/** In lint.cjs, the validators scripts/gen-validators.mjs made: bundled, so that the code cache holds them too. */
const bundledValidators = {
  name: 'bundled-validators',
  setup(build) {
    build.onResolve({ filter: /\/generated-validators\.js$/ }, () => ({ path: 'generated-validators', namespace: 'bundled-validators' }));
    build.onLoad({ filter: /.*/, namespace: 'bundled-validators' }, () => ({
      contents: "export function requireGeneratedValidators() { return require('./dist/schema/validators.generated.cjs'); }",
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: { lint: 'src/cli/lint-entry.ts', 'start-lint': 'src/cli/start-lint.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // The validators' own requires (ajv's runtime, ajv-formats' date) are bundled with them; ajv's compiler stays out.
  external: ['playwright-core', 'exceljs'],
  plugins: [lintOnly, bundledValidators],
  // ES modules are strict; so is the code bundled from them. import.meta.url is the file's URL, as in the ES bundle.
  banner: { js: "'use strict';\nconst __itregUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__itregUrl' },
  logLevel: 'warning',
});

// code-cache.ts runs lint.cjs as a vm.Script, where import() has no loader to go to.
if (/\bimport\(/.test(readFileSync('dist/bundle/lint.cjs', 'utf8'))) throw new Error('dist/bundle/lint.cjs has a dynamic import()');
