import type TS from 'typescript';
import { classifyNode } from '../../types/classify.js';
import { nodesOfKinds, outerParent } from '../../util/syntax.js';

export type AddressUse = 'shift' | 'subarray' | 'slice' | 'construct' | 'index';

/** What each use of a signed pointer does wrong, for the message. */
export const ADDRESS_USES: Readonly<Record<Exclude<AddressUse, 'shift'>, string>> = {
  subarray: '`subarray` counts it from the end of memory',
  slice: '`slice` counts it from the end of memory',
  construct: 'a typed array made at it throws a RangeError',
  index: 'an index with it reads undefined and writes nothing',
};

/**
 * Names that stand where an address goes, by syntax alone: only declarations of these names are
 * worth a type question.
 */
export function namesUsedAsAddresses(ts: typeof TS, sourceFile: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const node of nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.Identifier]) as readonly TS.Identifier[]) {
    if (!names.has(node.text) && addressPosition(ts, node) !== undefined) names.add(node.text);
  }
  return names;
}

/** Names passed as an argument to a call, by syntax alone: a signed value may go on into a helper. */
export function namesHandedToCalls(ts: typeof TS, sourceFile: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const call of nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.CallExpression]) as readonly TS.CallExpression[]) {
    for (const argument of call.arguments) if (ts.isIdentifier(argument)) names.add(argument.text);
  }
  return names;
}

export interface AddressContext {
  readonly use: AddressUse;
  /** The index access, call or `new` the address goes into. */
  readonly parent: TS.Node;
}

/**
 * Where `identifier` stands if it is used as an address, by syntax alone: the left of `>>`, or,
 * alone or as the base of `p + offset` or `p / 4`, an argument of `subarray`/`slice`, the offset argument of
 * `new`, an element index.
 */
function addressContext(ts: typeof TS, identifier: TS.Identifier): AddressContext | undefined {
  let { parent, child } = outerParent(ts, identifier);
  if (
    ts.isBinaryExpression(parent) &&
    parent.left === child &&
    parent.operatorToken.kind === ts.SyntaxKind.GreaterThanGreaterThanToken
  )
    return { use: 'shift', parent };
  while (ts.isBinaryExpression(parent) && parent.left === child && isOffsetOperator(ts, parent.operatorToken.kind)) {
    ({ parent, child } = outerParent(ts, parent));
  }
  if (
    ts.isCallExpression(parent) &&
    ts.isPropertyAccessExpression(parent.expression) &&
    parent.arguments.includes(child as TS.Expression)
  ) {
    const method = parent.expression.name.text;
    return method === 'subarray' || method === 'slice' ? { use: method, parent } : undefined;
  }
  // `new T(buffer, offset, length)`: the offset is an address; a length from wasm is a count.
  if (ts.isNewExpression(parent))
    return parent.arguments?.indexOf(child as TS.Expression) === 1 ? { use: 'construct', parent } : undefined;
  return ts.isElementAccessExpression(parent) && parent.argumentExpression === child
    ? { use: 'index', parent }
    : undefined;
}

/** `p + offset`, `p - header`, `p / 4`: an address is still the base of what these make. */
function isOffsetOperator(ts: typeof TS, kind: TS.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.PlusToken || kind === ts.SyntaxKind.MinusToken || kind === ts.SyntaxKind.SlashToken;
}

export function addressPosition(ts: typeof TS, identifier: TS.Identifier): AddressUse | undefined {
  return addressContext(ts, identifier)?.use;
}

/**
 * How `use` feeds a signed pointer into memory addressing, if it does: its position and the access
 * it goes into, confirmed by the types around it.
 */
export function misuse(ts: typeof TS, checker: TS.TypeChecker, use: TS.Identifier): AddressContext | undefined {
  const context = addressContext(ts, use);
  if (context === undefined || context.use === 'shift') return context;
  const { parent } = context;
  if (context.use === 'construct') {
    const kind = classifyNode(ts, checker, (parent as TS.NewExpression).arguments![0]!);
    return kind === 'ArrayBuffer' || kind === 'SharedArrayBuffer' ? context : undefined;
  }
  // `subarray`/`slice` on their receiver, or an index into the indexed object.
  const memory =
    context.use === 'index'
      ? (parent as TS.ElementAccessExpression).expression
      : ((parent as TS.CallExpression).expression as TS.PropertyAccessExpression).expression;
  const kind = classifyNode(ts, checker, memory);
  return kind === 'TypedArray' || kind === 'Buffer' || kind === 'BigIntTypedArray' ? context : undefined;
}
