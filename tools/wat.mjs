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
  const module = wabt.parseWat(name, source, { threads: true, simd: true, bulk_memory: true, ...features });
  try {
    module.resolveNames();
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

export async function assembleWatFile(path) {
  return assembleWat(readFileSync(path, 'utf8'), basename(path));
}
