import type TS from 'typescript';
import { defineCheck, type CheckContext, type ProgramCache } from '../../check.js';
import { typedArrayClass } from '../../conversions/copies.js';
import { classifyNode } from '../../types/classify.js';
import { calleeDeclaration, callText, functionOf, lineOf, type FunctionWithBody } from '../../util/functions.js';
import { callsByName, identifiersNamed } from '../../util/name-index.js';
import { abbreviate, lastName, nodesOfKinds, outerParent, skipOuter } from '../../util/syntax.js';
import { EXPORT_OBJECTS, isExportsObject } from '../../glue/wasm.js';
import { ADDRESS_USES, misuse, namesHandedToCalls, namesUsedAsAddresses } from './addresses.js';
import { HEAP_USES, heapIndexTarget, isFixedOffset, isHeapView } from './heap-index.js';
import { importFunctions } from './import-functions.js';

const messages = {
  signedPointer:
    '`{{name}}` is an i32 from WebAssembly: for an address above 2 GiB it is negative, and {{use}}. Make it unsigned where it is made: `{{init}} >>> 0`.',
  signedShift:
    '`{{name}} >> {{bits}}` keeps the sign of a pointer above 2 GiB; `{{name}} >>> {{bits}}` divides it as an unsigned address.',
  signedHeapIndex:
    '`{{shift}}` keeps the sign of an address above 2 GiB, which breaks its use with `{{heap}}`: {{use}}. Shift without sign: `>>> {{bits}}`.',
  signedArgument:
    '`{{name}}` is {{source}}: for an address above 2 GiB it is negative, and {{use}}. Make it unsigned where it arrives: `{{name}} >>> 0`.',
  makeUnsigned: 'Make it unsigned: `… >>> 0`.',
  makeArgumentUnsigned: 'Make `{{name}}` unsigned where it arrives.',
  useUnsignedShift: 'Shift without sign: `>>>`.',
};

/** Methods of numbers, strings, arrays, typed arrays and DataViews, which exports are not named after in practice. */
const NOT_EXPORTS =
  /^(?:get(?:U?[Ii]nt|Float|Big)\w*|read\w+|indexOf|lastIndexOf|findIndex|findLastIndex|charCodeAt|codePointAt|parseInt|parseFloat|floor|ceil|round|trunc|min|max|abs|imul|clz32|push|at|reduce)$/;

/**
 * Exports that return an address on the shadow stack, which toolchains place in the first
 * megabytes of memory, never near 2 GiB: wasm-bindgen's return area, Emscripten's stack helpers.
 */
const STACK_EXPORTS: ReadonlySet<string> = new Set([
  '__wbindgen_add_to_stack_pointer',
  'stackAlloc',
  'stackSave',
  '_emscripten_stack_alloc',
  'emscripten_stack_get_current',
]);

export interface NoSignedWasmPointerOptions {
  /** Names of untyped objects that hold wasm exports in glue code: the same option, and default, as no-stale-view's. */
  readonly exportObjects: readonly string[];
}

type Context = CheckContext<keyof typeof messages, NoSignedWasmPointerOptions>;

export const noSignedWasmPointer = defineCheck<keyof typeof messages, NoSignedWasmPointerOptions>({
  id: 'no-signed-wasm-pointer',
  code: 91006,
  description: 'Disallow using a pointer from WebAssembly as a memory offset without making it unsigned (`>>> 0`)',
  type: 'problem',
  preset: 'strict',
  hasSuggestions: true,
  messages,
  defaultOptions: { exportObjects: EXPORT_OBJECTS },
  optionsSchema: {
    type: 'object',
    properties: {
      exportObjects: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Names of untyped objects that hold wasm exports (glue code).',
      },
    },
    additionalProperties: false,
  },
  // Whole words: `instanceof` and `export` are in nearly every file.
  mayApply: text =>
    /\bconst\b|\blet\b/.test(text) &&
    /\b(?:exports|wasm|Module|HEAP\w*|instance|memory|WebAssembly|importObject)\b/.test(text),
  check(context) {
    const exportObjects = new Set(context.options.exportObjects);
    const reportedShifts = new Set<TS.Node>();
    const parameters = new SignedParameters(context);
    reportExportPointers(context, exportObjects, parameters, reportedShifts);
    reportImportArguments(context, parameters);
    reportHeapShifts(context, exportObjects, reportedShifts);
  },
});

/**
 * Variables holding a pointer an export returned (or an element of `HEAP32`), at each use as an
 * address, and in the local helpers they are handed to.
 */
function reportExportPointers(
  context: Context,
  exportObjects: ReadonlySet<string>,
  parameters: SignedParameters,
  reportedShifts: Set<TS.Node>,
): void {
  const { ts, checker, sourceFile } = context;
  const addressing = namesUsedAsAddresses(ts, sourceFile);
  const handedOn = namesHandedToCalls(ts, sourceFile);
  for (const node of nodesOfKinds(ts, sourceFile, [
    ts.SyntaxKind.VariableDeclaration,
  ]) as readonly TS.VariableDeclaration[]) {
    if (!ts.isIdentifier(node.name) || node.initializer === undefined) continue;
    if (!addressing.has(node.name.text) && !handedOn.has(node.name.text)) continue;
    const init = skipOuter(ts, node.initializer);
    if (!isSignedWasmValue(ts, checker, context.cache, init, exportObjects)) continue;
    const symbol = checker.getSymbolAtLocation(node.name);
    const scope = ts.findAncestor(node, n => ts.isBlock(n) || ts.isSourceFile(n));
    if (symbol === undefined || scope === undefined) continue;
    const name = node.name.text;
    const initText = init.getText(sourceFile);
    const fixInit = [{ start: init.getStart(sourceFile), end: init.getEnd(), newText: `(${initText}) >>> 0` }];
    // One finding per pointer, at its first use as an address: the fix where it is made mends
    // them all. A signed shift is its own mistake, even of an unsigned pointer.
    let reported = false;
    // The file's identifiers by name, not a walk of the scope per pointer: a long function holds
    // many pointers.
    for (const use of identifiersNamed(ts, sourceFile, name, { pos: node.end, end: scope.end })) {
      if (checker.getSymbolAtLocation(use) !== symbol) continue;
      const address = misuse(ts, checker, use);
      if (address === undefined)
        parameters.followIntoHelper(use, undefined, { name, what: `an i32 from WebAssembly (line ${lineOf(node)})` });
      if (address === undefined || (reported && address.use !== 'shift')) continue;
      const kind = address.use;
      if (kind === 'shift') {
        const shift = use.parent as TS.BinaryExpression;
        reportedShifts.add(shift);
        context.report({
          node: shift,
          messageId: 'signedShift',
          data: { name, bits: shift.right.getText(sourceFile) },
          suggest: [{ messageId: 'useUnsignedShift', edits: unsignedShift(shift, sourceFile) }],
        });
        continue;
      }
      reported = true;
      context.report({
        node: use,
        messageId: 'signedPointer',
        data: {
          name,
          use: ADDRESS_USES[kind],
          init: ts.isCallExpression(init) ? callText(init, sourceFile) : abbreviate(initText, 40),
        },
        suggest: [{ messageId: 'makeUnsigned', edits: fixInit }],
      });
    }
  }
}

/** Where a helper's parameter gets its value: the argument's name, and what it is, for the message. */
interface Origin {
  readonly name: string;
  readonly what: string;
}

/**
 * Reports a parameter holding a signed i32 at its first use as an address, once per parameter;
 * without an `origin` (an import's own parameter), also follows it one step into a local helper.
 */
class SignedParameters {
  readonly #context: Context;
  readonly #reported = new Set<TS.ParameterDeclaration>();

  constructor(context: Context) {
    this.#context = context;
  }

  /** A use of a signed value that is an argument of a local function: that function's parameter gets it. */
  followIntoHelper(use: TS.Identifier, from: FunctionWithBody | undefined, origin: Origin): void {
    const { ts, checker } = this.#context;
    const { parent, child } = outerParent(ts, use);
    if (!ts.isCallExpression(parent)) return;
    const index = parent.arguments.indexOf(child as TS.Expression);
    const helper = index < 0 ? undefined : functionOf(ts, calleeDeclaration(ts, checker, parent));
    const parameter = helper?.parameters[index];
    if (helper !== undefined && helper !== from && parameter !== undefined && parameter.dotDotDotToken === undefined)
      this.visit(helper, parameter, origin);
  }

  visit(fn: FunctionWithBody, parameter: TS.ParameterDeclaration, origin: Origin | undefined): void {
    const { ts, checker, sourceFile } = this.#context;
    if (
      this.#reported.has(parameter) ||
      !ts.isIdentifier(parameter.name) ||
      (parameter.type !== undefined && parameter.type.kind !== ts.SyntaxKind.NumberKeyword)
    )
      return;
    const name = parameter.name.text;
    const symbol = checker.getSymbolAtLocation(parameter.name);
    const uses = identifiersNamed(ts, sourceFile, name, fn.body).filter(
      use => use !== parameter.name && checker.getSymbolAtLocation(use) === symbol,
    );
    if (uses.some(use => isAssigned(ts, use))) return;
    for (const use of uses) {
      const kind = misuse(ts, checker, use)?.use;
      // A shift into the heap is reportHeapShifts' to report, whatever the shifted value.
      if (kind === 'shift') continue;
      if (kind !== undefined) {
        this.#reported.add(parameter);
        const source =
          origin === undefined
            ? 'an address that WebAssembly passes to this import as an i32'
            : origin.name === name
              ? `${origin.what}, passed in`
              : `\`${origin.name}\`, ${origin.what}`;
        this.#context.report({
          node: use,
          messageId: 'signedArgument',
          data: { name, source, use: ADDRESS_USES[kind] },
          suggest: [
            { messageId: 'makeArgumentUnsigned', data: { name }, edits: unsignedOnArrival(ts, fn, uses, sourceFile) },
          ],
        });
        return;
      }
      if (origin === undefined)
        this.followIntoHelper(use, fn, {
          name,
          what: `an address that WebAssembly passes to the import on line ${lineOf(fn)} as an i32`,
        });
    }
  }
}

/**
 * Parameters of the functions a module imports, and of the local helpers those pass them to, at
 * their first use as an address: WebAssembly calls imports with i32 arguments.
 */
function reportImportArguments(context: Context, parameters: SignedParameters): void {
  const { ts, checker, sourceFile } = context;
  for (const fn of importFunctions(ts, checker, sourceFile))
    for (const parameter of fn.parameters) parameters.visit(fn, parameter, undefined);
}

/** Whether a use of a parameter is the target of an assignment: `ptr >>>= 0` or `ptr = …`. */
function isAssigned(ts: typeof TS, use: TS.Identifier): boolean {
  const { parent, child } = outerParent(ts, use);
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === child &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
  );
}

/** `ptr >>>= 0;` first thing in a block body; in an expression body, each use made unsigned in place. */
function unsignedOnArrival(
  ts: typeof TS,
  fn: FunctionWithBody,
  uses: readonly TS.Identifier[],
  sourceFile: TS.SourceFile,
) {
  if (ts.isBlock(fn.body)) {
    const first = fn.body.statements[0];
    const name = uses[0]!.text;
    if (first === undefined)
      return [
        {
          start: fn.body.getStart(sourceFile) + 1,
          end: fn.body.getStart(sourceFile) + 1,
          newText: ` ${name} >>>= 0; `,
        },
      ];
    const line = sourceFile.getLineAndCharacterOfPosition(first.getStart(sourceFile));
    const indent = sourceFile.text.slice(
      sourceFile.getPositionOfLineAndCharacter(line.line, 0),
      first.getStart(sourceFile),
    );
    return [
      {
        start: first.getStart(sourceFile),
        end: first.getStart(sourceFile),
        newText: `${name} >>>= 0;\n${/^\s*$/.test(indent) ? indent : ''}`,
      },
    ];
  }
  return uses.map(use => {
    const { parent } = outerParent(ts, use);
    const text =
      ts.isBinaryExpression(parent) || ts.isPropertyAccessExpression(parent)
        ? `(${use.text} >>> 0)`
        : `${use.text} >>> 0`;
    return { start: use.getStart(sourceFile), end: use.getEnd(), newText: text };
  });
}

/**
 * Whatever its origin, an address shifted with sign into an index of the heap is wrong from 2 GiB
 * on: pointers handed to JS library code arrive as signed i32s, or unsigned as large numbers, and
 * `>>` makes either negative.
 */
function reportHeapShifts(
  context: Context,
  exportObjects: ReadonlySet<string>,
  reportedShifts: ReadonlySet<TS.Node>,
): void {
  const { ts, checker, sourceFile } = context;
  // One finding per access: `subarray(p >> 2, (p >> 2) + n)` is one mistake.
  const accesses = new Set<TS.Node>();
  for (const node of nodesOfKinds(ts, sourceFile, [ts.SyntaxKind.BinaryExpression])) {
    const shift = node as TS.BinaryExpression;
    if (
      shift.operatorToken.kind !== ts.SyntaxKind.GreaterThanGreaterThanToken ||
      reportedShifts.has(shift) ||
      isFixedOffset(ts, shift.left)
    )
      continue;
    const target = heapIndexTarget(ts, shift);
    if (
      target === undefined ||
      accesses.has(target.access) ||
      !isHeapView(ts, checker, context.cache, target.heap, exportObjects)
    )
      continue;
    accesses.add(target.access);
    context.report({
      node: shift,
      messageId: 'signedHeapIndex',
      data: {
        shift: abbreviate(shift.getText(sourceFile), 48),
        heap: lastName(ts, target.heap) ?? abbreviate(target.heap.getText(sourceFile), 32),
        use: HEAP_USES[target.use],
        bits: shift.right.getText(sourceFile),
      },
      suggest: [{ messageId: 'useUnsignedShift', edits: unsignedShift(shift, sourceFile) }],
    });
  }
}

function unsignedShift(shift: TS.BinaryExpression, sourceFile: TS.SourceFile) {
  return [{ start: shift.operatorToken.getStart(sourceFile), end: shift.operatorToken.getEnd(), newText: '>>>' }];
}

/**
 * A value WebAssembly hands over as a signed i32 and nothing has made unsigned yet: the result of
 * an export call (also through a parameter every caller passes an export to), or an element of
 * Emscripten's `HEAP32`.
 */
function isSignedWasmValue(
  ts: typeof TS,
  checker: TS.TypeChecker,
  cache: ProgramCache,
  init: TS.Expression,
  exportObjects: ReadonlySet<string>,
): boolean {
  if (ts.isCallExpression(init)) {
    const callee = skipOuter(ts, init.expression);
    if (ts.isIdentifier(callee))
      return isExportParameter(ts, checker, callee, exportObjects) && classifyNode(ts, checker, init) === 'number';
    // A method of `this` is the class's own, never an export; typed arrays' and Math's methods neither.
    if (
      !ts.isPropertyAccessExpression(callee) ||
      callee.expression.kind === ts.SyntaxKind.ThisKeyword ||
      NOT_EXPORTS.test(callee.name.text) ||
      STACK_EXPORTS.has(callee.name.text)
    )
      return false;
    return (
      isExportsObject(ts, checker, callee.expression, exportObjects) && classifyNode(ts, checker, init) === 'number'
    );
  }
  if (ts.isElementAccessExpression(init)) {
    return (
      lastName(ts, init.expression) === 'HEAP32' ||
      (typedArrayClass(ts, checker, init.expression) === 'Int32Array' &&
        isHeapView(ts, checker, cache, init.expression, exportObjects))
    );
  }
  return false;
}

/**
 * A function parameter that every call of its function in the file fills with an export:
 * wasm-bindgen's `passStringToWasm0(arg, wasm.malloc, wasm.realloc)`.
 */
function isExportParameter(
  ts: typeof TS,
  checker: TS.TypeChecker,
  callee: TS.Identifier,
  exportObjects: ReadonlySet<string>,
): boolean {
  const parameter = checker.getSymbolAtLocation(callee)?.valueDeclaration;
  if (
    parameter === undefined ||
    !ts.isParameter(parameter) ||
    !ts.isFunctionDeclaration(parameter.parent) ||
    parameter.parent.name === undefined
  )
    return false;
  const fn = parameter.parent;
  const index = fn.parameters.indexOf(parameter);
  const calls = (callsByName(ts, callee.getSourceFile()).get(fn.name!.text) ?? []).filter(
    call => ts.isCallExpression(call) && calleeDeclaration(ts, checker, call) === fn,
  );
  return (
    calls.length > 0 &&
    calls.every(call => {
      const argument = call.arguments?.[index] === undefined ? undefined : skipOuter(ts, call.arguments[index]);
      return (
        argument !== undefined &&
        ts.isPropertyAccessExpression(argument) &&
        isExportsObject(ts, checker, argument.expression, exportObjects)
      );
    })
  );
}
