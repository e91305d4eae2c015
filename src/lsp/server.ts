// serveRegister(): the language server's protocol side (LSP 3.17) over any connection: documents in, diagnostics out, and the answers of features.ts.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, errorMessage } from '../errors.js';
import { translator, type Language } from '../i18n/index.js';
import { findConfig } from '../register/config.js';
import { watchRegister } from '../register/watch.js';
import { codeActionsFor, completionAt, definitionAt, diagnosticsOf, hoverAt } from './features.js';
import { RegisterWorkspace } from './workspace.js';

export interface ServerOptions {
  /** Where to look for itreg.yaml when the client names no workspace folder (the working folder). */
  readonly cwd: string;
  /** --config: the itreg.yaml to use, wherever the client's workspace is. */
  readonly configFile?: string;
  /** --lang, over itreg.yaml's language. */
  readonly language?: Language;
  /** "Now" for the lint's date (ITREG_NOW in tests). */
  readonly now?: () => Date;
  /** One line for the server's log (stderr: stdout carries the protocol). */
  readonly log: (line: string) => void;
  /** Log every change's timing, not only the loading. */
  readonly verbose?: boolean;
}

/** Serves the register over `connection` until the client says exit; tells whether the client asked to shut down. */
export function serveRegister(connection: Connection, options: ServerOptions): { shutDown: () => boolean } {
  let shutDown = false;
  const documents = new TextDocuments(TextDocument);
  let workspace: RegisterWorkspace | undefined;
  let language: Language = options.language ?? 'sv';
  let stopWatching: (() => void) | undefined;
  let clientWatches = false;
  let initialized = false;
  let following = false;
  /** An itreg.yaml that could not be read (not tried again for every file opened). */
  let failedConfig: string | undefined;
  let saidNoRegister = false;
  /** Whether the client applies a file rename in a workspace edit (the fix of id-matches-filename). */
  let canRename = false;
  /** Paths outside the register already logged (once each). */
  const outsideLogged = new Set<string>();
  const t = () => translator(workspace?.language ?? language);

  const pathOf = (uri: string): string | undefined => {
    if (!workspace || !uri.startsWith('file:')) return undefined;
    let absolute: string;
    try {
      absolute = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const inside = relative(workspace.root, absolute);
    if (inside === '' || inside.startsWith('..') || resolve(workspace.root, inside) !== resolve(absolute)) return undefined;
    return inside.split(sep).join('/');
  };
  const uriOf = (path: string): string => pathToFileURL(resolve(workspace!.root, path)).href;

  /** Runs a handler; a failure is logged and answered as nothing, and the server goes on. */
  const guard = <T>(method: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error: unknown) {
      options.log(t()({ id: 'lspFailed', data: { method, detail: errorMessage(error).split('\n')[0] } }));
      return fallback;
    }
  };

  const publish = (uri: string): void => {
    const path = pathOf(uri);
    const diagnostics = workspace && path !== undefined && workspace.isChecked(path) ? diagnosticsOf(workspace, path) : [];
    void connection.sendDiagnostics({ uri, diagnostics });
  };
  /** Publishes the open documents among `paths` (and `also`, whose text changed). */
  const publishChanged = (paths: ReadonlySet<string>, also?: string): void => {
    for (const document of documents.all()) {
      const path = pathOf(document.uri);
      if (document.uri === also || (path !== undefined && paths.has(path))) publish(document.uri);
    }
  };

  // Changes are taken up together once the messages that came with them are read: a burst of keystrokes lints once.
  const pendingDocuments = new Set<string>();
  let scheduled = false;
  const schedule = (uri: string): void => {
    pendingDocuments.add(uri);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const uris = [...pendingDocuments];
      pendingDocuments.clear();
      for (const next of uris) update(next);
    });
  };
  /** Without a register yet: the nearest itreg.yaml above a file the editor opened, once. */
  const findWorkspaceFor = (uri: string): void => {
    if (workspace || !uri.startsWith('file:')) return;
    const configFile = findConfig(dirname(fileURLToPath(uri)));
    if (configFile === undefined && !saidNoRegister) {
      saidNoRegister = true;
      options.log(`itreg lsp: ${translator(language)({ id: 'lspNoRegister', data: { folder: dirname(fileURLToPath(uri)) } })}`);
    }
    if (configFile === undefined || configFile === failedConfig) return;
    openWorkspace(configFile);
    if (initialized) followDisk();
  };
  const update = (uri: string): void =>
    guard('textDocument/didChange', undefined, () => {
      findWorkspaceFor(uri);
      const document = documents.get(uri);
      const path = pathOf(uri);
      if (!document || !workspace) return;
      if (path === undefined || !workspace.isChecked(path)) {
        if (!outsideLogged.has(uri)) {
          outsideLogged.add(uri);
          options.log(`itreg lsp: ${t()({ id: 'lspNotInRegister', data: { file: uri, register: pathToFileURL(resolve(workspace.root, workspace.registerFolder)).href } })}`);
        }
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const started = performance.now();
      const changed = workspace.setDocument(path, document.getText());
      if (options.verbose) options.log(t()({ id: 'lspChecked', data: { file: path, ms: Math.round(performance.now() - started), count: changed.size } }));
      publishChanged(changed, uri);
    });

  /** Reads the register of `configFile`; an itreg.yaml that cannot be read is said once, and the server answers nothing. */
  const openWorkspace = (configFile: string): void => {
    const started = performance.now();
    try {
      workspace = RegisterWorkspace.open(configFile, { ...(options.language ? { language: options.language } : {}), ...(options.now ? { now: options.now } : {}) });
      language = workspace.language;
      options.log(t()({ id: 'lspLoaded', data: { files: workspace.fileCount, folder: workspace.root, ms: Math.round(performance.now() - started) } }));
    } catch (error: unknown) {
      const detail = error instanceof ConfigError ? error.messageIn(language) : errorMessage(error).split('\n')[0]!;
      options.log(`itreg lsp: ${detail}`);
      connection.window.showErrorMessage(`itreg: ${detail}`);
      failedConfig = configFile;
    }
  };
  /** Files on disk: from the client where it offers to watch them, else from a watcher of the register's folder. */
  const followDisk = (): void => {
    if (!workspace || following) return;
    following = true;
    if (clientWatches) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/itreg-suppressions.json' }],
      });
    } else {
      stopWatching = watchRegister(workspace.root, workspace.registerFolder, (paths) => onDisk(paths));
    }
  };
  const onDisk = (paths: Iterable<string>): void =>
    guard('workspace/didChangeWatchedFiles', undefined, () => {
      if (!workspace) return;
      publishChanged(workspace.filesChanged(paths));
    });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const start = folder?.startsWith('file:') ? fileURLToPath(folder) : options.cwd;
    const configFile = options.configFile ?? findConfig(start) ?? findConfig(options.cwd);
    clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRename = params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('rename') === true;
    // No itreg.yaml above the workspace (a register in a sub-folder of the repository): the first file opened in one decides.
    if (configFile !== undefined) openWorkspace(configFile);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: [' ', '[', ','] },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'itreg' },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    followDisk();
    connection.onDidChangeWatchedFiles(({ changes }) => onDisk(changes.flatMap((change) => pathOf(change.uri) ?? [])));
  });

  documents.onDidChangeContent(({ document }) => schedule(document.uri));
  documents.onDidClose(({ document }) =>
    guard('textDocument/didClose', undefined, () => {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      const path = pathOf(document.uri);
      if (!workspace || path === undefined) return;
      publishChanged(workspace.closeDocument(path));
    }),
  );

  connection.onHover(({ textDocument, position }) =>
    guard('textDocument/hover', null, () => {
      const document = documents.get(textDocument.uri);
      return workspace && document && pathOf(textDocument.uri) !== undefined ? hoverAt(workspace, document.getText(), position) : null;
    }),
  );
  connection.onDefinition(({ textDocument, position }) =>
    guard('textDocument/definition', null, () => {
      const document = documents.get(textDocument.uri);
      return workspace && document && pathOf(textDocument.uri) !== undefined ? definitionAt(workspace, document.getText(), position, uriOf) : null;
    }),
  );
  connection.onCompletion(({ textDocument, position }) =>
    guard('textDocument/completion', [], () => {
      const document = documents.get(textDocument.uri);
      return workspace && document && pathOf(textDocument.uri) !== undefined ? completionAt(workspace, document.getText(), position) : [];
    }),
  );
  connection.onCodeAction(({ textDocument, context }) =>
    guard('textDocument/codeAction', [], () => {
      const path = pathOf(textDocument.uri);
      return workspace && path !== undefined && workspace.isChecked(path) ? codeActionsFor(workspace, path, textDocument.uri, context.diagnostics, uriOf, canRename) : [];
    }),
  );
  connection.onShutdown(() => {
    shutDown = true;
    stopWatching?.();
  });

  documents.listen(connection);
  connection.listen();
  return { shutDown: () => shutDown };
}
