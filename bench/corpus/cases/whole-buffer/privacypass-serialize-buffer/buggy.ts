// Privacy Pass token requests: a 2-byte token type, a 1-byte truncated key id and the blinded message.
export function joinAll(parts: ArrayBuffer[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(new Uint8Array(part), at);
    at += part.byteLength;
  }
  return out;
}

export class TokenRequest {
  constructor(
    readonly tokenType: number,
    readonly truncatedTokenKeyId: number,
    readonly blindedMsg: Uint8Array,
  ) {}

  static deserialize(bytes: Uint8Array, blindedMsgLength: number): TokenRequest {
    const input = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tokenType = input.getUint16(0);
    const truncatedTokenKeyId = input.getUint8(2);
    const blindedMsg = bytes.subarray(3, 3 + blindedMsgLength);
    return new TokenRequest(tokenType, truncatedTokenKeyId, blindedMsg);
  }

  serialize(): Uint8Array {
    const output = new Array<ArrayBuffer>();

    let b = new ArrayBuffer(2);
    new DataView(b).setUint16(0, this.tokenType);
    output.push(b);

    b = new ArrayBuffer(1);
    new DataView(b).setUint8(0, this.truncatedTokenKeyId);
    output.push(b);

    b = this.blindedMsg.buffer as ArrayBuffer; // BUG
    output.push(b);

    return joinAll(output);
  }
}
