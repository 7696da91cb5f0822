import { dirname } from 'node:path';
import type TS from 'typescript';
import { ConfigError } from '../../config/index.js';
import type { ParsedTsconfig, ProjectHost } from '../project-host.js';

/**
 * TypeScript's "The 'files' list in config file is empty" and "No inputs were found in config file":
 * memsafe says them in its own words, once the references are followed too.
 */
const NO_INPUTS = new Set([18002, 18003]);

/** The CLI's projects on TypeScript 5.5 to 6.0, through the classic compiler API. */
export function classicProjectHost(ts: typeof TS): ProjectHost {
  const commandLines = new WeakMap<ParsedTsconfig, TS.ParsedCommandLine>();
  return {
    ts,
    version: ts.version,
    parse(configFile, show) {
      const read = ts.readConfigFile(configFile, path => ts.sys.readFile(path));
      if (read.error !== undefined)
        throw new ConfigError(
          `cannot read ${show(configFile)}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`,
        );
      const parsed = ts.parseJsonConfigFileContent(
        read.config,
        ts.sys,
        dirname(configFile),
        { noEmit: true },
        configFile,
      );
      const fatal = parsed.errors.filter(
        error => error.category === ts.DiagnosticCategory.Error && !NO_INPUTS.has(error.code),
      );
      if (fatal.length > 0)
        throw new ConfigError(`${show(configFile)}: ${ts.flattenDiagnosticMessageText(fatal[0]!.messageText, '\n')}`);
      const { files, include } = parsed.raw as { files?: unknown; include?: unknown };
      const result: ParsedTsconfig = {
        fileNames: parsed.fileNames,
        references: (parsed.projectReferences ?? []).map(reference => reference.path),
        plugins: (parsed.options['plugins'] ?? []) as unknown as readonly Readonly<Record<string, unknown>>[],
        files,
        include,
      };
      commandLines.set(result, parsed);
      return result;
    },
    program(_configFile, parsed) {
      const commandLine = commandLines.get(parsed)!;
      const host = ts.createCompilerHost(commandLine.options);
      // As the editor does: an import from a referenced project reads its source, not its build output,
      // so a finding that crosses projects does not wait for `tsc -b`.
      Object.assign(host, { useSourceOfProjectReferenceRedirect: () => true });
      return ts.createProgram({
        rootNames: commandLine.fileNames,
        options: commandLine.options,
        projectReferences: commandLine.projectReferences ?? [],
        host,
      });
    },
    confirm() {
      // One process: nothing can end under the answers.
    },
    close() {},
  };
}
