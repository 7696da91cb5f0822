import type TS from 'typescript';
import type { NativeAstModule, NativeSyncModule } from './api.js';

type Kinds = Readonly<Record<string, number>>;

/**
 * The `ts` a check is given, over TypeScript 7's syntax trees: its node tests and enums, plus the
 * few helpers of TypeScript 6's API that its JavaScript API leaves out, written here as TypeScript 6
 * defines them. Only what the checks ask for: test/compiler/backends.test.ts runs every check on both
 * compilers, so a missing member fails there.
 */
export function nativeTs(ast: NativeAstModule, sync: NativeSyncModule): typeof TS {
  const kind = ast.SyntaxKind as Kinds;
  const nodeFlags = ast.NodeFlags as Kinds;
  const modifierFlags = ast.ModifierFlags as Kinds;
  const set = (...names: string[]) => new Set(names.map(name => kind[name]));
  const functionLike = set(
    'MethodSignature',
    'CallSignature',
    'JSDocSignature',
    'ConstructSignature',
    'IndexSignature',
    'FunctionType',
    'JSDocFunctionType',
    'ConstructorType',
    'FunctionDeclaration',
    'MethodDeclaration',
    'Constructor',
    'GetAccessor',
    'SetAccessor',
    'FunctionExpression',
    'ArrowFunction',
  );
  const classLike = set('ClassDeclaration', 'ClassExpression');
  const iteration = set('ForStatement', 'ForInStatement', 'ForOfStatement', 'DoStatement', 'WhileStatement');
  const stringLiteralLike = set('StringLiteral', 'NoSubstitutionTemplateLiteral');
  const parameterPropertyModifiers =
    modifierFlags.Public! |
    modifierFlags.Private! |
    modifierFlags.Protected! |
    modifierFlags.Readonly! |
    modifierFlags.Override!;
  const modifierFlagOf = new Map<number | undefined, number>([
    [kind.ExportKeyword, modifierFlags.Export!],
    [kind.DeclareKeyword, modifierFlags.Ambient!],
    [kind.DefaultKeyword, modifierFlags.Default!],
    [kind.ConstKeyword, modifierFlags.Const!],
    [kind.PublicKeyword, modifierFlags.Public!],
    [kind.PrivateKeyword, modifierFlags.Private!],
    [kind.ProtectedKeyword, modifierFlags.Protected!],
    [kind.ReadonlyKeyword, modifierFlags.Readonly!],
    [kind.OverrideKeyword, modifierFlags.Override!],
    [kind.AbstractKeyword, modifierFlags.Abstract!],
    [kind.AsyncKeyword, modifierFlags.Async!],
    [kind.StaticKeyword, modifierFlags.Static!],
    [kind.AccessorKeyword, modifierFlags.Accessor!],
    [kind.InKeyword, modifierFlags.In!],
    [kind.OutKeyword, modifierFlags.Out!],
  ]);

  const modifierFlagsOf = (node: TS.Node): number => {
    let flags = 0;
    for (const modifier of (node as { modifiers?: readonly TS.Node[] }).modifiers ?? [])
      flags |= modifierFlagOf.get(modifier.kind) ?? 0;
    return flags;
  };
  // TypeScript 6's getCombinedFlags: a declaration's own flags with its list's and statement's.
  const combined = (start: TS.Node, flagsOf: (node: TS.Node) => number): number => {
    let node: TS.Node | undefined = start;
    // From a binding element up through its patterns to the declaration that holds them.
    if (node.kind === kind.BindingElement) {
      node = node.parent;
      while (node.parent.kind === kind.BindingElement) node = node.parent.parent;
      node = node.parent;
    }
    let flags = flagsOf(node);
    if (node.kind === kind.VariableDeclaration) node = node.parent;
    if (node !== undefined && node.kind === kind.VariableDeclarationList) {
      flags |= flagsOf(node);
      node = node.parent;
    }
    if (node !== undefined && node.kind === kind.VariableStatement) flags |= flagsOf(node);
    return flags;
  };

  const facade: Record<string, unknown> = {
    ...ast,
    SymbolFlags: sync.SymbolFlags,
    TypeFlags: sync.TypeFlags,
    ObjectFlags: sync.ObjectFlags,
    // TypeScript 7 names these tests after the declaration.
    isParameter: ast.isParameterDeclaration,
    isMethodSignature: ast.isMethodSignatureDeclaration,
    isPropertySignature: ast.isPropertySignatureDeclaration,
    isTypeAssertionExpression: ast.isTypeAssertion,
    isFunctionLike: (node: TS.Node | undefined) => node !== undefined && functionLike.has(node.kind),
    // TypeScript 6 counts a block as a statement only where it stands alone: not a function's body,
    // nor a try or catch block. TypeScript 7 counts every block.
    isStatement: (node: TS.Node) =>
      node.kind === kind.Block
        ? node.parent === undefined ||
          !(
            node.parent.kind === kind.TryStatement ||
            node.parent.kind === kind.CatchClause ||
            functionLike.has(node.parent.kind)
          )
        : (ast.isStatement as (node: TS.Node) => boolean)(node),
    isClassLike: (node: TS.Node | undefined) => node !== undefined && classLike.has(node.kind),
    isIterationStatement: function isIterationStatement(node: TS.Node, lookInLabeledStatements: boolean): boolean {
      if (iteration.has(node.kind)) return true;
      return (
        lookInLabeledStatements &&
        node.kind === kind.LabeledStatement &&
        isIterationStatement((node as TS.LabeledStatement).statement, true)
      );
    },
    isStringLiteralLike: (node: TS.Node) => stringLiteralLike.has(node.kind),
    isParameterPropertyDeclaration: (node: TS.Node, parent: TS.Node) =>
      node.kind === kind.Parameter &&
      parent.kind === kind.Constructor &&
      (modifierFlagsOf(node) & parameterPropertyModifiers) !== 0,
    forEachChild: <T>(
      node: TS.Node,
      visit: (child: TS.Node) => T,
      visitArray?: (children: TS.NodeArray<TS.Node>) => T,
    ): T | undefined => node.forEachChild(visit, visitArray),
    findAncestor: (node: TS.Node | undefined, test: (node: TS.Node) => boolean | 'quit') => {
      for (let current = node; current !== undefined; current = current.parent) {
        const result = test(current);
        if (result === 'quit') return undefined;
        if (result) return current;
      }
      return undefined;
    },
    getCombinedNodeFlags: (node: TS.Node) => combined(node, n => n.flags & ~nodeFlags.Synthesized!),
    getCombinedModifierFlags: (node: TS.Node) => combined(node, modifierFlagsOf),
  };
  return facade as unknown as typeof TS;
}
