// Loads the tile-parts of a JPEG 2000 codestream into a decoder built with ALLOW_MEMORY_GROWTH: each
// part gets its own block, copied in with Module.HEAPU8.set right after the malloc that made it.
import type { EmscriptenModule } from '../../support/emscripten.js';

export interface TilePart {
  ptr: number;
  length: number;
}

export class CodestreamIndex {
  readonly parts: TilePart[] = [];

  constructor(private readonly Module: EmscriptenModule) {}

  add(bytes: Uint8Array): TilePart {
    const ptr = this.Module._malloc(bytes.length);
    this.Module.HEAPU8.set(bytes, ptr);
    const part = { ptr, length: bytes.length };
    this.parts.push(part);
    return part;
  }

  /** The decoder's checksum of every part, in order. */
  checksums(): number[] {
    return this.parts.map(part => this.Module._sum_u8(part.ptr, part.length));
  }

  dispose(): void {
    for (const part of this.parts) this.Module._free(part.ptr);
    this.parts.length = 0;
  }
}
