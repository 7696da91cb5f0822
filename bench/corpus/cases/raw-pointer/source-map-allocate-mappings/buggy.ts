// source-map's consumer: the "mappings" string of a source map is parsed by the library's Rust/wasm
// parser; JS copies the string into a buffer the wasm side allocates, then asks it to parse.
export interface MappingsWasm {
  exports: {
    memory: WebAssembly.Memory;
    allocate_mappings(size: number): number;
    parse_mappings(mappingsBufPtr: number): number;
    free_mappings(mappingsPtr: number): void;
  };
}

export class BasicSourceMapConsumer {
  private mappingsPtr = 0;

  constructor(private readonly wasm: MappingsWasm, private readonly mappings: string) {}

  private parseMappings(): void {
    const aStr = this.mappings;
    const size = aStr.length;

    const mappingsBufPtr = this.wasm.exports.allocate_mappings(size);
    const mappingsBuf = new Uint8Array(this.wasm.exports.memory.buffer, mappingsBufPtr, size); // BUG
    for (let i = 0; i < size; i++) {
      mappingsBuf[i] = aStr.charCodeAt(i);
    }

    const mappingsPtr = this.wasm.exports.parse_mappings(mappingsBufPtr);
    if (!mappingsPtr) throw new Error('Error parsing mappings');
    this.mappingsPtr = mappingsPtr;
  }

  /** The parsed mappings' handle in wasm, parsing on first use. */
  get parsedMappings(): number {
    if (this.mappingsPtr === 0) this.parseMappings();
    return this.mappingsPtr;
  }

  destroy(): void {
    if (this.mappingsPtr !== 0) {
      this.wasm.exports.free_mappings(this.mappingsPtr);
      this.mappingsPtr = 0;
    }
  }
}
