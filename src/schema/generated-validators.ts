// The validators scripts/gen-validators.mjs compiled at build time (dist/schema/validators.generated.cjs), loaded as
// node loads a file; in dist/bundle/lint.cjs scripts/bundle.mjs puts the file itself here, so that lint's code cache
// holds them too.
import { createRequire } from 'node:module';
import { packagePath } from '../util/paths.js';

/** The generated module's exports; throws where the build made none. */
export function requireGeneratedValidators(): unknown {
  return createRequire(packagePath('package.json'))(packagePath('dist/schema/validators.generated.cjs'));
}
