// The browser's search index, built once with the site: MiniSearch serialised into a script that sets a global, so
// the search page works from file:// (no fetch) and the browser never indexes 10,000 entities itself. It is built in a
// worker thread: MiniSearch's tree for 4,000 entities is some 10 MB of objects that outlive several young-generation
// collections, so on the main thread they ended in the old generation as garbage that stayed to the end of the build
// (11 MB of the 10,011-file site's peak); a worker's heap is given back whole when it ends.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SearchDocument } from './build.js';

const options = {
  idField: 'href',
  fields: ['name', 'id', 'product', 'vendor', 'units'],
  storeFields: ['name', 'kind', 'href', 'detail'],
};
// Prefix search while typing, a typo or two in longer words, the name weighing most.
const searchOptions = { prefix: true, fuzzy: 0.2, boost: { name: 3, id: 2, product: 2 } };

/** The worker: the index with the package's own MiniSearch, posted back as the script's text. */
const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const MiniSearch = require(workerData.minisearch);
const { options, searchOptions, documents } = workerData;
const engine = new MiniSearch(options);
engine.addAll(documents.map((d) => ({ ...d, detail: [d.product, d.vendor].filter((x) => x !== '').join(', ') })));
// JSON inside a script: "</script>" and U+2028/2029 cannot end or break it.
const json = JSON.stringify({ options, searchOptions, index: engine.toJSON() }).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
parentPort.postMessage('window.ITREG_SEARCH = ' + json + ';\n');
`;

/** assets/search-index.js: `window.ITREG_SEARCH = { options, searchOptions, index }`. */
export function searchIndexScript(documents: readonly SearchDocument[]): Promise<string> {
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
