import { createConnection } from 'vscode-languageserver/node.js';
import type { DocumentHost } from '../compiler/document-host.js';
import { serveLanguage } from './server.js';

/**
 * `memsafe lsp` over stdin and stdout, as editors start a language server. stdout carries the
 * protocol alone: what memsafe has to say goes through the connection (window/logMessage). Given
 * the streams themselves, the connection ends the process when stdin closes: an editor that dies
 * without `exit` leaves no server behind.
 */
export function serveStdio(loadCompiler: () => Promise<DocumentHost>): void {
  const connection = createConnection(process.stdin, process.stdout);
  serveLanguage(connection, loadCompiler);
}
