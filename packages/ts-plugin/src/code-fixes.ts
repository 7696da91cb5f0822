import type { Finding, TextEdit } from '@memsafe/analyzer';
import type TS from 'typescript';

/** The engine's fixes and suggestions for the findings under the cursor, as code actions. */
export function codeFixes(
  fileName: string,
  findings: readonly Finding[],
  start: number,
  end: number,
  errorCodes: readonly number[],
): TS.CodeFixAction[] {
  const actions: TS.CodeFixAction[] = [];
  const change = (edits: readonly TextEdit[]): TS.FileTextChanges[] => [
    {
      fileName,
      textChanges: edits.map(edit => ({
        span: { start: edit.start, length: edit.end - edit.start },
        newText: edit.newText,
      })),
    },
  ];
  for (const finding of findings) {
    if (!errorCodes.includes(finding.code) || finding.end < start || finding.start > end) continue;
    const suggestions = finding.suggestions ?? [];
    if (finding.fix !== undefined) {
      // The autofix is usually also offered as a suggestion: one action, named by the suggestion.
      const same = suggestions.find(suggestion => sameEdits(suggestion.edits, finding.fix!));
      actions.push({
        fixName: `memsafe/${finding.rule}`,
        description: same?.message ?? `Fix memsafe/${finding.rule}`,
        changes: change(finding.fix),
      });
    }
    for (const suggestion of suggestions) {
      if (finding.fix !== undefined && sameEdits(suggestion.edits, finding.fix)) continue;
      actions.push({
        fixName: `memsafe/${finding.rule}`,
        description: suggestion.message,
        changes: change(suggestion.edits),
      });
    }
  }
  return actions;
}

function sameEdits(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return (
    a.length === b.length &&
    a.every((edit, i) => edit.start === b[i]!.start && edit.end === b[i]!.end && edit.newText === b[i]!.newText)
  );
}
