// A terminal's bridge to its wasm core, reading the cell grid through a DataView it caches in a field
// (getCell runs per cell per frame). The field is invalidated by buffer identity, not rebuilt per call.
import type { HeapExports } from '../../support/heap.js';

const CELL_BYTES = 8; // u32 code point, u8 fg, u8 bg, u16 flags

export interface Cell {
  char: number;
  fg: number;
  bg: number;
}

export class WasmBridge {
  private _dv: DataView;
  private gridPtr = 0;
  private cols = 0;

  constructor(private readonly wasm: HeapExports) {
    this._dv = new DataView(wasm.memory.buffer);
  }

  private get dv(): DataView {
    if (this._dv.buffer !== this.wasm.memory.buffer) this._dv = new DataView(this.wasm.memory.buffer);
    return this._dv;
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.gridPtr = this.wasm.malloc(cols * rows * CELL_BYTES);
    for (let i = 0; i < cols * rows; i++) this.setCell(i, { char: 0x20, fg: 7, bg: 0 });
  }

  setCell(index: number, cell: Cell): void {
    const at = this.gridPtr + index * CELL_BYTES;
    this.dv.setUint32(at, cell.char, true);
    this.dv.setUint8(at + 4, cell.fg);
    this.dv.setUint8(at + 5, cell.bg);
  }

  getCell(row: number, col: number): Cell {
    const at = this.gridPtr + (row * this.cols + col) * CELL_BYTES;
    const dv = this.dv;
    return { char: dv.getUint32(at, true), fg: dv.getUint8(at + 4), bg: dv.getUint8(at + 5) };
  }

  /** Hands raw output to the core, which buffers it (allocating, so memory may grow). */
  writeBytes(data: Uint8Array): number {
    const ptr = this.wasm.malloc(data.length);
    new Uint8Array(this.wasm.memory.buffer).set(data, ptr);
    return this.wasm.sum_u8(ptr, data.length);
  }
}
