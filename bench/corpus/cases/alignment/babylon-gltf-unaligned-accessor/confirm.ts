import { expect } from '../../../support/check.js';
import type * as Impl from './fixed.js';

export default function confirm({ getTypedArray, FLOAT }: typeof Impl): void {
  // A GLB's binary chunk (itself at byte 28 of the file) whose POSITION buffer view was written
  // at byte 2 of the chunk by the exporter: not the 4-byte alignment glTF asks for.
  const file = new ArrayBuffer(28 + 2 + 9 * 4);
  const binChunk = new Uint8Array(file, 28, 2 + 9 * 4);
  const positions = [0, 0, 0, 1, 0, 0, 0, 1.5, -2];
  const view = new DataView(file, 30);
  positions.forEach((v, i) => view.setFloat32(i * 4, v, true));
  const bufferView = binChunk.subarray(2);

  const warn = console.warn;
  console.warn = () => {};
  try {
    const data = getTypedArray('/accessors/0', FLOAT, bufferView, 0, 9);
    expect(Array.from(data).join() === positions.join(), `positions read as ${Array.from(data).join()}`);
  } catch (error) {
    throw new Error(`loading the accessor threw: ${String(error)}`);
  } finally {
    console.warn = warn;
  }
}
