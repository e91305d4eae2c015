#!/usr/bin/env node
// Build step after tsc: compiles the JSON Schemas with the project's own ajv set-up into standalone validator code,
// so `itreg lint` starts without compiling schemas (ajv's standalone mode).
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv, standaloneExports } from '../dist/schema/validate.js';

const ajv = createAjv({ code: { source: true } });
const code = standaloneCode.default(ajv, standaloneExports);
writeFileSync(new URL('../dist/schema/validators.generated.cjs', import.meta.url), code);
