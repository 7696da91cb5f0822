// Probes for @memsafe/runtime's own conversions: as… share, to… copy, owners adopt without copying.
import { ascontiguous, checkContiguous, copy, fromValues, kernels, Memory, viewOf } from '@memsafe/runtime';
import { Buffer } from 'node:buffer';
import { boxed, diesOnGrow, shared } from './evidence.js';
import { bytesOf, filled, filledShared, wasmMemory } from './inputs.js';
import { isDetached, sideOf } from './sides.js';
import type { ProbeTable } from './types.js';

/** A 3×4 f64 view holding 0 … 11, over fresh memory. */
function grid() {
  return fromValues('f64', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4]);
}

/** A 4-element f64 view over the start of a fresh wasm memory, with the memory to grow. */
function wasmView() {
  const memory = wasmMemory();
  return { memory, view: Memory.fromWasm(memory).view('f64', { shape: [4] }) };
}

export const runtimeProbes: ProbeTable = {
  'ms-from-array-buffer': {
    run() {
      const buffer = filled(16);
      return { source: sideOf(buffer), result: sideOf(Memory.fromArrayBuffer(buffer)), hazards: {} };
    },
  },
  'ms-from-array-buffer-resizable': {
    run() {
      const buffer = filled(16, { maxByteLength: 32 });
      return { source: sideOf(buffer), result: sideOf(Memory.fromArrayBuffer(buffer)), hazards: {} };
    },
  },
  'ms-from-array-buffer-shared': {
    run() {
      const buffer = filledShared(16);
      const memory = Memory.fromArrayBuffer(buffer);
      return {
        source: sideOf(buffer),
        result: sideOf(memory),
        hazards: { 'shared-memory-race': () => memory.isShared && shared(buffer)() },
      };
    },
  },
  'ms-from-typed-array': {
    run() {
      const source = new Float64Array(filled(32), 8, 2);
      return { source: sideOf(source), result: sideOf(Memory.fromTypedArray(source)), hazards: {} };
    },
  },
  'ms-from-typed-array-buffer': {
    run() {
      const source = Buffer.from('pooled');
      return { source: sideOf(source), result: sideOf(Memory.fromTypedArray(source)), hazards: {} };
    },
  },
  'ms-from-wasm': {
    run() {
      const memory = wasmMemory();
      return { source: sideOf(memory), result: sideOf(Memory.fromWasm(memory)), hazards: {} };
    },
  },
  'ms-copy-of': {
    run() {
      const source = new Float64Array(filled(32), 8, 2);
      return { source: sideOf(source), result: sideOf(Memory.copyOf(source)), hazards: {} };
    },
  },
  'ms-copy-of-placement': {
    run() {
      const source = new Float64Array(filled(32), 8, 2);
      return { source: sideOf(source), result: sideOf(Memory.copyOf(source, { placement: 'wasm' })), hazards: {} };
    },
  },
  'ms-copy-of-array-buffer': {
    run() {
      const source = filled(16);
      return { source: sideOf(source), result: sideOf(Memory.copyOf(source)), hazards: {} };
    },
  },
  'ms-copy-of-array-buffer-placement': {
    run() {
      const source = filled(16);
      return { source: sideOf(source), result: sideOf(Memory.copyOf(source, { placement: 'wasm' })), hazards: {} };
    },
  },
  'ms-memory-view': {
    run() {
      const memory = Memory.fromArrayBuffer(filled(32));
      return { source: sideOf(memory), result: sideOf(memory.view('f64', { shape: [4] })), hazards: {} };
    },
  },
  'ms-memory-transfer': {
    run() {
      const buffer = filled(16);
      const expected = bytesOf(buffer);
      const moved = Memory.fromArrayBuffer(buffer).transfer();
      return {
        source: sideOf(buffer),
        result: sideOf(moved),
        expected,
        hazards: { 'detaches-source': () => isDetached(buffer) },
      };
    },
  },
  'ms-memory-free': {
    run() {
      const buffer = filled(16);
      const memory = Memory.fromArrayBuffer(buffer);
      memory.free();
      return {
        source: sideOf(buffer),
        result: sideOf(memory),
        hazards: { 'detaches-source': () => isDetached(buffer) && memory.status === 'freed' },
      };
    },
  },
  'ms-as-typed-array': {
    run() {
      const { memory, view } = wasmView();
      const array = view.asTypedArray();
      return {
        source: sideOf(view),
        result: sideOf(array),
        hazards: { 'detached-after-grow': diesOnGrow(memory, array) },
      };
    },
  },
  'ms-to-typed-array': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(view.toTypedArray()), hazards: {} };
    },
  },
  'ms-as-data-view': {
    run() {
      const { memory, view } = wasmView();
      const dataView = view.asDataView();
      return {
        source: sideOf(view),
        result: sideOf(dataView),
        hazards: { 'detached-after-grow': diesOnGrow(memory, dataView) },
      };
    },
  },
  'ms-to-data-view': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(view.toDataView()), hazards: {} };
    },
  },
  'ms-as-array-buffer': {
    run() {
      const memory = wasmMemory();
      // asArrayBuffer needs a view over all of the memory: one 64 KiB page of f64.
      const view = Memory.fromWasm(memory).view('f64', { shape: [8192] });
      const buffer = view.asArrayBuffer();
      return {
        source: sideOf(view),
        result: sideOf(buffer),
        hazards: { 'detached-after-grow': diesOnGrow(memory, buffer) },
      };
    },
  },
  'ms-to-array-buffer': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(view.toArrayBuffer()), hazards: {} };
    },
  },
  'ms-as-buffer': {
    run() {
      const { memory, view } = wasmView();
      const buffer = view.asBuffer();
      return {
        source: sideOf(view),
        result: sideOf(buffer),
        hazards: { 'detached-after-grow': diesOnGrow(memory, buffer) },
      };
    },
  },
  'ms-to-buffer': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(view.toBuffer()), hazards: {} };
    },
  },
  'ms-to-array': {
    run() {
      const view = grid();
      const array = view.toArray();
      return { source: sideOf(view), result: sideOf(array), hazards: { boxing: boxed(array) } };
    },
  },
  'ms-raw': {
    run() {
      const { memory, view } = wasmView();
      const pointer = view.raw();
      const array = pointer.array; // what a hand-written loop keeps
      return {
        source: sideOf(view),
        result: sideOf(pointer),
        hazards: { 'detached-after-grow': diesOnGrow(memory, array) },
      };
    },
  },
  'ms-slice': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(view.slice(':, 1:')), hazards: {} };
    },
  },
  'ms-transpose': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(view.transpose([1, 0])), hazards: {} };
    },
  },
  'ms-t': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(view.T), hazards: {} };
    },
  },
  'ms-reshape': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(view.reshape([2, 6])), hazards: {} };
    },
  },
  'ms-copy': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(copy(view)), hazards: {} };
    },
  },
  'ms-copy-order': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(copy(view, 'F')), hazards: {} };
    },
  },
  'ms-copy-placement': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(copy(view, 'C', { placement: 'wasm' })), hazards: {} };
    },
  },
  'ms-ascontiguous': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(ascontiguous(view)), hazards: {} };
    },
  },
  'ms-ascontiguous-placement': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(ascontiguous(view, { placement: 'wasm' })), hazards: {} };
    },
  },
  'ms-check-contiguous': {
    run() {
      const view = grid();
      return { source: sideOf(view), result: sideOf(checkContiguous(view)), hazards: {} };
    },
  },
  'ms-view-of': {
    run() {
      const source = new Float64Array([1, 2, 3]);
      return { source: sideOf(source), result: sideOf(viewOf(source)), hazards: {} };
    },
  },
  'ms-from-values': {
    run() {
      const numbers = [1, 2, 3];
      return { source: sideOf(numbers), result: sideOf(fromValues('u8', numbers)), hazards: {} };
    },
  },
  'ms-kernels-assign': {
    run() {
      const source = grid();
      const target = fromValues('f64', new Array<number>(12).fill(0), [3, 4]);
      kernels.assign(source, target);
      return { source: sideOf(source), result: sideOf(target), hazards: {} };
    },
  },
};
