// The itreg extension for VS Code: starts `itreg lsp` for the register of the workspace (the one itreg.yaml is in) and
// hands it the register's YAML files. itreg comes from the register's own node_modules, else from PATH (or itreg.path).
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { workspace, window, RelativePattern } = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** The itreg to run for a register folder: itreg.path, the register's node_modules/.bin/itreg (up to the workspace), else PATH. */
function itregCommand(folder, top) {
  const configured = workspace.getConfiguration('itreg').get('path');
  if (configured) return configured;
  const name = process.platform === 'win32' ? 'itreg.cmd' : 'itreg';
  for (let dir = folder; ; dir = dirname(dir)) {
    const local = join(dir, 'node_modules', '.bin', name);
    if (existsSync(local)) return local;
    if (dir === top || dirname(dir) === dir) return name;
  }
}

async function activate(context) {
  const [config] = await workspace.findFiles('**/itreg.yaml', '**/node_modules/**', 1);
  const top = workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!config || !top) return;
  const folder = dirname(config.fsPath);
  const command = itregCommand(folder, top);
  const output = window.createOutputChannel('itreg');
  client = new LanguageClient(
    'itreg',
    'itreg',
    // No transport named: the server speaks over stdin and stdout, its log comes on stderr (the output channel).
    { command, args: ['lsp'], options: { cwd: folder, shell: process.platform === 'win32' } },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml', pattern: `${folder.replace(/\\/g, '/')}/**/*.{yaml,yml}` }],
      synchronize: { fileEvents: workspace.createFileSystemWatcher(new RelativePattern(folder, '**/{*.yaml,*.yml,itreg-suppressions.json}')) },
      outputChannel: output,
    },
  );
  context.subscriptions.push(output);
  try {
    await client.start();
  } catch (error) {
    window.showErrorMessage(`itreg: could not start "${command} lsp" (${error instanceof Error ? error.message : String(error)}). Install itreg in the register (npm install --save-dev itreg) or set itreg.path.`);
  }
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
