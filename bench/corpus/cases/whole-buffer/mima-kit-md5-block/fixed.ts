// A pure-TypeScript hash kit: MD5 over a Uint8Array message, processed in 64-byte blocks.
const S = [
  7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;

function pad(M: Uint8Array): Uint8Array {
  const total = Math.ceil((M.length + 9) / 64) * 64;
  const p = new Uint8Array(total);
  p.set(M);
  p[M.length] = 0x80;
  const view = new DataView(p.buffer);
  view.setUint32(total - 8, (M.length * 8) >>> 0, true);
  view.setUint32(total - 4, Math.floor((M.length * 8) / 2 ** 32), true);
  return p;
}

export function md5(M: Uint8Array): Uint8Array {
  const p = pad(M);
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
  for (let offset = 0; offset < p.length; offset += 64) {
    const block = new Uint32Array(p.buffer, p.byteOffset + offset, 16);
    let [a, b, c, d] = state;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) { f = (b & c) | (~b & d); g = i; }
      else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
      else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
      else { f = c ^ (b | ~d); g = (7 * i) % 16; }
      const next = (b + rotl((a + f + K[i] + block[g]) >>> 0, S[i])) >>> 0;
      a = d; d = c; c = b; b = next;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
  }
  return new Uint8Array(state.buffer);
}
