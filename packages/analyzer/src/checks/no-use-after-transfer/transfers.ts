import type TS from 'typescript';
import type { ProgramCache } from '../../check.js';
import { classifyNode } from '../../types/classify.js';
import { calleeDeclaration, functionOf, ownCalls, type FunctionWithBody } from '../../util/functions.js';
import { memsafeTags } from '../../util/jsdoc.js';
import { skipOuter } from '../../util/syntax.js';

/** The expressions a call transfers (detaches), and words for the message. */
export interface Transfer {
  readonly transferred: readonly TS.Expression[];
  readonly event: string;
}

/**
 * Recognises calls that detach buffers: `postMessage(message, [buffers])` on workers, ports and
 * windows, `structuredClone(value, { transfer })`, `buffer.transfer()` and
 * `transferToFixedLength()`, a function documented `@memsafe transfers <param>`, and — through
 * summaries cached per declaration — local wrappers that do any of these to a parameter.
 */
export class TransferOracle {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #cache: ProgramCache;
  readonly #inProgress = new Set<TS.Node>();

  constructor(ts: typeof TS, checker: TS.TypeChecker, cache: ProgramCache) {
    this.#ts = ts;
    this.#checker = checker;
    this.#cache = cache;
  }

  ofCall(call: TS.CallExpression): Transfer | undefined {
    const direct = this.#direct(call);
    if (direct !== undefined) return direct;
    const declaration = calleeDeclaration(this.#ts, this.#checker, call);
    if (declaration === undefined) return undefined;
    const indices = this.transferredParameters(declaration);
    if (indices.length === 0) return undefined;
    const transferred = indices.map(index => call.arguments[index]).filter((arg): arg is TS.Expression => arg !== undefined);
    return transferred.length === 0 ? undefined : { transferred, event: 'transfers it (the callee detaches that argument)' };
  }

  /** Which parameters a function transfers: from `@memsafe transfers <name>` tags or from its body. */
  transferredParameters(declaration: TS.Declaration): readonly number[] {
    const ts = this.#ts;
    const fn = functionOf(ts, declaration) ?? (ts.isFunctionLike(declaration) ? (declaration) : undefined);
    if (fn === undefined) return [];
    const names = fn.parameters.map(p => (ts.isIdentifier(p.name) ? p.name.text : ''));
    const tagged = memsafeTags(ts, declaration)
      .filter(words => words[0] === 'transfers')
      .flatMap(words => words.slice(1).map(name => names.indexOf(name)))
      .filter(index => index >= 0);
    if (tagged.length > 0) return tagged;
    const body = functionOf(ts, declaration);
    return body === undefined ? [] : this.#fromBody(body);
  }

  #fromBody(fn: FunctionWithBody): readonly number[] {
    return this.#cache.get('memsafe/transferred-parameters', fn, () => {
      if (this.#inProgress.has(fn)) return [];
      this.#inProgress.add(fn);
      try {
        const ts = this.#ts;
        const parameters = fn.parameters.map(p => (ts.isIdentifier(p.name) ? this.#checker.getSymbolAtLocation(p.name) : undefined));
        const found = new Set<number>();
        for (const call of ownCalls(ts, fn)) {
          const transfer = this.ofCall(call);
          for (const expression of transfer?.transferred ?? []) {
            const base = bufferBase(ts, expression);
            const symbol = base === undefined ? undefined : this.#checker.getSymbolAtLocation(base);
            const index = symbol === undefined ? -1 : parameters.indexOf(symbol);
            if (index >= 0) found.add(index);
          }
        }
        return [...found].sort();
      } finally {
        this.#inProgress.delete(fn);
      }
    });
  }

  #direct(call: TS.CallExpression): Transfer | undefined {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === 'postMessage') {
      const list = transferList(ts, call.arguments[call.arguments.length > 2 && !ts.isObjectLiteralExpression(call.arguments[1]!) ? 2 : 1]);
      return list.length === 0 ? undefined : { transferred: list, event: 'transfers it to the receiver of postMessage, detaching it here' };
    }
    if (name === 'structuredClone' && ts.isIdentifier(callee)) {
      const list = transferList(ts, call.arguments[1]);
      return list.length === 0 ? undefined : { transferred: list, event: 'transfers it into the clone, detaching it here' };
    }
    if ((name === 'transfer' || name === 'transferToFixedLength') && ts.isPropertyAccessExpression(callee)) {
      const kind = classifyNode(ts, this.#checker, callee.expression);
      if (kind === 'ArrayBuffer' || kind === 'ResizableArrayBuffer') return { transferred: [callee.expression], event: 'moves its bytes into a new buffer, detaching it' };
    }
    return undefined;
  }
}

/** The buffers in a transfer list: `[a, b.buffer]` or `{ transfer: [...] }`. */
function transferList(ts: typeof TS, argument: TS.Expression | undefined): TS.Expression[] {
  if (argument === undefined) return [];
  const node = skipOuter(ts, argument);
  if (ts.isArrayLiteralExpression(node)) return node.elements.filter(e => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e));
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'transfer') return transferList(ts, property.initializer);
    }
  }
  return [];
}

/** `buf` for `buf` and for `view.buffer` (the identifier whose buffer is transferred). */
export function bufferBase(ts: typeof TS, expression: TS.Expression): TS.Identifier | undefined {
  const node = skipOuter(ts, expression);
  if (ts.isIdentifier(node)) return node;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'buffer') {
    const owner = skipOuter(ts, node.expression);
    if (ts.isIdentifier(owner)) return owner;
  }
  return undefined;
}
