import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type TS from 'typescript';
import type { DocumentHost, OpenDocument } from '../document-host.js';

/** A tsconfig's language service, and how to give it the open documents to read. */
interface Session {
  readonly service: TS.LanguageService;
  show(documents: ReadonlyMap<string, OpenDocument>): void;
}

/**
 * `memsafe lsp`'s programs on TypeScript 5.5 to 6.0: a language service per tsconfig, which reuses
 * every unchanged file's tree and types when an open document changes.
 */
export function classicDocumentHost(ts: typeof TS): DocumentHost {
  const sessions = new Map<string, Session>();
  const registry = ts.createDocumentRegistry();

  const open = (tsconfig: string): Session => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      tsconfig,
      { noEmit: true },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    const options = parsed?.options ?? {};
    let documents: ReadonlyMap<string, OpenDocument> = new Map();
    const fileNames = (): string[] => {
      const names = new Set(parsed?.fileNames ?? []);
      // An open file the tsconfig does not list (a new one not saved yet) is checked with the project.
      for (const name of documents.keys()) if (name.startsWith(`${dirname(tsconfig)}/`)) names.add(name);
      return [...names];
    };
    const host: TS.LanguageServiceHost & { useSourceOfProjectReferenceRedirect(): boolean } = {
      getCompilationSettings: () => options,
      getProjectReferences: () => parsed?.projectReferences,
      getScriptFileNames: fileNames,
      getScriptVersion: fileName => {
        const document = documents.get(fileName);
        if (document !== undefined) return `open ${document.version}`;
        try {
          return `disk ${statSync(fileName).mtimeMs}`;
        } catch {
          return 'missing';
        }
      },
      getScriptSnapshot: fileName => {
        const document = documents.get(fileName);
        if (document !== undefined) return editedSnapshot(ts, document.text);
        const text = ts.sys.readFile(fileName);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => dirname(tsconfig),
      getDefaultLibFileName: settings => ts.getDefaultLibFilePath(settings),
      fileExists: fileName => documents.has(fileName) || ts.sys.fileExists(fileName),
      readFile: fileName => documents.get(fileName)?.text ?? ts.sys.readFile(fileName),
      readDirectory: (path, extensions, exclude, include, depth) =>
        ts.sys.readDirectory(path, extensions, exclude, include, depth),
      directoryExists: path => ts.sys.directoryExists(path),
      getDirectories: path => ts.sys.getDirectories(path),
      // As the CLI does: an import from a referenced project reads its source, not its build output.
      useSourceOfProjectReferenceRedirect: () => true,
    };
    return {
      service: ts.createLanguageService(host, registry),
      show: next => {
        documents = next;
      },
    };
  };

  return {
    ts,
    version: ts.version,
    programFor(tsconfig, documents) {
      let session = sessions.get(tsconfig);
      if (session === undefined) sessions.set(tsconfig, (session = open(tsconfig)));
      session.show(documents);
      const program = session.service.getProgram();
      if (program === undefined) throw new Error(`TypeScript ${ts.version} made no program for ${tsconfig}`);
      return program;
    },
    confirm() {
      // One process: nothing can end under the answers.
    },
    close() {
      for (const session of sessions.values()) session.service.dispose();
      sessions.clear();
    },
  };
}

/**
 * An open document's text that tells the language service which span an edit changed (between the
 * common prefix and suffix of the two versions), so that it parses that span again and keeps the
 * rest of the tree, as tsserver does with an editor's edits.
 */
function editedSnapshot(ts: typeof TS, text: string): TS.IScriptSnapshot {
  const snapshot = ts.ScriptSnapshot.fromString(text);
  return {
    getText: (start, end) => snapshot.getText(start, end),
    getLength: () => snapshot.getLength(),
    getChangeRange: old => {
      const before = old.getText(0, old.getLength());
      const shorter = Math.min(before.length, text.length);
      let prefix = 0;
      while (prefix < shorter && before.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
      let suffix = 0;
      while (
        suffix < shorter - prefix &&
        before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
      )
        suffix++;
      return ts.createTextChangeRange(
        ts.createTextSpan(prefix, before.length - suffix - prefix),
        text.length - suffix - prefix,
      );
    },
  };
}
