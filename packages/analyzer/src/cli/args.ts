import { isPreset } from '../config/index.js';
import type { Preset } from '../check.js';

export type Command = 'check' | 'explain';
export type Format = 'pretty' | 'json' | 'sarif';

export interface CliArguments {
  readonly command: Command | 'help' | 'version';
  readonly paths: readonly string[];
  readonly project: string | undefined;
  readonly format: Format;
  /** A memsafe.config.json given with -c; else the nearest to the tsconfig is read. */
  readonly config: string | undefined;
  readonly preset: Preset | undefined;
  readonly rules: readonly string[];
  readonly maxWarnings: number | undefined;
  /** ESLint's bulk suppressions: the file (default eslint-suppressions.json here) and what to do with it. */
  readonly suppressionsLocation: string | undefined;
  readonly suppressAll: boolean;
  readonly suppressRules: readonly string[];
  readonly pruneSuppressions: boolean;
  readonly passOnUnprunedSuppressions: boolean;
  readonly unusedDirectives: 'off' | 'warn' | 'error';
  readonly color: boolean | undefined;
}

/** A mistake in how the CLI was called: exit code 2 and the message, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: memsafe <command> [paths...] [options]

Commands:
  check     report memory-safety problems (exit 1 when there are any)
  explain   list every memory conversion: view, copy, move, detach, reinterpret or throws
  lsp       run as a language server over stdio, for editors (diagnostics, hovers, fixes)

Options:
  -p, --project <tsconfig>   the tsconfig.json to use (default: the nearest one)
  -f, --format <format>      pretty (default), json, or sarif (check only)
  -c, --config <file>        the memsafe.config.json to use (default: the nearest to the tsconfig)
      --preset <preset>      recommended, strict or all, in place of the config file's (default: recommended)
  -r, --rule <name=level>    set a rule to off, warn or error over the config (repeatable)
      --max-warnings <n>     exit 1 when there are more than n warnings (default: warnings alone exit 0)

Suppressions (eslint-disable comments are always honoured):
      --suppressions-location <file>   ESLint's bulk suppressions file (default: eslint-suppressions.json)
      --suppress-all                   tolerate every current error in that file, then report the rest
      --suppress-rule <rule>           the same for one rule (repeatable)
      --prune-suppressions             drop tolerated errors that no longer occur
      --pass-on-unpruned-suppressions  do not fail (exit 2) on tolerated errors that no longer occur
      --report-unused-disable-directives-severity <off|warn|error>
                                       how to report a directive naming a memsafe rule it does not need (default: warn)
      --color / --no-color   force colour on or off (default: on for a terminal)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 a usage or
configuration error, no file to check, or an internal error.`;

export function parseArguments(argv: readonly string[]): CliArguments {
  let command: CliArguments['command'] | undefined;
  const paths: string[] = [];
  const rules: string[] = [];
  let project: string | undefined;
  let format: Format = 'pretty';
  let config: string | undefined;
  let preset: Preset | undefined;
  let maxWarnings: number | undefined;
  let suppressionsLocation: string | undefined;
  let suppressAll = false;
  const suppressRules: string[] = [];
  let pruneSuppressions = false;
  let passOnUnprunedSuppressions = false;
  let unusedDirectives: CliArguments['unusedDirectives'] = 'warn';
  let color: boolean | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || (inline === undefined && next.startsWith('-')))
        throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { ...parseArguments(['check']), command: 'help' };
      case '-v':
      case '--version':
        return { ...parseArguments(['check']), command: 'version' };
      case '-p':
      case '--project':
        project = value();
        break;
      case '-f':
      case '--format': {
        const chosen = value();
        if (chosen !== 'pretty' && chosen !== 'json' && chosen !== 'sarif')
          throw new UsageError(`--format takes pretty, json or sarif, got "${chosen}"`);
        format = chosen;
        break;
      }
      case '-c':
      case '--config':
        config = value();
        if (isPreset(config))
          throw new UsageError(`--config takes a memsafe.config.json; for the preset, use --preset ${config}`);
        break;
      case '--preset': {
        const chosen = value();
        if (!isPreset(chosen)) throw new UsageError(`--preset takes recommended, strict or all, got "${chosen}"`);
        preset = chosen;
        break;
      }
      case '--max-warnings': {
        const chosen = value();
        if (!/^\d+$/.test(chosen)) throw new UsageError(`--max-warnings takes a whole number, got "${chosen}"`);
        maxWarnings = Number(chosen);
        break;
      }
      case '--suppressions-location':
        suppressionsLocation = value();
        break;
      case '--suppress-all':
        suppressAll = true;
        break;
      case '--suppress-rule': {
        const rule = value();
        suppressRules.push(rule.startsWith('memsafe/') ? rule : `memsafe/${rule}`);
        break;
      }
      case '--prune-suppressions':
        pruneSuppressions = true;
        break;
      case '--pass-on-unpruned-suppressions':
        passOnUnprunedSuppressions = true;
        break;
      case '--report-unused-disable-directives-severity': {
        const chosen = value();
        if (chosen !== 'off' && chosen !== 'warn' && chosen !== 'error')
          throw new UsageError(`--report-unused-disable-directives-severity takes off, warn or error, got "${chosen}"`);
        unusedDirectives = chosen;
        break;
      }
      case '-r':
      case '--rule':
        rules.push(value());
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (command === undefined) {
          if (arg !== 'check' && arg !== 'explain')
            throw new UsageError(`unknown command "${arg}": use check or explain`);
          command = arg;
        } else {
          paths.push(arg);
        }
    }
  }
  if (command === undefined) throw new UsageError('missing command: use check or explain');
  if (command === 'explain' && format === 'sarif')
    throw new UsageError('explain prints pretty or json; sarif is for check');
  if (command === 'explain' && maxWarnings !== undefined) throw new UsageError('--max-warnings is for check');
  if (suppressAll && suppressRules.length > 0)
    throw new UsageError('--suppress-all and --suppress-rule exclude each other');
  return {
    command,
    paths,
    project,
    format,
    config,
    preset,
    rules,
    maxWarnings,
    suppressionsLocation,
    suppressAll,
    suppressRules,
    pruneSuppressions,
    passOnUnprunedSuppressions,
    unusedDirectives,
    color,
  };
}
