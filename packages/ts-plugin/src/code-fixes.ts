import type { Finding, TextEdit } from '@memsafe/analyzer';
import type TS from 'typescript';

/** The engine's fixes and suggestions for the findings under the cursor, as code actions. */
export function codeFixes(fileName: string, findings: readonly Finding[], start: number, end: number, errorCodes: readonly number[]): TS.CodeFixAction[] {
  const actions: TS.CodeFixAction[] = [];
  const change = (edits: readonly TextEdit[]): TS.FileTextChanges[] => [
    { fileName, textChanges: edits.map(edit => ({ span: { start: edit.start, length: edit.end - edit.start }, newText: edit.newText })) },
  ];
  for (const finding of findings) {
    if (!errorCodes.includes(finding.code) || finding.end < start || finding.start > end) continue;
    if (finding.fix !== undefined) {
      actions.push({ fixName: `memsafe/${finding.rule}`, description: `Fix: ${finding.message.split(/(?<=\.)\s/)[0]}`, changes: change(finding.fix) });
    }
    for (const suggestion of finding.suggestions ?? []) {
      actions.push({ fixName: `memsafe/${finding.rule}`, description: suggestion.message, changes: change(suggestion.edits) });
    }
  }
  return actions;
}
