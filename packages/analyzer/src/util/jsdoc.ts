import type TS from 'typescript';

/**
 * The words of `@memsafe …` JSDoc tags on a declaration (`@memsafe grows`, `@memsafe pure`,
 * `@memsafe transfers buffer`), on the declaration itself or on the variable statement around it.
 */
export function memsafeTags(ts: typeof TS, declaration: TS.Node): string[][] {
  const tags: string[][] = [];
  const holders: TS.Node[] = [declaration];
  if (ts.isVariableDeclaration(declaration) && ts.isVariableDeclarationList(declaration.parent))
    holders.push(declaration.parent.parent);
  for (const holder of holders) {
    for (const tag of ts.getJSDocTags(holder)) {
      if (tag.tagName.text !== 'memsafe') continue;
      const comment = typeof tag.comment === 'string' ? tag.comment : (ts.getTextOfJSDocComment(tag.comment) ?? '');
      tags.push(comment.trim().split(/\s+/).filter(Boolean));
    }
  }
  return tags;
}

export function hasMemsafeTag(ts: typeof TS, declaration: TS.Node, word: string): boolean {
  return memsafeTags(ts, declaration).some(words => words[0] === word);
}
