#!/usr/bin/env node
// npm run bench: how soon `itreg lsp` answers a change with diagnostics, on the example register and on the 10,016-file
// synthetic one (bench/generate.mjs --defects). The server is spawned as an editor spawns it and spoken to over stdio;
// each sample ends an application owner's role in the open role file (and undoes it), and is timed from the didChange
// sent to the application's file re-published (the cross-file case, which lints the most), and to the role file's own.
// Usage: node bench/lsp.mjs [--runs N] [--apps N]
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { arg, median, root } from './lib.mjs';

const runs = arg('runs', 40);
const apps = arg('apps', 2000);
const large = join(tmpdir(), `itreg-bench-lsp-${apps}`);
execFileSync(process.execPath, [join(root, 'bench/generate.mjs'), large, String(apps), '--defects'], { stdio: 'inherit' });
const example = mkdtempSync(join(tmpdir(), 'itreg-bench-lsp-example-'));
cpSync(join(root, 'itreg.yaml'), join(example, 'itreg.yaml'));
cpSync(join(root, 'register'), join(example, 'register'), { recursive: true });

/** Starts the server on `folder`, opens the two files, and times `runs` changes. */
async function measure(label, folder, app, role) {
  const started = performance.now();
  // --debug: the server logs the time each change took it (lint and diff, without the messages' way there and back).
  const child = spawn(process.execPath, [join(root, 'bin/itreg.js'), 'lsp', '--debug', '--lang', 'en'], {
    cwd: folder,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ITREG_NOW: '2026-06-01T12:00:00Z' },
  });
  let log = '';
  child.stderr.on('data', (chunk) => (log += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', ({ uri, diagnostics }) => {
    waiting.get(uri)?.(diagnostics);
    waiting.delete(uri);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const uri = (path) => pathToFileURL(join(folder, path)).href;
  const next = (path) => new Promise((resolve) => waiting.set(uri(path), resolve));
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  await connection.sendNotification('initialized', {});
  const appText = readFileSync(join(folder, app), 'utf8');
  const roleText = readFileSync(join(folder, role), 'utf8');
  let opened = next(app);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(app), languageId: 'yaml', version: 1, text: appText } });
  await opened;
  const ready = performance.now() - started;
  opened = next(role);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(role), languageId: 'yaml', version: 1, text: roleText } });
  await opened;
  const crossFile = [];
  const ownFile = [];
  let version = 1;
  for (let i = 0; i < runs; i++) {
    const text = i % 2 === 0 ? `${roleText}until: 2026-01-31\n` : roleText;
    const appPublished = next(app);
    const rolePublished = next(role);
    const sent = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(role), version: ++version }, contentChanges: [{ text }] });
    await rolePublished;
    ownFile.push(performance.now() - sent);
    const diagnostics = await appPublished;
    crossFile.push(performance.now() - sent);
    if ((i % 2 === 0) !== diagnostics.some((d) => d.code === 'application-has-owner')) throw new Error(`${label}: change ${i} published the wrong findings`);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  await new Promise((resolve) => child.on('exit', resolve));
  const sorted = [...crossFile].sort((a, b) => a - b);
  // The last `runs` lines are the measured changes (the two opens came first).
  const server = [...log.matchAll(/checked in (\d+) ms/g)].map((m) => Number(m[1])).slice(-runs);
  const row = { label, ready, own: median(ownFile), cross: median(crossFile), p90: sorted[Math.floor(sorted.length * 0.9)], max: sorted.at(-1), server: median(server) };
  process.stderr.write(
    `  ${label}: ready ${ready.toFixed(0)} ms, change → own file ${row.own.toFixed(1)} ms, → application ${row.cross.toFixed(1)} ms (p90 ${row.p90.toFixed(1)}, max ${row.max.toFixed(1)}), the server's own work ${row.server} ms\n`,
  );
  return row;
}

process.stderr.write(`language server benchmark: ${runs} changes each\n`);
const rows = [
  await measure('example register', example, 'register/applications/diarium.yaml', 'register/roles/diarium-systemagare.yaml'),
  await measure(`synthetic register (${5 * apps + 11} files)`, large, 'register/applications/app-0001.yaml', 'register/roles/app-0001-owner.yaml'),
];

console.log(
  [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} changes each, medians`,
    '',
    "| itreg lsp | ready (ms) | change → own file (ms) | change → other open file (ms) | p90 (ms) | max (ms) | server's own work (ms) |",
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.label} | ${r.ready.toFixed(0)} | ${r.own.toFixed(1)} | ${r.cross.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.max.toFixed(1)} | ${r.server} |`),
  ].join('\n'),
);
