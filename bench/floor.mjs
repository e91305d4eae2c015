#!/usr/bin/env node
// The floor: read and parse every register file with the project's yaml package (parseDocument with a LineCounter,
// then toJS), nothing else. Usage: node bench/floor.mjs <register-folder>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

let files = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.ya?ml$/.test(entry.name)) {
      const lineCounter = new LineCounter();
      parseDocument(readFileSync(path, 'utf8'), { lineCounter }).toJS();
      files++;
    }
  }
};
walk(process.argv[2]);
console.log(`${files} files`);
