import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type TS from 'typescript';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type Hover,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../check.js';
import { checks } from '../checks/index.js';
import { findConfig } from '../cli/project.js';
import { CompilerError } from '../compiler/load.js';
import type { DocumentHost, OpenDocument } from '../compiler/document-host.js';
import { CONFIG_PROBLEM_CODE, findConfigFile, readConfigFile, resolveRules } from '../config/index.js';
import { analyze, type RuleSettings } from '../engine.js';
import type { Finding } from '../finding.js';
import { hoverLines } from '../hover.js';
import { docsUrl, version } from '../meta.js';
import { applyDirectives } from '../suppressions/inline.js';

/** What the server knows of an open document after its last check. */
interface Checked {
  readonly version: number;
  /** The workspace's generation it was checked at: any edit or file change makes a new one. */
  readonly generation: number;
  readonly program: TS.Program;
  readonly sourceFile: TS.SourceFile;
  /** Every finding shown, the unused `eslint-disable` directives included. */
  readonly shown: readonly Finding[];
  /** The findings of the rules alone, for hovers ("stale — …"). */
  readonly findings: readonly Finding[];
  /** Mistakes in memsafe.config.json, shown at the top of the file; the rest of it still applies. */
  readonly configProblems: readonly string[];
}

/**
 * `memsafe lsp`: memsafe's diagnostics, hovers and fixes over the Language Server Protocol, for the
 * documents an editor has open (their unsaved text included), on the TypeScript the workspace has.
 * The rules are those of the nearest memsafe.config.json, as for the CLI and ESLint. A failure inside
 * memsafe is logged and answered with nothing, never an error that takes the editor's client down.
 */
export function serveLanguage(connection: Connection, loadCompiler: () => Promise<DocumentHost>): void {
  const documents = new TextDocuments(TextDocument);
  const checked = new Map<string, Checked>();
  const changed = new Set<string>();
  let generation = 0;
  /** A file changed (an edit, a save elsewhere, memsafe.config.json): every open document is checked again. */
  const touch = (file: string): void => {
    changed.add(file);
    generation += 1;
    for (const open of documents.all()) schedule(open.uri);
  };
  let host: Promise<DocumentHost | undefined> | undefined;
  let scheduled: NodeJS.Immediate | undefined;
  const pending = new Set<string>();

  const compiler = (): Promise<DocumentHost | undefined> =>
    (host ??= loadCompiler().catch((error: unknown) => {
      const message = error instanceof CompilerError ? error.message : String(error);
      connection.window.showErrorMessage(`memsafe: ${message}`);
      return undefined;
    }));

  const openDocuments = (): Map<string, OpenDocument> =>
    new Map(
      documents
        .all()
        .map(document => [fileURLToPath(document.uri), { version: document.version, text: document.getText() }]),
    );

  /** Checks `uri` as it is now, or returns what the last check of this version found. */
  const check = async (uri: string): Promise<Checked | undefined> => {
    const document = documents.get(uri);
    if (document === undefined || !uri.startsWith('file:')) return undefined;
    const known = checked.get(uri);
    if (known !== undefined && known.version === document.version && known.generation === generation) return known;
    const checkedAt = generation;
    const compilerHost = await compiler();
    if (compilerHost === undefined) return undefined;
    const file = fileURLToPath(uri);
    const tsconfig = findConfig(dirname(file));
    if (tsconfig === undefined) return undefined;
    const { rules, problems: configProblems } = rulesFor(tsconfig);
    const analyzeOnce = () => {
      const program = compilerHost.programFor(tsconfig, openDocuments(), [...changed]);
      changed.clear();
      const sourceFile = program.getSourceFile(file);
      if (sourceFile === undefined) return undefined;
      const findings = analyze({ ts: compilerHost.ts, program, checks, rules, files: [sourceFile] });
      compilerHost.confirm();
      return { program, sourceFile, findings };
    };
    let analyzed: ReturnType<typeof analyzeOnce>;
    try {
      analyzed = analyzeOnce();
    } catch (error) {
      // TypeScript 7's compiler process ended (killed, out of memory): once more, on a new one.
      connection.console.warn(`memsafe: ${error instanceof Error ? error.message : String(error)}; checking again`);
      analyzed = analyzeOnce();
    }
    if (analyzed === undefined) return undefined;
    const { program, sourceFile, findings } = analyzed;
    const enabled = new Set(Object.keys(rules).filter(rule => rules[rule]?.severity !== 'off'));
    const { kept, unused } = applyDirectives(compilerHost.ts, sourceFile, findings, enabled);
    const result = {
      version: document.version,
      generation: checkedAt,
      program,
      sourceFile,
      shown: [...kept, ...unused],
      findings,
      configProblems,
    };
    checked.set(uri, result);
    return result;
  };

  const publish = async (uri: string): Promise<void> => {
    try {
      const result = await check(uri);
      const document = documents.get(uri);
      if (document === undefined) return;
      await connection.sendDiagnostics({
        uri,
        version: document.version,
        diagnostics: [
          ...(result?.configProblems ?? []).map(configDiagnostic),
          ...(result?.shown ?? []).map(finding => toDiagnostic(document, finding)),
        ],
      });
    } catch (error) {
      connection.console.error(
        `memsafe: checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
  };

  // Edits come in bursts, a notification per keystroke: check each document once per burst.
  const schedule = (uri: string): void => {
    pending.add(uri);
    scheduled ??= setImmediate(() => {
      scheduled = undefined;
      const uris = [...pending];
      pending.clear();
      void uris.reduce((previous, next) => previous.then(() => publish(next)), Promise.resolve());
    });
  };

  let watchFiles = false;
  connection.onInitialize(({ capabilities }) => {
    watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'memsafe', version },
    };
  });
  // Files changed outside the editor's buffers (a save from elsewhere, a git checkout, the config).
  connection.onInitialized(() => {
    if (watchFiles)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/{memsafe.config.json,tsconfig*.json,*.ts,*.tsx,*.mts,*.cts}' }],
      });
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) if (change.uri.startsWith('file:')) touch(fileURLToPath(change.uri));
  });

  // Another open file may import an edited one: every open document is checked again.
  documents.onDidChangeContent(({ document }) => touch(fileURLToPath(document.uri)));
  documents.onDidClose(({ document }) => {
    checked.delete(document.uri);
    touch(fileURLToPath(document.uri));
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
    try {
      const result = await check(textDocument.uri);
      const document = documents.get(textDocument.uri);
      if (result === undefined || document === undefined) return null;
      const compilerHost = (await compiler())!;
      const hover = hoverLines(
        compilerHost.ts,
        result.program,
        result.sourceFile,
        document.offsetAt(position),
        result.findings,
      );
      if (hover === undefined || hover.lines.length === 0) return null;
      return {
        contents: { kind: 'markdown', value: hover.lines.join('\n\n') },
        range: {
          start: document.positionAt(hover.span.start),
          end: document.positionAt(hover.span.start + hover.span.length),
        },
      };
    } catch (error) {
      connection.console.error(`memsafe: hover failed: ${error instanceof Error ? error.stack : String(error)}`);
      return null;
    }
  });

  connection.onCodeAction(async ({ textDocument, range }): Promise<CodeAction[]> => {
    try {
      const result = await check(textDocument.uri);
      const document = documents.get(textDocument.uri);
      if (result === undefined || document === undefined) return [];
      const from = document.offsetAt(range.start);
      const to = document.offsetAt(range.end);
      const edit = (edits: readonly TextEdit[]) => ({
        changes: { [textDocument.uri]: edits.map(e => toLspEdit(document, e)) },
      });
      return result.shown
        .filter(finding => finding.start <= to && from <= finding.end)
        .flatMap(finding => {
          const diagnostic = toDiagnostic(document, finding);
          const actions: CodeAction[] = [];
          if (finding.fix !== undefined)
            actions.push({
              title: `Fix: ${finding.message}`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: true,
              edit: edit(finding.fix),
            });
          for (const suggestion of finding.suggestions ?? [])
            actions.push({
              title: suggestion.message,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: edit(suggestion.edits),
            });
          if (isRule(finding.rule))
            actions.push({
              title: `Disable memsafe/${finding.rule} for this line`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: edit([disableComment(document, finding)]),
            });
          return actions;
        });
    } catch (error) {
      connection.console.error(`memsafe: code actions failed: ${error instanceof Error ? error.stack : String(error)}`);
      return [];
    }
  });

  connection.onShutdown(async () => {
    (await host)?.close();
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The rules of the nearest memsafe.config.json at or above the tsconfig, read again for every check
 * (a stat and a small file), and its mistakes: as in the tsserver plugin, the rest of it applies.
 */
function rulesFor(tsconfig: string): { rules: RuleSettings; problems: readonly string[] } {
  const file = findConfigFile(dirname(tsconfig));
  const reading = file === undefined ? { config: { rules: {} }, problems: [] } : readConfigFile(checks, file);
  return { rules: resolveRules(checks, reading.config, {}), problems: reading.problems };
}

const RULES: ReadonlySet<string> = new Set(checks.map(check => check.id));

/** Whether a finding is a rule's, not an unused `eslint-disable` directive's (which has no page and no disable comment). */
function isRule(id: string): boolean {
  return RULES.has(id);
}

/** A mistake in the configuration, in the tsserver plugin's words and code (91000). */
function configDiagnostic(problem: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: CONFIG_PROBLEM_CODE,
    source: 'memsafe',
    message: `memsafe configuration: ${problem}. memsafe goes on with the rest of its configuration.`,
  };
}

function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const rule = isRule(finding.rule);
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: rule ? `memsafe/${finding.rule}` : finding.rule,
    ...(rule ? { codeDescription: { href: docsUrl(finding.rule) } } : {}),
    source: 'memsafe',
    message: finding.message,
  };
}

function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return {
    range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
    newText: edit.newText,
  };
}

/** `// eslint-disable-next-line memsafe/<rule>` above the finding's line, indented as it is. */
function disableComment(document: TextDocument, finding: Finding): TextEdit {
  const line = { start: { line: finding.line - 1, character: 0 }, end: { line: finding.line, character: 0 } };
  const lineStart = document.offsetAt(line.start);
  const indent = /^[ \t]*/.exec(document.getText(line))![0];
  return {
    start: lineStart,
    end: lineStart,
    newText: `${indent}// eslint-disable-next-line memsafe/${finding.rule}\n`,
  };
}
