// The browser's search index, built once with the site: MiniSearch serialised into a script that sets a global, so
// the search page works from file:// (no fetch) and the browser never indexes 10,000 entities itself. On a large
// register it is built in a worker thread: MiniSearch's tree for 4,000 entities is some 10 MB of objects that outlive
// several young-generation collections, so on the main thread they ended in the old generation as garbage that stayed
// to the end of the build (11 MB of the 10,011-file site's peak); a worker's heap is given back whole when it ends. On
// a small one the worker's start costs more (0.2 s and 5 MB on the example register) than it saves.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import MiniSearch from 'minisearch';
import type { SearchDocument } from './build.js';

const options = {
  idField: 'href',
  fields: ['name', 'id', 'product', 'vendor', 'units'],
  storeFields: ['name', 'kind', 'href', 'detail'],
};
// Prefix search while typing, a typo or two in longer words, the name weighing most.
const searchOptions = { prefix: true, fuzzy: 0.2, boost: { name: 3, id: 2, product: 2 } };

/** Entities from which the index is built in a worker. */
export const SEARCH_WORKER_FROM = 1000;

/**
 * The script's text. Self-contained (its source is the worker's too): MiniSearch and the options are arguments.
 * JSON inside a script: "</script>" and U+2028/2029 cannot end or break it.
 */
function indexScript(Engine: typeof MiniSearch, engineOptions: typeof options, search: typeof searchOptions, documents: readonly SearchDocument[]): string {
  const engine = new Engine<SearchDocument & { detail: string }>(engineOptions);
  engine.addAll(documents.map((d) => ({ ...d, detail: [d.product, d.vendor].filter((x) => x !== '').join(', ') })));
  const json = JSON.stringify({ options: engineOptions, searchOptions: search, index: engine.toJSON() }).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `window.ITREG_SEARCH = ${json};\n`;
}

/** The worker: indexScript with the package's own MiniSearch, posted back. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const indexScript = ${indexScript.toString()};
parentPort.postMessage(indexScript(require(workerData.minisearch), workerData.options, workerData.searchOptions, workerData.documents));
`;

/** assets/search-index.js: `window.ITREG_SEARCH = { options, searchOptions, index }`. */
export async function searchIndexScript(documents: readonly SearchDocument[], inWorker = documents.length >= SEARCH_WORKER_FROM): Promise<string> {
  if (!inWorker) return indexScript(MiniSearch, options, searchOptions, documents);
  const minisearch = createRequire(import.meta.url).resolve('minisearch');
  return new Promise((resolve, reject) => {
    // A small young generation: the index lives until it is serialised, so copying it between semi-spaces gains nothing.
    const worker = new Worker(WORKER, { eval: true, workerData: { minisearch, options, searchOptions, documents }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    let script: string | undefined;
    worker.once('message', (message: string) => {
      script = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (script !== undefined) resolve(script);
      else reject(new Error(`the search index worker stopped (exit code ${code})`));
    });
  });
}
