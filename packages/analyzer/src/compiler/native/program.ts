import type TS from 'typescript';
import type { NativeProject } from './api.js';
import { nativeChecker } from './checker.js';

/**
 * A TypeScript 7 project's program behind the part of TypeScript 6's `Program` the checks ask.
 * `getSourceFiles()` leaves out the default library and external libraries, whose trees would each
 * cross the process boundary for nothing: every caller skips those files.
 */
export function nativeProgram(project: NativeProject): TS.Program {
  const native = project.program;
  const checker = nativeChecker(project.checker);
  let own: TS.SourceFile[] | undefined;
  const program = {
    getCompilerOptions: () => native.getCompilerOptions() as TS.CompilerOptions,
    getRootFileNames: () => project.rootFiles,
    getSourceFile: (fileName: string) => native.getSourceFile(fileName),
    getSourceFiles: () =>
      (own ??= native.getSourceFileNames().flatMap(fileName => {
        const metadata = native.getSourceFileMetadata(fileName);
        if (metadata === undefined || metadata.isDefaultLibrary || metadata.isFromExternalLibrary) return [];
        return native.getSourceFile(fileName) ?? [];
      })),
    getTypeChecker: () => checker,
    isSourceFileFromExternalLibrary: (file: TS.SourceFile) => native.isSourceFileFromExternalLibrary(file),
    isSourceFileDefaultLibrary: (file: TS.SourceFile) => native.isSourceFileDefaultLibrary(file),
  };
  return program as unknown as TS.Program;
}
