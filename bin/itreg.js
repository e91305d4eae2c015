#!/usr/bin/env node
// The itreg command. `itreg lint …` runs from one CommonJS file with a V8 code cache (src/cli/start-lint.ts), every
// other command from the ES module bundle. This file is CommonJS (bin/package.json): node starts a CommonJS file a few
// milliseconds sooner, and the lint bundle is one.
if (process.argv[2] === 'lint') module.require('../dist/bundle/start-lint.cjs');
else void import('../dist/bundle/main.js');
