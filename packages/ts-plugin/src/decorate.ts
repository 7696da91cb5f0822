import { checks, hoverLines, UNUSED_DIRECTIVE_CODE } from '@memsafe/analyzer';
import type TS from 'typescript';
import { codeFixes } from './code-fixes.js';
import { configDiagnostic, toDiagnostic } from './diagnostics.js';
import { findingsFor, forgetFindings } from './findings.js';
import { ProjectOptions, type Options, type PluginConfig } from './options.js';

/** Marks a language service that memsafe already decorates, so that it is never wrapped twice. */
const DECORATED = Symbol.for('@memsafe/ts-plugin/decorated');

export interface Decorated {
  readonly service: TS.LanguageService;
  configure(config: PluginConfig | undefined): void;
}

type Log = (message: string) => void;

/**
 * A language service that answers as the original does, then adds memsafe's diagnostics, hovers
 * and code fixes. Every override calls the original first, and on any failure of memsafe's own
 * returns the original result and logs the error: an analysis bug must never cost the editor.
 */
export function decorate(
  ts: typeof TS,
  original: TS.LanguageService,
  config: PluginConfig | undefined,
  directory: string,
  log: Log,
): Decorated {
  const existing = (original as { [DECORATED]?: Decorated })[DECORATED];
  if (existing !== undefined) return existing;

  const projectOptions = new ProjectOptions(ts, config, directory);
  /** The options now: memsafe.config.json is read again when it changed, and the findings with it. */
  const options = (): Options => {
    const { options: current, changed } = projectOptions.current();
    if (changed) {
      for (const problem of current.problems) log(`configuration: ${problem}`);
      forgetFindings(original.getProgram());
    }
    return current;
  };
  const service = Object.create(null) as TS.LanguageService;
  // Every method of the original, bound to it; the four below are then replaced.
  const members = original as unknown as Record<string, unknown>;
  for (const key of Object.keys(original)) {
    const member = members[key];
    (service as unknown as Record<string, unknown>)[key] =
      typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(original) : member;
  }

  const guarded = <T>(what: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      log(
        `${what} failed, answering without memsafe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return fallback;
    }
  };
  const findings = (program: TS.Program, fileName: string, rules = options().rules) =>
    findingsFor(ts, program, fileName, rules, log);

  service.getSemanticDiagnostics = fileName => {
    const prior = original.getSemanticDiagnostics(fileName);
    return guarded('diagnostics', prior, () => {
      const program = original.getProgram();
      const sourceFile = program?.getSourceFile(fileName);
      if (program === undefined || sourceFile === undefined || sourceFile.isDeclarationFile) return prior;
      const { mode, problems, rules } = options();
      // A mistake in the configuration is shown where the user looks, not only in tsserver's log.
      const mistakes = problems.map(problem => configDiagnostic(ts, sourceFile, problem));
      if (mode === 'hover-only') return [...prior, ...mistakes];
      const found = findings(program, fileName, rules).map(finding => toDiagnostic(ts, sourceFile, finding));
      return [...prior, ...mistakes, ...found];
    });
  };

  service.getQuickInfoAtPosition = (fileName, position, ...rest) => {
    const prior = original.getQuickInfoAtPosition(fileName, position, ...rest);
    return guarded('quick info', prior, () => {
      const program = original.getProgram();
      const sourceFile = program?.getSourceFile(fileName);
      if (program === undefined || sourceFile === undefined) return prior;
      const hover = hoverLines(ts, program, sourceFile, position, findings(program, fileName));
      if (hover === undefined || hover.lines.length === 0) return prior;
      const documentation = [
        ...(prior?.documentation ?? []),
        { kind: 'text', text: `${prior?.documentation?.length ? '\n\n' : ''}${hover.lines.join('\n\n')}` },
      ];
      return prior === undefined
        ? {
            kind: ts.ScriptElementKind.unknown,
            kindModifiers: '',
            textSpan: hover.span,
            displayParts: [],
            documentation,
          }
        : { ...prior, documentation };
    });
  };

  service.getSupportedCodeFixes = fileName => [
    ...original.getSupportedCodeFixes(fileName),
    ...checks.map(check => String(check.code)),
    String(UNUSED_DIRECTIVE_CODE),
  ];

  service.getCodeFixesAtPosition = (fileName, start, end, errorCodes, formatOptions, preferences) => {
    const prior = original.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
    return guarded('code fixes', prior, () => {
      const program = original.getProgram();
      if (program === undefined) return prior;
      return [...prior, ...codeFixes(fileName, findings(program, fileName), start, end, errorCodes)];
    });
  };

  const decorated: Decorated = {
    service,
    configure(next) {
      projectOptions.configure(next);
      options();
    },
  };
  options();
  Object.defineProperty(service, DECORATED, { value: decorated });
  Object.defineProperty(original, DECORATED, { value: decorated });
  return decorated;
}
