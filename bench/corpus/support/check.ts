/** A case's expectation failed: the code under test misbehaved in the way the message says. */
export class Misbehaviour extends Error {
  override readonly name = 'Misbehaviour';
}

/** Throws a Misbehaviour with `message` unless `condition` holds. */
export function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Misbehaviour(message);
}

/** Whether two byte sequences are equal, element by element. */
export function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `n` bytes counting up from `start` (mod 256): data whose every byte is recognisable. */
export function pattern(n: number, start = 1): Uint8Array {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (start + i) & 0xff;
  return bytes;
}
