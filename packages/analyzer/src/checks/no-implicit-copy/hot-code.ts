import type TS from 'typescript';
import { PER_ELEMENT_METHODS } from '../../flow/callbacks.js';
import { calledName, outerParent, skipOuter } from '../../util/syntax.js';

/** What makes code hot, from the rule's options. */
export interface HotMarkers {
  readonly loops: boolean;
  /** JSDoc tags that mark a function hot: `hot` for `/** @hot *\/`. */
  readonly tags: ReadonlySet<string>;
  /** Functions whose function arguments run per frame or per tick: `requestAnimationFrame`. */
  readonly callbacks: ReadonlySet<string>;
  /** Events whose handlers (`.on(name, fn)`, `addEventListener(name, fn)`) run per chunk. */
  readonly events: ReadonlySet<string>;
  /** `Base#method`: the method of a class extending `Base`, or of an object literal given to `new Base(…)`. */
  readonly methods: ReadonlySet<string>;
}

const LISTEN: ReadonlySet<string> = new Set(['on', 'addListener', 'prependListener', 'addEventListener']);

/**
 * Why `node` runs again and again, as the end of a sentence ("on every iteration of the loop"),
 * or undefined when nothing marks it hot. Purely syntactic: walks up to the enclosing function
 * and stops there, unless that function is itself per-element or marked.
 */
export function hotContext(ts: typeof TS, node: TS.Node, markers: HotMarkers): string | undefined {
  let child: TS.Node = node;
  for (let current = node.parent; current !== undefined; child = current, current = current.parent) {
    if (markers.loops && ts.isIterationStatement(current, false) && runsPerIteration(ts, current, child))
      return 'on every iteration of the loop';
    if (!ts.isFunctionLike(current) || !('body' in current) || current.body === undefined) continue;
    const fn = current;
    for (const tag of ts.getJSDocTags(fn))
      if (markers.tags.has(tag.tagName.text)) return `on every call of this \`@${tag.tagName.text}\` function`;
    const asCallback = callbackRole(ts, fn, markers);
    if (asCallback === 'per-element') {
      if (markers.loops) return 'for every element (the callback runs once per element)';
      return undefined;
    }
    return asCallback ?? methodRole(ts, fn, markers);
  }
  return undefined;
}

/** Whether `child` of a loop statement is evaluated once per iteration (the body, the test, the update). */
function runsPerIteration(ts: typeof TS, loop: TS.IterationStatement, child: TS.Node): boolean {
  if (ts.isForStatement(loop)) return child !== loop.initializer;
  if (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) return child === loop.statement;
  return true;
}

function callbackRole(ts: typeof TS, fn: TS.FunctionLikeDeclaration, markers: HotMarkers): string | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const { parent, child } = outerParent(ts, fn);
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(child as TS.Expression)) return undefined;
  const name = calledName(ts, parent);
  if (name === undefined) return undefined;
  if (markers.callbacks.has(name)) return `on every \`${name}\` callback`;
  const [first] = parent.arguments;
  if (LISTEN.has(name) && first !== undefined && ts.isStringLiteralLike(first) && markers.events.has(first.text))
    return `on every \`'${first.text}'\` event`;
  if (
    PER_ELEMENT_METHODS.has(name) &&
    ts.isPropertyAccessExpression(skipOuter(ts, parent.expression)) &&
    first === child
  )
    return 'per-element';
  return undefined;
}

function methodRole(ts: typeof TS, fn: TS.FunctionLikeDeclaration, markers: HotMarkers): string | undefined {
  const holder = ts.isMethodDeclaration(fn)
    ? fn
    : ts.isPropertyAssignment(fn.parent) || ts.isPropertyDeclaration(fn.parent)
      ? fn.parent
      : undefined;
  if (
    holder === undefined ||
    holder.name === undefined ||
    !(ts.isIdentifier(holder.name) || ts.isStringLiteral(holder.name))
  )
    return undefined;
  const method = holder.name.text;
  const owner = holder.parent;
  let base: string | undefined;
  if (ts.isClassLike(owner)) {
    const extendsClause = owner.heritageClauses?.find(clause => clause.token === ts.SyntaxKind.ExtendsKeyword);
    const expression = extendsClause?.types[0]?.expression;
    base =
      expression === undefined
        ? undefined
        : ts.isPropertyAccessExpression(expression)
          ? expression.name.text
          : expression.getText();
  } else if (ts.isObjectLiteralExpression(owner)) {
    const { parent } = outerParent(ts, owner);
    if (ts.isNewExpression(parent)) {
      const callee = skipOuter(ts, parent.expression);
      base = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
    }
  }
  return base !== undefined && markers.methods.has(`${base}#${method}`)
    ? `on every call of \`${base}#${method}\``
    : undefined;
}
