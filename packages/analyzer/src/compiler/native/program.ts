import type TS from 'typescript';
import type { NativeProject } from './api.js';
import { nativeChecker } from './checker.js';

/** Whether a file is the default library's or an external library's: the same in every program of a project. */
export interface FileKind {
  readonly isDefaultLibrary: boolean;
  readonly isFromExternalLibrary: boolean;
}

export type FileKinds = Map<string, FileKind | undefined>;

/**
 * A TypeScript 7 project's program behind the part of TypeScript 6's `Program` the checks ask.
 * `getSourceFiles()` leaves out the default library and external libraries, whose trees would each
 * cross the process boundary for nothing: every caller skips those files. `kinds` keeps what the
 * process said of each file for the next program of the project (an editor's next keystroke).
 */
export function nativeProgram(project: NativeProject, kinds: FileKinds = new Map()): TS.Program {
  const native = project.program;
  const checker = nativeChecker(project.checker);
  const kindOf = (fileName: string) => {
    if (!kinds.has(fileName)) kinds.set(fileName, native.getSourceFileMetadata(fileName));
    return kinds.get(fileName);
  };
  let own: TS.SourceFile[] | undefined;
  const program = {
    getCompilerOptions: () => native.getCompilerOptions() as TS.CompilerOptions,
    getRootFileNames: () => project.rootFiles,
    getSourceFile: (fileName: string) => native.getSourceFile(fileName),
    getSourceFiles: () =>
      (own ??= native.getSourceFileNames().flatMap(fileName => {
        const metadata = kindOf(fileName);
        if (metadata === undefined || metadata.isDefaultLibrary || metadata.isFromExternalLibrary) return [];
        return native.getSourceFile(fileName) ?? [];
      })),
    getTypeChecker: () => checker,
    isSourceFileFromExternalLibrary: (file: TS.SourceFile) => native.isSourceFileFromExternalLibrary(file),
    isSourceFileDefaultLibrary: (file: TS.SourceFile) => native.isSourceFileDefaultLibrary(file),
  };
  return program as unknown as TS.Program;
}
