// A crypto kit's block-cipher modes of operation: CBC with PKCS#7 padding over any block cipher.
import { createCipheriv } from 'node:crypto';

export interface BlockCipher {
  readonly BLOCK_SIZE: number;
  (key: Uint8Array): { encrypt(block: Uint8Array): Uint8Array };
}

/** AES-128 on single blocks (the kit has its own; node:crypto's ECB stands in for it here). */
export const aes128: BlockCipher = Object.assign(
  (key: Uint8Array) => ({
    encrypt(block: Uint8Array): Uint8Array {
      const c = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
      return new Uint8Array(Buffer.concat([c.update(block), c.final()]));
    },
  }),
  { BLOCK_SIZE: 16 },
);

function pkcs7(M: Uint8Array, BLOCK_SIZE: number): Uint8Array {
  const pad = BLOCK_SIZE - (M.length % BLOCK_SIZE);
  const P = new Uint8Array(M.length + pad).fill(pad);
  P.set(M);
  return P;
}

export function cbc(cipher: BlockCipher) {
  return (K: Uint8Array, iv: Uint8Array) => {
    const { BLOCK_SIZE } = cipher;
    if (iv.length !== BLOCK_SIZE) throw new Error(`CBC iv must be ${BLOCK_SIZE} byte`);
    const c = cipher(K);
    const encrypt = (M: Uint8Array): Uint8Array => {
      const P = pkcs7(M, BLOCK_SIZE);
      const C = new Uint8Array(P.length);
      let prev: Uint8Array = iv.slice(0); // BUG
      for (let i = 0; i < P.length; ) {
        const offset = i;
        const B = P.subarray(i, (i += BLOCK_SIZE));
        prev.forEach((_, j) => (prev[j] ^= B[j]));
        prev = c.encrypt(prev);
        C.set(prev, offset);
      }
      return C;
    };
    return { encrypt };
  };
}
