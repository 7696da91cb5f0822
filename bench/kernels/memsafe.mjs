// Where the memsafe contenders keep their data. `default` is `Memory.alloc(bytes)` as a user first
// writes it: the runtime places the bytes in its wasm heap where the engine runs the SIMD kernels.
// `js` is `Memory.alloc(bytes, { placement: 'js' })`, an ArrayBuffer of their own, where the JS
// loops run. Each array of a case is allocated on its own, as a program would allocate it.
import { Memory } from '@memsafe/runtime';

const ITEMSIZE = { f64: 8, f32: 4 };

export const PLACEMENTS = ['default', 'js'];

/** How the report names a placement. */
export const placementName = placement => (placement === 'default' ? 'default placement' : "placement 'js'");

export const placementLabel = placement => `memsafe, ${placementName(placement)}`;

export const placementCall = placement =>
  placement === 'default' ? 'Memory.alloc(bytes)' : "Memory.alloc(bytes, { placement: 'js' })";

/** The options argument that asks for `placement`; none for the default. */
export const placementOption = placement => (placement === 'default' ? undefined : { placement });

/** New C-contiguous views of the given shapes, each in a memory of its own from `Memory.alloc`. */
export function allocViews(dtype, shapes, placement) {
  return shapes.map(shape => {
    const bytes = shape.reduce((a, b) => a * b, 1) * ITEMSIZE[dtype];
    return Memory.alloc(bytes, placementOption(placement)).view(dtype, { shape });
  });
}

/**
 * The elements of a C-contiguous view as a typed array over the same bytes (not a copy), for
 * filling the inputs and reading the outputs around the timed calls. `raw().array` spans the whole
 * memory; the view's elements start at the pointer's offset.
 */
export function elementsOf(view) {
  const pointer = view.raw();
  return pointer.array.subarray(pointer.offset, pointer.offset + view.size);
}
