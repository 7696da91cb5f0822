import type { DocumentHost, OpenDocument } from '../document-host.js';
import type { NativeApi, NativeAstModule, NativeProject, NativeSnapshot, NativeSyncModule } from './api.js';
import { nativeTs } from './facade.js';
import { confirmAnswering, disposeQuietly, endQuietly } from './host.js';
import { nativeProgram, type FileKind, type FileKinds } from './program.js';

/**
 * `memsafe lsp`'s programs on TypeScript 7: one compiler process, which reads an open document's
 * unsaved text through its file system callbacks; after an edit, a new snapshot with the edited
 * files marked changed.
 */
export function nativeDocumentHost(
  ast: NativeAstModule,
  sync: NativeSyncModule,
  version: string,
  cwd: string,
): DocumentHost {
  let documents: ReadonlyMap<string, OpenDocument> = new Map();
  let api: NativeApi | undefined;
  const snapshots = new Map<string, NativeSnapshot>();
  const compiler = () =>
    (api ??= new sync.API({
      cwd,
      // `undefined` reads the file from disk.
      fs: { readFile: path => documents.get(path)?.text, fileExists: path => (documents.has(path) ? true : undefined) },
    }));
  let last: NativeProject | undefined;
  /** Per tsconfig: which files are libraries, kept while only open documents change. */
  const kinds = new Map<string, FileKinds>();
  /** Forgets a compiler process that failed: the next program starts a new one. */
  const reset = (): void => {
    for (const snapshot of snapshots.values()) disposeQuietly(snapshot);
    snapshots.clear();
    kinds.clear();
    last = undefined;
    if (api !== undefined) endQuietly(api);
    api = undefined;
  };
  return {
    ts: nativeTs(ast, sync),
    version,
    programFor(tsconfig, next, changed) {
      documents = next;
      try {
        const native = compiler();
        // The client keeps every other file's tree (the default library's among them) from the last
        // snapshot: the server lists the files named here as changed, and the client fetches only those.
        const snapshot = native.updateSnapshot({ openProjects: [tsconfig], fileChanges: { changed: [...changed] } });
        snapshots.get(tsconfig)?.dispose();
        snapshots.set(tsconfig, snapshot);
        last = snapshot.getProject(tsconfig);
      } catch (error) {
        reset();
        throw error;
      }
      if (last === undefined) throw new Error(`TypeScript ${version} could not open ${tsconfig}`);
      // A file changed on disk (a package installed, a tsconfig edited) may change which are libraries.
      if (changed.some(path => !documents.has(path))) kinds.clear();
      const known = kinds.get(tsconfig) ?? new Map<string, FileKind | undefined>();
      kinds.set(tsconfig, known);
      return nativeProgram(last, known);
    },
    confirm() {
      try {
        if (last !== undefined) confirmAnswering(last, version);
      } catch (error) {
        reset();
        throw error;
      }
    },
    close() {
      reset();
    },
  };
}
