import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import { returnedValues, type FunctionWithBody } from './functions.js';
import { namedTypeReference, nodeAt } from './name-index.js';
import { skipOuter } from './syntax.js';

/**
 * The functions a call through a parameter, variable or field of a named function type may run
 * (`scan: Scanner | null` with `type Scanner = (buffer: ArrayBuffer) => Promise<Result>`): every
 * function the program declares to be of that type, returned from a function whose return type it
 * is (`function workerScanner(worker): Scanner { return buffer => … }`) or given to a variable
 * annotated with it. Undefined when the program has none, or one whose function is out of sight
 * (`return cached ?? make()`). Cached per type.
 */
export function implementationsOfType(
  ts: typeof TS,
  checker: TS.TypeChecker,
  program: TS.Program,
  cache: ProgramCache,
  declaration: TS.Declaration,
): readonly FunctionWithBody[] | undefined {
  if (
    !(
      ts.isParameter(declaration) ||
      ts.isVariableDeclaration(declaration) ||
      ts.isPropertyDeclaration(declaration) ||
      ts.isPropertySignature(declaration)
    ) ||
    declaration.type === undefined
  )
    return undefined;
  const reference = namedTypeReference(ts, declaration.type);
  const type = reference === undefined ? undefined : functionTypeSymbol(ts, checker, reference.typeName);
  if (reference === undefined || type === undefined) return undefined;
  return (
    cache.get('memsafe/type-implementations', type, () =>
      collect(ts, checker, program, reference.typeName.text, type),
    ) ?? undefined
  );
}

function collect(
  ts: typeof TS,
  checker: TS.TypeChecker,
  program: TS.Program,
  name: string,
  type: TS.Symbol,
): FunctionWithBody[] | null {
  const found: FunctionWithBody[] = [];
  const pattern = new RegExp(`\\b${name.replaceAll('$', '\\$')}\\b`, 'g');
  for (const sourceFile of program.getSourceFiles()) {
    if (
      sourceFile.isDeclarationFile ||
      program.isSourceFileFromExternalLibrary(sourceFile) ||
      !sourceFile.text.includes(name)
    )
      continue;
    for (const match of sourceFile.text.matchAll(pattern)) {
      const identifier = nodeAt(ts, sourceFile, match.index);
      if (
        !ts.isIdentifier(identifier) ||
        !ts.isTypeReferenceNode(identifier.parent) ||
        functionTypeSymbol(ts, checker, identifier) !== type
      )
        continue;
      let owner: TS.Node = identifier.parent;
      while (ts.isUnionTypeNode(owner.parent) || ts.isParenthesizedTypeNode(owner.parent)) owner = owner.parent;
      const holder = owner.parent;
      if (ts.isFunctionLike(holder) && holder.type === owner && 'body' in holder && holder.body !== undefined) {
        for (const value of returnedValues(ts, holder as FunctionWithBody)) {
          const fn = functionExpression(ts, value);
          if (fn === undefined) return null;
          found.push(fn);
        }
      } else if (ts.isVariableDeclaration(holder) && holder.type === owner && holder.initializer !== undefined) {
        const fn = functionExpression(ts, holder.initializer);
        if (fn === undefined) return null;
        found.push(fn);
      }
    }
  }
  return found.length === 0 ? null : found;
}

/** The declared symbol of a type alias of a function type, or an interface with only call signatures. */
function functionTypeSymbol(ts: typeof TS, checker: TS.TypeChecker, name: TS.Identifier): TS.Symbol | undefined {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.declarations ?? [];
  const isFunctionType =
    declarations.length > 0 &&
    declarations.every(declaration =>
      ts.isTypeAliasDeclaration(declaration)
        ? ts.isFunctionTypeNode(declaration.type)
        : ts.isInterfaceDeclaration(declaration)
          ? declaration.members.length > 0 && declaration.members.every(ts.isCallSignatureDeclaration)
          : false,
    );
  return isFunctionType ? symbol : undefined;
}

function functionExpression(ts: typeof TS, expression: TS.Expression): FunctionWithBody | undefined {
  const node = skipOuter(ts, expression);
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) ? node : undefined;
}
