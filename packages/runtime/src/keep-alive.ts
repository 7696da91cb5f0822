/**
 * What the runtime hands out over an owner's bytes (a typed array, DataView or Buffer from an
 * `as…` conversion, a raw pointer's array) keeps the owner reachable for as long as it is itself:
 * an owner collected without `free()` returns its wasm heap block to the allocator, and writes
 * through an array that outlived it would land in the block's next owner.
 */
const owners = new WeakMap<object, object[]>();

/** Ties `owner`'s life to `handedOut`'s and returns `handedOut`. */
export function keepingAlive<T extends object>(handedOut: T, owner: object): T {
  const tied = owners.get(handedOut);
  if (tied === undefined) owners.set(handedOut, [owner]);
  else if (!tied.includes(owner)) tied.push(owner);
  return handedOut;
}
