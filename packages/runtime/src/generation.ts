/**
 * Type-level generation counting. A `Memory<G>` hands out views and pointers tagged `G`; the
 * operations that may invalidate raw views (`grow`, `resize`, `free`, `transfer`) return the
 * owner typed with the next generation, so a pointer taken before them no longer fits a
 * signature that asks for the owner's current one. Past 32 known steps the count becomes
 * `number`, which matches any generation: the type level stays sound by giving up, never by
 * pretending.
 */
interface Successor {
  0: 1;
  1: 2;
  2: 3;
  3: 4;
  4: 5;
  5: 6;
  6: 7;
  7: 8;
  8: 9;
  9: 10;
  10: 11;
  11: 12;
  12: 13;
  13: 14;
  14: 15;
  15: 16;
  16: 17;
  17: 18;
  18: 19;
  19: 20;
  20: 21;
  21: 22;
  22: 23;
  23: 24;
  24: 25;
  25: 26;
  26: 27;
  27: 28;
  28: 29;
  29: 30;
  30: 31;
  31: 32;
}

export type NextGeneration<G extends number> = G extends keyof Successor ? Successor[G] : number;
