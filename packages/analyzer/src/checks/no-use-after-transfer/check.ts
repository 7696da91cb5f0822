import type TS from 'typescript';
import { defineCheck, NO_OPTIONS } from '../../check.js';
import type { FlowDomain } from '../../flow/domain.js';
import { FlowInterpreter } from '../../flow/interpreter.js';
import { symbolKey, type PathKey } from '../../flow/paths.js';
import type { Entry } from '../../flow/state.js';
import { classifyNode, classifyType } from '../../types/classify.js';
import { callName, lineOf, ownCalls } from '../../util/functions.js';
import { isLivenessCheck } from '../../util/liveness.js';
import { skipOuter, walk } from '../../util/syntax.js';
import { bufferBase, TransferOracle } from './transfers.js';

/** A tracked buffer or view: views share the identity (`root`) of the buffer they look into. */
interface BufferInfo {
  readonly root: object;
  readonly kind: 'buffer' | 'view';
}

const BINARY_KINDS = new Set(['ArrayBuffer', 'ResizableArrayBuffer', 'TypedArray', 'BigIntTypedArray', 'Buffer', 'DataView']);

const messages = {
  usedAfterTransfer:
    '`{{name}}` is used after {{what}} (line {{line}}) {{event}}: a detached buffer has no bytes, so `{{name}}` reads as empty and writes to it are lost. Copy what you still need before the transfer, or stop using `{{name}}` after it.',
};

export const noUseAfterTransfer = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'no-use-after-transfer',
  code: 91002,
  description: 'Disallow using an ArrayBuffer, or a view of it, after it was transferred (postMessage, structuredClone, transfer())',
  type: 'problem',
  preset: 'recommended',
  messages,
  ...NO_OPTIONS,
  check(context) {
    const { ts, checker, sourceFile, cache } = context;
    const oracle = new TransferOracle(ts, checker, cache, context.program);
    // One info per origin, so that two passes over a loop make equal states.
    const infos = new WeakMap<TS.Node, Map<string, BufferInfo>>();
    const infoOf = (origin: TS.Node, kind: BufferInfo['kind'], root?: object): BufferInfo => {
      let byRoot = infos.get(origin);
      if (byRoot === undefined) infos.set(origin, (byRoot = new Map<string, BufferInfo>()));
      const id = root === undefined ? kind : `${kind}:${rootIds.get(root) ?? rootIds.set(root, rootIds.size).size}`;
      let info = byRoot.get(id);
      if (info === undefined) byRoot.set(id, (info = { root: root ?? origin, kind }));
      return info;
    };
    const rootIds = new Map<object, number>();
    const domain: FlowDomain<BufferInfo> = {
      track(expression, lookup) {
        const node = skipOuter(ts, expression);
        const shared = sharedSource(ts, node);
        if (shared !== undefined) {
          const base = lookup(shared.base);
          // `new T(view)` copies; `new T(buffer)`, `new T(view.buffer)`, `view.subarray()` share.
          if (base !== undefined && (shared.viaBuffer || base.info.kind === 'buffer')) {
            return infoOf(node, shared.kind, base.info.root);
          }
        }
        if (!ts.isNewExpression(node) && !ts.isCallExpression(node) && !ts.isPropertyAccessExpression(node)) return undefined;
        const kind = classifyNode(ts, checker, node);
        return BINARY_KINDS.has(kind ?? '') ? infoOf(node, isBufferKind(kind) ? 'buffer' : 'view') : undefined;
      },
      effectOf(node, lookup) {
        if (!ts.isCallExpression(node)) return undefined;
        const transfer = oracle.ofCall(node);
        if (transfer === undefined) return undefined;
        const roots = new Set<object>();
        for (const expression of transfer.transferred) {
          const base = bufferBase(ts, expression);
          const entry = base === undefined ? undefined : lookup(base);
          if (entry !== undefined) roots.add(entry.info.root);
        }
        if (roots.size === 0) return undefined;
        return {
          invalidation: { site: node, what: callName(ts, node, sourceFile), event: transfer.event },
          affects: info => roots.has(info.root),
        };
      },
      report(use, _entry, stale) {
        if (isLivenessCheck(ts, use)) return false;
        context.report({ node: use, messageId: 'usedAfterTransfer', data: { name: use.getText(sourceFile), what: stale.what, line: lineOf(stale.site), event: stale.event } });
        return true;
      },
    };

    const run = (container: TS.SourceFile | (TS.FunctionLikeDeclaration & { body: TS.Node })): void => {
      if (!transfersSomething(ts, container, oracle)) return;
      const initial = new Map<PathKey, Entry<BufferInfo>>();
      if (!ts.isSourceFile(container)) {
        for (const parameter of container.parameters) {
          if (!ts.isIdentifier(parameter.name)) continue;
          const symbol = checker.getSymbolAtLocation(parameter.name);
          const kind = classifyType(ts, checker, checker.getTypeAtLocation(parameter));
          if (symbol !== undefined && BINARY_KINDS.has(kind ?? '')) initial.set(symbolKey(symbol), { info: infoOf(parameter, isBufferKind(kind) ? 'buffer' : 'view'), stale: null });
        }
      }
      new FlowInterpreter(ts, checker, domain).run(ts.isSourceFile(container) ? container : container.body, initial);
    };

    run(sourceFile);
    walk(ts, sourceFile, node => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) run(node as TS.FunctionLikeDeclaration & { body: TS.Node });
    });
  },
});

function isBufferKind(kind: string | undefined): boolean {
  return kind === 'ArrayBuffer' || kind === 'ResizableArrayBuffer';
}

/**
 * Where an expression may take its bytes from: the base identifier, whether it shares the base's
 * bytes even when the base is a view (`.buffer`, `subarray`), and whether the result is a buffer
 * or a view.
 */
function sharedSource(ts: typeof TS, node: TS.Expression): { base: TS.Identifier; viaBuffer: boolean; kind: 'buffer' | 'view' } | undefined {
  if (ts.isNewExpression(node) && node.arguments?.[0] !== undefined) {
    const argument = skipOuter(ts, node.arguments[0]);
    const base = bufferBase(ts, argument);
    return base === undefined ? undefined : { base, viaBuffer: !ts.isIdentifier(argument), kind: 'view' };
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'subarray') {
    const base = skipOuter(ts, node.expression.expression);
    // A sub-view shares its base's bytes whatever the base is.
    return ts.isIdentifier(base) ? { base, viaBuffer: true, kind: 'view' } : undefined;
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'buffer') {
    const base = bufferBase(ts, node);
    return base === undefined ? undefined : { base, viaBuffer: true, kind: 'buffer' };
  }
  return undefined;
}

/** Only code that contains a transferring call is interpreted: the rest cannot misuse a transfer. */
function transfersSomething(ts: typeof TS, container: TS.Node, oracle: TransferOracle): boolean {
  return ownCalls(ts, container).some(call => oracle.ofCall(call) !== undefined);
}
