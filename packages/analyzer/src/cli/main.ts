import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { RuleSettings } from '../engine.js';
import type { Finding } from '../finding.js';
import { checks } from '../checks/index.js';
import { CompilerError } from '../compiler/load.js';
import type { ProjectHost } from '../compiler/project-host.js';
import { ConfigError, findConfigFile, readConfigFile, resolveRules } from '../config/index.js';
import { analyze, compareFindings } from '../engine.js';
import { explainFile } from '../explain.js';
import { version } from '../meta.js';
import { parseArguments, USAGE, UsageError, type CliArguments } from './args.js';
import { colorEnabled, palette, type Palette } from './colors.js';
import { formatJson } from './format/json.js';
import { formatPretty } from './format/pretty.js';
import { formatSarif } from './format/sarif.js';
import { loadProjects, rootTsconfig, shownFrom } from './project.js';
import { suppress } from './suppress.js';

export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * Runs the CLI and returns its exit code: 0 clean, 1 findings, 2 a usage or configuration error, a
 * TypeScript memsafe cannot use, or an internal error. `compiler` gives the TypeScript to run on
 * (throwing CompilerError where there is none it can use), and is only called once a command needs
 * it: `--help` and `--version` work without one.
 */
export function main(compiler: () => ProjectHost, argv: readonly string[], io: Io): number {
  let args: CliArguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`memsafe: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  const colors = palette(colorEnabled(args.color, io.stdout, io.env));
  let host: ProjectHost | undefined;
  try {
    host = compiler();
    const { ts } = host;
    const tsconfig = rootTsconfig(io.cwd, args.project, args.paths);
    const rules = loadRules(io.cwd, tsconfig, args);
    // Progress goes to stderr, and only where a person watches it: JSON and SARIF stay clean.
    const progress =
      io.stderr.isTTY === true && args.format === 'pretty'
        ? (text: string) => io.stderr.write(`\r${text}\u001b[K`)
        : () => undefined;
    progress('memsafe: loading the project…');
    const projects = loadProjects(host, io.cwd, tsconfig, args.paths);
    const fileCount = projects.reduce((sum, project) => sum + project.files.length, 0);
    progress(`memsafe: analysing ${fileCount} ${fileCount === 1 ? 'file' : 'files'}…`);
    const internalErrors: string[] = [];
    if (args.command === 'explain') {
      // A file the compiler itself fails on (a Debug Failure) is reported, and the others explained.
      const entries = projects.flatMap(project => {
        const checker = project.program.getTypeChecker();
        return project.files.flatMap(file => {
          try {
            return explainFile(ts, checker, file, project.program);
          } catch (error) {
            internalErrors.push(
              `explain failed on ${relative(io.cwd, file.fileName)}: ${error instanceof Error ? error.message : String(error)}`,
            );
            return [];
          }
        });
      });
      host.confirm();
      progress('');
      io.stdout.write(
        args.format === 'json' ? `${JSON.stringify(entries, null, 2)}\n` : formatExplanations(entries, io.cwd, colors),
      );
      return reportInternalErrors(internalErrors, io) ?? 0;
    }
    const findings = projects.flatMap(project =>
      analyze({
        ts,
        program: project.program,
        checks,
        rules,
        files: project.files,
        onError: (error, check, file) =>
          internalErrors.push(
            `memsafe/${check.id} failed on ${relative(io.cwd, file.fileName)}: ${error instanceof Error ? error.message : String(error)}`,
          ),
      }),
    );
    host.confirm();
    const { reported, suppressed, unpruned } = suppress(ts, projects, findings, rules, args, io.cwd);
    reported.sort(compareFindings);
    progress('');
    const readText = (file: string) => readFileSync(file, 'utf8');
    if (args.format === 'json') io.stdout.write(formatJson(reported));
    else if (args.format === 'sarif')
      io.stdout.write(formatSarif([...reported, ...suppressed].sort(compareFindings), checks, version, io.cwd));
    else io.stdout.write(formatPretty(reported, readText, io.cwd, colors));
    const failed = reportInternalErrors(internalErrors, io);
    if (failed !== undefined) return failed;
    if (unpruned !== undefined) {
      io.stderr.write(`memsafe: ${unpruned}\n`);
      return 2;
    }
    return exitCode(reported, args.maxWarnings, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CompilerError) {
      io.stderr.write(`memsafe: ${error.message}\n`);
      return 2;
    }
    // Never exit 1 ("findings") or 0 ("clean") for a failure of memsafe's own.
    io.stderr.write(
      `memsafe: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  } finally {
    host?.close();
  }
}

/**
 * The rules of a run: the memsafe.config.json given with -c, else the nearest at or above the
 * tsconfig (the file the tsserver plugin reads), with --preset and --rule over it. Any mistake in the
 * file stops the run (exit 2), as in ESLint: a rule quietly left at its default is a silent "clean".
 */
function loadRules(cwd: string, tsconfig: string, args: CliArguments): RuleSettings {
  const file = args.config !== undefined ? resolve(cwd, args.config) : findConfigFile(dirname(tsconfig));
  if (file !== undefined && !existsSync(file)) throw new ConfigError(`${shownFrom(cwd)(file)} does not exist`);
  const reading =
    file === undefined ? { config: { rules: {} }, problems: [] } : readConfigFile(checks, file, shownFrom(cwd)(file));
  if (reading.problems.length > 0) throw new ConfigError(reading.problems.join('\n'));
  return resolveRules(checks, reading.config, { ...(args.preset ? { preset: args.preset } : {}), rules: args.rules });
}

/** As ESLint: 1 for any error, or for more warnings than --max-warnings allows; warnings alone are 0. */
function exitCode(findings: readonly Finding[], maxWarnings: number | undefined, io: Io): 0 | 1 {
  const warnings = findings.filter(finding => finding.severity === 'warn').length;
  if (findings.length > warnings) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`memsafe: too many warnings (${warnings}; the maximum is ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/**
 * Prints the internal errors of a run, whose results are then incomplete: exit 2, as ESLint exits
 * for an internal error, never 1 ("findings") or 0 ("clean"). Undefined when there were none.
 */
function reportInternalErrors(internalErrors: readonly string[], io: Io): 2 | undefined {
  if (internalErrors.length === 0) return undefined;
  for (const message of internalErrors) io.stderr.write(`memsafe: internal error: ${message}\n`);
  io.stderr.write(
    `memsafe: ${internalErrors.length === 1 ? 'one part' : `${internalErrors.length} parts`} of the analysis failed; the results above are incomplete\n`,
  );
  return 2;
}

function formatExplanations(entries: ReturnType<typeof explainFile>, cwd: string, colors: Palette): string {
  if (entries.length === 0) return 'memsafe found no memory conversions.\n';
  const events = entries.filter(e => e.invalidates !== undefined);
  const conversions = entries.filter(e => e.invalidates === undefined);
  const copies = conversions.filter(e => e.result === 'copy');
  const throwing = conversions.filter(e => e.result === 'throws');
  const lines = entries.map(e => {
    const result =
      e.result === 'copy'
        ? colors.yellow(e.result.padEnd(11))
        : e.invalidates !== undefined || e.result === 'throws'
          ? colors.red(e.result.padEnd(11))
          : colors.cyan(e.result.padEnd(11));
    const bytes = e.bytes === undefined ? '' : colors.dim(` ${e.bytes} bytes`);
    const hazards = e.hazards.length === 0 ? '' : ` ${colors.red(`⚠ ${e.hazards.join(', ')}`)}`;
    const invalidates = e.invalidates === undefined ? '' : colors.dim(` — ${e.invalidates}`);
    return `${colors.dim(`${relative(cwd, e.file)}:${e.line}:${e.column}`)}  ${result} ${e.text}${bytes}${hazards}${invalidates}`;
  });
  const known = copies.filter(e => e.bytes !== undefined).reduce((sum, e) => sum + e.bytes!, 0);
  const eventLine =
    events.length === 0
      ? ''
      : `; ${events.length} ${events.length === 1 ? 'call invalidates' : 'calls invalidate'} memory other code may hold`;
  const thrown = throwing.length === 0 ? '' : `, ${throwing.length} ${throwing.length === 1 ? 'throws' : 'throw'}`;
  return `${lines.join('\n')}\n\n${conversions.length} conversions: ${conversions.length - copies.length - throwing.length} share or move memory, ${copies.length} copy${known > 0 ? ` (${known} bytes where the size is in the code)` : ''}${thrown}${eventLine}.\n`;
}
