// `itreg lsp` driven as an editor drives it: the built CLI spawned, JSON-RPC over its stdio, on a temporary register.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtures, projectRoot, registerFrom, runCli, temporaryFolder, writeFiles } from '../helpers.js';

/** A fixture register with its own copy of the schemas, as itreg init writes it: the schema line points there. */
function withSchemas(folder: string): string {
  cpSync(join(projectRoot, 'schema'), join(folder, 'schema'), { recursive: true });
  return folder;
}
import { LspClient, type Diagnostic } from './lsp-client.js';

const clients: LspClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.kill();
});

function start(folder: string, options: ConstructorParameters<typeof LspClient>[1] = {}): LspClient {
  const client = new LspClient(folder, options);
  clients.push(client);
  return client;
}

const ROLE = 'register/roles/diarium-owner.yaml';
const ADMIN = 'register/roles/diarium-admin.yaml';
const APP = 'register/applications/diarium.yaml';

/** A diagnostic's place and words, as `itreg lint --format json` gives a finding's. */
const asFinding = (file: string) => (d: Diagnostic) => ({
  ruleId: d.code,
  severity: d.severity === 1 ? 'error' : 'warning',
  message: d.message,
  file,
  line: d.range.start.line + 1,
  column: d.range.start.character + 1,
});

describe('itreg lsp', () => {
  it('publishes for an open file exactly the findings itreg lint gives for it, with the rule as code and its documentation link', async () => {
    const folder = registerFrom('every-rule');
    const lint = JSON.parse(runCli(['lint', '--format', 'json'], folder, { ITREG_NOW: '2026-06-01T12:00:00Z' }).stdout) as { findings: Array<Record<string, unknown>> };
    const client = start(folder);
    const { capabilities } = await client.initialize();
    expect(capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, codeActionProvider: { codeActionKinds: ['quickfix'] } });
    const files = [...new Set(lint.findings.map((f) => String(f.file)))].slice(0, 7);
    expect(files[0]).toBe('itreg.yaml'); // the configuration's own findings (an exception's), shown on it
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const diagnostics = await client.open(file, readFileSync(join(folder, file), 'utf8'));
      const expected = lint.findings.filter((f) => f.file === file).map(({ ruleId, severity, message, file: path, line, column }) => ({ ruleId, severity, message, file: path, line, column }));
      expect(diagnostics.map(asFinding(file)), file).toEqual(expected);
      for (const diagnostic of diagnostics) {
        expect(diagnostic.source).toBe('itreg');
        expect(diagnostic.codeDescription?.href).toMatch(new RegExp(`^https://.*/docs/rules\\.md#${String(diagnostic.code)}$`));
        expect(diagnostic.range.end.character).toBeGreaterThan(diagnostic.range.start.character);
      }
    }
    expect(await client.shutdown()).toBe(0);
    expect(client.stderr).toMatch(/itreg lsp: \d+ files of the register in .* read and checked in \d+ ms/);
  });

  it("re-publishes the open application when its owner's role ends in another file, and again when the change is undone", async () => {
    const folder = registerFrom('clean');
    const client = start(folder);
    await client.initialize();
    expect(await client.open(APP, readFileSync(join(folder, APP), 'utf8'))).toEqual([]);
    const role = readFileSync(join(folder, ROLE), 'utf8');
    expect(await client.open(ROLE, role)).toEqual([]);
    const app = client.nextDiagnostics(APP);
    await client.change(ROLE, { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, 'until: 2026-01-31\n');
    const published = await app;
    expect(published.map((d) => d.code)).toEqual(['application-has-owner']);
    expect(published[0]!.message).toMatch(/no current system owner|systemägare/);
    const cleared = client.nextDiagnostics(APP);
    await client.replace(ROLE, role);
    expect(await cleared).toEqual([]);
    expect(await client.shutdown()).toBe(0);
  });

  it('offers the nearest id for a typo in a reference as a quick fix, and the fix clears the finding', async () => {
    const folder = withSchemas(registerFrom('clean'));
    const client = start(folder);
    await client.initialize();
    const text = readFileSync(join(folder, ADMIN), 'utf8').replace('appointedBy: diarium-owner', 'appointedBy: diarium-ownr');
    const diagnostics = await client.open(ADMIN, text);
    const reference = diagnostics.find((d) => d.code === 'reference')!;
    expect(reference.message).toContain('diarium-owner');
    const actions = await client.request<Array<{ title: string; kind: string; edit: { changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> } }>>('textDocument/codeAction', {
      textDocument: { uri: client.uri(ADMIN) },
      range: reference.range,
      context: { diagnostics: [reference] },
    });
    // The suggestion, and the schema line the fixture's files lack (a fix lint --fix makes too).
    expect(actions.map((action) => action.title)).toEqual(['Add the schema line (# yaml-language-server)', 'Change to "diarium-owner"']);
    const suggestion = actions[1]!;
    expect(suggestion).toMatchObject({ kind: 'quickfix', diagnostics: [reference] });
    const [edit] = suggestion.edit.changes[client.uri(ADMIN)]!;
    const line = text.split('\n')[edit!.range.start.line]!;
    expect(line.slice(edit!.range.start.character, edit!.range.end.character)).toBe('diarium-ownr');
    const fixed = client.nextDiagnostics(ADMIN);
    await client.change(ADMIN, edit!.range, edit!.newText);
    expect(await fixed).toEqual([]);

    // A misspelt enum value and a misspelt field: one nearest candidate each.
    const app = readFileSync(join(folder, APP), 'utf8').replace('type: business', 'type: busines').replace('operatedBy:', 'opertedBy:');
    const appDiagnostics = await client.open(APP, app);
    const suggested = appDiagnostics.flatMap((d) => ((d.data as { suggestion?: string } | undefined)?.suggestion ? [(d.data as { suggestion: string }).suggestion] : []));
    expect(suggested.sort()).toEqual(['business', 'operatedBy']);
    await client.shutdown();
  });

  it("offers lint --fix's fixes as code actions: damaged text repaired, the file renamed to its id, the schema line added", async () => {
    const folder = withSchemas(registerFrom('clean'));
    const client = start(folder);
    await client.initialize();
    const misnamed = 'register/roles/owner-of-diarium.yaml';
    const text = readFileSync(join(folder, ROLE), 'utf8').replace('title: Kanslichef', 'title: Chef frÃ¥n kansliet');
    writeFiles(folder, { [ROLE]: null, [misnamed]: text });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: client.uri(ROLE), type: 3 },
        { uri: client.uri(misnamed), type: 1 },
      ],
    });
    const diagnostics = await client.open(misnamed, text);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['id-matches-filename', 'text-encoding']);
    type Action = {
      title: string;
      kind: string;
      diagnostics?: Diagnostic[];
      edit: { changes?: Record<string, Array<{ range: Diagnostic['range']; newText: string }>>; documentChanges?: Array<Record<string, unknown>> };
    };
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: client.uri(misnamed) }, range: diagnostics[0]!.range, context: { diagnostics } });
    const byTitle = new Map(actions.map((action) => [action.title, action]));
    expect([...byTitle.keys()].sort()).toEqual(['Add the schema line (# yaml-language-server)', 'Rename the file to diarium-owner.yaml', 'Repair the damaged text: "Chef från kansliet"']);
    const repair = byTitle.get('Repair the damaged text: "Chef från kansliet"')!;
    expect(repair.diagnostics?.map((d) => d.code)).toEqual(['text-encoding']);
    expect(repair.edit.changes![client.uri(misnamed)]!.map((edit) => edit.newText).join('')).toContain('å');
    expect(byTitle.get('Rename the file to diarium-owner.yaml')!.edit.documentChanges).toContainEqual({ kind: 'rename', oldUri: client.uri(misnamed), newUri: client.uri(ROLE) });
    expect(byTitle.get('Add the schema line (# yaml-language-server)')!.edit.changes![client.uri(misnamed)]![0]!.newText).toBe(
      '# yaml-language-server: $schema=../../schema/role-assignment.schema.json\n',
    );
    await client.shutdown();
  });

  it('hovers, goes to the definition of and completes references', async () => {
    const folder = registerFrom('clean');
    const client = start(folder);
    await client.initialize();
    const text = readFileSync(join(folder, ADMIN), 'utf8');
    await client.open(ADMIN, text);
    const lines = text.split('\n');
    const at = (pattern: string, offset = 0) => {
      const line = lines.findIndex((l) => l.includes(pattern));
      return { line, character: lines[line]!.indexOf(pattern) + offset };
    };
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: client.uri(ADMIN) },
      position: at('application: diarium', 'application: '.length + 3),
    });
    expect(hover.contents.value).toContain('**Application** Diariesystem');
    const definition = await client.request<{ uri: string; range: Diagnostic['range'] }>('textDocument/definition', { textDocument: { uri: client.uri(ADMIN) }, position: at('diarium-owner', 2) });
    expect(definition.uri).toBe(client.uri(ROLE));
    expect(definition.range.start.line).toBe(1); // `id:` is the second line
    const unit = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: client.uri(ADMIN) }, position: at('kansli-amal', 1) });
    expect(unit.contents.value).toMatch(/^\*\*Unit\*\* /);
    expect(await client.request('textDocument/hover', { textDocument: { uri: client.uri(ADMIN) }, position: at('Registrator', 1) })).toBeNull();

    // Completion while typing: a reference value half written, in a file that is not valid YAML at that moment.
    const typing = `${text}parties: [it-\n`.replace('kind: RoleAssignment', 'kind: Agreement');
    await client.replace(ADMIN, typing);
    const items = await client.request<Array<{ label: string; detail?: string }>>('textDocument/completion', {
      textDocument: { uri: client.uri(ADMIN) },
      position: { line: typing.split('\n').length - 2, character: 'parties: [it-'.length },
    });
    expect(items.map((item) => item.label).sort()).toEqual(['it-amal', 'kansli-amal']);
    const owners = await client.request<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri: client.uri(ADMIN) }, position: at('diarium-owner', 0) });
    expect(owners.map((item) => item.label)).toEqual([]); // an Agreement has no appointedBy
    await client.replace(ADMIN, text);
    const roles = await client.request<Array<{ label: string }>>('textDocument/completion', { textDocument: { uri: client.uri(ADMIN) }, position: at('diarium-owner', 3) });
    expect(roles.map((item) => item.label)).toEqual(['diarium-owner']); // a system owner's assignment only
    await client.shutdown();
  });

  it('keeps running through bad input: a file outside the register, YAML broken mid-typing, a file deleted while open, an unknown method', async () => {
    const folder = registerFrom('clean');
    writeFiles(folder, { 'notes/outside.yaml': 'kind: Application\nid: [\n' });
    const client = start(folder);
    await client.initialize();
    expect(await client.open('notes/outside.yaml', 'kind: Application\nid: [\n')).toEqual([]);
    expect(client.stderr).toContain('outside.yaml is not a file of the register in');

    const text = readFileSync(join(folder, ROLE), 'utf8');
    await client.open(ROLE, text);
    const broken = client.nextDiagnostics(ROLE);
    await client.replace(ROLE, text.replace('role: system-owner', 'role: [system-owner'));
    expect((await broken).map((d) => d.code)).toEqual(['yaml-syntax']);

    const repaired = client.nextDiagnostics(ROLE);
    await client.replace(ROLE, text);
    expect(await repaired).toEqual([]);

    // Deleted on disk while open: the editor's text still counts until it is closed; then the file is gone.
    expect(await client.open(APP, readFileSync(join(folder, APP), 'utf8'))).toEqual([]);
    rmSync(join(folder, ROLE));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(ROLE), type: 3 }] });
    const gone = client.nextDiagnostics(APP);
    await client.close(ROLE);
    expect((await gone).map((d) => d.code)).toEqual(['application-has-owner']);

    await expect(client.request('itreg/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    await client.connection.sendNotification('itreg/noSuchNotification', {});
    const hover = await client.request('textDocument/hover', { textDocument: { uri: client.uri('nowhere.yaml') }, position: { line: 0, character: 0 } });
    expect(hover).toBeNull();
    expect(await client.shutdown()).toBe(0);
    expect(client.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('follows files changed on disk: told by the client, or watching itself when the client does not', async () => {
    for (const watchesFiles of [true, false]) {
      const folder = registerFrom('clean');
      const client = start(folder);
      await client.initialize({ watchesFiles });
      await client.open(APP, readFileSync(join(folder, APP), 'utf8'));
      const app = client.nextDiagnostics(APP);
      writeFileSync(join(folder, ROLE), `${readFileSync(join(folder, ROLE), 'utf8')}until: 2026-01-31\n`);
      if (watchesFiles) await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(ROLE), type: 2 }] });
      expect(
        (await app).map((d) => d.code),
        `client watches: ${watchesFiles}`,
      ).toEqual(['application-has-owner']);
      // itreg.yaml saved with the rule off: read again, and the finding goes.
      const off = client.nextDiagnostics(APP);
      writeFileSync(join(folder, 'itreg.yaml'), `${readFileSync(join(folder, 'itreg.yaml'), 'utf8')}rules:\n  application-has-owner: off\n`);
      if (watchesFiles) await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('itreg.yaml'), type: 2 }] });
      expect(await off, `client watches: ${watchesFiles}`).toEqual([]);
      await client.shutdown();
    }
  });

  it('finds a register in a sub-folder of the workspace from the first file opened in it', async () => {
    const top = temporaryFolder();
    cpSync(join(fixtures, 'clean'), join(top, 'governance'), { recursive: true });
    const client = start(top);
    await client.initialize();
    const role = readFileSync(join(top, 'governance', ROLE), 'utf8').replace('role: system-owner', 'role: system-ownr');
    const diagnostics = await client.open(`governance/${ROLE}`, role);
    expect(diagnostics.map((d) => [d.code, (d.data as { suggestion?: string } | undefined)?.suggestion])).toEqual([['schema', 'system-owner']]);
    expect(await client.shutdown()).toBe(0);
  });

  it('exits 1 on exit without shutdown, as the protocol says', async () => {
    const client = start(registerFrom('clean'));
    await client.initialize();
    await client.connection.sendNotification('exit');
    expect(await client.exited).toBe(1);
  });
});
