// A 3D engine whose geometry attributes live in an AssemblyScript module's memory: arrays are
// allocated with the loader, and the engine keeps the typed arrays the loader hands back.
import type { HeapExports } from '../../../support/heap.js';

/** The part of the AssemblyScript loader the engine uses (arrays carry a 4-byte length header). */
export function instantiateLoader(exports: HeapExports) {
  return {
    __allocArray(values: ArrayLike<number>): number {
      const ptr = exports.malloc(4 + values.length * 4);
      new Uint32Array(exports.memory.buffer, ptr, 1)[0] = values.length; // LATENT no-signed-wasm-pointer
      new Float32Array(exports.memory.buffer, ptr + 4, values.length).set(Array.from(values)); // LATENT no-signed-wasm-pointer
      return ptr;
    },
    __getFloat32ArrayView(ptr: number): Float32Array {
      const length = new Uint32Array(exports.memory.buffer, ptr, 1)[0]; // LATENT no-signed-wasm-pointer
      return new Float32Array(exports.memory.buffer, ptr + 4, length); // LATENT no-signed-wasm-pointer
    },
  };
}

type Loader = ReturnType<typeof instantiateLoader>;

const _map: Record<number, { ptr: number; val: ArrayLike<number> }> = {};

/** Allocates the array in wasm memory; returns its pointer, from which a view is taken at each use. */
export function createTypedArray(lib: Loader, val: ArrayLike<number>): number {
  const ptr = lib.__allocArray(val);
  _map[ptr] = { ptr, val };
  return ptr;
}

export class Geometry {
  private readonly attributes = new Map<string, number>();

  constructor(private readonly lib: Loader) {}

  setAttribute(name: string, values: ArrayLike<number>): void {
    this.attributes.set(name, createTypedArray(this.lib, values));
  }

  boundingRadius(): number {
    // Later allocations may have grown the memory: view the array afresh.
    const position = this.lib.__getFloat32ArrayView(this.attributes.get('position')!);
    let radius = 0;
    for (let i = 0; i < position.length; i += 3) {
      radius = Math.max(radius, Math.hypot(position[i], position[i + 1], position[i + 2]));
    }
    return radius;
  }
}
