// Executes every row of the conversion table on the running Node: its probe performs the
// conversion, and the test checks each claim (result kind, shared memory, hazards, since).
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ConversionClaim, ConversionPattern, ConversionRow } from '../../src/conversions/schema.js';
import { conversions, GROUPS, HAZARDS } from '../../src/conversions/table.js';
import { probes, type Outcome, type Probe } from './probes/index.js';

const running = process.versions.node;

/** Compares `major.minor.patch` versions numerically: negative when a < b. */
function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map(v => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) {
    const d = (x![i] ?? 0) - (y![i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Kinds whose values cannot be written at all, so they can share nothing. */
const IMMUTABLE_KINDS = ['string', 'number', 'blob'];

/**
 * Whether writes cross between source and result, in either direction. A source that cannot be
 * written (a string, a length) is checked by converting it twice: writing the first result must
 * not show in the second, which catches a cached or pooled result handed out twice.
 */
async function observeSharing(probe: Probe, outcome: Outcome): Promise<boolean> {
  const { source, result } = outcome;
  let seen = false;
  if (source.write !== undefined) {
    const before = await result.read();
    await source.write();
    seen ||= !isDeepStrictEqual(before, await result.read());
  }
  if (result.write !== undefined) {
    if (source.write !== undefined) {
      const before = await source.read();
      await result.write();
      seen ||= !isDeepStrictEqual(before, await source.read());
    } else {
      const second = await probe.run();
      try {
        const before = await second.result.read();
        await result.write();
        seen ||= !isDeepStrictEqual(before, await second.result.read());
      } finally {
        await second.dispose?.();
      }
    }
  }
  if (source.write === undefined && result.write === undefined) {
    // Nothing can be written on either side: that is only true of immutable values.
    expect(IMMUTABLE_KINDS).toContain(source.kind);
    expect(IMMUTABLE_KINDS).toContain(result.kind);
  }
  return seen;
}

/** What `row` says happens on Node `version`: its claim, or the earlier one before it changed. */
function claimOn(row: ConversionRow, version: string): ConversionClaim {
  return row.earlier !== undefined && compareVersions(version, row.earlier.until) < 0 ? row.earlier : row;
}

async function checkResultKind(claim: ConversionClaim, outcome: Outcome): Promise<void> {
  const { source, result } = outcome;
  if (claim.result !== 'move' && claim.result !== 'detach')
    expect(source.detached?.() ?? false, 'only a move or a detach detaches the source').toBe(false);
  switch (claim.result) {
    case 'view':
      expect(result.kind, 'a view reads the same kind of element').toBe(source.kind);
      break;
    case 'reinterpret':
      expect(result.kind, 'a reinterpretation reads another kind of element').not.toBe(source.kind);
      break;
    case 'move':
      expect(source.detached?.(), 'a move detaches its source').toBe(true);
      expect(outcome.expected, 'a move probe says what the result must hold').toBeDefined();
      expect(await result.read(), 'the moved bytes arrive').toEqual(outcome.expected);
      break;
    case 'detach': {
      expect(source.detached?.(), 'a detach detaches its source').toBe(true);
      const left = await result.read();
      expect(
        typeof left === 'number' || (Array.isArray(left) && left.length === 0),
        'nothing usable is returned over the old bytes',
      ).toBe(true);
      break;
    }
    case 'copy':
      break;
    case 'throws':
      throw new Error('a conversion that throws has no outcome to check');
  }
}

async function checkHazards(row: ConversionRow, claim: ConversionClaim, outcome: Outcome): Promise<void> {
  expect(Object.keys(outcome.hazards).sort(), 'the probe covers exactly the row’s hazards').toEqual(
    [...claim.hazards].sort(),
  );
  // In the probe's order: evidence that grows or shrinks memory comes last.
  for (const [hazard, evidence] of Object.entries(outcome.hazards)) {
    if (typeof evidence === 'function') {
      expect(await evidence(), `${row.id}: ${hazard} observed`).toBe(true);
    } else {
      expect(evidence?.unobservable.length ?? 0, `${row.id}: ${hazard} says why it cannot be observed`).toBeGreaterThan(
        20,
      );
    }
  }
}

describe('every conversion row holds on the running Node', () => {
  it.each(conversions.map(row => [row.id, row] as const))('%s', async (_id, row) => {
    const probe = probes[row.id];
    expect(probe, `no probe for ${row.id}`).toBeDefined();
    if (probe === undefined) return;

    if (probe.api !== undefined && !probe.api.present()) {
      // The claim stays tested: this Node really lacks the API, and the row says it came later.
      expect(
        compareVersions(row.since, running),
        `${row.id} claims Node ${row.since}, but Node ${running} lacks ${probe.api.name}`,
      ).toBeGreaterThan(0);
      await expect(Promise.resolve().then(() => probe.run())).rejects.toThrow(TypeError);
      console.log(`conversion ${row.id}: ${probe.api.name} needs Node ${row.since}, running ${running}`);
      return;
    }
    expect(
      compareVersions(row.since, running),
      `${row.id} works here, so it cannot need a later Node than ${running}`,
    ).toBeLessThanOrEqual(0);

    const claim = claimOn(row, running);
    if (claim.result === 'throws') {
      await expect(
        Promise.resolve().then(() => probe.run()),
        `${row.id} throws on Node ${running}`,
      ).rejects.toThrow();
      return;
    }
    const outcome = await probe.run();
    try {
      await checkResultKind(claim, outcome);
      expect(await observeSharing(probe, outcome), `${row.id}: sharesMemory`).toBe(claim.sharesMemory);
    } finally {
      await outcome.dispose?.();
    }
    // Hazards on a fresh conversion: the sharing check above has overwritten the first one's values.
    const fresh = await probe.run();
    try {
      await checkHazards(row, claim, fresh);
    } finally {
      await fresh.dispose?.();
    }
  });
});

/** Two patterns match the same code when they agree on everything, an absent `args` matching any. */
function overlaps(a: ConversionPattern, b: ConversionPattern): boolean {
  const { args: argsA, ...restA } = a as ConversionPattern & { args?: readonly string[] };
  const { args: argsB, ...restB } = b as ConversionPattern & { args?: readonly string[] };
  if (!isDeepStrictEqual(restA, restB)) return false;
  return argsA === undefined || argsB === undefined || isDeepStrictEqual(argsA, argsB);
}

describe('the conversion table', () => {
  it('has a probe for every row and a row for every probe', () => {
    const ids = conversions.map(row => row.id).sort();
    expect(Object.keys(probes).sort()).toEqual(ids);
  });

  it('has unique kebab-case ids', () => {
    const ids = conversions.map(row => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has at least 110 rows', () => {
    expect(conversions.length).toBeGreaterThanOrEqual(110);
  });

  it('uses every hazard at least once, and HAZARDS lists each once', () => {
    expect(new Set(HAZARDS).size).toBe(HAZARDS.length);
    const used = new Set(conversions.flatMap(row => row.hazards));
    for (const hazard of HAZARDS) expect(used.has(hazard), `no row has ${hazard}`).toBe(true);
  });

  it('keeps each group together, in GROUPS order', () => {
    const order = conversions.map(row => GROUPS.indexOf(row.group));
    expect(order.every(index => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('never has two rows match the same code', () => {
    const clashes: string[] = [];
    conversions.forEach((a, i) => {
      for (const b of conversions.slice(i + 1)) if (overlaps(a.pattern, b.pattern)) clashes.push(`${a.id} / ${b.id}`);
    });
    expect(clashes).toEqual([]);
  });

  it('has consistent claims: shared memory exactly for views and reinterpretations, no hazard twice', () => {
    for (const row of conversions) {
      for (const claim of row.earlier === undefined ? [row] : [row, row.earlier]) {
        expect(claim.sharesMemory, row.id).toBe(claim.result === 'view' || claim.result === 'reinterpret');
        expect(new Set(claim.hazards).size, row.id).toBe(claim.hazards.length);
        if (claim.result === 'move' || claim.result === 'detach')
          expect(claim.hazards, row.id).toContain('detaches-source');
        if (claim.result === 'throws') expect(claim.hazards, `${row.id}: a throw converts nothing`).toEqual([]);
      }
      if (row.earlier !== undefined) {
        expect(row.earlier.until, row.id).toMatch(/^\d+\.\d+\.\d+$/);
        expect(compareVersions(row.earlier.until, row.since), `${row.id}: changed after it existed`).toBeGreaterThan(0);
        expect(row.earlier.result !== row.result || row.earlier.sharesMemory !== row.sharesMemory, row.id).toBe(true);
      }
    }
  });

  it('gives since as major.minor.patch and a one-sentence note', () => {
    for (const row of conversions) {
      expect(row.since, row.id).toMatch(/^\d+\.\d+\.\d+$/);
      expect(row.note, row.id).toMatch(/^[A-Z`'"(].*\.$/s);
      expect(row.note, `${row.id}: one sentence`).not.toMatch(/[.!?]\s+[A-Z]/);
    }
  });

  it('is frozen, rows, patterns and hazard lists included', () => {
    expect(Object.isFrozen(conversions)).toBe(true);
    for (const row of conversions) {
      expect(Object.isFrozen(row) && Object.isFrozen(row.pattern) && Object.isFrozen(row.hazards), row.id).toBe(true);
    }
  });
});
