import { isPreset } from '../config.js';
import type { Preset } from '../check.js';

export type Command = 'check' | 'explain';
export type Format = 'pretty' | 'json' | 'sarif';

export interface CliArguments {
  readonly command: Command | 'help' | 'version';
  readonly paths: readonly string[];
  readonly project: string | undefined;
  readonly format: Format;
  readonly config: Preset;
  readonly rules: readonly string[];
  readonly color: boolean | undefined;
}

/** A mistake in how the CLI was called: exit code 2 and the message, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: memsafe <command> [paths...] [options]

Commands:
  check     report memory-safety problems (exit 1 when there are any)
  explain   list every memory conversion: view, copy, move, detach or reinterpret

Options:
  -p, --project <tsconfig>   the tsconfig.json to use (default: the nearest one)
  -f, --format <format>      pretty (default), json, or sarif (check only)
  -c, --config <preset>      recommended (default), strict, or all
  -r, --rule <name=level>    set a rule to off, warn or error (repeatable)
      --color / --no-color   force colour on or off (default: on for a terminal)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 nothing found, 1 problems found (check), 2 usage or configuration error.`;

export function parseArguments(argv: readonly string[]): CliArguments {
  let command: CliArguments['command'] | undefined;
  const paths: string[] = [];
  const rules: string[] = [];
  let project: string | undefined;
  let format: Format = 'pretty';
  let config: Preset = 'recommended';
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
        return { command: 'help', paths, project, format, config, rules, color };
      case '-v':
      case '--version':
        return { command: 'version', paths, project, format, config, rules, color };
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
      case '--config': {
        const chosen = value();
        if (!isPreset(chosen)) throw new UsageError(`--config takes recommended, strict or all, got "${chosen}"`);
        config = chosen;
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
  return { command, paths, project, format, config, rules, color };
}
