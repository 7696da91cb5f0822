import type TS from 'typescript';

/** A plain text edit on the original file's offsets; ESLint fixers and tsserver both take these. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type MessageData = Readonly<Record<string, string | number>>;

export interface SuggestionReport<M extends string> {
  readonly messageId: M;
  readonly data?: MessageData;
  readonly edits: readonly TextEdit[];
}

export interface Report<M extends string> {
  /** The node to underline; or an explicit range when the finding spans part of a node. */
  readonly node: TS.Node;
  readonly messageId: M;
  readonly data?: MessageData;
  /** An autofix: only when it preserves behaviour. */
  readonly fix?: readonly TextEdit[];
  /** Fixes that change behaviour and need a person's choice. */
  readonly suggest?: readonly SuggestionReport<M>[];
}

/**
 * Everything a check may use. `ts` is the TypeScript module of the host (tsserver passes its own),
 * so the analyzer imports TypeScript only for types.
 */
export interface CheckContext<M extends string, O> {
  readonly ts: typeof TS;
  readonly program: TS.Program;
  readonly checker: TS.TypeChecker;
  readonly sourceFile: TS.SourceFile;
  readonly options: O;
  /** Per-program memo shared by all checks and files: function summaries, type classifications. */
  readonly cache: ProgramCache;
  report(report: Report<M>): void;
}

/** A memo keyed by anything, living as long as the program. */
export interface ProgramCache {
  get<K extends object, V>(bucket: string, key: K, compute: () => V): V;
}

/** Which preset configs enable a check: `recommended` implies `strict` and `all`. */
export type Preset = 'recommended' | 'strict' | 'all';

/** JSON schema of the options object, as ESLint takes it. */
export type OptionsSchema = Readonly<Record<string, unknown>>;

export interface Check<M extends string = string, O = Readonly<Record<string, unknown>>> {
  /** kebab-case rule name: `memsafe/<id>` in ESLint, the same name in tsserver options and the CLI. */
  readonly id: string;
  /** The diagnostic code tsserver shows (91001…). */
  readonly code: number;
  readonly description: string;
  readonly type: 'problem' | 'suggestion';
  readonly preset: Preset;
  readonly messages: Readonly<Record<M, string>>;
  readonly fixable?: 'code';
  readonly hasSuggestions?: boolean;
  readonly defaultOptions: O;
  /** JSON schema for the options object (ESLint validates it; the CLI and tsserver use the same). */
  readonly optionsSchema: OptionsSchema;
  /** Cheap text test: a file that fails it cannot produce findings, and the check is not run. */
  readonly mayApply?: (text: string) => boolean;
  check(context: CheckContext<M, O>): void;
}

/** The option fields of a check that takes no options. */
export const NO_OPTIONS = Object.freeze({
  defaultOptions: Object.freeze({}) as Record<string, never>,
  optionsSchema: Object.freeze({ type: 'object', properties: {}, additionalProperties: false }),
});

/** Identity with inference: a check is a plain object with metadata plus a function. */
export function defineCheck<M extends string, O>(check: Check<M, O>): Check<M, O> {
  return Object.freeze(check);
}

/** `{{name}}` placeholders filled from `data`, as ESLint fills them. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  if (data === undefined) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
