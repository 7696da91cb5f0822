import { checks, UNUSED_DIRECTIVE_CODE } from '@memsafe/analyzer';
import type TS from 'typescript';

interface CodeFixRegistry {
  registerCodeFix?(registration: {
    errorCodes: readonly number[];
    getCodeActions(): readonly TS.CodeFixAction[];
  }): void;
  getSupportedErrorCodes?(): readonly string[];
}

const registered = new WeakSet<object>();

/**
 * Makes memsafe's codes part of TypeScript's list of fixable codes. Editors (VS Code,
 * typescript-language-server) ask tsserver for that list without naming a file, and tsserver then
 * answers from its own registry without asking any plugin, so a plugin's `getSupportedCodeFixes`
 * alone never reaches them. The registry is internal (`ts.codefix`): where it is missing, memsafe's
 * fixes are still offered to clients that ask per file.
 */
export function registerCodes(ts: typeof TS, log: (message: string) => void): void {
  const registry = (ts as unknown as { codefix?: CodeFixRegistry }).codefix;
  if (registry === undefined || registered.has(registry)) return;
  registered.add(registry);
  if (typeof registry.registerCodeFix !== 'function') {
    log('this TypeScript has no code-fix registry: memsafe quick fixes reach only clients that ask per file');
    return;
  }
  // The actions themselves come from the decorated getCodeFixesAtPosition; this entry only lists the codes.
  registry.registerCodeFix({
    errorCodes: [...checks.map(check => check.code), UNUSED_DIRECTIVE_CODE],
    getCodeActions: () => [],
  });
}
