// Where the memsafe contenders keep their data. `Memory.alloc(bytes)` gives an ArrayBuffer; a
// runtime that also offers `Memory.alloc(bytes, { placement: 'wasm' })` (a block of its wasm heap,
// where wasm kernels read the data in place) gets a second row, "wasm memory".
// A runtime without placements ignores the option and returns an ArrayBuffer owner, which the
// probe below notices by its `kind`. The arrays of one case share one memory, one after another.
import { Memory } from '@memsafe/runtime';

const ITEMSIZE = { f64: 8, f32: 4 };

function probeWasm() {
  try {
    return Memory.alloc(8, { placement: 'wasm' }).kind === 'wasm';
  } catch {
    return false;
  }
}

/** The placements this build of the runtime offers: always 'js', and 'wasm' when it has one. */
export const PLACEMENTS = probeWasm() ? ['js', 'wasm'] : ['js'];

export const placementLabel = placement => (placement === 'wasm' ? 'memsafe, wasm memory' : 'memsafe, JS memory');

export const placementCall = placement =>
  placement === 'wasm' ? "Memory.alloc(bytes, { placement: 'wasm' })" : 'Memory.alloc(bytes)';

/** New C-contiguous views of the given shapes, one after another in one new memory of the placement. */
export function allocViews(dtype, shapes, placement) {
  const sizes = shapes.map(shape => shape.reduce((a, b) => a * b, 1));
  const bytes = sizes.reduce((a, b) => a + b, 0) * ITEMSIZE[dtype];
  const memory = placement === 'wasm' ? Memory.alloc(bytes, { placement: 'wasm' }) : Memory.alloc(bytes);
  let offset = 0;
  return shapes.map((shape, i) => {
    const view = memory.view(dtype, { shape, offset });
    offset += sizes[i];
    return view;
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
