import type TS from 'typescript';
import type { ProgramCache } from '../../check.js';
import { TransferOracle } from '../../memory/transfers.js';
import { calleeDeclaration, functionOf } from '../../util/functions.js';
import { identifiersNamed } from '../../util/name-index.js';
import { outerParent, skipOuter } from '../../util/syntax.js';

/** Methods that keep their argument in a collection: a copy stored this way outlives its source on purpose. */
const KEEPING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'enqueue', 'postMessage']);
/** Past this many variables and literals followed, a copy is taken as only read. */
const MAX_DEPTH = 4;
/** How many uses of a variable holding a copy are looked at, from the one after it is set. */
const MAX_USES = 32;

/**
 * Decides whether a copy is meant: whether the code needs what only a copy gives, storage that
 * outlives the source or a buffer of its own, which a view would not. The copy is followed through
 * the value it becomes (a branch of a conditional, a side of `??` or `||`, an element of an array or
 * object literal) and through the variable it initialises, to a use that keeps it (returned,
 * yielded, assigned to a property or element, passed to `push`, `add`, `enqueue` or `postMessage`),
 * hands it to a function that transfers it or whose body the program does not have (an interface's
 * method may keep what it is given), or takes its `.buffer` (a transfer list, a view at an offset
 * the copy aligned).
 */
export class MeantCopies {
  readonly #ts: typeof TS;
  readonly #checker: TS.TypeChecker;
  readonly #program: TS.Program;
  readonly #transfers: TransferOracle;

  constructor(ts: typeof TS, checker: TS.TypeChecker, program: TS.Program, cache: ProgramCache) {
    this.#ts = ts;
    this.#checker = checker;
    this.#program = program;
    this.#transfers = new TransferOracle(ts, checker, cache, program);
  }

  isMeant(copy: TS.Node, depth = 0): boolean {
    const ts = this.#ts;
    // `[...bytes]` copies into the array literal around it, which is not a place the copy is kept.
    if (depth > MAX_DEPTH || ts.isSpreadElement(copy)) return false;
    const { parent, child } = outerParent(ts, copy);
    if (
      ts.isReturnStatement(parent) ||
      ts.isYieldExpression(parent) ||
      (ts.isArrowFunction(parent) && parent.body === child)
    )
      return true;
    if (ts.isConditionalExpression(parent) && parent.condition !== child) return this.isMeant(parent, depth);
    if (ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent)) return this.isMeant(parent, depth + 1);
    if ((ts.isPropertyAssignment(parent) && parent.initializer === child) || ts.isShorthandPropertyAssignment(parent))
      return this.isMeant(parent.parent, depth + 1);
    if (ts.isPropertyAccessExpression(parent) && parent.expression === child) return parent.name.text === 'buffer';
    if (ts.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken)
        return this.isMeant(parent, depth);
      if (operator !== ts.SyntaxKind.EqualsToken || parent.right !== child) return false;
      const target = skipOuter(ts, parent.left);
      if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) return true;
      return ts.isIdentifier(target) && this.#variableIsMeant(target, depth);
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name))
      return this.#variableIsMeant(parent.name, depth);
    if (ts.isCallExpression(parent) && parent.arguments.includes(child as TS.Expression))
      return this.#argumentIsMeant(parent, parent.arguments.indexOf(child as TS.Expression));
    return false;
  }

  /** A variable holding the copy: meant when one of its uses is. */
  #variableIsMeant(name: TS.Identifier, depth: number): boolean {
    const ts = this.#ts;
    const symbol = this.#checker.getSymbolAtLocation(name);
    const declaration = symbol?.valueDeclaration;
    const scope =
      declaration === undefined
        ? undefined
        : ts.findAncestor(declaration.parent, n => ts.isFunctionLike(n) || ts.isSourceFile(n));
    if (symbol === undefined || scope === undefined) return false;
    // The uses that follow, in source order, up to a budget: a variable used thousands of times in
    // a machine-made function is not followed through every one.
    const uses = identifiersNamed(ts, name.getSourceFile(), name.text, { pos: name.end + 1, end: scope.end }).slice(
      0,
      MAX_USES,
    );
    return uses.some(node => {
      const use = ts.isShorthandPropertyAssignment(node.parent)
        ? this.#checker.getShorthandAssignmentValueSymbol(node.parent)
        : this.#checker.getSymbolAtLocation(node);
      return use === symbol && !isWrittenTo(ts, node) && this.isMeant(node, depth + 1);
    });
  }

  /** A copy handed to a call: meant when the callee keeps it, transfers it, or cannot be seen into. */
  #argumentIsMeant(call: TS.CallExpression, index: number): boolean {
    const ts = this.#ts;
    const callee = skipOuter(ts, call.expression);
    if (ts.isPropertyAccessExpression(callee) && KEEPING_METHODS.has(callee.name.text)) return true;
    const declaration = calleeDeclaration(ts, this.#checker, call);
    if (declaration === undefined) return false;
    // The standard library and dependencies are known by the conversion table; a method or function
    // the project declares without a body is an interface to code the program does not hold. A
    // callback parameter is neither: what it is given is only passed along.
    if (functionOf(ts, declaration) === undefined) {
      const file = declaration.getSourceFile();
      const bodiless =
        ts.isMethodSignature(declaration) ||
        ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) &&
          declaration.body === undefined);
      return (
        bodiless &&
        !this.#program.isSourceFileDefaultLibrary(file) &&
        !this.#program.isSourceFileFromExternalLibrary(file)
      );
    }
    return this.#transfers
      .transferredParameters(declaration)
      .some(parameter => parameter.index === index && !parameter.list);
  }
}

function isWrittenTo(ts: typeof TS, identifier: TS.Identifier): boolean {
  const { parent, child } = outerParent(ts, identifier);
  return (
    ts.isBinaryExpression(parent) && parent.left === child && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  );
}
