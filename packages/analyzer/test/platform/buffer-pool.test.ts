import { Buffer } from 'node:buffer';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferPoolSize, bufferPoolSizeText } from '../../src/platform/buffer-pool.js';
import { nodeRangeOf } from '../../src/platform/node-range.js';

describe('bufferPoolSize', () => {
  // tools/test-on-nodes.mjs runs this on Node 20, 24 and 26: each checks the table against itself.
  it(`says what Node ${process.versions.node} has`, () => {
    expect(bufferPoolSize(process.versions.node)).toBe(Buffer.poolSize);
  });

  it('changes where the builds measured it change', () => {
    const sizes = Object.fromEntries(
      ['20.20.2', '22.23.5', '24.17.0', '24.18.0', '24.22.3', '25.9.0', '26.2.0', '26.3.0', '26.12.1', '27.0.0'].map(
        version => [version, bufferPoolSize(version) / 1024],
      ),
    );
    expect(sizes).toEqual({
      '20.20.2': 8,
      '22.23.5': 8,
      '24.17.0': 8,
      '24.18.0': 64,
      '24.22.3': 64,
      '25.9.0': 8,
      '26.2.0': 8,
      '26.3.0': 64,
      '26.12.1': 64,
      '27.0.0': 64,
    });
  });
});

describe('bufferPoolSizeText', () => {
  const both = '8 KiB, or 64 KiB from Node 24.18 and 26.3';
  it.each([
    ['>=26.3.0', '64 KiB'],
    ['^24.18.0 || >=26.3', '64 KiB'],
    ['^20.19.0 || ^22.12.0', '8 KiB'],
    ['20.x', '8 KiB'],
    ['>=20', both],
    ['^24', both],
    ['>=25 <26', '8 KiB'],
  ])('%s: %s', (range, text) => {
    expect(bufferPoolSizeText(range)).toBe(text);
  });

  it('says both where the range is unknown, not a range, or allows no version', () => {
    expect(bufferPoolSizeText(undefined)).toBe(both);
    expect(bufferPoolSizeText('the latest')).toBe(both);
    expect(bufferPoolSizeText('<1')).toBe(both);
  });
});

describe('nodeRangeOf', () => {
  const root = mkdtempSync(join(tmpdir(), 'memsafe-engines-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reads `engines.node` of the file's nearest package.json, again after it changes", () => {
    mkdirSync(join(root, 'app', 'src'), { recursive: true });
    const manifest = join(root, 'app', 'package.json');
    writeFileSync(manifest, JSON.stringify({ name: 'app', engines: { node: '>=26.3' } }));
    const file = join(root, 'app', 'src', 'index.ts');
    expect(nodeRangeOf(file)).toBe('>=26.3');
    writeFileSync(manifest, JSON.stringify({ name: 'app', engines: { node: '^24.18.0' } }));
    const later = new Date(Date.now() + 5000);
    utimesSync(manifest, later, later);
    expect(nodeRangeOf(file)).toBe('^24.18.0');
  });

  it('gives undefined where the package.json names no Node or cannot be read', () => {
    for (const [name, text] of [
      ['none', JSON.stringify({ name: 'none' })],
      ['broken', '{ "engines": '],
      ['npm-only', JSON.stringify({ engines: { npm: '>=10' } })],
    ] as const) {
      mkdirSync(join(root, name), { recursive: true });
      writeFileSync(join(root, name, 'package.json'), text);
      expect(nodeRangeOf(join(root, name, 'index.ts')), name).toBeUndefined();
    }
  });
});
