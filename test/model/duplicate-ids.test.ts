// RegisterModel: which record keeps an id declared twice, and where the id stands among the others ("did you mean",
// idsOf()), with the one-look-up constructor.
import { describe, expect, it } from 'vitest';
import { RegisterModel, type EntityRecord } from '../../src/model/register-model.js';

const record = (path: string, id: string, kind: 'Unit' | 'Municipality' = 'Unit'): EntityRecord => ({
  source: { path },
  data: { kind, id, name: id, ...(kind === 'Unit' ? { municipality: 'amal', type: 'it-unit' } : {}) },
  kind,
  id,
  schemaIssues: [],
});

describe('an id declared twice', () => {
  it('is kept by the file named after it, which also gives the id its place among the others', () => {
    // The copy sorts first; the original (it.yaml) keeps the id, and "it" stands after "b", where it.yaml does.
    const copy = record('register/units/a-copy.yaml', 'it');
    const b = record('register/units/b.yaml', 'b');
    const original = record('register/units/it.yaml', 'it');
    const model = new RegisterModel({ records: [copy, b, original] });
    expect(model.recordById('it')).toBe(original);
    expect([...model.ids()]).toEqual(['b', 'it']);
    expect(model.idsOf('Unit')).toEqual(['b', 'it']);
    expect(model.laterDuplicates()).toEqual([copy]);
    expect(model.entities.map((entity) => entity.id)).toEqual(['b', 'it']);
  });

  it('is kept by the first record when neither file is named after it', () => {
    const first = record('register/units/x.yaml', 'it');
    const second = record('register/units/y.yaml', 'it');
    const model = new RegisterModel({ records: [first, record('register/municipalities/amal.yaml', 'amal', 'Municipality'), second] });
    expect(model.recordById('it')).toBe(first);
    expect([...model.ids()]).toEqual(['it', 'amal']);
    expect(model.laterDuplicates()).toEqual([second]);
  });

  it('without duplicates, every id in file order', () => {
    const model = new RegisterModel({ records: [record('register/units/c.yaml', 'c'), record('register/units/a.yaml', 'a')] });
    expect([...model.ids()]).toEqual(['c', 'a']);
    expect(model.laterDuplicates()).toEqual([]);
  });
});
