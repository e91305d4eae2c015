// maskIdentityNumbers and redactEntity (export --redact, site --redact): every identity number masked and counted,
// names and notes dropped, the input never changed, and only what changes copied: site --redact masks every page's
// view and redacts every entity, and copying all of them was garbage the old generation kept.
import { describe, expect, it } from 'vitest';
import { maskIdentityNumbers, redactEntity, redactHistory, type RedactionCount } from '../../src/insight/export.js';

const number = '19121212-1212'; // Skatteverket's test personnummer

describe('maskIdentityNumbers', () => {
  it('masks and counts a number at any depth, copying only the path to it', () => {
    const untouched = { name: 'Procapita', tags: ['a', 'b'] };
    const view = { title: 'Ärende', rows: [untouched, { note: `Ring ${number} om avtalet`, n: 3 }], other: { deep: [{ id: number }] } };
    const before = structuredClone(view);
    const count: RedactionCount = { names: 0, notes: 0, identityNumbers: 0, contacts: 0 };
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
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(masked['note']).toBe('ÅÅMMDD-XXXX');
  });
});

describe('redactEntity', () => {
  const zero = (): RedactionCount => ({ names: 0, notes: 0, identityNumbers: 0, contacts: 0 });

  it('drops holder.name and notes and masks numbers, leaving the input as it was', () => {
    const role = { kind: 'RoleAssignment', id: 'x-owner', holder: { title: 'Chef', name: 'Anna Berg', unit: 'it' }, notes: `Anna ${number}`, from: '2020-01-01' };
    const before = structuredClone(role);
    const count = zero();
    const redacted = redactEntity(role, count);
    expect(redacted).toEqual({ kind: 'RoleAssignment', id: 'x-owner', holder: { title: 'Chef', unit: 'it' }, from: '2020-01-01' });
    expect(count).toEqual({ names: 1, notes: 1, identityNumbers: 0, contacts: 0 }); // a number in a dropped note is not counted
    expect(role).toEqual(before);
  });

  it("drops a supplier's contact, which can name a person, and counts it; the rest of the supplier stays", () => {
    const supplier = { kind: 'Supplier', id: 'omsorg', name: 'Omsorgsdata AB', orgNumber: '556812-3456', country: 'SE', contact: 'Sven Svensson, 070-123 45 67' };
    const count = zero();
    expect(redactEntity(supplier, count)).toEqual({ kind: 'Supplier', id: 'omsorg', name: 'Omsorgsdata AB', orgNumber: '556812-3456', country: 'SE' });
    expect(count).toEqual({ names: 0, notes: 0, identityNumbers: 0, contacts: 1 });
    // Its change in the git history is left out too, as a note's is.
    const change = { commit: 'a', date: '2026-01-01', author: 'Anna', subject: 's', entity: 'omsorg', kind: 'Supplier', file: 'f', change: 'changed' as const };
    const fields = [
      { path: 'contact', from: 'noc@example.org', to: 'Sven Svensson' },
      { path: 'country', from: 'NO', to: 'SE' },
    ];
    expect(redactHistory([{ ...change, fields }], zero())[0]!.fields.map((f) => f.path)).toEqual(['country']);
  });

  it("keeps a unit's contact and data protection officer, functional addresses that are public, and their changes", () => {
    const unit = { kind: 'Unit', id: 'soc', name: 'Socialförvaltningen', type: 'department', contact: 'soc@amal.se', dataProtectionOfficer: 'Dataskyddsombudet, dso@amal.se' };
    const count = zero();
    expect(redactEntity(unit, count)).toEqual(unit);
    expect(count).toEqual({ names: 0, notes: 0, identityNumbers: 0, contacts: 0 });
    const change = { commit: 'a', date: '2026-01-01', author: 'Anna', subject: 's', entity: 'soc', kind: 'Unit', file: 'f', change: 'changed' as const };
    const fields = [
      { path: 'contact', from: 'soc@amal.se', to: 'socialforvaltningen@amal.se' },
      { path: 'dataProtectionOfficer', to: 'Dataskyddsombudet, dso@amal.se' },
    ];
    expect(redactHistory([{ ...change, fields }], zero())[0]!.fields.map((f) => f.path)).toEqual(['contact', 'dataProtectionOfficer']);
  });

  it('masks a number in a kept field and counts it', () => {
    const app = { kind: 'Application', id: 'a', name: 'A', description: `Kontakt ${number}`, vendor: { name: 'V' } };
    const count = zero();
    const redacted = redactEntity(app, count);
    expect(redacted['description']).toBe('Kontakt ÅÅMMDD-XXXX');
    expect(redacted['vendor']).toBe(app.vendor);
    expect(count.identityNumbers).toBe(1);
  });

  it('returns data with nothing to redact as it is', () => {
    const role = { kind: 'RoleAssignment', id: 'y-admin', holder: { title: 'Förvaltare', unit: 'it' }, from: '2020-01-01' };
    const count = zero();
    expect(redactEntity(role, count)).toBe(role);
    expect(count).toEqual(zero());
  });
});
