import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import { eventById, type EventId } from '../conversions/events.js';
import { classifyNode } from '../types/classify.js';
import { calleeDeclaration, functionOf, ownCalls, type FunctionWithBody } from '../util/functions.js';
import { memsafeTags } from '../util/jsdoc.js';
import { constInitializer } from '../util/declarations.js';
import { callsByName, functionName, functionTypesMentioning, namesMentioning, namesTyped } from '../util/name-index.js';
import { implementationsOfType } from '../util/type-implementations.js';
import { calledName, propertyValue, skipOuter, walk } from '../util/syntax.js';

/**
 * A buffer a call transfers: the buffer of `expression`, or of `expression.<members…>` (a
 * parameter's `image.data` that the callee transfers).
 */
export interface TransferredValue {
  readonly expression: TS.Expression;
  readonly members: readonly string[];
}

/** What a call transfers (detaches), and words for the message. */
export interface Transfer {
  readonly transferred: readonly TransferredValue[];
  readonly event: string;
  /** The row of the events table a direct transfer is; a callee that transfers says nothing here. */
  readonly id?: EventId;
}

/** A parameter whose buffer a function transfers, at a member path; or a transfer list it is handed. */
interface TransferredParameter {
  readonly index: number;
  readonly members: readonly string[];
  /** The parameter is a transfer list (`send(message, transfer)`): its elements are transferred. */
  readonly list: boolean;
}

/**
 * Recognises calls that detach buffers: `postMessage(message, transfer)` on workers, ports and
 * windows, `structuredClone(value, { transfer })`, `buffer.transfer()` and
 * `transferToFixedLength()`, pdf.js's `getDocument({ data })`, a function documented
 * `@memsafe transfers <param>`, and — through summaries cached per declaration — functions and
 * methods that do any of these to a parameter, a member of one, or a transfer list they are handed
 * or build (`const transfer = []; transfer.push(data.buffer); this.#send(message, transfer)`).
 */
export class TransferOracle {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #cache: ProgramCache;
  readonly #inProgress = new Set<TS.Node>();
  readonly #program: TS.Program;

  constructor(ts: typeof TS, checker: TS.TypeChecker, cache: ProgramCache, program: TS.Program) {
    this.#ts = ts;
    this.#checker = checker;
    this.#cache = cache;
    this.#program = program;
  }

  #capable(): ReadonlySet<string> {
    return this.#cache.get('memsafe/transfer-capable-names', this.#program, () =>
      transferCapableNames(this.#ts, this.#program),
    );
  }

  /** Whether some call of the file goes by a name that can transfer: a transfer API's, or a function's that may reach one. */
  mayTransferIn(sourceFile: TS.SourceFile): boolean {
    const capable = this.#capable();
    for (const name of callsByName(this.#ts, sourceFile).keys())
      if (DIRECT_NAMES.has(name) || capable.has(name)) return true;
    return false;
  }

  ofCall(call: TS.CallExpression): Transfer | undefined {
    const direct = this.#direct(call);
    if (direct !== undefined) return direct;
    // Only a function whose name can reach a transfer is worth resolving through the checker.
    const name = calledName(this.#ts, call);
    if (name === undefined || !this.#capable().has(name)) return undefined;
    const declaration = calleeDeclaration(this.#ts, this.#checker, call);
    if (declaration === undefined) return undefined;
    const transferred: TransferredValue[] = [];
    for (const parameter of this.transferredParameters(declaration)) {
      const argument = call.arguments[parameter.index];
      if (argument === undefined) continue;
      if (parameter.list) transferred.push(...this.#listElements(argument));
      else transferred.push({ expression: argument, members: parameter.members });
    }
    return transferred.length === 0
      ? undefined
      : { transferred, event: 'transfers it (the callee detaches that argument)' };
  }

  /** What a function transfers of its parameters: from `@memsafe transfers <name>` tags or from its body. */
  transferredParameters(declaration: TS.Declaration): readonly TransferredParameter[] {
    const ts = this.#ts;
    const fn = functionOf(ts, declaration) ?? (ts.isFunctionLike(declaration) ? declaration : undefined);
    if (fn === undefined) return this.#fromTypeImplementations(declaration);
    const names = fn.parameters.map(p => (ts.isIdentifier(p.name) ? p.name.text : ''));
    const tagged = memsafeTags(ts, declaration)
      .filter(words => words[0] === 'transfers')
      .flatMap(words => words.slice(1).map(name => names.indexOf(name)))
      .filter(index => index >= 0)
      .map(index => ({ index, members: [], list: false }));
    if (tagged.length > 0) return tagged;
    const body = functionOf(ts, declaration);
    return body === undefined ? [] : this.#fromBody(body);
  }

  /**
   * A call through a parameter or variable of a function type (`scan: Scanner | null`): what every
   * function the program declares of that type transfers.
   */
  #fromTypeImplementations(declaration: TS.Declaration): readonly TransferredParameter[] {
    const implementations = implementationsOfType(this.#ts, this.#checker, this.#program, this.#cache, declaration);
    if (implementations === undefined) return [];
    const each = implementations.map(fn => this.#fromBody(fn));
    const same = (a: TransferredParameter, b: TransferredParameter): boolean =>
      a.index === b.index && a.list === b.list && a.members.join('.') === b.members.join('.');
    return each[0]!.filter(parameter => each.every(list => list.some(other => same(parameter, other))));
  }

  #fromBody(fn: FunctionWithBody): readonly TransferredParameter[] {
    return this.#cache.get('memsafe/transferred-parameters', fn, () => {
      if (this.#inProgress.has(fn)) return [];
      this.#inProgress.add(fn);
      try {
        const found = new Map<string, TransferredParameter>();
        const add = (parameter: TransferredParameter): void =>
          void found.set(`${parameter.index}:${parameter.members.join('.')}:${parameter.list}`, parameter);
        for (const call of ownCalls(this.#ts, fn, true)) {
          const forwarded = this.#forwardedList(call, fn);
          if (forwarded !== undefined) add({ index: forwarded, members: [], list: true });
          for (const value of this.ofCall(call)?.transferred ?? []) {
            const parameter = this.#parameterOf(value, fn);
            if (parameter !== undefined) add(parameter);
          }
        }
        return [...found.values()].sort((a, b) => a.index - b.index);
      } finally {
        this.#inProgress.delete(fn);
      }
    });
  }

  /** The parameter (and member path) a transferred value comes from in `fn`: `image.data.buffer` is `image` at `data`. */
  #parameterOf(value: TransferredValue, fn: FunctionWithBody): TransferredParameter | undefined {
    const ts = this.#ts;
    let node = skipOuter(ts, value.expression);
    const members = [...value.members];
    for (let depth = 0; depth < 4; depth++) {
      if (ts.isPropertyAccessExpression(node)) {
        if (node.name.text !== 'buffer' || members.length > 0) members.unshift(node.name.text);
        node = skipOuter(ts, node.expression);
        continue;
      }
      if (!ts.isIdentifier(node)) return undefined;
      const declaration = this.#checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (declaration !== undefined && ts.isParameter(declaration) && declaration.parent === fn) {
        return { index: fn.parameters.indexOf(declaration), members, list: false };
      }
      // `const pixels = image.data.buffer`: follow the constant to what it holds.
      const init = constInitializer(ts, this.#checker, node);
      if (init === undefined) return undefined;
      node = skipOuter(ts, init);
    }
    return undefined;
  }

  /** The parameter of `fn` that a call uses as its transfer list, if one: `postMessage(message, transfer)`. */
  #forwardedList(call: TS.CallExpression, fn: FunctionWithBody): number | undefined {
    const list = this.#transferListArgument(call);
    const node = list === undefined ? undefined : skipOuter(this.#ts, list);
    if (node === undefined || !this.#ts.isIdentifier(node)) return undefined;
    const declaration = this.#checker.getSymbolAtLocation(node)?.valueDeclaration;
    return declaration !== undefined && this.#ts.isParameter(declaration) && declaration.parent === fn
      ? fn.parameters.indexOf(declaration)
      : undefined;
  }

  /** The argument of a direct transferring call that holds its transfer list. */
  #transferListArgument(call: TS.CallExpression): TS.Expression | undefined {
    const ts = this.#ts;
    const name = calledName(ts, call);
    if (name === 'postMessage') {
      const index = call.arguments.length > 2 && !ts.isObjectLiteralExpression(call.arguments[1]!) ? 2 : 1;
      return optionList(ts, call.arguments[index]);
    }
    if (name === 'structuredClone' && ts.isIdentifier(skipOuter(ts, call.expression)))
      return optionList(ts, call.arguments[1]);
    return undefined;
  }

  #direct(call: TS.CallExpression): Transfer | undefined {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    const name = calledName(ts, call);
    if (name === 'postMessage' || name === 'structuredClone') {
      const list = this.#transferListArgument(call);
      const transferred = list === undefined ? [] : this.#listElements(list);
      const id = name === 'postMessage' ? 'post-message-transfer' : 'structured-clone-transfer';
      return transferred.length === 0 ? undefined : { transferred, event: eventById(id).words, id };
    }
    if ((name === 'transfer' || name === 'transferToFixedLength') && ts.isPropertyAccessExpression(callee)) {
      const kind = classifyNode(ts, this.#checker, callee.expression);
      if (kind === 'ArrayBuffer' || kind === 'ResizableArrayBuffer')
        return {
          transferred: [{ expression: callee.expression, members: [] }],
          event: eventById('ab-transfer').words,
          id: 'ab-transfer',
        };
    }
    // pdf.js: "If TypedArrays are used they will generally be transferred to the worker-thread."
    if (name === 'getDocument' && call.arguments[0] !== undefined) {
      const params = skipOuter(ts, call.arguments[0]);
      const data = ts.isObjectLiteralExpression(params) ? propertyValue(ts, params, 'data') : undefined;
      if (data !== undefined && isBinary(classifyNode(ts, this.#checker, data))) {
        return {
          transferred: [{ expression: data, members: [] }],
          event: eventById('pdfjs-get-document').words,
          id: 'pdfjs-get-document',
        };
      }
    }
    return undefined;
  }

  /**
   * The buffers a transfer list holds: the elements of `[a, b.buffer]`, and of a list built in a
   * variable (`const transfer = [a]; transfer.push(b.buffer)`, anywhere in its function).
   */
  #listElements(list: TS.Expression): TransferredValue[] {
    const ts = this.#ts;
    const node = skipOuter(ts, list);
    const of = (literal: TS.ArrayLiteralExpression): TransferredValue[] =>
      literal.elements
        .filter(e => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e))
        .map(expression => ({ expression, members: [] }));
    if (ts.isArrayLiteralExpression(node)) return of(node);
    if (!ts.isIdentifier(node)) return [];
    const symbol = this.#checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration;
    if (symbol === undefined || declaration === undefined || !ts.isVariableDeclaration(declaration)) return [];
    const elements: TransferredValue[] = [];
    const init = declaration.initializer === undefined ? undefined : skipOuter(ts, declaration.initializer);
    if (init !== undefined && ts.isArrayLiteralExpression(init)) elements.push(...of(init));
    const scope = ts.findAncestor(declaration, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
    if (scope !== undefined) {
      walk(ts, scope, inner => {
        if (
          !ts.isCallExpression(inner) ||
          !ts.isPropertyAccessExpression(inner.expression) ||
          inner.expression.name.text !== 'push'
        )
          return;
        const target = skipOuter(ts, inner.expression.expression);
        if (
          ts.isIdentifier(target) &&
          target.text === node.text &&
          this.#checker.getSymbolAtLocation(target) === symbol
        ) {
          elements.push(
            ...inner.arguments.filter(arg => !ts.isSpreadElement(arg)).map(expression => ({ expression, members: [] })),
          );
        }
      });
    }
    return elements;
  }
}

/** `list` itself, or the `transfer` member of an options object `{ transfer: list }`. */
function optionList(ts: typeof TS, argument: TS.Expression | undefined): TS.Expression | undefined {
  if (argument === undefined) return undefined;
  const node = skipOuter(ts, argument);
  return ts.isObjectLiteralExpression(node) ? propertyValue(ts, node, 'transfer') : argument;
}

function isBinary(kind: string | undefined): boolean {
  return (
    kind === 'TypedArray' ||
    kind === 'Buffer' ||
    kind === 'BigIntTypedArray' ||
    kind === 'ArrayBuffer' ||
    kind === 'DataView'
  );
}

/** `buf` for `buf` and for `view.buffer` (the reference whose buffer is transferred). */
export function bufferBase(ts: typeof TS, expression: TS.Expression): TS.Expression {
  const node = skipOuter(ts, expression);
  return ts.isPropertyAccessExpression(node) && node.name.text === 'buffer' ? skipOuter(ts, node.expression) : node;
}

/** The names of the calls `#direct` recognises. */
const DIRECT_NAMES: ReadonlySet<string> = new Set([
  'postMessage',
  'structuredClone',
  'transfer',
  'transferToFixedLength',
  'getDocument',
]);
const TRANSFER_TEXT = /postMessage|structuredClone|\.transfer(?:ToFixedLength)?\(|getDocument|@memsafe\s+transfers/;

/**
 * The names of functions that may transfer a buffer: those whose text mentions a transfer API or a
 * `@memsafe transfers` tag, and, to a fixed point, those that call one of these names. A syntactic
 * over-approximation by name, so that the checker is asked about a call only when its name could
 * lead to a transfer. Each file's part is read once per file version; only the fixed point is
 * per program.
 */
function transferCapableNames(ts: typeof TS, program: TS.Program): ReadonlySet<string> {
  // Library declarations (lib.dom, @types/node) have no bodies to follow and no memsafe tags.
  const own = program
    .getSourceFiles()
    .filter(
      sourceFile =>
        !program.isSourceFileDefaultLibrary(sourceFile) && !program.isSourceFileFromExternalLibrary(sourceFile),
    );
  const capable = new Set<string>();
  for (const sourceFile of own)
    for (const name of namesMentioning(ts, sourceFile, 'memsafe/transfer-mentioning-names', TRANSFER_TEXT))
      capable.add(name);
  const bodies = own.filter(sourceFile => !sourceFile.isDeclarationFile);
  // A function type that a transferring function returns or is (`workerScanner(): Scanner`): what is
  // declared with it (`scan: Scanner | null`) may transfer when called.
  const types = new Set(
    bodies.flatMap(sourceFile => [
      ...functionTypesMentioning(ts, sourceFile, 'memsafe/transfer-mentioning-types', TRANSFER_TEXT),
    ]),
  );
  for (const type of types)
    for (const sourceFile of bodies)
      if (sourceFile.text.includes(type)) for (const name of namesTyped(ts, sourceFile, type)) capable.add(name);
  // Callers of a capable name are capable: found from the calls by that name, up to the named functions around them.
  const waiting = [...capable];
  for (let name = waiting.pop(); name !== undefined; name = waiting.pop()) {
    for (const sourceFile of bodies) {
      for (const call of callsByName(ts, sourceFile).get(name) ?? []) {
        for (let node: TS.Node | undefined = call.parent; node !== undefined; node = node.parent) {
          const caller = functionName(ts, node);
          if (caller === undefined || capable.has(caller)) continue;
          capable.add(caller);
          waiting.push(caller);
        }
      }
    }
  }
  return capable;
}
