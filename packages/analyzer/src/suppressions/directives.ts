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

/**
 * The comment that holds `position`, if it is in one. Comments live in the trivia before a token.
 * Going down through the nodes that hold `position` (nodes only: TypeScript 7's trees have no
 * token children), it is either in the trivia before a node, inside a literal or name (no comment),
 * or in a stretch of a node's own tokens between its children: punctuation, keywords and operators,
 * where `//` and `/*` can only open a comment.
 */
function commentAt(ts: typeof TS, sourceFile: TS.SourceFile, position: number): TS.CommentRange | undefined {
  const text = sourceFile.text;
  let node: TS.Node = sourceFile;
  for (;;) {
    const children: TS.Node[] = [];
    ts.forEachChild(node, child => void children.push(child));
    const child = children.find(candidate => candidate.pos <= position && position < candidate.end);
    if (child !== undefined && position < child.getStart(sourceFile)) {
      // Before the first line break, comments count as the previous token's trailing ones.
      const comments = [
        ...(ts.getTrailingCommentRanges(text, child.pos) ?? []),
        ...(ts.getLeadingCommentRanges(text, child.pos) ?? []),
      ];
      return comments.find(comment => comment.pos <= position && position < comment.end);
    }
    if (child !== undefined) {
      node = child;
      continue;
    }
    if (hasTokenText(ts, node)) return undefined;
    const from = Math.max(node.pos, ...children.filter(c => c.end <= position).map(c => c.end));
    const to = Math.min(node.end, ...children.filter(c => c.pos > position).map(c => c.pos));
    return commentsBetween(ts, text, from, to).find(comment => comment.pos <= position && position < comment.end);
  }
}

/** A name or a literal: its text is not trivia, whatever it holds. */
function hasTokenText(ts: typeof TS, node: TS.Node): boolean {
  return (
    ts.isIdentifier(node) ||
    ts.isPrivateIdentifier(node) ||
    ts.isStringLiteral(node) ||
    ts.isNumericLiteral(node) ||
    ts.isBigIntLiteral(node) ||
    ts.isRegularExpressionLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node) ||
    ts.isJsxText(node)
  );
}

/** The comments in `text` from `from` to `to`, a stretch that holds only tokens without text of their own. */
function commentsBetween(ts: typeof TS, text: string, from: number, to: number): TS.CommentRange[] {
  const comments: TS.CommentRange[] = [];
  for (let at = from; at < to; at++) {
    if (text.startsWith('//', at)) {
      const newline = text.indexOf('\n', at);
      const end = newline === -1 || newline > to ? to : newline;
      comments.push({ pos: at, end, kind: ts.SyntaxKind.SingleLineCommentTrivia });
      at = end;
    } else if (text.startsWith('/*', at)) {
      const close = text.indexOf('*/', at + 2);
      const end = close === -1 ? to : Math.min(close + 2, to);
      comments.push({ pos: at, end, kind: ts.SyntaxKind.MultiLineCommentTrivia });
      at = end - 1;
    }
  }
  return comments;
}
