// A Rust Vec<u8> exposed through wasm-bindgen (offset/len/push) and read from JS without copying:
// the page keeps a Uint8Array over the vector's bytes and re-creates it when wasm memory has grown.
export interface SamplesExports {
  readonly memory: WebAssembly.Memory;
  samples_new(): number;
  samples_offset(self: number): number;
  samples_len(self: number): number;
  samples_push(self: number, n: number): void;
}

let wasm: SamplesExports;

export function initSync(exports: SamplesExports): void {
  wasm = exports;
}

/** The wasm-bindgen class for `pub struct Samples { vec: Vec<u8> }`. */
export class Samples {
  private constructor(private readonly __wbg_ptr: number) {}

  static new(): Samples {
    return new Samples(wasm.samples_new());
  }

  offset(): number {
    return wasm.samples_offset(this.__wbg_ptr) >>> 0;
  }

  len(): number {
    return wasm.samples_len(this.__wbg_ptr) >>> 0;
  }

  push(n: number): void {
    wasm.samples_push(this.__wbg_ptr, n);
  }
}

/** Collects sensor samples in wasm and lets the chart read them without a copy. */
export class SampleHistory {
  private readonly samples = Samples.new();

  record(value: number): void {
    this.samples.push(value);
  }

  /** The recorded samples, as a view into wasm memory. */
  values(): Uint8Array {
    // A push may reallocate the vector (new address, new length) without growing memory: ask
    // the vector where its bytes are every time.
    return new Uint8Array(wasm.memory.buffer, this.samples.offset(), this.samples.len());
  }
}
