import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import type { DocumentHost } from '../compiler/document-host.js';
import { serveLanguage } from './server.js';

/**
 * `memsafe lsp` over stdin and stdout, as editors start a language server. stdout carries the
 * protocol alone: what memsafe has to say goes through the connection (window/logMessage).
 */
export function serveStdio(loadCompiler: () => Promise<DocumentHost>): void {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  serveLanguage(connection, loadCompiler);
}
