import type TS from 'typescript';
import type { ProgramCache } from '../../check.js';
import { classifyNode } from '../../types/classify.js';
import { calleeDeclaration, functionOf, ownCalls, type FunctionWithBody } from '../../util/functions.js';
import { memsafeTags } from '../../util/jsdoc.js';
import { perSourceFile } from '../../syntax-cache.js';
import { calledName, skipOuter, walk } from '../../util/syntax.js';

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
  readonly #program: TS.Program;

  constructor(ts: typeof TS, checker: TS.TypeChecker, cache: ProgramCache, program: TS.Program) {
    this.#ts = ts;
    this.#checker = checker;
    this.#cache = cache;
    this.#program = program;
  }

  #capable(): ReadonlySet<string> {
    return this.#cache.get('memsafe/transfer-capable-names', this.#program, () => transferCapableNames(this.#ts, this.#program));
  }

  ofCall(call: TS.CallExpression): Transfer | undefined {
    const direct = this.#direct(call);
    if (direct !== undefined) return direct;
    // Only a function whose name can reach a transfer is worth resolving through the checker.
    const name = calledName(this.#ts, call);
    if (name === undefined || !this.#capable().has(name)) return undefined;
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
    const name = calledName(ts, call);
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

const TRANSFER_TEXT = /postMessage|structuredClone|\.transfer(?:ToFixedLength)?\(|@memsafe\s+transfers/;


/** A named function of one file: whether its text mentions a transfer, and the names it calls. */
interface NamedFunction {
  readonly name: string;
  readonly direct: boolean;
  readonly calls: readonly string[];
}

/**
 * The names of functions that may transfer a buffer: those whose text mentions a transfer API or a
 * `@memsafe transfers` tag, and, to a fixed point, those that call one of these names. A syntactic
 * over-approximation by name, so that the checker is asked about a call only when its name could
 * lead to a transfer. Each file's part is read once per file version; only the fixed point is
 * per program.
 */
function transferCapableNames(ts: typeof TS, program: TS.Program): ReadonlySet<string> {
  const declared: NamedFunction[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    // Library declarations (lib.dom, @types/node) have no bodies to follow and no memsafe tags.
    if (program.isSourceFileDefaultLibrary(sourceFile) || program.isSourceFileFromExternalLibrary(sourceFile)) continue;
    declared.push(...namedFunctions(ts, sourceFile));
  }
  const capable = new Set(declared.filter(entry => entry.direct).map(entry => entry.name));
  for (let changed = capable.size > 0; changed; ) {
    changed = false;
    for (const entry of declared) {
      if (!capable.has(entry.name) && entry.calls.some(call => capable.has(call))) {
        capable.add(entry.name);
        changed = true;
      }
    }
  }
  return capable;
}

/** The named functions of a file, each with the names its body calls; one walk per file version. */
function namedFunctions(ts: typeof TS, sourceFile: TS.SourceFile): readonly NamedFunction[] {
  return perSourceFile('memsafe/named-functions', sourceFile, () => {
    if (sourceFile.isDeclarationFile && !TRANSFER_TEXT.test(sourceFile.text)) return [];
    const mentions = TRANSFER_TEXT.test(sourceFile.text);
    const found: { name: string; direct: boolean; calls: Set<string>; end: number }[] = [];
    const open: (typeof found)[number][] = [];
    walk(ts, sourceFile, node => {
      while (open.length > 0 && node.pos >= open[open.length - 1]!.end) open.pop();
      const name = functionName(ts, node);
      if (name !== undefined) {
        const entry = { name, direct: mentions && TRANSFER_TEXT.test(sourceFile.text.slice(node.pos, node.end)), calls: new Set<string>(), end: node.end };
        found.push(entry);
        open.push(entry);
      } else if (ts.isCallExpression(node)) {
        const called = calledName(ts, node);
        // A call counts for every named function it sits in.
        if (called !== undefined) for (const entry of open) entry.calls.add(called);
      }
    });
    return found.map(({ name, direct, calls }) => ({ name, direct, calls: [...calls] }));
  });
}

/** The name of a function-like declaration: a function, a method, or a variable or property holding one. */
function functionName(ts: typeof TS, node: TS.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) && node.name !== undefined && ts.isIdentifier(node.name)) return node.name.text;
  if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
    const init = skipOuter(ts, node.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return node.name.text;
  }
  return undefined;
}
