// The `--check` mode every generator shares: with --check on the command line, exit 1 when `path`
// does not hold exactly `text` (the tests run each generator so); without it, write `text` there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

export function writeOrCheck(path, text, command) {
  const shown = relative(process.cwd(), path);
  if (!process.argv.includes('--check')) {
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
    console.error(
      `${shown} is out of date${existsSync(path) ? '' : ' (missing)'}: run \`${command}\` and commit the result`,
    );
    process.exit(1);
  }
}
