// A language client for the tests: spawns the built `itreg lsp` and speaks JSON-RPC over its stdio, as an editor does.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { bin } from '../helpers.js';

export interface Diagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity?: number;
  readonly code?: string | number;
  readonly codeDescription?: { href: string };
  readonly source?: string;
  readonly message: string;
  readonly data?: unknown;
}

export interface LspClientOptions {
  /** Whether the client offers to watch files for the server (workspace/didChangeWatchedFiles). */
  readonly watchesFiles?: boolean;
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  stderr = '';
  stdoutBytes = 0;
  /** Every publishDiagnostics by uri, the latest last. */
  readonly published = new Map<string, Diagnostic[][]>();
  private waiters: Array<{ uri: string; after: number; resolve: (d: Diagnostic[]) => void }> = [];
  exited: Promise<number | null>;
  private versions = new Map<string, number>();

  constructor(
    readonly folder: string,
    options: LspClientOptions = {},
  ) {
    this.process = spawn(process.execPath, [bin, 'lsp', ...(options.args ?? [])], {
      cwd: folder,
      env: { ...process.env, ITREG_NOW: '2026-06-01T12:00:00Z', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.process.stdout!.on('data', (chunk: Buffer) => (this.stdoutBytes += chunk.length));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params.diagnostics);
      this.published.set(params.uri, list);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.uri !== params.uri || list.length <= waiter.after) return true;
        waiter.resolve(params.diagnostics);
        return false;
      });
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.listen();
  }

  uri(path: string): string {
    return pathToFileURL(join(this.folder, path)).href;
  }

  async initialize(options: LspClientOptions = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.folder).href,
      workspaceFolders: [{ uri: pathToFileURL(this.folder).href, name: 'register' }],
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles ?? true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
        textDocument: { publishDiagnostics: {} },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next diagnostics published for `path` after those seen so far. */
  nextDiagnostics(path: string, timeout = 10_000): Promise<Diagnostic[]> {
    const uri = this.uri(path);
    const after = this.published.get(uri)?.length ?? 0;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${path} within ${timeout} ms; stderr: ${this.stderr}`)), timeout);
      this.waiters.push({ uri, after, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  /** The diagnostics last published for `path`. */
  latest(path: string): Diagnostic[] | undefined {
    return this.published.get(this.uri(path))?.at(-1);
  }

  async open(path: string, text: string): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(path);
    this.versions.set(path, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(path), languageId: 'yaml', version: 1, text } });
    return next;
  }

  /** Replaces the whole text (the server also takes ranges: see change()). */
  async replace(path: string, text: string): Promise<void> {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ text }] });
  }

  async change(path: string, range: Diagnostic['range'], text: string): Promise<void> {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(path), version }, contentChanges: [{ range, text }] });
  }

  async close(path: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(path) } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}
