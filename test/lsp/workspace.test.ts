// The language server's core in-process: after each of many random changes (editor text or files on disk), the findings it
// keeps up to date one change at a time are exactly those of a full lint of the same files; the reference fields it
// completes agree with the model's.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegisterWorkspace } from '../../src/lsp/workspace.js';
import { referenceFields } from '../../src/lsp/reference-fields.js';
import { referencesOf } from '../../src/model/references.js';
import type { Entity } from '../../src/model/register-model.js';
import { projectRoot, registerFrom, seededRandom, temporaryFolder, writeFiles } from '../helpers.js';

const now = () => new Date('2026-06-01T12:00:00Z');

const random = seededRandom;

function copyOfExample(): string {
  const folder = temporaryFolder();
  cpSync(join(projectRoot, 'itreg.yaml'), join(folder, 'itreg.yaml'));
  cpSync(join(projectRoot, 'register'), join(folder, 'register'), { recursive: true });
  return folder;
}

/** Every finding as a line, for a readable difference. */
const lines = (workspace: RegisterWorkspace) => workspace.result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity} ${f.message}`);

describe('RegisterWorkspace', () => {
  it('keeps the findings of a full lint through 120 random changes, in the editor and on disk', () => {
    const folder = copyOfExample();
    const workspace = RegisterWorkspace.open(join(folder, 'itreg.yaml'), { now, language: 'en' });
    const first = RegisterWorkspace.open(join(folder, 'itreg.yaml'), { now, language: 'en' });
    expect(lines(workspace)).toEqual(lines(first));
    const paths = workspace.register.loaded.files.map((file) => file.path);
    const values = new Map<string, string[]>();
    for (const path of paths) {
      for (const match of readFileSync(join(folder, path), 'utf8').matchAll(/^( *(?:- )?)([A-Za-z]+): ([^\n#[{|>]+?)\s*$/gm)) {
        values.set(match[2]!, [...(values.get(match[2]!) ?? []), match[3]!]);
      }
    }
    const next = random(27);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const open = new Map<string, string>();
    for (let step = 0; step < 120; step++) {
      const path = pick(paths);
      const text =
        open.get(path) ??
        (() => {
          try {
            return readFileSync(join(folder, path), 'utf8');
          } catch {
            return '';
          }
        })();
      const what = next();
      let changed: string;
      if (what < 0.08) changed = '';
      else if (what < 0.16) changed = text.replace(/^id: (.+)$/m, 'id: $1-renamed');
      else if (what < 0.26 && /^kind: RoleAssignment$/m.test(text) && !/^until:/m.test(text)) changed = `${text}until: 2021-01-01\n`;
      else if (what < 0.32) changed = text.slice(0, Math.floor(next() * text.length)); // half typed
      else if (what < 0.38) changed = text.replace(/: /, ': [');
      else {
        const found = [...text.matchAll(/^( *(?:- )?)([A-Za-z]+): ([^\n#[{|>]+?)\s*$/gm)];
        if (found.length === 0) continue;
        const line = pick(found);
        changed = text.replace(line[0], `${line[1]}${line[2]}: ${pick(values.get(line[2]!) ?? [line[3]!])}`);
      }
      // Half of the changes are typed in the editor (and saved now and then), half made on disk.
      const inEditor = next() < 0.5;
      if (inEditor) {
        open.set(path, changed);
        workspace.setDocument(path, changed);
        if (next() < 0.3) {
          writeFileSync(join(folder, path), changed);
          open.delete(path);
          workspace.closeDocument(path);
        }
      } else if (changed === '' && next() < 0.5 && !open.has(path)) {
        rmSync(join(folder, path), { force: true });
        workspace.filesChanged([path]);
      } else {
        writeFileSync(join(folder, path), changed);
        workspace.filesChanged([path]);
      }
      // The full lint reads the disk: the open documents' texts are written there for it, then put back.
      const saved = [...open.keys()].map(
        (file) =>
          [
            file,
            (() => {
              try {
                return readFileSync(join(folder, file), 'utf8');
              } catch {
                return null;
              }
            })(),
          ] as const,
      );
      writeFiles(folder, Object.fromEntries(open));
      const full = RegisterWorkspace.open(join(folder, 'itreg.yaml'), { now, language: 'en' });
      writeFiles(folder, Object.fromEntries(saved));
      expect(lines(workspace), `step ${step}: ${path}`).toEqual(lines(full));
    }
  });

  it("says which files' findings a change changed: an owner's role ended → the application's file", () => {
    const folder = registerFrom('clean');
    const workspace = RegisterWorkspace.open(join(folder, 'itreg.yaml'), { now });
    const role = readFileSync(join(folder, 'register/roles/diarium-owner.yaml'), 'utf8');
    const changed = workspace.setDocument('register/roles/diarium-owner.yaml', `${role}until: 2026-01-31\n`);
    expect([...changed]).toContain('register/applications/diarium.yaml');
    expect(workspace.findings('register/applications/diarium.yaml').map((f) => f.ruleId)).toContain('application-has-owner');
    expect([...workspace.closeDocument('register/roles/diarium-owner.yaml')]).toContain('register/applications/diarium.yaml');
    expect(workspace.findings('register/applications/diarium.yaml')).toEqual([]);
  });

  it('keeps the last good itreg.yaml when it breaks, and says where', () => {
    const folder = registerFrom('clean');
    const workspace = RegisterWorkspace.open(join(folder, 'itreg.yaml'), { now });
    writeFiles(folder, { 'itreg.yaml': 'name: x\nregister: [\n' });
    expect([...workspace.filesChanged(['itreg.yaml'])]).toEqual(['itreg.yaml']);
    expect(workspace.configProblem?.line).toBe(3); // the flow sequence is left open at the end of the file
    expect(workspace.fileCount).toBeGreaterThan(10);
  });

  it('knows every reference field the model knows, with its kind (the example register and the fixtures)', () => {
    const seen = new Set<string>();
    const withLaw = registerFrom('clean', {
      'register/suppliers/vastdata.yaml': 'kind: Supplier\nid: vastdata\nname: Västdata AB\n',
      'register/processing/diarium-registrering.yaml': 'kind: Processing\nid: diarium-registrering\nname: Registrering\ncontroller: kansli-amal\napplications: [diarium]\n',
      'register/agreements/diarium-support.yaml':
        'kind: Agreement\nid: diarium-support\nname: Support\ntype: support\napplication: diarium\nparties: [it-amal, vastdata]\nsubProcessors:\n  - supplier: vastdata\nstart: 2020-01-01\n',
      'register/applications/diarium.yaml': `${readFileSync(join(projectRoot, 'test/fixtures/clean/register/applications/diarium.yaml'), 'utf8').replace('  product: Dokumentor\n', '  product: Dokumentor\n  supplier: vastdata\n')}continuity: { plan: it-policy }\n`,
    });
    for (const folder of [projectRoot, withLaw, ...['clean', 'every-rule', 'reference', 'costs'].map((name) => join(projectRoot, 'test/fixtures', name))]) {
      const workspace = RegisterWorkspace.open(join(folder, 'itreg.yaml'), { now });
      // Every record of a kind, valid or not (a record short of required fields still has its references).
      for (const record of workspace.register.loaded.records) {
        if (record.kind === undefined) continue;
        const entity = record.data as unknown as Entity;
        for (const reference of referencesOf(entity)) {
          const steps = reference.path.filter((step): step is string => typeof step === 'string');
          const key = reference.isKey ? '*' : steps.at(-1)!;
          const parent = reference.isKey ? steps.at(-2) : steps.at(-2);
          const field = (referenceFields[entity.kind] ?? []).find((f) => f.key === key && (f.parent === undefined || f.parent === parent));
          expect(field, `${entity.kind} ${reference.path.join('.')}`).toBeDefined();
          expect(field!.kind).toBe(reference.kind);
          expect(field!.orKind).toBe(reference.orKind);
          seen.add(`${entity.kind}.${key}`);
        }
      }
    }
    expect(seen).toContain('Processing.controller');
    expect(seen).toContain('Agreement.supplier');
    expect(seen).toContain('Application.plan');
  });
});
