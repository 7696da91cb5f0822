import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checks } from '@memsafe/analyzer';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The demo's runtime tour, as `npm run demo` runs it after the build. */
function runTour(env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['examples/dist/tour/runtime-tour.js'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
}

describe('npm run demo: memsafe check examples/ (examples/memsafe.config.json: preset all)', () => {
  const result = spawnSync(
    process.execPath,
    ['packages/analyzer/bin/memsafe.js', 'check', 'examples/', '--format', 'json'],
    { cwd: root, encoding: 'utf8' },
  );

  it('finds each bug the example project holds, and nothing in its correct code', () => {
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as { file: string; line: number; rule: string }[];
    expect(findings.map(f => `${f.file.slice(root.length)}:${f.line} ${f.rule}`)).toEqual([
      'examples/app/level-meter.ts:9 no-implicit-copy',
      'examples/app/level-meter.ts:25 no-unnecessary-copy',
      'examples/app/protocol-reader.ts:11 no-whole-backing-buffer',
      'examples/app/protocol-reader.ts:23 no-buffer-slice',
      'examples/app/protocol-reader.ts:28 no-ambiguous-slice',
      'examples/app/protocol-reader.ts:35 explicit-endianness',
      'examples/app/protocol-reader.ts:40 no-lost-write',
      'examples/app/sample-dump.ts:9 no-misaligned-view',
      'examples/app/sample-dump.ts:27 no-strided-data-escape',
      'examples/app/wasm-codec.ts:23 no-stale-view',
      'examples/app/wasm-codec.ts:47 no-signed-wasm-pointer',
      'examples/app/worker-transfer.ts:7 no-use-after-transfer',
      'examples/app/worker-transfer.ts:15 no-use-after-transfer',
      'examples/app/worker-transfer.ts:15 no-whole-backing-buffer',
    ]);
  });

  it('shows every rule at least once', () => {
    const shown = new Set((JSON.parse(result.stdout) as { rule: string }[]).map(f => f.rule));
    expect(checks.map(check => check.id).filter(id => !shown.has(id))).toEqual([]);
  });
});

describe('npm run demo: the runtime tour', () => {
  const result = runTour();

  it('exits 0 and writes nothing to stderr', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('answers the 6×8 → 6×6 question: a view of the whole, WouldCopyError for the cut, an explicit copy', () => {
    expect(result.stdout).toContain("cut = a.slice(':, :6')");
    expect(result.stdout).toMatch(/cut\.isCContiguous\s+→ false/);
    expect(result.stdout).toMatch(/cut\.reshape\(\[-1\]\)\s+→ WouldCopyError/);
    expect(result.stdout).toMatch(/kernels\.sum\(cut\).*→ NonContiguousError/);
    expect(result.stdout).toMatch(/kernels\.sum\(ascontiguous\(cut\)\)\s+→ 810/);
  });

  it('catches the raw pointer that wasm growth invalidated, where a plain typed array reads undefined', () => {
    expect(result.stdout).toMatch(/plain\[0\]\s+→ undefined/);
    expect(result.stdout).toMatch(/raw\.array\s+→ StalePointerError/);
    expect(result.stdout).toMatch(/view\.get\(0\)\s+→ 1 /);
  });

  it('adopts a pooled Buffer without its pool', () => {
    expect(result.stdout).toMatch(/Memory\.fromTypedArray\(message\)\.byteLength\s+→ 5/);
    expect(result.stdout).toMatch(/→ OutOfBoundsError/);
  });

  it('prints no colour codes when NO_COLOR is set or stdout is not a terminal', () => {
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });
});
