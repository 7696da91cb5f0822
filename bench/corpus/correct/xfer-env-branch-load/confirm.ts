import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, pattern, sameBytes } from '../../support/check.js';
import type * as Impl from './correct.js';

async function roundTrip(loadInWorker: typeof Impl.loadInWorker, source: string): Promise<Uint8Array> {
  const channel = new MessageChannel();
  try {
    const arrived = new Promise<Uint8Array>(resolve => {
      channel.port2.onmessage = event => resolve((event.data as { bytes: Uint8Array }).bytes);
    });
    const length = await loadInWorker(channel.port1, source);
    const bytes = await arrived;
    expect(bytes.length === length, 'the worker got a different length than the loader reported');
    return bytes;
  } finally {
    channel.port1.close();
    channel.port2.close();
  }
}

export default async function confirm({ loadInWorker }: typeof Impl): Promise<void> {
  const content = pattern(3000, 5);
  const dir = mkdtempSync(join(tmpdir(), 'xfer-env-'));
  const canary = Buffer.from('pooled bytes next door');
  try {
    const path = join(dir, 'model.bin');
    writeFileSync(path, content);
    expect(sameBytes(await roundTrip(loadInWorker, path), content), 'node: the worker got the wrong bytes');
    expect(canary.toString() === 'pooled bytes next door', 'node: pooled memory was detached');

    // Browser: a `window` global and a fetch that answers with the file's bytes.
    const globals = globalThis as { window?: unknown; fetch: typeof fetch };
    const realFetch = globals.fetch;
    globals.window = globalThis;
    globals.fetch = async () => new Response(content.slice());
    try {
      expect(sameBytes(await roundTrip(loadInWorker, 'https://example.invalid/model.bin'), content), 'browser: the worker got the wrong bytes');
    } finally {
      delete globals.window;
      globals.fetch = realFetch;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
