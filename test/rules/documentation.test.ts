import { describe, expect, it } from 'vitest';
import { findings, registerFrom } from '../helpers.js';

const app = (extra: string) => `kind: Application\nid: diarium\nname: Diariesystem\ntype: business\nmunicipalities: [amal]\nvendor: { name: V }\n${extra}`;
const at = (text: string) => ({ 'register/applications/diarium.yaml': text });

describe('documentation', () => {
  it.each([
    ['routines and operations', {}, []],
    ['vendor-hosted with routines', at(app('documentation:\n  routines: r\n')), []],
    ['nothing at all', at(app('')), ['noRoutines']],
    ['in-house without operations docs', at(app('operatedBy: it-amal\ndocumentation:\n  routines: r\n')), ['noOps']],
    ['in-house with no docs', at(app('operatedBy: it-amal\n')), ['noRoutines', 'noOps']],
  ])('%s', (_name, changes, kinds) => {
    const result = findings(registerFrom('clean', changes), 'documentation');
    expect(result.map((f) => (/routines/.test(f.message) ? 'noRoutines' : 'noOps'))).toEqual(kinds);
  });

  it('points at documentation when it is there, else at the first line', () => {
    expect(findings(registerFrom('clean', at(app('operatedBy: it-amal\ndocumentation:\n  routines: r\n'))), 'documentation')).toMatchObject([{ line: 9, column: 3, severity: 'warning' }]);
    expect(findings(registerFrom('clean', at(app(''))), 'documentation')).toMatchObject([{ line: 1, column: 1 }]);
  });
});
