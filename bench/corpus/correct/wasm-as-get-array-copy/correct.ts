// Results from an AssemblyScript module kept across later calls: the glue takes them with the
// loader's copying getters (__getUint8Array, __getArray), never with the live views.
import type { ASModule } from '../../support/wasm-as-loader.js';

export function reverseAll(exports: ASModule, inputs: readonly Uint8Array[]): Uint8Array[] {
  const { __newArray, __getUint8Array, __pin, __unpin, Uint8Array_ID, reversed } = exports;
  const outputs: Uint8Array[] = [];
  for (const input of inputs) {
    const arr = __pin(__newArray(Uint8Array_ID, input));
    const out = __pin(reversed(arr));
    outputs.push(__getUint8Array(out));
    __unpin(out);
    __unpin(arr);
  }
  return outputs;
}

export function firstBytes(exports: ASModule, inputs: readonly Uint8Array[]): number[][] {
  const { __newArray, __getArray, Uint8Array_ID, reversed } = exports;
  return inputs.map(input => __getArray(reversed(__newArray(Uint8Array_ID, input))).slice(0, 4));
}
