import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest file called `name` in `start` (or the directory of `start`, a file) or a directory above it. */
export function nearestFile(start: string, name: string): string | undefined {
  for (let directory = existsSync(start) && statSync(start).isFile() ? dirname(start) : start; ;) {
    const candidate = join(directory, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) return undefined;
    directory = dirname(directory);
  }
}
