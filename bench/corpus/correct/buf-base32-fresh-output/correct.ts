// Base32 (RFC 4648 / Crockford) in the shape of the base32-encode / base32-decode packages: encode
// takes an ArrayBuffer, decode hands back an ArrayBuffer. Every ArrayBuffer passed or returned here
// comes from a Uint8Array this module (or its caller, the line before) has just allocated.
export type Variant = 'RFC4648' | 'RFC4648-HEX' | 'Crockford';

const ALPHABETS: Record<Variant, string> = {
  RFC4648: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  'RFC4648-HEX': '0123456789ABCDEFGHIJKLMNOPQRSTUV',
  Crockford: '0123456789ABCDEFGHJKMNPQRSTVWXYZ',
};

export function base32Encode(data: ArrayBuffer, variant: Variant, options: { padding?: boolean } = {}): string {
  const alphabet = ALPHABETS[variant];
  const padding = options.padding ?? variant !== 'Crockford';
  const view = new DataView(data);
  let bits = 0;
  let value = 0;
  let output = '';
  for (let i = 0; i < view.byteLength; i++) {
    value = (value << 8) | view.getUint8(i);
    bits += 8;
    while (bits >= 5) {
      output += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += alphabet[(value << (5 - bits)) & 31];
  if (padding) while (output.length % 8 !== 0) output += '=';
  return output;
}

function readChar(alphabet: string, char: string): number {
  const index = alphabet.indexOf(char);
  if (index === -1) throw new Error(`Invalid character found: ${char}`);
  return index;
}

export function base32Decode(input: string, variant: Variant): ArrayBuffer {
  const alphabet = ALPHABETS[variant];
  const cleaned = variant === 'Crockford' ? input.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1') : input.replace(/=+$/, '');
  const length = cleaned.length;
  let bits = 0;
  let value = 0;
  let index = 0;
  const output = new Uint8Array(((length * 5) / 8) | 0);
  for (let i = 0; i < length; i++) {
    value = (value << 5) | readChar(alphabet, cleaned[i]!);
    bits += 5;
    if (bits >= 8) {
      output[index++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  return output.buffer;
}

/** The all-zero identifier, spelt in Crockford's alphabet. */
export const NIL_ID = base32Encode(new Uint8Array(10).buffer, 'Crockford');

/** A random 80-bit identifier, as used for share links. */
export function randomId(): string {
  return base32Encode(crypto.getRandomValues(new Uint8Array(10)).buffer, 'Crockford');
}
