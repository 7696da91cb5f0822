import type TS from 'typescript';
import { defineCheck, NO_OPTIONS } from '../../check.js';
import { TYPED_ARRAY_NAMES } from '../../types/classify.js';
import { referencesIn } from '../../util/name-index.js';
import { abbreviate, accessPath, outerParent, skipOuter, walk } from '../../util/syntax.js';
import { isProvenContiguous, STORAGE_NAMES, stridedArrayOf, type StridedArray } from './strided.js';

const messages = {
  stridedEscape: '`{{data}}` {{use}} as if `{{array}}` were contiguous, which nothing here proves. {{fix}}',
};

/** Array methods that walk their receiver from the first element to the last. */
const LINEAR_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'filter',
  'reduce',
  'reduceRight',
  'every',
  'some',
  'find',
  'findIndex',
  'indexOf',
  'includes',
  'join',
  'slice',
  'subarray',
  'entries',
  'values',
  'keys',
  'toString',
]);

interface Use {
  readonly node: TS.Node;
  /** What the use does, for the message: "is passed to `blas.dasum(…)`". */
  readonly what: string;
}

export const noStridedDataEscape = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'no-strided-data-escape',
  code: 91011,
  description: 'Disallow passing on or walking linearly the flat storage of a strided n-d array not proven contiguous',
  type: 'problem',
  preset: 'strict',
  messages,
  ...NO_OPTIONS,
  // A strided type may come from another file: its shape, its name or its strides show in this one.
  mayApply: text => /\.(?:data|array)\b/.test(text) && /\bstrides?\b|\.shape\b|\.raw\(|ndarray/i.test(text),
  check(context) {
    const { ts, checker, sourceFile } = context;
    walk(ts, sourceFile, node => {
      if (!ts.isPropertyAccessExpression(node) || !STORAGE_NAMES.has(node.name.text)) return;
      const uses = linearUses(ts, checker, node);
      if (uses.length === 0) return;
      const strided = stridedArrayOf(ts, checker, node.expression, node.name.text);
      if (strided === undefined) return;
      for (const use of uses) {
        if (isProvenContiguous(ts, checker, node.expression, use.node, strided.strideName)) continue;
        context.report({
          node: use.node,
          messageId: 'stridedEscape',
          data: describe(ts, node, use, strided, sourceFile),
        });
      }
    });
  },
});

/**
 * Where the storage `access` is read as a plain linear array: passed to a call without its strides
 * and offset, iterated, walked by an array method, or indexed by a loop counter; directly or
 * through the `const` it is stored in.
 */
function linearUses(ts: typeof TS, checker: TS.TypeChecker, access: TS.PropertyAccessExpression): Use[] {
  const owner = accessPath(ts, access.expression);
  const direct = linearUse(ts, checker, access, owner);
  if (direct !== undefined) return [direct];
  const { parent, child } = outerParent(ts, access);
  if (
    !ts.isVariableDeclaration(parent) ||
    parent.initializer !== child ||
    !ts.isIdentifier(parent.name) ||
    !(ts.getCombinedNodeFlags(parent) & ts.NodeFlags.Const)
  )
    return [];
  const scope = ts.findAncestor(parent, n => ts.isBlock(n) || ts.isSourceFile(n));
  if (scope === undefined) return [];
  const uses: Use[] = [];
  for (const node of referencesIn(ts, checker, parent.name, scope)) {
    const use = linearUse(ts, checker, node, owner);
    if (use !== undefined) uses.push(use);
  }
  return uses;
}

function linearUse(
  ts: typeof TS,
  checker: TS.TypeChecker,
  storage: TS.Expression,
  owner: string | undefined,
): Use | undefined {
  const { parent, child } = outerParent(ts, storage);
  if (
    (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
    parent.arguments?.includes(child as TS.Expression)
  ) {
    if (owner !== undefined && parent.arguments.some(arg => passesLayout(ts, checker, arg, owner))) return undefined;
    return { node: parent, what: `is passed to \`${abbreviate(skipOuter(ts, parent.expression).getText(), 40)}(…)\`` };
  }
  // `Buffer.from(x.data.buffer, x.data.byteOffset, …)`: the storage's bytes, as they lie.
  if (ts.isPropertyAccessExpression(parent) && parent.expression === child && parent.name.text === 'buffer') {
    const { parent: call, child: argument } = outerParent(ts, parent);
    // A typed array or DataView over the same bytes is another view of the storage, judged where it is used.
    const retyped =
      ts.isNewExpression(call) &&
      ts.isIdentifier(call.expression) &&
      (TYPED_ARRAY_NAMES.has(call.expression.text) || call.expression.text === 'DataView');
    if (
      (ts.isCallExpression(call) || ts.isNewExpression(call)) &&
      !retyped &&
      call.arguments?.includes(argument as TS.Expression)
    ) {
      if (owner !== undefined && call.arguments.some(arg => passesLayout(ts, checker, arg, owner))) return undefined;
      return {
        node: call,
        what: `is passed to \`${abbreviate(skipOuter(ts, call.expression).getText(), 40)}(…)\` through its \`.buffer\``,
      };
    }
  }
  if (ts.isForOfStatement(parent) && parent.expression === child)
    return { node: child, what: 'is iterated by `for…of`' };
  if (ts.isSpreadElement(parent)) return { node: parent, what: 'is spread' };
  if (
    ts.isPropertyAccessExpression(parent) &&
    parent.expression === child &&
    LINEAR_METHODS.has(parent.name.text) &&
    ts.isCallExpression(parent.parent)
  ) {
    return { node: parent.parent, what: `is walked by \`${parent.name.text}()\`` };
  }
  if (
    ts.isElementAccessExpression(parent) &&
    parent.expression === child &&
    isLoopCounter(ts, parent.argumentExpression)
  ) {
    return { node: parent, what: `is indexed by the loop counter \`${parent.argumentExpression.getText()}\`` };
  }
  return undefined;
}

/**
 * An argument that carries the layout: the array itself, or its strides or offset, also as made
 * from them (`order.map(d => this.stride[d])`, `this.stride.slice()`, or a variable set to such a
 * value, as a transpose or a step builds the new view's layout).
 */
function passesLayout(ts: typeof TS, checker: TS.TypeChecker, arg: TS.Expression, owner: string): boolean {
  if (accessPath(ts, arg) === owner) return true;
  const inner = skipOuter(ts, arg);
  const fromVariable = ts.isIdentifier(inner) ? checker.getSymbolAtLocation(inner)?.valueDeclaration : undefined;
  const source =
    fromVariable !== undefined && ts.isVariableDeclaration(fromVariable) ? fromVariable.initializer : inner;
  if (source === undefined) return false;
  let mentions = false;
  walk(ts, source, node => {
    const name = ts.isPropertyAccessExpression(node) ? accessPath(ts, node) : undefined;
    if (name === `${owner}.stride` || name === `${owner}.strides` || name === `${owner}.offset`) mentions = true;
    return !mentions;
  });
  return mentions;
}

/** `i` of `for (let i = …; …; i++)` (or `i += 1`), used as the index as it is. */
function isLoopCounter(ts: typeof TS, index: TS.Expression): boolean {
  const inner = skipOuter(ts, index);
  if (!ts.isIdentifier(inner)) return false;
  for (let n: TS.Node | undefined = inner.parent; n !== undefined && !ts.isFunctionLike(n); n = n.parent) {
    if (!ts.isForStatement(n) || n.incrementor === undefined) continue;
    const step = n.incrementor;
    const counter =
      ts.isPostfixUnaryExpression(step) || ts.isPrefixUnaryExpression(step)
        ? step.operand
        : ts.isBinaryExpression(step)
          ? step.left
          : undefined;
    if (counter !== undefined && ts.isIdentifier(counter) && counter.text === inner.text) return true;
  }
  return false;
}

function describe(
  ts: typeof TS,
  access: TS.PropertyAccessExpression,
  use: Use,
  strided: StridedArray,
  sourceFile: TS.SourceFile,
): Record<string, string> {
  // `view.raw().array` belongs to `view`.
  const owner = skipOuter(ts, access.expression);
  const isRaw =
    ts.isCallExpression(owner) &&
    ts.isPropertyAccessExpression(owner.expression) &&
    owner.expression.name.text === 'raw';
  const array = (isRaw ? owner.expression.expression : owner).getText(sourceFile);
  return {
    data: access.getText(sourceFile),
    array,
    use: use.what,
    fix: strided.memsafe
      ? `Use \`checkContiguous(${array}).raw()\`, copy with \`ascontiguous(${array})\`, or follow the strides.`
      : `Check \`${array}.${strided.strideName}\` and \`${array}.offset\` first, copy to a contiguous array, or pass both along.`,
  };
}
