import type TS from 'typescript';

/*
 * The part of TypeScript 7's JavaScript API (`typescript/unstable/sync` and `typescript/unstable/ast`)
 * that memsafe uses, written out so that memsafe builds without TypeScript 7 and a change in that
 * unstable API shows in one place; every check test runs on it (test/support/native.ts), so a change
 * that breaks memsafe fails there. Its syntax trees have the shape of TypeScript 6's (kind, parent, pos, end, the same
 * child names, getText, forEachChild), so they are typed as TypeScript 6's nodes; their SyntaxKind
 * numbers differ, which is why a check only compares kinds through the `ts` it is given.
 */

export interface NativeNodeHandle {
  readonly kind: number;
  readonly path: string;
  resolve(): TS.Node | undefined;
}

export interface NativeSymbol {
  readonly id: number;
  readonly name: string;
  readonly escapedName: string;
  readonly flags: number;
  readonly declarations: readonly NativeNodeHandle[];
  readonly valueDeclaration: NativeNodeHandle | undefined;
  getParent(): NativeSymbol | undefined;
}

export interface NativeType {
  readonly id: number;
  readonly flags: number;
  readonly objectFlags: number;
  readonly value: string | number | boolean | bigint;
  getSymbol(): NativeSymbol | undefined;
  getAliasSymbol(): NativeSymbol | undefined;
  getTypes(): readonly NativeType[] | undefined;
  isUnionType(): boolean;
  isIntersectionType(): boolean;
  isStringLiteralType(): boolean;
  isNumberLiteralType(): boolean;
}

export interface NativeChecker {
  getSymbolAtLocation(node: TS.Node): NativeSymbol | undefined;
  getTypeAtLocation(node: TS.Node): NativeType | undefined;
  getAliasedSymbol(symbol: NativeSymbol): NativeSymbol;
  getShorthandAssignmentValueSymbol(node: TS.Node): NativeSymbol | undefined;
  getTypeOfSymbol(symbol: NativeSymbol): NativeType | undefined;
  getTypeOfSymbolAtLocation(symbol: NativeSymbol, location: TS.Node): NativeType;
  getNonNullableType(type: NativeType): NativeType | undefined;
  getApparentType(type: NativeType): NativeType | undefined;
  getPropertyOfType(type: NativeType, name: string): NativeSymbol | undefined;
  getTypeArguments(type: NativeType): readonly NativeType[];
  isArrayType(type: NativeType): boolean;
  isUnknownSymbol(symbol: NativeSymbol): boolean;
  getAnyType(): NativeType;
  typeToString(type: NativeType): string;
}

export interface NativeProgram {
  getCompilerOptions(): Record<string, unknown>;
  getSourceFile(fileName: string): TS.SourceFile | undefined;
  getSourceFileNames(): readonly string[];
  getSourceFileMetadata(fileName: string): { isDefaultLibrary: boolean; isFromExternalLibrary: boolean } | undefined;
  isSourceFileFromExternalLibrary(file: TS.SourceFile): boolean;
  isSourceFileDefaultLibrary(file: TS.SourceFile): boolean;
}

export interface NativeProject {
  readonly configFileName: string;
  readonly rootFiles: readonly string[];
  readonly program: NativeProgram;
  readonly checker: NativeChecker;
}

export interface NativeSnapshot {
  getProjects(): readonly NativeProject[];
  getProject(configFileName: string): NativeProject | undefined;
  dispose(): void;
}

export interface NativeFileSystem {
  readFile?: (fileName: string) => string | null | undefined;
  fileExists?: (fileName: string) => boolean | undefined;
  directoryExists?: (directoryName: string) => boolean | undefined;
}

export interface NativeApi {
  parseConfigFile(file: string): { options: Record<string, unknown>; fileNames: string[] };
  updateSnapshot(params?: {
    openProjects?: string[];
    fileChanges?: { changed?: string[]; created?: string[]; deleted?: string[] } | { invalidateAll: true };
  }): NativeSnapshot;
  clearSourceFileCache(): void;
  close(): void;
}

/** `typescript/unstable/sync`. */
export interface NativeSyncModule {
  readonly API: new (options?: { cwd?: string; fs?: NativeFileSystem }) => NativeApi;
  readonly SymbolFlags: Readonly<Record<string, number | string>>;
  readonly TypeFlags: Readonly<Record<string, number | string>>;
  readonly ObjectFlags: Readonly<Record<string, number | string>>;
}

/** `typescript/unstable/ast`: the node tests, the enums and the comment and JSDoc helpers. */
export type NativeAstModule = Readonly<Record<string, unknown>> & {
  readonly SyntaxKind: Readonly<Record<string, number | string>>;
  readonly NodeFlags: Readonly<Record<string, number | string>>;
  readonly ModifierFlags: Readonly<Record<string, number | string>>;
};
