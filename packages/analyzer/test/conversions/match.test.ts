import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { explainFile } from '../../src/index.js';
import { createProgram } from '../support/program.js';

/** What `memsafe explain` says each conversion of `code` does, by its text. */
function resultsOf(code: string): Record<string, string> {
  const { program, paths } = createProgram({ 'match.ts': code });
  const sourceFile = program.getSourceFile(paths[0]!)!;
  const entries = explainFile(ts, program.getTypeChecker(), sourceFile, program);
  return Object.fromEntries(entries.map(entry => [entry.text, `${entry.result} ${entry.hazards.join(',')}`.trim()]));
}

describe('which row a conversion takes', () => {
  it('reads `memory.buffer` as the buffer of wasm memory, and `memory` as the Memory object', () => {
    const results = resultsOf(`declare const memory: WebAssembly.Memory;
declare const buffer: ArrayBuffer;
export const a = new Float32Array(memory.buffer, 8, 4);
export const b = new Float32Array(buffer, 8, 4);
export const c = new DataView(memory.buffer);
export const d = structuredClone(memory.buffer, { transfer: [memory.buffer] });
export const e = structuredClone(buffer, { transfer: [buffer] });
export const f = structuredClone(memory.buffer);
export const g = structuredClone(memory);
`);
    expect(results).toMatchObject({
      'new Float32Array(memory.buffer, 8, 4)': 'reinterpret detached-after-grow,misalignment-range-error,byte-order',
      'new Float32Array(buffer, 8, 4)': 'reinterpret misalignment-range-error,byte-order',
      'new DataView(memory.buffer)': 'reinterpret detached-after-grow,byte-order',
      'structuredClone(memory.buffer, { transfer: [memory.buffer] })': 'throws',
      'structuredClone(buffer, { transfer: [buffer] })': 'move detaches-source',
      'structuredClone(memory.buffer)': 'copy',
      'structuredClone(memory)': 'view shared-memory-race',
    });
  });

  it('says a transfer of a Buffer’s backing store throws, as the current Node releases do', () => {
    const results = resultsOf(`import { Buffer } from 'node:buffer';
import { MessageChannel } from 'node:worker_threads';
declare const buf: Buffer;
declare const bytes: Uint8Array<ArrayBuffer>;
const { port1 } = new MessageChannel();
export const a = structuredClone(buf, { transfer: [buf.buffer] });
export const b = structuredClone(bytes, { transfer: [bytes.buffer] });
port1.postMessage(buf, [buf.buffer]);
port1.postMessage(bytes, [bytes.buffer]);
`);
    expect(results).toMatchObject({
      'structuredClone(buf, { transfer: [buf.buffer] })': 'throws',
      'structuredClone(bytes, { transfer: [bytes.buffer] })': 'move detaches-source,whole-backing-buffer',
      'port1.postMessage(buf, [buf.buffer])': 'throws',
      'port1.postMessage(bytes, [bytes.buffer])': 'move detaches-source,whole-backing-buffer',
    });
  });

  it('knows the conversions of Node 24 to 26: Float16Array, base64 and hex, a memory’s buffer in each mode', () => {
    // What TypeScript's esnext.typedarrays library declares, in a project on es2024.
    const results = resultsOf(`declare global {
  interface Uint8Array<TArrayBuffer extends ArrayBufferLike = ArrayBufferLike> {
    toBase64(): string;
  }
  interface Uint8ArrayConstructor {
    fromBase64(text: string): Uint8Array<ArrayBuffer>;
  }
}
declare const memory: WebAssembly.Memory;
declare const bytes: Uint8Array;
declare const numbers: number[];
export const a = new Float16Array(numbers);
export const b = new Float32Array(numbers);
export const c = Uint8Array.fromBase64('AQI=');
export const d = bytes.toBase64();
export const e = memory.toResizableBuffer();
export const f = memory.toFixedLengthBuffer();
`);
    expect(results).toMatchObject({
      'new Float16Array(numbers)': 'copy lossy-element-conversion',
      'new Float32Array(numbers)': 'copy lossy-element-conversion',
      "Uint8Array.fromBase64('AQI=')": 'copy',
      'bytes.toBase64()': 'copy',
      'memory.toResizableBuffer()': 'view',
      'memory.toFixedLengthBuffer()': 'view detached-after-grow',
    });
  });
});
