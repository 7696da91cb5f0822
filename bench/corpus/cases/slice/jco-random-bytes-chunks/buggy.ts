// Browser shim for the WASI random interface, backed by Web Crypto.
const MAX_BYTES = 65536;

export const random = {
  getRandomBytes(len: bigint | number): Uint8Array {
    const bytes = new Uint8Array(Number(len));
    if (Number(len) > MAX_BYTES) {
      // getRandomValues fills at most 64 KiB per call, so fill the array in chunks.
      for (let generated = 0; generated < Number(len); generated += MAX_BYTES) {
        // slice clamps an end past the array's end, so the last chunk needs no check
        crypto.getRandomValues(bytes.slice(generated, generated + MAX_BYTES)); // BUG
      }
    } else {
      crypto.getRandomValues(bytes);
    }
    return bytes;
  },

  getRandomU64(): bigint {
    return crypto.getRandomValues(new BigUint64Array(1))[0];
  },
};
