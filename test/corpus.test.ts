/**
 * The corpus of real bugs (bench/corpus) is only worth its score if every case is a bug that shows
 * when run: the runner compiles the corpus, runs each case's confirm.ts on buggy.ts (it must fail)
 * and on fixed.ts (it must pass), and each correct file's confirm.ts (it must pass).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Verdicts {
  cases: { id: string; misbehaves?: string; fixedFails?: string; hasLatent?: boolean; latent?: string }[];
  correct: { id: string; checked: boolean; fails?: string; hasLatent?: boolean; latent?: string }[];
}

describe('bench/corpus', () => {
  const run = spawnSync(process.execPath, ['bench/corpus/confirm.mjs', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const verdicts = (run.status === 0 ? JSON.parse(run.stdout) : { cases: [], correct: [] }) as Verdicts;

  it('compiles and runs', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('holds at least 80 bugs, 6 of each kind, and 40 correct files', () => {
    const kinds = new Map<string, number>();
    for (const c of verdicts.cases) kinds.set(c.id.split('/')[0]!, (kinds.get(c.id.split('/')[0]!) ?? 0) + 1);
    expect(verdicts.cases.length).toBeGreaterThanOrEqual(80);
    expect([...kinds.keys()].sort()).toEqual([
      'alignment',
      'byte-order',
      'hidden-copy',
      'raw-pointer',
      'slice',
      'stale-view',
      'strides',
      'transfer',
      'whole-buffer',
    ]);
    for (const [kind, count] of kinds) expect(count, kind).toBeGreaterThanOrEqual(6);
    expect(verdicts.correct.length).toBeGreaterThanOrEqual(40);
  });

  it('shows each bug when its buggy version runs, and not when the fixed version does', () => {
    expect(verdicts.cases.filter(c => c.misbehaves === undefined).map(c => c.id)).toEqual([]);
    expect(verdicts.cases.filter(c => c.fixedFails !== undefined).map(c => `${c.id}: ${c.fixedFails}`)).toEqual([]);
  });

  it('shows each bug still possible in a fixed or correct file, where it claims one (latent.ts fails on it)', () => {
    const claimed = [...verdicts.cases, ...verdicts.correct].filter(c => c.hasLatent === true);
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.filter(c => c.latent === undefined).map(c => c.id)).toEqual([]);
  });

  it('runs every correct file that has a check without a failure', () => {
    expect(verdicts.correct.filter(c => c.fails !== undefined).map(c => `${c.id}: ${c.fails}`)).toEqual([]);
  });
});
