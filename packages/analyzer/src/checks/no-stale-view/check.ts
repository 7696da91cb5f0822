import type TS from 'typescript';
import { defineCheck, type CheckContext } from '../../check.js';
import type { Effect, FlowDomain } from '../../flow/domain.js';
import { eventById } from '../../conversions/events.js';
import { incompleteAt, INCOMPLETE_REASON } from '../../flow/incomplete.js';
import { FlowInterpreter } from '../../flow/interpreter.js';
import { memberKey, symbolKey, type PathKey } from '../../flow/paths.js';
import type { Entry, Invalidation } from '../../flow/state.js';
import { callName, calleeDeclaration, classOfThis, functionOf, lineOf } from '../../util/functions.js';
import { variableOrField } from '../../util/declarations.js';
import { isLivenessCheck, isMetadataRead, isSizeRead } from '../../util/liveness.js';
import { isStableReference, skipOuter, walk } from '../../util/syntax.js';
import { EXPORT_OBJECTS, FREEING_FUNCTIONS, GROWING_FUNCTIONS, PURE_FUNCTIONS } from '../../glue/wasm.js';
import { classifyNode } from '../../types/classify.js';
import { GrowthOracle, type Growth } from '../../memory/growth.js';
import { ViewSources } from '../../memory/view-sources.js';
import { STALE_STATES, type ViewInfo, type ViewKind } from '../../memory/view-info.js';
import { everyVersionAtLeast, nodeRangeOf } from '../../platform/node-range.js';
import { RESIZABLE_MEMORY_SINCE } from '../../platform/wasm-memory.js';

export interface NoStaleViewOptions {
  /** Names of objects that hold wasm exports in untyped glue code. */
  readonly exportObjects: readonly string[];
  /** Exports and functions that never grow memory (by name). */
  readonly pureFunctions: readonly string[];
  /** Functions that may grow memory (by name), for callees without a body to look into. */
  readonly growingFunctions: readonly string[];
  /** Whether `await` counts as a point where other code may grow wasm memory. */
  readonly checkAwait: boolean;
  /**
   * Whether a view of growable wasm memory kept outside the function that uses it (a field, a
   * module variable, a variable a later callback reads) may be detached when that code starts.
   */
  readonly checkKeptViews: boolean;
  /**
   * The Node.js versions the project runs on, as a semver range (`>=26`); by default the nearest
   * package.json's `engines.node`. Where every one has `memory.toResizableBuffer()` (Node 26), the
   * message offers it as the fix.
   */
  readonly version?: string;
}

const messages = {
  staleView:
    '`{{name}}` may be {{state}} here: {{what}} (line {{line}}) {{event}}. Take a fresh view after it{{orSwitch}}.',
  staleWrite:
    'This write through `{{name}}` is lost: the target is picked before {{what}} (line {{line}}) {{event}}. Call first, then write through a fresh view.',
  keptView:
    '`{{name}}` may be detached here: it was made {{where}} (line {{madeLine}}), and WebAssembly code run since{{grower}} may have grown the memory. Take a fresh view here.',
  freedBlock:
    '`{{name}}` views a freed block: {{what}} (line {{line}}) freed `{{block}}`, and the next allocation reuses its bytes. Copy the bytes out first, or free after the last use of `{{name}}`.',
  incomplete:
    '{{where}} is not checked for stale views: {{why}}, more than memsafe follows. Split it to have it checked.',
  rederive: 'Take a fresh view here: `{{expression}}`.',
  copyOut: 'Copy the bytes out where the view is made: `{{expression}}`.',
};

type MessageId = keyof typeof messages;

/** The views an `await` reaches: wasm memory and raw pointers, which other code may grow while the function waits. */
const AWAIT_REACHES: ReadonlySet<ViewKind> = new Set<ViewKind>(['wasm', 'runtime']);

/** Source text that can make a tracked view; a file without it (and without imported views) is skipped. */
const ORIGIN_TEXT = /\.buffer\b|HEAP[UF]?\d|\.raw\(|\.as(?:TypedArray|DataView|Buffer)\(|Memory\d*\(|maxByteLength/;
/** Source text of a file that speaks of an Emscripten module, where any method call may be an export handing back a view. */
const EMSCRIPTEN_TEXT = /HEAP[UF]?\d|\bModule\b/;

export const noStaleView = defineCheck<MessageId, NoStaleViewOptions>({
  id: 'no-stale-view',
  code: 91001,
  description:
    'Disallow using a view of WebAssembly or resizable memory after a call that may grow, shrink, free or detach it',
  type: 'problem',
  preset: 'recommended',
  hasSuggestions: true,
  messages,
  defaultOptions: {
    exportObjects: EXPORT_OBJECTS,
    pureFunctions: PURE_FUNCTIONS,
    growingFunctions: GROWING_FUNCTIONS,
    checkAwait: true,
    checkKeptViews: true,
  },
  optionsSchema: {
    type: 'object',
    properties: {
      exportObjects: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Names of untyped objects that hold wasm exports (glue code).',
      },
      pureFunctions: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Exports and functions that never grow memory; replaces the default list.',
      },
      growingFunctions: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description:
          'Functions that may grow memory, for callees with no body to look into; replaces the default list.',
      },
      checkAwait: {
        type: 'boolean',
        description: 'Whether `await` counts as a point where other code may grow wasm memory.',
      },
      checkKeptViews: {
        type: 'boolean',
        description:
          'Whether a view of growable wasm memory kept in a field, a module variable or a variable a later callback reads may be detached when that code starts.',
      },
      version: {
        type: 'string',
        description:
          "The Node.js versions the project runs on, as a semver range; default: the nearest package.json's engines.node.",
      },
    },
    additionalProperties: false,
  },
  check(context) {
    const { ts, checker, sourceFile, cache, options } = context;
    const exportObjects = new Set(options.exportObjects);
    const sources = new ViewSources(ts, checker, cache, exportObjects, context.program);
    const growth = new GrowthOracle(ts, checker, cache, {
      exportObjects,
      pureFunctions: new Set(options.pureFunctions),
      growingFunctions: new Set(options.growingFunctions),
    });
    const kept = sources.keptViews(sourceFile);
    const imported = importedViews(context, sources);
    const emscripten = EMSCRIPTEN_TEXT.test(sourceFile.text);
    if (
      kept.paths.size === 0 &&
      kept.fields.size === 0 &&
      imported.size === 0 &&
      !emscripten &&
      !ORIGIN_TEXT.test(sourceFile.text)
    )
      return;
    /** A view of growable wasm memory used where code may have run since it was made: `where` says which. */
    const keptInvalidation = (info: ViewInfo, where: string): Invalidation | null =>
      options.checkKeptViews && info.kind === 'wasm'
        ? { site: info.origin, what: 'WebAssembly code that runs in between', event: where, between: true }
        : null;
    const domain = createDomain(context, sources, growth, keptInvalidation);
    const names = [
      ...new Set([
        ...[...kept.paths.values(), ...imported.values()].map(({ root }) => root.getName()),
        ...[...kept.fields.values()].flatMap(fields => [...fields.keys()].map(field => field.split(/[.[]/)[0]!)),
      ]),
    ];
    const shared = { reported: new Set<TS.Node>(), inlined: new Set<TS.Node>() };
    const keptOutside = [...kept.paths, ...imported];
    const scopes = new Map(keptOutside.map(([key, { root }]) => [key, scopeOf(ts, root, sourceFile)]));

    const interpret = (body: TS.Node, container: TS.SignatureDeclaration | undefined): void => {
      const text = sourceFile.text.slice(body.pos, body.end);
      const mayMeetView =
        ORIGIN_TEXT.test(text) || names.some(name => text.includes(name)) || (emscripten && /\.\w+\(/.test(text));
      if (!mayMeetView && (container === undefined || sources.viewParameters(container).size === 0)) return;
      const initial = new Map<PathKey, Entry<ViewInfo>>();
      // Views kept outside this function were made before it started: wasm code may have run since.
      // A view that the file re-derives after every growth it makes is fresh whenever other code runs.
      const keptEntry = (info: ViewInfo, name: string): Entry<ViewInfo> => ({
        info,
        stale:
          container === undefined || refreshedAfterGrowth(context, growth).has(name)
            ? null
            : keptInvalidation(info, 'outside this function'),
      });
      const around = container === undefined ? undefined : scopesAround(ts, container);
      for (const [key, { root, info }] of keptOutside) {
        const scope = scopes.get(key);
        if (container === undefined ? isImported(ts, root) : scope === undefined || around!.has(scope))
          initial.set(key, keptEntry(info, root.getName()));
      }
      const owner = container === undefined ? undefined : classOfThis(ts, container);
      for (const [field, info] of (owner === undefined ? undefined : kept.fields.get(owner)) ?? []) {
        const key = memberKey('this', field);
        if (key !== undefined) initial.set(key, keptEntry(info, `this.${field}`));
      }
      // A parameter every call in the file passes a view of wasm memory (wasm-bindgen's `&[u8]` import shims).
      if (container !== undefined)
        for (const [key, info] of sources.viewParameters(container)) initial.set(key, { info, stale: null });
      if (!new FlowInterpreter(ts, checker, domain, shared).run(body, initial)) {
        const { node, where } = incompleteAt(ts, container ?? sourceFile, sourceFile);
        context.report({ node, messageId: 'incomplete', data: { where, why: INCOMPLETE_REASON } });
      }
    };

    interpret(sourceFile, undefined);
    walk(ts, sourceFile, node => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined && !shared.inlined.has(node))
        interpret(node.body, node);
    });
  },
});

/**
 * `free(ptr)` (`Module._free(ptr)`, `wasm.__wbindgen_free(ptr, len, 1)`): the views into the
 * block at `ptr` now show whatever the allocator's next caller writes there.
 */
function freeing(
  ts: typeof TS,
  checker: TS.TypeChecker,
  call: TS.CallExpression,
): { readonly block: TS.Symbol; readonly address: string } | undefined {
  const callee = skipOuter(ts, call.expression);
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : undefined;
  const first = call.arguments[0] === undefined ? undefined : skipOuter(ts, call.arguments[0]);
  if (name === undefined || !FREEING_FUNCTIONS.has(name) || first === undefined) return undefined;
  const symbol = variableOrField(ts, checker, first);
  return symbol === undefined ? undefined : { block: symbol, address: first.getText() };
}

function createDomain(
  context: CheckContext<MessageId, NoStaleViewOptions>,
  sources: ViewSources,
  growth: GrowthOracle,
  keptInvalidation: (info: ViewInfo, where: string) => Invalidation | null,
): FlowDomain<ViewInfo> {
  const { ts, checker, sourceFile, options, cache } = context;
  /** The invalidations that free a block, with the block's address as written. */
  const freeings = new Map<Invalidation, string>();
  const freeEvent = eventById('wasm-block-free').words;
  const freeingOf = (call: TS.CallExpression): Effect<ViewInfo> | undefined => {
    const freed = freeing(ts, checker, call);
    if (freed === undefined) return undefined;
    const invalidation: Invalidation = { site: call, what: callName(ts, call, sourceFile), event: freeEvent };
    freeings.set(invalidation, freed.address);
    return { invalidation, affects: info => info.block === freed.block };
  };
  /** `HEAPU8.subarray(a, b)` → `HEAPU8.slice(a, b)`: the same bytes, copied while the block is still the view's. */
  const copyOutSuggestion = (origin: TS.Expression) => {
    const node = skipOuter(ts, origin);
    if (node.getSourceFile() !== sourceFile || !ts.isCallExpression(node)) return {};
    const callee = skipOuter(ts, node.expression);
    if (
      !ts.isPropertyAccessExpression(callee) ||
      callee.name.text !== 'subarray' ||
      classifyNode(ts, checker, callee.expression) !== 'TypedArray'
    )
      return {};
    const expression = `${callee.expression.getText(sourceFile)}.slice(${node.arguments.map(argument => argument.getText(sourceFile)).join(', ')})`;
    return {
      suggest: [
        {
          messageId: 'copyOut' as const,
          data: { expression },
          edits: [{ start: callee.name.getStart(sourceFile), end: callee.name.getEnd(), newText: 'slice' }],
        },
      ],
    };
  };
  return {
    track: (expression, lookup) => sources.track(expression, lookup),
    trackMember: (object, name, origin, lookup) => sources.trackMember(object, name, origin, lookup),
    laterEntry: info => keptInvalidation(info, 'before this callback runs') ?? undefined,
    effectOf(node) {
      const freed = ts.isCallExpression(node) ? freeingOf(node) : undefined;
      if (freed !== undefined) return freed;
      const found: Growth | undefined = ts.isAwaitExpression(node)
        ? options.checkAwait
          ? {
              event: 'await',
              invalidation: { site: node, what: '`await`', event: eventById('await').words, whileWaiting: true },
              kinds: AWAIT_REACHES,
            }
          : undefined
        : ts.isCallExpression(node)
          ? growth.ofCall(node)
          : undefined;
      if (found === undefined) return undefined;
      return {
        invalidation: found.invalidation,
        affects: info =>
          found.kinds.has(info.kind) &&
          info.survivesShrink !== true &&
          (found.root === undefined || info.root === undefined || found.root === info.root),
      };
    },
    refreshedBy(call) {
      const fn = functionOf(ts, calleeDeclaration(ts, checker, call));
      if (fn === undefined) return [];
      const callee = skipOuter(ts, call.expression);
      const onThis = ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword;
      const assigned = cache.get('memsafe/reassigned-views', fn, () => {
        const variables: PathKey[] = [];
        const fields: PathKey[] = [];
        walk(ts, fn.body, node => {
          if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
          const target = skipOuter(ts, node.left);
          if (ts.isIdentifier(target)) {
            const symbol = checker.getSymbolAtLocation(target);
            const declaration = symbol?.valueDeclaration;
            if (
              symbol !== undefined &&
              declaration !== undefined &&
              sources.keptViews(declaration.getSourceFile()).paths.has(symbolKey(symbol))
            )
              variables.push(symbolKey(symbol));
          } else if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) {
            const key = memberKey('this', target.name.text);
            if (key !== undefined) fields.push(key);
          }
        });
        return { variables, fields };
      });
      // A method's `this.view = …` re-derives the caller's field only when called on the same `this`.
      return onThis ? [...assigned.variables, ...assigned.fields] : assigned.variables;
    },
    report(use, entry, stale, write) {
      const block = freeings.get(stale);
      if (
        isLivenessCheck(ts, use) ||
        (entry.info.kind === 'runtime' && isMetadataRead(ts, use)) ||
        (block !== undefined && isSizeRead(ts, use))
      )
        return false;
      const name = use.getText(sourceFile);
      if (block !== undefined) {
        context.report({
          node: use,
          messageId: 'freedBlock',
          data: {
            name,
            block,
            what: stale.what,
            line: lineOf(stale.site),
          },
          ...copyOutSuggestion(entry.info.origin),
        });
        return true;
      }
      if (stale.between === true) {
        const grower = growth.firstGrowthIn(sourceFile);
        context.report({
          node: use,
          messageId: 'keptView',
          data: {
            name,
            madeLine: lineOf(entry.info.origin),
            where: stale.event,
            grower:
              grower === undefined
                ? ''
                : ` (such as ${grower.invalidation.what} on line ${lineOf(grower.invalidation.site)})`,
          },
        });
        return true;
      }
      const data = {
        name,
        state: STALE_STATES[entry.info.kind],
        what: stale.what,
        line: lineOf(stale.site),
        event: stale.event,
        orSwitch: isGrowth(stale) ? switchAdvice(ts, entry.info, sourceFile, options) : '',
      };
      const origin = entry.info.origin;
      const fresh =
        origin.getSourceFile() === sourceFile && isRederivable(ts, origin) ? origin.getText(sourceFile) : undefined;
      context.report({
        node: use,
        messageId: write ? 'staleWrite' : 'staleView',
        data,
        ...(fresh === undefined || write
          ? {}
          : {
              suggest: [
                {
                  messageId: 'rederive',
                  data: { expression: fresh },
                  edits: [{ start: use.getStart(sourceFile), end: use.getEnd(), newText: fresh }],
                },
              ],
            }),
      });
      return true;
    },
  };
}

/**
 * The variables (`heap`) and fields (`this.heap`) that the file assigns again after each call in
 * it that may grow wasm memory, in the same function (`mem.grow(n); memory = new Uint8Array(mem.buffer)`)
 * or inside the function called (`growMemory(n)`, which does that): none when the file makes no
 * such call, since then the growth comes from elsewhere. Cached per run of the check (growth
 * depends on its options).
 */
function refreshedAfterGrowth(
  context: CheckContext<MessageId, NoStaleViewOptions>,
  growth: GrowthOracle,
): ReadonlySet<string> {
  const { ts, checker, sourceFile, cache } = context;
  const inProgress = new Set<TS.Node>();
  /** What every growing call in `root` (not in functions nested in it, unless `nested`) is followed by assigning. */
  const refreshedIn = (root: TS.Node, nested: boolean): Set<string> | undefined => {
    let always: Set<string> | undefined;
    walk(ts, root, node => {
      // Once a growing call is followed by no refresh, nothing is refreshed after every one: the
      // calls left need not be asked whether they grow (each a question for the type checker).
      if (always?.size === 0) return false;
      if (!nested && ts.isFunctionLike(node)) return false;
      if (!ts.isCallExpression(node) || growth.ofCall(node)?.kinds.has('wasm') !== true) return;
      const assigned = assignedAfter(node);
      always = always === undefined ? assigned : new Set([...always].filter(name => assigned.has(name)));
    });
    return always;
  };
  const assignedAfter = (call: TS.CallExpression): Set<string> => {
    const scope = ts.findAncestor(call.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n))!;
    const assigned = new Set<string>();
    walk(ts, scope, node => {
      if (ts.isFunctionLike(node)) return false;
      if (node.pos < call.end || !ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken)
        return;
      const target = skipOuter(ts, node.left);
      if (ts.isIdentifier(target)) assigned.add(target.text);
      else if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword)
        assigned.add(`this.${target.name.text}`);
    });
    const callee = functionOf(ts, calleeDeclaration(ts, checker, call));
    if (callee !== undefined && !inProgress.has(callee)) {
      inProgress.add(callee);
      for (const name of refreshedIn(callee.body, false) ?? []) assigned.add(name);
      inProgress.delete(callee);
    }
    return assigned;
  };
  return cache.get('memsafe/refreshed-after-growth', growth, () => refreshedIn(sourceFile, true) ?? new Set<string>());
}

/** An origin that can be evaluated again in place: `new T(x.y.buffer)`, `Module.HEAPU8`, `getView()`. */
function isRederivable(ts: typeof TS, origin: TS.Expression): boolean {
  const node = skipOuter(ts, origin);
  if (ts.isPropertyAccessExpression(node)) return isStableReference(ts, node);
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    const args = node.arguments ?? [];
    return (
      isStableReference(ts, skipOuter(ts, node.expression)) &&
      args.length <= 1 &&
      args.every(arg => isStableReference(ts, skipOuter(ts, arg)))
    );
  }
  return false;
}

/** Views that other files export and this file imports (`import { HEAPU8 } from './glue'`), by their local names. */
function importedViews(
  context: CheckContext<MessageId, NoStaleViewOptions>,
  sources: ViewSources,
): Map<PathKey, { root: TS.Symbol; info: ViewInfo }> {
  const { ts, checker, sourceFile } = context;
  const found = new Map<PathKey, { root: TS.Symbol; info: ViewInfo }>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.namedBindings === undefined) continue;
    const bindings = statement.importClause.namedBindings;
    if (!ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const local = checker.getSymbolAtLocation(element.name);
      if (local === undefined || !(local.flags & ts.SymbolFlags.Alias)) continue;
      const original = checker.getAliasedSymbol(local);
      const declaration = original.valueDeclaration;
      // Only a variable can hold a kept view: an imported class, function or type asks nothing of its file.
      if (
        declaration === undefined ||
        !(original.flags & ts.SymbolFlags.Variable) ||
        declaration.getSourceFile().isDeclarationFile
      )
        continue;
      const kept = sources.keptViews(declaration.getSourceFile()).paths.get(symbolKey(original));
      if (kept !== undefined) found.set(symbolKey(local), { root: local, info: kept.info });
    }
  }
  return found;
}

function isImported(ts: typeof TS, symbol: TS.Symbol): boolean {
  return (symbol.flags & ts.SymbolFlags.Alias) !== 0;
}

/**
 * The function or file a variable kept in a view is declared in, which code may name it from:
 * `undefined` for one of another file (imported). Declared in a function, it is out of reach of
 * the file's other functions; in wasm glue of many functions that each keep a view, asking about
 * every one of them in every function would be quadratic.
 */
function scopeOf(ts: typeof TS, symbol: TS.Symbol, sourceFile: TS.SourceFile): TS.Node | undefined {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (declaration === undefined || declaration.getSourceFile() !== sourceFile) return undefined;
  return ts.findAncestor(declaration.parent, node => ts.isFunctionLike(node) || ts.isSourceFile(node));
}

/** The functions and the file around `container`, not `container` itself: whose variables it may name. */
function scopesAround(ts: typeof TS, container: TS.Node): ReadonlySet<TS.Node> {
  const around = new Set<TS.Node>();
  for (let node = container.parent; node !== undefined; node = node.parent)
    if (ts.isFunctionLike(node) || ts.isSourceFile(node)) around.add(node);
  return around;
}

/** Events that are not growth: a memory in resizable mode would not have kept the view through them. */
const NOT_GROWTH: ReadonlySet<string> = new Set(
  (['wasm-block-free', 'wasm-memory-to-resizable', 'wasm-memory-to-fixed-length'] as const).map(
    id => eventById(id).words,
  ),
);

/** Whether `stale` is growth (a call that may grow, an `await`), after which resizable mode keeps views valid. */
function isGrowth(stale: Invalidation): boolean {
  return !NOT_GROWTH.has(stale.event);
}

/**
 * Where every Node the project runs on has `memory.toResizableBuffer()`, the other fix for a view
 * of wasm memory detached by growth: switch the memory once, and growth leaves its views alone.
 */
function switchAdvice(ts: typeof TS, info: ViewInfo, sourceFile: TS.SourceFile, options: NoStaleViewOptions): string {
  if (info.kind !== 'wasm') return '';
  const range = options.version ?? nodeRangeOf(sourceFile.fileName);
  if (!everyVersionAtLeast(range, RESIZABLE_MEMORY_SINCE)) return '';
  const origin = skipOuter(ts, info.origin);
  const buffer =
    ts.isNewExpression(origin) && origin.arguments?.[0] !== undefined ? skipOuter(ts, origin.arguments[0]) : origin;
  if (!ts.isPropertyAccessExpression(buffer) || buffer.name.text !== 'buffer') return '';
  const memory = buffer.expression.getText(sourceFile);
  return `, or switch \`${memory}\` to resizable mode once, after instantiation (\`${memory}.toResizableBuffer()\`, Node 26): growth then leaves its views alone`;
}
