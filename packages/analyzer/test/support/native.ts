import type TS from 'typescript';
import * as ast from 'typescript7/unstable/ast';
import * as sync from 'typescript7/unstable/sync';
import type { NativeApi, NativeSnapshot, NativeSyncModule } from '../../src/compiler/native/api.js';
import { nativeTs } from '../../src/compiler/native/facade.js';
import { nativeProgram } from '../../src/compiler/native/program.js';
import { VIRTUAL_ROOT } from './virtual-root.js';

/** The `ts` the checks are given on TypeScript 7. */
export const nativeTypeScript: typeof TS = nativeTs(ast, sync as unknown as NativeSyncModule);

const TSCONFIG = `${VIRTUAL_ROOT}tsconfig.json`;
/** The compiler options of the classic test programs (support/program.ts), as a tsconfig says them. */
const COMPILER_OPTIONS = {
  strict: true,
  target: 'es2022',
  module: 'nodenext',
  moduleResolution: 'nodenext',
  lib: ['es2024', 'dom'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
};

const files = new Map<string, string>();
/** Every path ever served from memory: once gone from `files`, it no longer exists. */
const served = new Set<string>();
let api: NativeApi | undefined;
let snapshot: NativeSnapshot | undefined;

/**
 * A TypeScript 7 program over in-memory `files`, the same as support/program.ts makes on
 * TypeScript 6. One compiler process serves every program of a test file; each program is a new
 * snapshot with only the changed files read again.
 */
export function createNativeProgram(sources: Readonly<Record<string, string>>): {
  program: TS.Program;
  paths: string[];
} {
  const paths = Object.keys(sources).map(name => VIRTUAL_ROOT + name);
  const changed = [...new Set([...files.keys(), ...paths, TSCONFIG])];
  files.clear();
  for (const [name, text] of Object.entries(sources)) files.set(VIRTUAL_ROOT + name, text);
  files.set(TSCONFIG, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: paths }));
  for (const path of files.keys()) served.add(path);
  api ??= startCompiler();
  snapshot?.dispose();
  // The client keeps a file's tree across snapshots unless the server lists it as changed, and it
  // does not list files changed only through the `fs` callbacks.
  api.clearSourceFileCache();
  snapshot = api.updateSnapshot({ openProjects: [TSCONFIG], fileChanges: { changed } });
  const project = snapshot.getProject(TSCONFIG);
  if (project === undefined) throw new Error(`TypeScript 7 did not open ${TSCONFIG}`);
  return { program: nativeProgram(project), paths };
}

function startCompiler(): NativeApi {
  const compiler = new (sync as unknown as NativeSyncModule).API({
    cwd: VIRTUAL_ROOT,
    fs: {
      // `undefined` reads the real file system; `null` says the file does not exist.
      readFile: path => files.get(path) ?? (served.has(path) ? null : undefined),
      fileExists: path => (files.has(path) ? true : served.has(path) ? false : undefined),
      // The virtual folders exist only in memory; module resolution asks for them before their files.
      directoryExists: path => {
        const folder = path.endsWith('/') ? path : `${path}/`;
        return VIRTUAL_ROOT.startsWith(folder) || [...files.keys()].some(file => file.startsWith(folder))
          ? true
          : undefined;
      },
    },
  });
  process.once('exit', () => compiler.close());
  return compiler;
}
