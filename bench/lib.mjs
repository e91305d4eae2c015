// What the benchmark scripts share: the project's folder, their command-line options, and medians.
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The word after --name on the command line, or the fallback. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** A number after --name, or the fallback. */
export const arg = (name, fallback) => Number(option(name, fallback));

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
