// The entry point of the ES module bundle (dist/bundle/main.js), which bin/itreg.js starts for every command but lint.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
