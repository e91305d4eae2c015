// The browser's search index, built once with the site: MiniSearch serialised into a script that sets a global, so
// the search page works from file:// (no fetch) and the browser never indexes 10,000 entities itself. MiniSearch's
// tree for 4,000 entities is some 10 MB of objects, garbage once serialised: itreg site collects it at once (leanHeap).
import MiniSearch from 'minisearch';
import type { SearchDocument } from './build.js';

const options = {
  idField: 'href',
  fields: ['name', 'id', 'product', 'vendor', 'units'],
  storeFields: ['name', 'kind', 'href', 'detail'],
};
// Prefix search while typing, a typo or two in longer words, the name weighing most; every word must match, so more
// words find fewer entities (as the search page says when it lists only the best).
const searchOptions = { prefix: true, fuzzy: 0.2, boost: { name: 3, id: 2, product: 2 }, combineWith: 'AND' };

/**
 * assets/search-index.js: `window.ITREG_SEARCH = { options, searchOptions, index }`.
 * JSON inside a script: "</script>" and U+2028/2029 cannot end or break it.
 */
export function searchIndexScript(documents: readonly SearchDocument[]): string {
  const engine = new MiniSearch<SearchDocument & { detail: string }>(options);
  engine.addAll(documents.map((d) => ({ ...d, detail: [d.product, d.vendor].filter((x) => x !== '').join(', ') })));
  const json = JSON.stringify({ options, searchOptions, index: engine.toJSON() })
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `window.ITREG_SEARCH = ${json};\n`;
}
