import { pattern, expect } from '../../../support/check.js';
import { instantiateHeap } from '../../../support/heap.js';
import type * as Impl from './fixed.js';

export default function confirm({ WasmBridge }: typeof Impl): void {
  // 20 chunks of 8 KiB outgrow the first 64 KiB page, so malloc grows the memory mid-loop.
  const data = pattern(20 * 8192);
  const expected = data.reduce((sum, byte) => sum + byte, 0);
  const bridge = new WasmBridge(instantiateHeap());
  let checksum: number;
  try {
    checksum = bridge.writeRaw(data);
  } catch (error) {
    throw new Error(`writeRaw threw: ${String(error)}`);
  }
  expect(checksum === expected, `the core summed ${checksum}, the input sums to ${expected}: chunks written after growth were lost`);
}
