import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import semver from 'semver';
import { nearestFile } from '../util/nearest-file.js';

/** package.json files read, by path, with the time each was changed: an editor's session outlives an edit of `engines`. */
const read = new Map<string, { readonly changed: number; readonly range: string | undefined }>();

/**
 * The Node versions the project of `fileName` runs on: `engines.node` of the nearest package.json,
 * or `undefined` where it names none (or cannot be read), which means any version.
 */
export function nodeRangeOf(fileName: string): string | undefined {
  const manifest = nearestFile(dirname(fileName), 'package.json');
  if (manifest === undefined) return undefined;
  let changed: number;
  try {
    changed = statSync(manifest).mtimeMs;
  } catch {
    return undefined;
  }
  const known = read.get(manifest);
  if (known?.changed === changed) return known.range;
  const range = enginesNode(manifest);
  read.set(manifest, { changed, range });
  return range;
}

function enginesNode(manifest: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    const engines = (parsed as { engines?: { node?: unknown } } | null)?.engines;
    return typeof engines?.node === 'string' ? engines.node : undefined;
  } catch {
    return undefined;
  }
}

/** Whether every version `range` allows is `version` or later; false for an unknown or unreadable range. */
export function everyVersionAtLeast(range: string | undefined, version: string): boolean {
  if (range === undefined) return false;
  const valid = semver.validRange(range);
  const lowest = valid === null ? null : semver.minVersion(valid);
  return lowest !== null && semver.gte(lowest, version);
}
