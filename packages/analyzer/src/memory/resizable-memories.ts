import type TS from 'typescript';
import type { ProgramCache } from '../check.js';
import { symbolKey } from '../flow/paths.js';
import { isWasmMemory } from '../glue/wasm.js';
import { callsNamed } from '../util/name-index.js';
import { dottedName, skipOuter } from '../util/syntax.js';

/**
 * The wasm memories a program switches to resizable mode (`memory.toResizableBuffer()`, Node 26)
 * and never back (`toFixedLengthBuffer()`), by `memoryKey`. From the switch on, `memory.buffer` is a
 * resizable ArrayBuffer that growth does not detach, so views of it stay valid: glue switches once,
 * after instantiation, before it takes any view. A memory switched back anywhere is left out: its
 * views may be fixed-length again. A memory is what no-stale-view takes for one, typed or untyped
 * glue's `exports.memory` (the rule's `exportObjects` name more). Read once per program and option.
 */
export function resizableMemories(
  ts: typeof TS,
  checker: TS.TypeChecker,
  program: TS.Program,
  cache: ProgramCache,
  exportObjects: ReadonlySet<string>,
): ReadonlySet<string> {
  return cache.get(`memsafe/resizable-memories:${[...exportObjects].sort().join(',')}`, program, () => {
    const keysOf = (method: string): Set<string> => {
      const keys = new Set<string>();
      for (const call of callsNamed(ts, program, method)) {
        const callee = skipOuter(ts, call.expression);
        if (!ts.isPropertyAccessExpression(callee)) continue;
        if (!isWasmMemory(ts, checker, callee.expression, exportObjects)) continue;
        const key = memoryKey(ts, checker, callee.expression);
        if (key !== undefined) keys.add(key);
      }
      return keys;
    };
    const back = keysOf('toFixedLengthBuffer');
    return new Set([...keysOf('toResizableBuffer')].filter(key => !back.has(key)));
  });
}

/**
 * What names one memory wherever code reaches it: the variable or property it is read from
 * (`memory`, the `memory` of an exports type), or its dotted path where no declaration names it
 * (`instance.exports.memory` of an untyped object).
 */
export function memoryKey(ts: typeof TS, checker: TS.TypeChecker, expression: TS.Expression): string | undefined {
  const node = skipOuter(ts, expression);
  const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : undefined;
  const symbol = name === undefined ? undefined : checker.getSymbolAtLocation(name);
  if (symbol !== undefined && symbol.declarations !== undefined && symbol.declarations.length > 0)
    return symbolKey(symbol);
  const dotted = dottedName(ts, node);
  return dotted === undefined ? undefined : `path:${dotted}`;
}
