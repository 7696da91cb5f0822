import { assembleWat } from '../../../../tools/wat.mjs';

/** Instantiates WebAssembly text with the given imports. */
export async function instantiateWat(source: string, imports: WebAssembly.Imports = {}): Promise<WebAssembly.Instance> {
  const bytes = await assembleWat(source);
  const { instance } = await WebAssembly.instantiate(bytes, imports);
  return instance;
}

/**
 * A module whose exports grow their own memory, the way `malloc` in a C or Rust module does:
 * JS never calls memory.grow, so only a change of `memory.buffer` tells that growth happened.
 */
export const GROWING_MODULE = `
(module
  (memory (export "memory") 1 64)
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages)))
  (func (export "store") (param $address i32) (param $value f64)
    (f64.store (local.get $address) (local.get $value))))
`;

export interface GrowingExports {
  memory: WebAssembly.Memory;
  grow(pages: number): number;
  store(address: number, value: number): void;
}

export async function growingModule(): Promise<GrowingExports> {
  return (await instantiateWat(GROWING_MODULE)).exports as unknown as GrowingExports;
}
