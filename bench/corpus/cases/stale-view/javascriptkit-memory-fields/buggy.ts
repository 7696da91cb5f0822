// The JS runtime of a Swift-to-wasm bridge: a Memory object wraps the instance's memory and the
// imports the Swift side calls use it to move bytes and numbers in and out.
export class Memory {
  readonly rawMemory: WebAssembly.Memory;
  readonly bytes: Uint8Array;
  readonly dataView: DataView;
  private readonly heap = new Map<number, unknown>();
  private nextRef = 1;

  constructor(exports: WebAssembly.Exports) {
    this.rawMemory = exports.memory as WebAssembly.Memory;
    this.bytes = new Uint8Array(this.rawMemory.buffer);
    this.dataView = new DataView(this.rawMemory.buffer);
  }

  retain = (value: unknown): number => {
    const ref = this.nextRef++;
    this.heap.set(ref, value);
    return ref;
  };
  getObject = (ref: number): unknown => this.heap.get(ref);

  writeBytes = (ptr: number, bytes: Uint8Array) => this.bytes.set(bytes, ptr); // BUG
  writeUint32 = (ptr: number, value: number) => this.dataView.setUint32(ptr, value, true); // BUG
}

/** The imports behind Swift's `JSString` conversion: encode, then Swift allocates and loads. */
export function makeImports(memory: Memory) {
  const encoder = new TextEncoder();
  return {
    swjs_encode_string(ref: number, bytesPtrResult: number): number {
      const bytes = encoder.encode(memory.getObject(ref) as string);
      const bytesPtr = memory.retain(bytes);
      memory.writeUint32(bytesPtrResult, bytesPtr);
      return bytes.length;
    },
    swjs_load_string(ref: number, buffer: number): void {
      memory.writeBytes(buffer, memory.getObject(ref) as Uint8Array);
    },
  };
}
