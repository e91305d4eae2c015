// editYaml(): a field set, added or removed, and every other byte of the file as it was.
import { describe, expect, it } from 'vitest';
import { editYaml, type FieldEdit } from '../../src/register/edit.js';
import { fieldOrder } from '../../src/register/scaffold.js';

const application = `# yaml-language-server: $schema=../../schema/application.schema.json
kind: Application
id: gis
name: GIS och kartsystem
type: business
municipalities: [fargelanda, mellerud]   # delad
collaborationLevel: 3        # Gemensam upphandling
vendor:
  name: Kartbolaget AB
  product: KartWeb
assessment: { fit: adequate }
notes: 'med citat'
`;

const edit = (text: string, ...edits: FieldEdit[]): string => editYaml(text, edits, (path) => fieldOrder('Application', path));

describe('editYaml', () => {
  it.each<[string, FieldEdit[], string, string]>([
    [
      'a scalar keeps its comment and spacing',
      [{ path: ['collaborationLevel'], value: 4 }],
      'collaborationLevel: 3        # Gemensam upphandling',
      'collaborationLevel: 4        # Gemensam upphandling',
    ],
    [
      'a flow list stays a flow list, its comment kept',
      [{ path: ['municipalities'], value: ['fargelanda', 'mellerud', 'amal'] }],
      'municipalities: [fargelanda, mellerud]   # delad',
      'municipalities: [fargelanda, mellerud, amal]   # delad',
    ],
    ['a quoted scalar keeps its quotes', [{ path: ['notes'], value: 'nytt' }], "notes: 'med citat'", "notes: 'nytt'"],
    ['a text that needs quotes gets them', [{ path: ['name'], value: 'GIS: kartor' }], 'name: GIS och kartsystem', 'name: "GIS: kartor"'],
    ['a nested field in a block mapping', [{ path: ['vendor', 'product'], value: 'KartWeb 2' }], '  product: KartWeb', '  product: KartWeb 2'],
    ['a nested field in a flow mapping', [{ path: ['assessment', 'competenceRisk'], value: 'high' }], 'assessment: { fit: adequate }', 'assessment: {fit: adequate, competenceRisk: high}'],
  ])('%s', (_name, edits, before, after) => {
    expect(edit(application, ...edits)).toBe(application.replace(before, after));
  });

  it("a new field goes where the schema orders it, at the mapping's indentation", () => {
    expect(edit(application, { path: ['operatedBy'], value: 'it-amal' })).toBe(application.replace('vendor:\n', 'operatedBy: it-amal\nvendor:\n'));
    expect(edit(application, { path: ['lifecycle', 'status'], value: 'retired' })).toBe(application.replace('vendor:\n', 'lifecycle:\n  status: retired\nvendor:\n'));
    expect(edit(application, { path: ['documentation', 'routines'], value: 'https://x.example/r' })).toBe(
      application.replace('assessment:', 'documentation:\n  routines: https://x.example/r\nassessment:'),
    );
  });

  it('a removed field takes its line; the last field of a nested mapping takes the mapping', () => {
    expect(edit(application, { path: ['notes'], value: undefined })).toBe(application.replace("notes: 'med citat'\n", ''));
    const one = edit(application, { path: ['vendor', 'product'], value: undefined });
    expect(one).toBe(application.replace('  product: KartWeb\n', ''));
    expect(edit(one, { path: ['vendor', 'name'], value: undefined })).toBe(application.replace('vendor:\n  name: Kartbolaget AB\n  product: KartWeb\n', ''));
  });

  it('a block list stays a block list; a text with a line break is written in double quotes on one line', () => {
    const text = 'kind: Application\nid: x\nmunicipalities:\n  - amal\n  - mellerud\nname: X\n';
    expect(edit(text, { path: ['municipalities'], value: ['amal', 'bengtsfors'] })).toBe('kind: Application\nid: x\nmunicipalities:\n  - amal\n  - bengtsfors\nname: X\n');
    expect(edit(text, { path: ['name'], value: 'rad ett\nrad två' })).toBe(text.replace('name: X', 'name: "rad ett\\nrad två"'));
  });
});
