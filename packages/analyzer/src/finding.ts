import type TS from 'typescript';
import type { TextEdit } from './check.js';

export type Severity = 'warn' | 'error';

/** Why a finding is not reported: an `eslint-disable…` comment, or a count in eslint-suppressions.json. */
export interface Suppression {
  readonly kind: 'directive' | 'file';
  readonly justification: string;
}

/** One problem, located with 1-based lines and columns as the CLI's JSON reports it. */
export interface Finding {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly rule: string;
  readonly code: number;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  readonly fix?: readonly TextEdit[];
  readonly suggestions?: readonly { readonly message: string; readonly edits: readonly TextEdit[] }[];
  /** Present on a finding that was silenced; such findings are reported only where a format keeps them (SARIF). */
  readonly suppressions?: readonly Suppression[];
}

export function position(sourceFile: TS.SourceFile, offset: number): { line: number; column: number } {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character + 1 };
}
