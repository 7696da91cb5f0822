import type TS from 'typescript';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

/** One `eslint-disable…` or `eslint-enable` comment, read as ESLint reads it. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** The rule ids it names (`memsafe/no-stale-view`, other plugins' too), or every rule. */
  readonly rules: readonly string[] | 'all';
  /** The text after ` -- `, ESLint's description of why. */
  readonly justification: string;
  /** The comment, as offsets in the file. */
  readonly start: number;
  readonly end: number;
  /** 1-based: where a `disable`/`enable` takes effect (from the comment on), or the line a line directive covers. */
  readonly line: number;
  readonly column: number;
}

const DIRECTIVE = /^(eslint-disable-next-line|eslint-disable-line|eslint-disable|eslint-enable)(?:\s|$)/;

/**
 * The disable directives of a file, in ESLint's grammar: `eslint-disable-line` and
 * `eslint-disable-next-line` in line or block comments, `eslint-disable` and `eslint-enable` in
 * block comments only (ESLint ignores them in line comments), rules separated by commas, a
 * description after ` -- `. Only real comments count, found through the syntax tree: the same text
 * in a string or a template is not a directive.
 */
export function readDirectives(ts: typeof TS, sourceFile: TS.SourceFile): Directive[] {
  const text = sourceFile.text;
  const directives: Directive[] = [];
  const seen = new Set<number>();
  for (let at = text.indexOf('eslint-'); at !== -1; at = text.indexOf('eslint-', at + 1)) {
    const comment = commentAt(ts, sourceFile, at);
    if (comment === undefined || seen.has(comment.pos)) continue;
    seen.add(comment.pos);
    const block = comment.kind === ts.SyntaxKind.MultiLineCommentTrivia;
    const value = text.slice(comment.pos + 2, block ? comment.end - 2 : comment.end).trim();
    const match = DIRECTIVE.exec(value);
    if (match === null) continue;
    const kind = match[1]!.slice('eslint-'.length) as DirectiveKind;
    if (!block && (kind === 'disable' || kind === 'enable')) continue;
    const from = sourceFile.getLineAndCharacterOfPosition(comment.pos);
    const to = sourceFile.getLineAndCharacterOfPosition(comment.end);
    // ESLint refuses a line directive whose block comment spans lines; so does memsafe, by ignoring it.
    if (kind === 'disable-line' && from.line !== to.line) continue;
    const [list = '', ...description] = value.slice(match[1]!.length).split(/\s-{2,}\s/);
    const rules = list
      .split(',')
      .map(rule => rule.trim())
      .filter(rule => rule !== '');
    directives.push({
      kind,
      rules: rules.length === 0 ? 'all' : rules,
      justification: description.join(' -- ').trim(),
      start: comment.pos,
      end: comment.end,
      line: kind === 'disable-next-line' ? to.line + 2 : from.line + 1,
      column: kind === 'disable' || kind === 'enable' ? from.character + 1 : 1,
    });
  }
  return directives;
}

/** The comment that holds `position`, if it is in one: comments live in the trivia before a token. */
function commentAt(ts: typeof TS, sourceFile: TS.SourceFile, position: number): TS.CommentRange | undefined {
  let node: TS.Node = sourceFile;
  for (;;) {
    const child = node.getChildren(sourceFile).find(candidate => candidate.pos <= position && position < candidate.end);
    if (child === undefined) return undefined;
    if (position < child.getStart(sourceFile)) {
      // Before the first line break, comments count as the previous token's trailing ones.
      const comments = [
        ...(ts.getTrailingCommentRanges(sourceFile.text, child.pos) ?? []),
        ...(ts.getLeadingCommentRanges(sourceFile.text, child.pos) ?? []),
      ];
      return comments.find(comment => comment.pos <= position && position < comment.end);
    }
    // Inside a token: a string, a template, an identifier.
    if (child.getChildCount(sourceFile) === 0) return undefined;
    node = child;
  }
}
