import type { DocumentHost, OpenDocument } from '../document-host.js';
import type { NativeApi, NativeAstModule, NativeSnapshot, NativeSyncModule } from './api.js';
import { nativeTs } from './facade.js';
import { endQuietly } from './host.js';
import { nativeProgram } from './program.js';

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
  return {
    ts: nativeTs(ast, sync),
    version,
    programFor(tsconfig, next, changed) {
      documents = next;
      const native = compiler();
      // The client keeps every other file's tree (the default library's among them) from the last
      // snapshot: the server lists the files named here as changed, and the client fetches only those.
      const snapshot = native.updateSnapshot({ openProjects: [tsconfig], fileChanges: { changed: [...changed] } });
      snapshots.get(tsconfig)?.dispose();
      snapshots.set(tsconfig, snapshot);
      const project = snapshot.getProject(tsconfig);
      if (project === undefined) throw new Error(`TypeScript ${version} could not open ${tsconfig}`);
      return nativeProgram(project);
    },
    close() {
      if (api === undefined) return;
      for (const snapshot of snapshots.values()) snapshot.dispose();
      snapshots.clear();
      endQuietly(api);
      api = undefined;
    },
  };
}
