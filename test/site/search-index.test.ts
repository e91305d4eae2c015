// The search index script: what the browser gets is MiniSearch's own serialisation, and text that could end or break
// a <script> ("</script>", U+2028, U+2029) cannot.
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../src/site/build.js';
import { searchIndexScript } from '../../src/site/search.js';

const documents: SearchDocument[] = [
  { id: 'gis', kind: 'applikation', name: 'GIS </script><script>alert(1)</script>', product: 'KartWeb', vendor: 'Kartbolaget', units: 'IT Åmål', href: 'application/gis.html' },
  { id: 'diarium', kind: 'applikation', name: 'Diarium\u2028rad\u2029två', product: 'Ärendia', vendor: '', units: '', href: 'application/diarium.html' },
];

describe('searchIndexScript', () => {
  it('sets a global the browser can load into MiniSearch, with the same index MiniSearch builds', () => {
    const script = searchIndexScript(documents);
    expect(script).not.toMatch(/<\/script/i);
    expect(script).not.toMatch(/[\u2028\u2029]/);
    const window: { ITREG_SEARCH?: { options: object; searchOptions: object; index: object } } = {};
    runInNewContext(script, { window });
    const loaded = window.ITREG_SEARCH!;
    const engine = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(loaded.index), loaded.options as ConstructorParameters<typeof MiniSearch>[0]);
    expect(engine.search('kartweb', loaded.searchOptions).map((r) => r.id)).toEqual(['application/gis.html']);
    expect(engine.search('ärendia', loaded.searchOptions)[0]?.['detail']).toBe('Ärendia');
    // The same index as MiniSearch's own.
    const here = new MiniSearch(loaded.options as ConstructorParameters<typeof MiniSearch>[0]);
    here.addAll(documents.map((d) => ({ ...d, detail: [d.product, d.vendor].filter((x) => x !== '').join(', ') })));
    expect(loaded.index).toEqual(JSON.parse(JSON.stringify(here.toJSON())));
    expect(script.endsWith(';\n')).toBe(true);
  });
});
