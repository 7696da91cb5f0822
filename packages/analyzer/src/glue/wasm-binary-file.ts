import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type TS from 'typescript';
import { exportsThatCannotGrow } from './wasm-binary.js';

/** Binaries larger than this are not read: the answer would cost more than it saves. */
const MAX_BINARY_BYTES = 64 * 1024 * 1024;

/** Each binary is read once per change on disk, however many programs ask. */
const byPath = new Map<
  string,
  { readonly mtimeMs: number; readonly size: number; readonly cannotGrow: ReadonlySet<string> }
>();

/**
 * The module binary that the declarations in `sourceFile` describe, if it can be found on disk:
 * `x.wasm` beside wasm-bindgen's `x.wasm.d.ts` (or `x.d.wasm.ts`, as `allowArbitraryExtensions`
 * names it), or beside an `x.d.ts` that AssemblyScript or
 * Emscripten emits; else the one `.wasm` file that a relative path in the file's text names
 * (`new URL('./x.wasm', import.meta.url)`, `readFileSync('../x.wasm')`).
 */
export function binaryBesides(sourceFile: TS.SourceFile): string | undefined {
  const name = sourceFile.fileName;
  if (name.endsWith('.wasm.d.ts')) return existing(name.slice(0, -'.d.ts'.length));
  if (name.endsWith('.d.wasm.ts')) return existing(`${name.slice(0, -'.d.wasm.ts'.length)}.wasm`);
  if (name.endsWith('.d.ts')) {
    const sibling = existing(`${name.slice(0, -'.d.ts'.length)}.wasm`);
    if (sibling !== undefined) return sibling;
  }
  const named = new Set<string>();
  for (const match of sourceFile.text.matchAll(/['"`](\.\.?\/[^'"`\n]*\.wasm)['"`]/g)) {
    const path = existing(resolve(dirname(name), match[1]!));
    if (path !== undefined) named.add(path);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/** The exports of the binary at `path` that can never grow its memory; empty when it cannot be read. */
export function exportsOfBinaryThatCannotGrow(path: string): ReadonlySet<string> {
  const stats = unlessMissing(() => statSync(path));
  if (stats === undefined) return NONE;
  const { mtimeMs, size } = stats;
  const cached = byPath.get(path);
  if (cached !== undefined && cached.mtimeMs === mtimeMs && cached.size === size) return cached.cannotGrow;
  const bytes = size > MAX_BINARY_BYTES ? undefined : unlessMissing(() => readFileSync(path));
  const cannotGrow = bytes === undefined ? NONE : exportsThatCannotGrow(bytes);
  byPath.set(path, { mtimeMs, size, cannotGrow });
  return cannotGrow;
}

const NONE: ReadonlySet<string> = new Set();

/** `read()`, or undefined when the file system refuses (gone, unreadable, a directory). */
function unlessMissing<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function existing(path: string): string | undefined {
  return unlessMissing(() => statSync(path).isFile()) === true ? path : undefined;
}
