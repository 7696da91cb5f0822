// Finite-field helpers: little-endian byte strings to and from BigInt, used when reading r1cs/zkey files.
export function leBuff2int(buff: Uint8Array): bigint {
  let res = BigInt(0);
  let i = 0;
  const buffV = new DataView(buff.buffer); // BUG
  while (i < buff.length) {
    if (i + 4 <= buff.length) {
      res += BigInt(buffV.getUint32(i, true)) << BigInt(i * 8);
      i += 4;
    } else if (i + 2 <= buff.length) {
      res += BigInt(buffV.getUint16(i, true)) << BigInt(i * 8);
      i += 2;
    } else {
      res += BigInt(buffV.getUint8(i)) << BigInt(i * 8);
      i += 1;
    }
  }
  return res;
}

/** Reads the field element stored at `pos` of an r1cs section (n8 bytes, little-endian). */
export function readFieldElement(section: Uint8Array, pos: number, n8: number): bigint {
  return leBuff2int(section.slice(pos, pos + n8));
}
