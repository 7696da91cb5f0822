import type TS from 'typescript';
import { calledName, skipOuter } from '../util/syntax.js';

/**
 * When a function handed to other code runs: `now`, during the call that takes it (an array's
 * `forEach`, a promise's executor), or `later`, after the code that registered it has moved on
 * (a promise's `then`, a timer, an event listener, an `onmessage` handler).
 */
export type CallbackTiming = 'now' | 'later';

/** Array methods whose callback runs once per element, during the call. */
export const PER_ELEMENT_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
]);

const NOW_METHODS: ReadonlySet<string> = new Set([...PER_ELEMENT_METHODS, 'sort', 'toSorted']);

const LATER_FUNCTIONS: ReadonlySet<string> = new Set([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'requestIdleCallback',
]);

const LATER_METHODS: ReadonlySet<string> = new Set([
  'then',
  'catch',
  'finally',
  'addEventListener',
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
  'subscribe',
  ...LATER_FUNCTIONS,
]);

export type FunctionExpression = TS.ArrowFunction | TS.FunctionExpression;

export function isFunctionExpression(ts: typeof TS, node: TS.Node): node is FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** When a function expression passed to `call` runs, if the call is one that says. */
export function callbackTiming(ts: typeof TS, call: TS.CallExpression | TS.NewExpression): CallbackTiming | undefined {
  const name = calledName(ts, call);
  if (name === undefined) return undefined;
  if (ts.isNewExpression(call)) return name === 'Promise' ? 'now' : undefined;
  const callee = skipOuter(ts, call.expression);
  if (ts.isIdentifier(callee)) return LATER_FUNCTIONS.has(name) ? 'later' : undefined;
  if (NOW_METHODS.has(name) || (name === 'from' && ts.isPropertyAccessExpression(callee))) return 'now';
  return LATER_METHODS.has(name) ? 'later' : undefined;
}

/** `port.onmessage = …`, `reader.onload = …`: a handler the platform calls later. */
export function isHandlerProperty(ts: typeof TS, target: TS.Expression): boolean {
  const node = skipOuter(ts, target);
  return ts.isPropertyAccessExpression(node) && /^on[a-z]/.test(node.name.text);
}
