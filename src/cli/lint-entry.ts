// The entry point of dist/bundle/lint.cjs: the same CLI as entry.ts, as one CommonJS file that start-lint.ts runs with a
// V8 code cache when the command line starts with `lint` (scripts/bundle.mjs leaves the other commands' modules out).
import { main } from './main.js';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
