import type TS from 'typescript';
import { classifyNode, fitScore, TYPED_ARRAY_NAMES } from '../types/classify.js';
import { dottedName, skipOuter } from '../util/syntax.js';
import type { ConversionRow, Operand } from './schema.js';

/** Rows indexed by what a node must look like before any type is asked for. */
export class ConversionMatcher {
  readonly #byKey = new Map<string, ConversionRow[]>();

  constructor(rows: readonly ConversionRow[]) {
    for (const row of rows) {
      const pattern = row.pattern;
      const key =
        pattern.kind === 'new'
          ? `new:${pattern.callee}`
          : pattern.kind === 'call'
            ? `call:${pattern.callee}`
            : pattern.kind === 'spread'
              ? 'spread'
              : `${pattern.kind}:${pattern.name}`;
      const list = this.#byKey.get(key) ?? [];
      list.push(row);
      this.#byKey.set(key, list);
    }
  }

  /** The most specific row that `node` is an instance of, if any. */
  match(ts: typeof TS, checker: TS.TypeChecker, node: TS.Node): ConversionRow | undefined {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      const candidates = [
        ...(this.#byKey.get(`new:${name}`) ?? []),
        ...(TYPED_ARRAY_NAMES.has(name) ? (this.#byKey.get('new:TypedArray') ?? []) : []),
      ];
      return this.#best(ts, checker, candidates, node.arguments ?? [], undefined, name);
    }
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(ts, node.expression);
      const dotted = dottedName(ts, callee);
      if (dotted !== undefined) {
        const statics = [...(this.#byKey.get(`call:${dotted}`) ?? []), ...this.#typedArrayStatics(dotted)];
        const found = this.#best(ts, checker, statics, node.arguments, undefined, dotted);
        if (found !== undefined) return found;
      }
      if (ts.isPropertyAccessExpression(callee)) {
        const candidates = this.#byKey.get(`method:${callee.name.text}`);
        if (candidates !== undefined)
          return this.#best(ts, checker, candidates, node.arguments, callee.expression, undefined);
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(node) && !(ts.isCallExpression(node.parent) && node.parent.expression === node)) {
      const candidates = this.#byKey.get(`property:${node.name.text}`);
      return candidates === undefined ? undefined : this.#best(ts, checker, candidates, [], node.expression, undefined);
    }
    if (ts.isSpreadElement(node)) {
      const candidates = this.#byKey.get('spread');
      if (candidates === undefined) return undefined;
      const kind = classifyNode(ts, checker, node.expression);
      return pick(
        candidates.map(row => ({ row, score: row.pattern.kind === 'spread' ? fitScore(row.pattern.of, kind) : -1 })),
      );
    }
    return undefined;
  }

  #typedArrayStatics(dotted: string): ConversionRow[] {
    const [owner, method] = dotted.split('.');
    return owner !== undefined && method !== undefined && TYPED_ARRAY_NAMES.has(owner)
      ? (this.#byKey.get(`call:TypedArray.${method}`) ?? [])
      : [];
  }

  #best(
    ts: typeof TS,
    checker: TS.TypeChecker,
    candidates: readonly ConversionRow[],
    args: readonly TS.Expression[],
    receiver: TS.Expression | undefined,
    callee: string | undefined,
  ): ConversionRow | undefined {
    if (candidates.length === 0) return undefined;
    const kinds = new Map<number, Operand | undefined>();
    const kindOf = (index: number): Operand | undefined => {
      if (!kinds.has(index)) kinds.set(index, operandOf(ts, checker, index < 0 ? receiver! : args[index]!));
      return kinds.get(index);
    };
    return pick(
      candidates.map(row => {
        const pattern = row.pattern;
        if (pattern.kind === 'spread') return { row, score: -1 };
        let score = pattern.kind === 'new' || pattern.kind === 'call' ? (pattern.callee === callee ? 2 : 0) : 0;
        if (pattern.kind === 'method' || pattern.kind === 'property') {
          const fit = fitScore(pattern.receiver, kindOf(-1));
          if (fit < 0) return { row, score: -1 };
          score += fit;
        }
        const expected = pattern.kind === 'property' ? [] : (pattern.args ?? []);
        if (pattern.kind !== 'property' && pattern.args !== undefined && expected.length !== args.length)
          return { row, score: -1 };
        for (let i = 0; i < expected.length; i++) {
          const fit = fitScore(expected[i]!, kindOf(i));
          if (fit < 0) return { row, score: -1 };
          score += fit;
        }
        return { row, score };
      }),
    );
  }
}

/** The operand `node` is: its kind, or `memory.buffer` for the buffer of a WebAssembly.Memory. */
function operandOf(ts: typeof TS, checker: TS.TypeChecker, node: TS.Expression): Operand | undefined {
  const inner = skipOuter(ts, node);
  if (
    ts.isPropertyAccessExpression(inner) &&
    inner.name.text === 'buffer' &&
    classifyNode(ts, checker, inner.expression) === 'WebAssembly.Memory'
  )
    return 'memory.buffer';
  return classifyNode(ts, checker, node);
}

function pick(scored: readonly { row: ConversionRow; score: number }[]): ConversionRow | undefined {
  let best: { row: ConversionRow; score: number } | undefined;
  for (const entry of scored) if (entry.score >= 0 && (best === undefined || entry.score > best.score)) best = entry;
  return best?.row;
}
