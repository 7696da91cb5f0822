// A 3D engine whose geometry attributes live in an AssemblyScript module's memory: arrays are
// allocated with the loader, and the engine keeps the typed arrays the loader hands back.
import type { HeapExports } from '../../../support/heap.js';

/** The part of the AssemblyScript loader the engine uses (arrays carry a 4-byte length header). */
export function instantiateLoader(exports: HeapExports) {
  return {
    __allocArray(values: ArrayLike<number>): number {
      const ptr = exports.malloc(4 + values.length * 4);
      new Uint32Array(exports.memory.buffer, ptr, 1)[0] = values.length;
      new Float32Array(exports.memory.buffer, ptr + 4, values.length).set(Array.from(values));
      return ptr;
    },
    __getFloat32ArrayView(ptr: number): Float32Array {
      const length = new Uint32Array(exports.memory.buffer, ptr, 1)[0];
      return new Float32Array(exports.memory.buffer, ptr + 4, length);
    },
  };
}

type Loader = ReturnType<typeof instantiateLoader>;

const _map: Record<number, { array: Float32Array; val: ArrayLike<number> }> = {};

export function createTypedArray(lib: Loader, val: ArrayLike<number>): Float32Array {
  const ptr = lib.__allocArray(val);
  const array = lib.__getFloat32ArrayView(ptr);
  _map[ptr] = { array, val };
  return array;
}

export class Geometry {
  private readonly attributes = new Map<string, Float32Array>();

  constructor(private readonly lib: Loader) {}

  setAttribute(name: string, values: ArrayLike<number>): void {
    this.attributes.set(name, createTypedArray(this.lib, values));
  }

  boundingRadius(): number {
    const position = this.attributes.get('position')!;
    let radius = 0;
    for (let i = 0; i < position.length; i += 3) { // BUG
      radius = Math.max(radius, Math.hypot(position[i], position[i + 1], position[i + 2]));
    }
    return radius;
  }
}
