import { expect, pattern } from '../../support/check.js';
import { instantiateHeap } from '../../support/heap.js';
import type * as Impl from './correct.js';

export default function confirm({ WasmBridge }: typeof Impl): void {
  const wasm = instantiateHeap();
  const bridge = new WasmBridge(wasm);
  bridge.resize(80, 24);
  bridge.setCell(5 * 80 + 7, { char: 0x41, fg: 2, bg: 4 });
  let cell = bridge.getCell(5, 7);
  expect(cell.char === 0x41 && cell.fg === 2 && cell.bg === 4, 'the cell read back wrong before growth');
  const bufferBefore = wasm.memory.buffer;
  const data = pattern(200_000);
  expect(bridge.writeBytes(data) === data.reduce((a, b) => a + b, 0), 'the core read the output wrong');
  expect(wasm.memory.buffer !== bufferBefore, 'memory did not grow: the check proves nothing');
  cell = bridge.getCell(5, 7);
  expect(cell.char === 0x41 && cell.fg === 2 && cell.bg === 4, 'the cell read back wrong after growth');
  expect(bridge.getCell(0, 0).char === 0x20, 'a blank cell read back wrong after growth');
}
