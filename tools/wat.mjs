// Assembles WebAssembly text with the `wabt` package (a WebAssembly build of WABT, no native toolchain).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import createWabt from 'wabt';

let wabt;

/**
 * The binary module for WebAssembly text `source`; `name` appears in error messages, and
 * `features` adds proposals to the ones every module here may use.
 */
export async function assembleWat(source, name = 'module.wat', features = {}) {
  wabt ??= await createWabt();
  const enabled = { threads: true, simd: true, bulk_memory: true, ...features };
  const module = wabt.parseWat(name, source, enabled);
  try {
    module.resolveNames();
    // Validation takes the features again: without them it refuses what parsing accepted.
    module.validate(enabled);
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

export async function assembleWatFile(path, features = {}) {
  return assembleWat(readFileSync(path, 'utf8'), basename(path), features);
}

/**
 * The single-memory form of kernel text written for operands in memories `$m0`, `$m1` and `$m2`:
 * one memory, imported as `$m0`, that every load and store uses as the module's only memory (they
 * name none, so the text needs no multi-memory to assemble). Engines without multi-memory (Node 20)
 * compile only this form, and where the operands share one memory it is the faster one.
 */
export function singleMemory(source) {
  const single = source
    .replace(/^\s*\(import "env" "m[12]" \(memory \$m[12] 0\)\)\n/gm, '')
    .replace(/(\.(?:load|store)\w*) \$m[012]\b/g, '$1');
  if (/\$m[12]\b/.test(single.replace(/;;.*$/gm, '')))
    throw new Error('singleMemory: a reference to $m1 or $m2 is left outside a load or store');
  return single;
}
