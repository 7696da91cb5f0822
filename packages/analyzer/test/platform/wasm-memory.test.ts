import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { MEMORY64_MAX_PAGES, MEMORY64_SINCE, RESIZABLE_MEMORY_SINCE } from '../../src/platform/wasm-memory.js';

// tools/test-on-nodes.mjs runs this on Node 20, 24 and 26: each checks the facts against itself.
const running = process.versions.node;

/** A 64-bit memory of `maximum` pages, or the error this Node gives. */
function memory64(maximum: bigint): WebAssembly.Memory | Error {
  try {
    const descriptor = { address: 'i64', initial: 1n, maximum } as unknown as WebAssembly.MemoryDescriptor;
    return new WebAssembly.Memory(descriptor);
  } catch (error) {
    return error as Error;
  }
}

describe(`wasm memory facts on Node ${running}`, () => {
  it('has toResizableBuffer() and toFixedLengthBuffer() exactly from RESIZABLE_MEMORY_SINCE', () => {
    const has =
      'toResizableBuffer' in WebAssembly.Memory.prototype && 'toFixedLengthBuffer' in WebAssembly.Memory.prototype;
    expect(has).toBe(semver.gte(running, RESIZABLE_MEMORY_SINCE));
  });

  it('has 64-bit memory exactly from MEMORY64_SINCE, capped at MEMORY64_MAX_PAGES', () => {
    const largest = memory64(BigInt(MEMORY64_MAX_PAGES));
    if (semver.lt(running, MEMORY64_SINCE)) {
      expect(largest).toBeInstanceOf(TypeError);
      return;
    }
    expect(largest).toBeInstanceOf(WebAssembly.Memory);
    expect(memory64(BigInt(MEMORY64_MAX_PAGES + 1))).toBeInstanceOf(RangeError);
    // Addresses, sizes and growth are BigInts: the page count grow() returns included.
    expect(typeof (largest as WebAssembly.Memory & { grow(pages: bigint): bigint }).grow(1n)).toBe('bigint');
  });
});
