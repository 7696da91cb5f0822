// SSZ types: fixed-size byte vectors and bit vectors, and a container of them, deserialized from bytes.
export class BitArray {
  constructor(readonly uint8Array: Uint8Array, readonly bitLen: number) {}

  get(bitIndex: number): boolean {
    return (this.uint8Array[Math.floor(bitIndex / 8)] & (1 << bitIndex % 8)) !== 0;
  }

  set(bitIndex: number, bit: boolean): void {
    const byte = Math.floor(bitIndex / 8);
    if (bit) this.uint8Array[byte] |= 1 << bitIndex % 8;
    else this.uint8Array[byte] &= 0xff ^ (1 << bitIndex % 8);
  }
}

export class ByteVectorType {
  constructor(readonly fixedSize: number) {}
  value_deserializeFromBytes(data: Uint8Array, start: number, end: number): Uint8Array {
    return data.slice(start, end);
  }
}

export class BitVectorType {
  readonly fixedSize: number;
  constructor(readonly lengthBits: number) {
    this.fixedSize = Math.ceil(lengthBits / 8);
  }
  value_deserializeFromBytes(data: Uint8Array, start: number, end: number): BitArray {
    const bytes = data.slice(start, end); // BUG
    return new BitArray(bytes, this.lengthBits);
  }
}

/** SyncCommitteeContribution-like container: { beaconBlockRoot: Bytes32, aggregationBits: Bitvector[128] }. */
export const SyncContributionType = {
  fields: { beaconBlockRoot: new ByteVectorType(32), aggregationBits: new BitVectorType(128) },
  deserialize(data: Uint8Array): { beaconBlockRoot: Uint8Array; aggregationBits: BitArray } {
    const { beaconBlockRoot, aggregationBits } = this.fields;
    return {
      beaconBlockRoot: beaconBlockRoot.value_deserializeFromBytes(data, 0, 32),
      aggregationBits: aggregationBits.value_deserializeFromBytes(data, 32, 32 + aggregationBits.fixedSize),
    };
  },
};
