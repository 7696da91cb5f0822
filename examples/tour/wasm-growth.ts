import { readFileSync } from 'node:fs';
import { Memory } from '@memsafe/runtime';
import { caught, heading, note, show } from './format.js';

interface HeapExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  sum_f64(ptr: number, n: number): number;
}

/** A raw pointer into wasm memory, invalidated when `malloc` grows the memory, and caught. */
export async function wasmGrowthTour(): Promise<void> {
  heading('2. A raw pointer invalidated by wasm memory growth');
  const bytes = readFileSync(new URL('../wasm/heap.wasm', import.meta.url));
  const { instance } = await WebAssembly.instantiate(bytes);
  const wasm = instance.exports as unknown as HeapExports;

  const mem = Memory.fromWasm(wasm.memory);
  const ptr = wasm.malloc(8 * 4);
  const view = mem.view('f64', { shape: [4], offset: ptr / 8 });
  view.asTypedArray().set([1, 2, 3, 4]);
  const raw = view.raw();
  const plain = new Float64Array(wasm.memory.buffer, ptr, 4);
  show('ptr = malloc(32); view over it', String(view));
  show('wasm sum_f64(ptr, 4)', wasm.sum_f64(ptr, 4));
  show('mem.generation', mem.generation);

  wasm.malloc(1 << 20); // does not fit: malloc calls memory.grow inside wasm
  note('malloc(1 MiB) grew the memory from inside wasm; JS was not told.');
  show('plain Float64Array: plain[0]', `${String(plain[0])}  (silently undefined: the old buffer is detached)`);
  show('mem.generation', mem.generation);
  caught('raw.array', () => raw.array);
  show('view.get(0)', `${view.get(0)}  (a View re-derives its typed array after growth)`);
  show('view.raw().get(3)', view.raw().get(3));
}
