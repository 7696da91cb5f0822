import type TS from 'typescript';
import { defineCheck, NO_OPTIONS, type CheckContext } from '../../check.js';
import type { FlowDomain } from '../../flow/domain.js';
import { incompleteAt, INCOMPLETE_REASON } from '../../flow/incomplete.js';
import { FlowInterpreter } from '../../flow/interpreter.js';
import { symbolKey, type PathKey } from '../../flow/paths.js';
import type { Entry } from '../../flow/state.js';
import { classifyNode, classifyType } from '../../types/classify.js';
import { calleeDeclaration, callName, functionOf, lineOf, ownCalls, whereIs } from '../../util/functions.js';
import { isLivenessCheck } from '../../util/liveness.js';
import { abbreviate, skipOuter, walk } from '../../util/syntax.js';
import { RetentionOracle, type Keeper } from '../../memory/retention.js';
import { bufferBase, TransferOracle } from '../../memory/transfers.js';

/** A tracked buffer or view: views share the identity (`root`) of the buffer they look into. */
interface BufferInfo {
  readonly root: object;
  readonly kind: 'buffer' | 'view';
  /** For a value a callee transfers inside an argument (`image.data`): how the code names it. */
  readonly path?: string;
}

const BINARY_KINDS = new Set([
  'ArrayBuffer',
  'ResizableArrayBuffer',
  'TypedArray',
  'BigIntTypedArray',
  'Buffer',
  'DataView',
]);

const messages = {
  incomplete:
    '{{where}} is not checked for uses after a transfer: {{why}}, more than memsafe follows. Split it to have it checked.',
  memberUsedAfterTransfer:
    '`{{name}}` is handed on after {{what}} (line {{line}}) {{event}}, and `{{path}}` in it is detached. Copy what you still need before the transfer.',
  transferredKept: 'Transferring `{{name}}` detaches a buffer that {{kept}}. Transfer a copy, or keep a copy instead.',
  usedAfterTransfer:
    '`{{name}}` is used after {{what}} (line {{line}}) {{event}}. Copy what you still need before the transfer, or stop using `{{name}}` after it.',
};

type Context = CheckContext<keyof typeof messages, Record<string, never>>;

export const noUseAfterTransfer = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'no-use-after-transfer',
  code: 91002,
  description:
    'Disallow using an ArrayBuffer, or a view of it, after it was transferred (postMessage, structuredClone, transfer())',
  type: 'problem',
  preset: 'recommended',
  messages,
  ...NO_OPTIONS,
  check(context) {
    const { ts, checker, sourceFile, cache } = context;
    const oracle = new TransferOracle(ts, checker, cache, context.program);
    if (!oracle.mayTransferIn(sourceFile)) return;
    // One info per origin, so that two passes over a loop make equal states.
    const infos = new WeakMap<TS.Node, Map<string, BufferInfo>>();
    const infoOf = (origin: TS.Node, kind: BufferInfo['kind'], root?: object, path?: string): BufferInfo => {
      let byRoot = infos.get(origin);
      if (byRoot === undefined) infos.set(origin, (byRoot = new Map<string, BufferInfo>()));
      const id = `${kind}:${root === undefined ? '' : (rootIds.get(root) ?? rootIds.set(root, rootIds.size).size)}:${path ?? ''}`;
      let info = byRoot.get(id);
      if (info === undefined)
        byRoot.set(id, (info = { root: root ?? origin, kind, ...(path === undefined ? {} : { path }) }));
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
        if (!ts.isNewExpression(node) && !ts.isCallExpression(node) && !ts.isPropertyAccessExpression(node))
          return undefined;
        const kind = classifyNode(ts, checker, node);
        return BINARY_KINDS.has(kind ?? '') ? infoOf(node, isBufferKind(kind) ? 'buffer' : 'view') : undefined;
      },
      marksReferences: true,
      effectOf(node, lookup) {
        if (!ts.isCallExpression(node)) return undefined;
        const transfer = oracle.ofCall(node);
        if (transfer === undefined) return undefined;
        const roots = new Set<object>();
        const marks: { reference: TS.Expression; members: readonly string[]; info: BufferInfo }[] = [];
        for (const { expression, members } of transfer.transferred) {
          const base = bufferBase(ts, expression);
          // The buffer of what is transferred, and of every view that shares it (`new Uint8Array(data)` is `data`'s).
          const root = members.length === 0 ? (lookup(base)?.info ?? domain.track(base, lookup))?.root : undefined;
          // A root made right here (`image.data`, never tracked before) is reached by its reference instead.
          if (root !== undefined && root !== base) roots.add(root);
          else {
            const kind = members.length === 0 && isBufferKind(classifyNode(ts, checker, base)) ? 'buffer' : 'view';
            marks.push({
              reference: base,
              members,
              info: infoOf(base, kind, undefined, [base.getText(sourceFile), ...members].join('.')),
            });
          }
        }
        if (roots.size === 0 && marks.length === 0) return undefined;
        return {
          invalidation: { site: node, what: callName(ts, node, sourceFile), event: transfer.event },
          affects: info => roots.has(info.root),
          marks,
        };
      },
      report(use, entry, stale) {
        if (isLivenessCheck(ts, use)) return false;
        const name = use.getText(sourceFile);
        const data = { name, what: stale.what, line: lineOf(stale.site), event: stale.event };
        const path = entry.info.path;
        if (path !== undefined && path !== name && path.startsWith(`${name}.`))
          context.report({ node: use, messageId: 'memberUsedAfterTransfer', data: { ...data, path } });
        else context.report({ node: use, messageId: 'usedAfterTransfer', data });
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
          if (symbol !== undefined && BINARY_KINDS.has(kind ?? ''))
            initial.set(symbolKey(symbol), {
              info: infoOf(parameter, isBufferKind(kind) ? 'buffer' : 'view'),
              stale: null,
            });
        }
      }
      if (
        !new FlowInterpreter(ts, checker, domain).run(ts.isSourceFile(container) ? container : container.body, initial)
      ) {
        const { node, where } = incompleteAt(ts, container, sourceFile);
        context.report({ node, messageId: 'incomplete', data: { where, why: INCOMPLETE_REASON } });
      }
    };

    run(sourceFile);
    walk(ts, sourceFile, node => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined)
        run(node as TS.FunctionLikeDeclaration & { body: TS.Node });
    });
    reportKeptTransfers(context, oracle);
  },
});

/**
 * A transfer of a buffer that something else keeps (a field's collection, a module's cache, what a
 * cache's `load` returns): the holder hands it out again, detached. Reported at the transferred
 * value, for a value kept here or passed in by a caller that keeps it.
 */
function reportKeptTransfers(context: Context, oracle: TransferOracle): void {
  const { ts, checker, sourceFile, program, cache } = context;
  const retention = new RetentionOracle(ts, checker, program, cache);
  walk(ts, sourceFile, node => {
    if (!ts.isCallExpression(node)) return;
    const transfer = oracle.ofCall(node);
    // A callee with a body transfers at a site of its own, which is judged there with its callers.
    if (
      transfer === undefined ||
      (transfer.id === undefined && functionOf(ts, calleeDeclaration(ts, checker, node)) !== undefined)
    )
      return;
    for (const { expression, members } of transfer.transferred) {
      const base = bufferBase(ts, expression);
      if (members.length > 0 || !ts.isIdentifier(base) || !BINARY_KINDS.has(classifyNode(ts, checker, base) ?? ''))
        continue;
      if (lookedUpByIdentity(ts, checker, base)) continue;
      const kept = retention.keeperOf(base);
      // Kept after the transfer, in the same function: a use of the detached buffer, which the flow reports.
      if (kept !== undefined && keptLaterHere(ts, kept.site, node)) continue;
      if (kept !== undefined) {
        context.report({
          node: expression,
          messageId: 'transferredKept',
          data: { name: base.text, kept: keeperWords(ts, kept, sourceFile) },
        });
        continue;
      }
      const declaration = checker.getSymbolAtLocation(base)?.valueDeclaration;
      if (declaration === undefined || !ts.isParameter(declaration)) continue;
      const fn = functionOf(ts, declaration.parent);
      const passed = fn === undefined ? undefined : retention.keptArgument(fn, fn.parameters.indexOf(declaration));
      if (passed === undefined) continue;
      const keptWords = `${keeperWords(ts, passed.keeper, sourceFile)}, passed in by ${callName(ts, passed.call, passed.call.getSourceFile())} (${whereIs(passed.call, sourceFile)})`;
      context.report({ node: expression, messageId: 'transferredKept', data: { name: base.text, kept: keptWords } });
    }
  });
}

/** A keeping store after `transfer` in the function that transfers. */
function keptLaterHere(ts: typeof TS, site: TS.Node, transfer: TS.Node): boolean {
  const scope = (node: TS.Node) => ts.findAncestor(node.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
  return (
    site.getSourceFile() === transfer.getSourceFile() && site.pos >= transfer.end && scope(site) === scope(transfer)
  );
}

/**
 * Whether the function that transfers `buffer` first looks it up by identity (`tasks.get(buffer)`,
 * `sent.has(buffer)`): it knows the same buffer may come again, and handles it.
 */
function lookedUpByIdentity(ts: typeof TS, checker: TS.TypeChecker, buffer: TS.Identifier): boolean {
  const symbol = checker.getSymbolAtLocation(buffer);
  const declaration = symbol?.valueDeclaration;
  const scope =
    declaration === undefined
      ? undefined
      : ts.findAncestor(declaration.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
  let found = false;
  if (scope !== undefined) {
    walk(ts, scope, node => {
      if (
        found ||
        !ts.isCallExpression(node) ||
        !ts.isPropertyAccessExpression(node.expression) ||
        !IDENTITY_LOOKUPS.has(node.expression.name.text)
      )
        return !found;
      const key = node.arguments[0] === undefined ? undefined : skipOuter(ts, node.arguments[0]);
      found = key !== undefined && ts.isIdentifier(key) && checker.getSymbolAtLocation(key) === symbol;
      return !found;
    });
  }
  return found;
}

const IDENTITY_LOOKUPS: ReadonlySet<string> = new Set(['get', 'has']);

/** "is also kept in `this.files` (line 33)", "comes from `loader.load(…)`, which returns what `Cache` keeps (line 21)". */
function keeperWords(ts: typeof TS, keeper: Keeper, sourceFile: TS.SourceFile): string {
  const at = whereIs(keeper.site, sourceFile);
  if (keeper.through === undefined) return `is also kept in \`${abbreviate(keeper.holder, 40)}\` (${at})`;
  return `comes from ${callName(ts, keeper.through, keeper.through.getSourceFile())}, which returns what \`${abbreviate(keeper.holder, 40)}\` keeps (${at})`;
}

function isBufferKind(kind: string | undefined): boolean {
  return kind === 'ArrayBuffer' || kind === 'ResizableArrayBuffer';
}

/**
 * Where an expression may take its bytes from: the base identifier, whether it shares the base's
 * bytes even when the base is a view (`.buffer`, `subarray`), and whether the result is a buffer
 * or a view.
 */
function sharedSource(
  ts: typeof TS,
  node: TS.Expression,
): { base: TS.Expression; viaBuffer: boolean; kind: 'buffer' | 'view' } | undefined {
  if (ts.isNewExpression(node) && node.arguments?.[0] !== undefined) {
    const argument = skipOuter(ts, node.arguments[0]);
    return { base: bufferBase(ts, argument), viaBuffer: bufferBase(ts, argument) !== argument, kind: 'view' };
  }
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'subarray'
  ) {
    // A sub-view shares its base's bytes whatever the base is.
    return { base: skipOuter(ts, node.expression.expression), viaBuffer: true, kind: 'view' };
  }
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'buffer') {
    return { base: bufferBase(ts, node), viaBuffer: true, kind: 'buffer' };
  }
  return undefined;
}

/** Only code that contains a transferring call is interpreted: the rest cannot misuse a transfer. */
function transfersSomething(ts: typeof TS, container: TS.Node, oracle: TransferOracle): boolean {
  return ownCalls(ts, container).some(call => oracle.ofCall(call) !== undefined);
}
