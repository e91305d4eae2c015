// itreg new writes every field its kind requires, conditionally required ones included (DESIGN Format 1.1: a department
// or IT unit needs its municipality; the schemas' if/then and dependentRequired): the new file's only schema findings are
// its empty placeholders, each saying what to fill in, and once they are filled in it lints without a schema finding.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, registerFrom, runCli } from '../helpers.js';

/** One register for the whole file, with its schema/ copy as init writes it; every case writes its own id. */
const folder = registerFrom('clean');
cpSync(join(projectRoot, 'schema'), join(folder, 'schema'), { recursive: true });

/** A valid value for each field a case may leave empty (some by kind). */
const fillIns: Readonly<Record<string, string>> = {
  name: 'Ny post',
  municipality: 'amal',
  municipalities: '[amal, mellerud]',
  collaborationLevel: '2',
  application: 'diarium',
  role: 'system-owner',
  title: 'Arkivarie',
  unit: 'kansli-amal',
  from: '2026-01-01',
  start: '2026-01-01',
  end: '2027-12-31',
  audience: 'users',
  updated: '2026-01-01',
  year: '2026',
  amount: '100000',
  adopted: '2026-01-01',
  validYears: '4',
};
const typeFillIn: Readonly<Record<string, string>> = { Unit: 'department', Application: 'general', Agreement: 'support', Document: 'policy' };

interface Finding {
  readonly ruleId: string;
  readonly line: number;
  readonly message: string;
}
const schemaFindings = (file: string): Finding[] => {
  const result = runCli(['lint', file, '--format', 'json', '--date', '2026-06-01', '--lang', 'en'], folder);
  return (JSON.parse(result.stdout) as { findings: Finding[] }).findings.filter((f) => f.ruleId === 'schema');
};

/** Fills every empty placeholder line (`key: # comment`, `key: [] # comment`) with a valid value. */
function fillIn(text: string, kind: string): string {
  return text.replace(/^( *)([A-Za-z]+):(?: \[\])? #.*$/gm, (_line, indent: string, key: string) => {
    const value = key === 'type' ? typeFillIn[kind] : fillIns[key];
    if (value === undefined) throw new Error(`no fill-in for ${key}`);
    return `${indent}${key}: ${value}`;
  });
}

describe('itreg new: required fields, conditional ones included', () => {
  it.each([
    ['Municipality', [], [], []],
    ['Unit', ['type=department'], ['municipality'], []],
    ['Unit', ['type=it-unit'], ['municipality'], []],
    ['Unit', ['type=group'], [], ['municipality']],
    ['Unit', ['type=federation'], [], ['municipality']],
    ['Unit', [], ['municipality'], []],
    ['Application', ['municipalities=[amal, mellerud]'], ['collaborationLevel'], []],
    ['Application', ['municipalities=[amal]'], [], ['collaborationLevel']],
    ['Application', [], ['collaborationLevel'], []],
    ['RoleAssignment', ['role=specialist'], ['application'], []],
    ['RoleAssignment', ['role=it-manager'], [], ['application']],
    ['RoleAssignment', [], ['application'], []],
    ['Agreement', [], [], ['end']],
    ['Agreement', ['renewal.months=12'], ['end'], []],
    ['TrainingPlan', [], [], []],
    ['Investment', [], [], []],
    ['Document', [], [], []],
  ] as const)('%s %j writes %j and not %j', (kind, sets, written, notWritten) => {
    const id = `ny-${kind.toLowerCase()}-${sets.join('-').replace(/[^a-z0-9]+/g, '-') || 'bare'}`.replace(/-+$/, '');
    const created = runCli(['new', kind, id, '--lang', 'en', ...sets.flatMap((set) => ['--set', set])], folder);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const file = /created (\S+)/.exec(created.stdout)![1]!;
    const text = readFileSync(join(folder, file), 'utf8');
    for (const field of written) expect(text).toMatch(new RegExp(`^${field}:`, 'm'));
    for (const field of notWritten) expect(text).not.toMatch(new RegExp(`^${field}:`, 'm'));

    // Its schema findings are its placeholders, each saying what to fill in; the fill-in lines name the same fields.
    const placeholders = [...text.matchAll(/^ *([A-Za-z]+):(?: \[\])? #/gm)].length;
    const before = schemaFindings(file);
    expect(before).toHaveLength(placeholders);
    for (const finding of before) expect(finding.message).toMatch(/ is empty: fill in \S|needs at least 1 item/);
    const listed =
      created.stdout
        .split('\n')
        .slice(1)
        .join(' ')
        .match(/[a-z][A-Za-z.]+(?=,|$| )/g) ?? [];
    for (const field of written) expect(listed).toContain(field);

    writeFileSync(join(folder, file), fillIn(text, kind));
    expect(schemaFindings(file)).toEqual([]);
  });

  it('writes a field whose condition is still to fill in with the condition as its comment, in both languages', () => {
    const created = runCli(['new', 'Unit', 'ny-enhet', '--lang', 'sv'], folder);
    expect(created.stdout).toBe('skapade register/units/ny-enhet.yaml\nfyll i: name, type\nfyll i om det gäller (se kommentaren i filen), annars ta bort raden: municipality\n');
    expect(readFileSync(join(folder, 'register/units/ny-enhet.yaml'), 'utf8')).toContain(
      'municipality: # Kommun / Municipality (krävs när type är it-unit eller department — required when type is it-unit or department)\n',
    );
  });

  it('--set still overrides: a given conditional field is no placeholder, and a wrong one is refused', () => {
    const given = runCli(['new', 'Unit', 'it-bengtsfors', '--lang', 'en', '--set', 'type=it-unit', '--set', 'municipality=amal', '--set', 'name=IT Bengtsfors'], folder);
    expect(given.stdout).toBe('created register/units/it-bengtsfors.yaml\n');
    expect(readFileSync(join(folder, 'register/units/it-bengtsfors.yaml'), 'utf8')).toMatch(/^type: it-unit\nmunicipality: amal\n$/m);
    expect(schemaFindings('register/units/it-bengtsfors.yaml')).toEqual([]);
    const level = runCli(['new', 'Application', 'karta', '--lang', 'en', '--set', 'municipalities=[amal, mellerud]', '--set', 'collaborationLevel=2'], folder);
    expect(level.stdout).toBe('created register/applications/karta.yaml\nfill in: name, type\n');
    const wrong = runCli(['new', 'Unit', 'x-enhet', '--lang', 'en', '--set', 'type=department', '--set', 'municipality=Åmål'], folder);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/"municipality" must be an id/);
  });

  it('a missing end beside renewal or options is named as such, in Swedish and English', () => {
    writeFileSync(join(folder, 'register/agreements/fornyas.yaml'), 'kind: Agreement\nid: fornyas\nname: Förnyas\ntype: support\nstart: 2026-01-01\nrenewal: { months: 12 }\n');
    expect(schemaFindings('register/agreements/fornyas.yaml').map((f) => f.message)).toEqual(['"end" is required when "renewal" is given']);
    const sv = runCli(['lint', 'register/agreements/fornyas.yaml', '--date', '2026-06-01', '--lang', 'sv'], folder);
    expect(sv.stdout).toContain('fältet "end" krävs när "renewal" finns');
    writeFileSync(join(folder, 'register/agreements/option.yaml'), 'kind: Agreement\nid: option\nname: Option\ntype: support\nstart: 2026-01-01\noptions: [{ months: 12 }]\n');
    expect(schemaFindings('register/agreements/option.yaml').map((f) => f.message)).toEqual(['"end" is required when "options" is given']);
  });
});
