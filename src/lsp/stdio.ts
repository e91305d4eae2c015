// runLanguageServer(): `itreg lsp` as a process: the protocol on stdin and stdout, the server's log on stderr (never stdout, which the protocol owns).
import { format } from 'node:util';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { serveRegister, type ServerOptions } from './server.js';

/** Serves until the client closes the connection; the library ends the process at the protocol's `exit`. */
export function runLanguageServer(options: Omit<ServerOptions, 'log'>): Promise<number> {
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  // Anything printed by accident goes to the log: a stray line on stdout would break the client's framing.
  for (const name of ['log', 'info', 'debug', 'warn', 'error'] as const) console[name] = (...args: unknown[]) => log(format(...args));
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const server = serveRegister(connection, { ...options, log });
  return new Promise((resolve) => {
    // A client gone without `exit`: 0 after a shutdown, else 1 (as the protocol says for `exit`).
    process.stdin.on('end', () => resolve(server.shutDown() ? 0 : 1));
  });
}
