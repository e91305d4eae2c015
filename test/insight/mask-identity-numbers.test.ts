// maskIdentityNumbers (export --redact, site --redact): every identity number masked and counted, and only what
// changes is copied: site --redact masks every page's view, and copying all 4,000 views was 10 MB of garbage.
import { describe, expect, it } from 'vitest';
import { maskIdentityNumbers, type RedactionCount } from '../../src/insight/export.js';

const number = '19121212-1212'; // Skatteverket's test personnummer

describe('maskIdentityNumbers', () => {
  it('masks and counts a number at any depth, copying only the path to it', () => {
    const untouched = { name: 'Procapita', tags: ['a', 'b'] };
    const view = { title: 'Ärende', rows: [untouched, { note: `Ring ${number} om avtalet`, n: 3 }], other: { deep: [{ id: number }] } };
    const before = structuredClone(view);
    const count: RedactionCount = { names: 0, notes: 0, identityNumbers: 0 };
    const masked = maskIdentityNumbers(view, count);
    expect(masked).toEqual({ title: 'Ärende', rows: [untouched, { note: 'Ring ÅÅMMDD-XXXX om avtalet', n: 3 }], other: { deep: [{ id: 'ÅÅMMDD-XXXX' }] } });
    expect(count.identityNumbers).toBe(2);
    expect(view).toEqual(before); // the input is not changed
    expect(masked).not.toBe(view);
    expect(masked.rows).not.toBe(view.rows);
    expect(masked.rows[0]).toBe(untouched); // no number beneath: the same object, not a copy
  });

  it('returns a value without numbers as it is', () => {
    const view = { rows: [{ name: 'Visma', year: 2026, href: 'application/visma.html' }], empty: [], none: null };
    expect(maskIdentityNumbers(view)).toBe(view);
  });

  it('keeps a key named __proto__ an own property of the copy', () => {
    const view = JSON.parse(`{"__proto__": {"polluted": true}, "note": "${number}"}`) as Record<string, unknown>;
    const masked = maskIdentityNumbers(view);
    expect(Object.getOwnPropertyNames(masked)).toEqual(['__proto__', 'note']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(masked['note']).toBe('ÅÅMMDD-XXXX');
  });
});
