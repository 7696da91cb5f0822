import type TS from 'typescript';
import { MAX_DEPTH, MAX_TRACKED } from './interpreter.js';

/**
 * Why the flow rules stop following a function, for the notice they report instead of going
 * quiet: a silence would read as "nothing found".
 */
export const INCOMPLETE_REASON = `it tracks more than ${MAX_TRACKED.toLocaleString('en-US')} values at once or nests deeper than ${MAX_DEPTH.toLocaleString('en-US')} levels`;

/** Where to put that notice: a function's name (or its first token), or a file's first statement. */
export function incompleteAt(
  ts: typeof TS,
  container: TS.Node,
  sourceFile: TS.SourceFile,
): { node: TS.Node; where: string } {
  if (ts.isSourceFile(container))
    return { node: container.statements[0] ?? container, where: "This file's top-level code" };
  const name = (container as TS.FunctionLikeDeclaration).name;
  if (name !== undefined && ts.isIdentifier(name)) return { node: name, where: `The function \`${name.text}\`` };
  return { node: container.getFirstToken(sourceFile) ?? container, where: 'This function' };
}
