// A WebCrypto implementation for Node: BufferSource arguments are turned into Buffers for the native side.
import { createHmac } from 'node:crypto';

export type NodeBufferSource = Buffer | ArrayBuffer | ArrayBufferView;

/** Converts a BufferSource to a Buffer. */
export function ab2b(ab: NodeBufferSource): Buffer {
  if (Buffer.isBuffer(ab)) {
    return ab;
  } else if (ArrayBuffer.isView(ab)) {
    // NOTE: ab.buffer can have another size than view after ArrayBufferView.subarray
    return Buffer.from(ab.buffer.slice(0, ab.byteLength)); // BUG
  } else {
    return Buffer.from(ab);
  }
}

export interface CryptoKey {
  readonly type: 'secret';
  readonly algorithm: { name: 'HMAC'; hash: 'SHA-256' };
  readonly native: Buffer;
}

export class SubtleCrypto {
  async importKey(format: 'raw', keyData: NodeBufferSource, algorithm: { name: 'HMAC'; hash: 'SHA-256' }): Promise<CryptoKey> {
    if (format !== 'raw') throw new Error('unsupported format');
    return { type: 'secret', algorithm, native: Buffer.from(ab2b(keyData)) };
  }

  async sign(_algorithm: 'HMAC', key: CryptoKey, data: NodeBufferSource): Promise<ArrayBuffer> {
    const mac = createHmac('sha256', key.native).update(ab2b(data)).digest();
    return mac.buffer.slice(mac.byteOffset, mac.byteOffset + mac.byteLength);
  }
}
