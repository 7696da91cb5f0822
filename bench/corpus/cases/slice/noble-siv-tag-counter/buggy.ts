// AES-GCM-SIV-style authenticated encryption: the tag doubles as the initial counter block of CTR mode.
// (The universal hash is HMAC-SHA256 here and AES comes from node:crypto; the structure is the library's.)
import { createCipheriv, createHmac } from 'node:crypto';

function encryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  const c = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(block), c.final()]));
}

/** CTR mode with a 32-bit little-endian counter in the first word of `counter`, advanced in place. */
function ctr32(key: Uint8Array, counter: Uint8Array, input: Uint8Array): Uint8Array {
  const out = new Uint8Array(input.length);
  const view = new DataView(counter.buffer, counter.byteOffset, 16);
  for (let pos = 0; pos < input.length; pos += 16) {
    const keystream = encryptBlock(key, counter);
    for (let i = pos; i < Math.min(pos + 16, input.length); i++) out[i] = input[i] ^ keystream[i - pos];
    view.setUint32(0, (view.getUint32(0, true) + 1) >>> 0, true);
  }
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function siv(key: Uint8Array, nonce: Uint8Array) {
  const encKey = createHmac('sha256', key).update('enc').update(nonce).digest();
  const authKey = createHmac('sha256', key).update('auth').update(nonce).digest();
  const computeTag = (plaintext: Uint8Array): Uint8Array => {
    const s = createHmac('sha256', authKey).update(nonce).update(plaintext).digest().subarray(0, 16);
    s[15] &= 0x7f;
    return encryptBlock(encKey, s);
  };
  const processSiv = (tag: Uint8Array, input: Uint8Array): Uint8Array => {
    const block = tag.slice(); // BUG
    block[15] |= 0x80;
    return ctr32(encKey, block, input);
  };
  return {
    encrypt(plaintext: Uint8Array): Uint8Array {
      const tag = computeTag(plaintext);
      const out = new Uint8Array(plaintext.length + 16);
      out.set(processSiv(tag, plaintext));
      out.set(tag, plaintext.length);
      return out;
    },
    decrypt(ciphertext: Uint8Array): Uint8Array {
      const tag = ciphertext.subarray(-16);
      const plaintext = processSiv(tag, ciphertext.subarray(0, -16));
      if (!equalBytes(tag, computeTag(plaintext))) throw new Error('invalid polyval tag');
      return plaintext;
    },
  };
}
