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
        const text = documents.get(fileName)?.text ?? ts.sys.readFile(fileName);
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
    close() {
      for (const session of sessions.values()) session.service.dispose();
      sessions.clear();
    },
  };
}
