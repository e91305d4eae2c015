// The VS Code extension in editors/vscode/ hangs together: its manifest's entry is what its package script builds, it starts
// where an itreg.yaml is, runs `itreg lsp` from the register's node_modules or PATH, and ships the client library.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers.js';

const folder = join(projectRoot, 'editors/vscode');
interface Manifest {
  readonly main: string;
  readonly scripts: Record<string, string>;
  readonly dependencies: Record<string, string>;
  readonly activationEvents: string[];
}
const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;
const source = readFileSync(join(folder, 'extension.js'), 'utf8');

describe('the VS Code extension', () => {
  it('is built into the file its manifest names, and packaged without node_modules', () => {
    const script = String(manifest.scripts['package']);
    expect(script).toContain(`--outfile=${manifest.main.replace(/^\.\//, '')}`);
    expect(script).toMatch(/vsce package --no-dependencies/);
    expect(readFileSync(join(folder, '.vscodeignore'), 'utf8')).toMatch(/^node_modules\/\*\*$/m);
    expect(Object.keys(manifest.dependencies)).toEqual(['vscode-languageclient']);
  });

  it("starts for a workspace with an itreg.yaml and runs `itreg lsp`, the register's own itreg first", () => {
    expect(manifest.activationEvents).toEqual(['workspaceContains:**/itreg.yaml']);
    expect(source).toMatch(/args: \['lsp'\]/);
    expect(source).toMatch(/join\(dir, 'node_modules', '\.bin', name\)/);
    expect(source).toMatch(/require\('vscode-languageclient\/node'\)/);
  });

  it('is packaged by an npm script of the repository', () => {
    const root = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(root.scripts['package:vscode']).toBe('npm --prefix editors/vscode ci --no-audit --no-fund && npm --prefix editors/vscode run package');
  });
});
