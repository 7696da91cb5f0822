/** The framing the editor e2e tests rely on: byte counts, not lines; chunks cut anywhere. */
import { describe, expect, it } from 'vitest';
import { frame, FrameReader } from './protocol.js';

function read(chunks: readonly Buffer[]): { messages: unknown[]; errors: string[]; pending: number } {
  const messages: unknown[] = [];
  const errors: string[] = [];
  const reader = new FrameReader(
    message => messages.push(message),
    error => errors.push(error.message),
  );
  for (const chunk of chunks) reader.push(chunk);
  return { messages, errors, pending: reader.pending };
}

/** A tsserver frame: its Content-Length counts the newline after the JSON. */
const tsserverFrame = (message: unknown) => {
  const json = `${JSON.stringify(message)}\n`;
  return Buffer.from(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
};

describe('FrameReader', () => {
  const messages = [
    { text: 'memsafe: view — shares memory (no copy). ⚠ detached-after-grow.' },
    { text: 'line one\nline two' },
    { n: 3 },
  ];
  const stream = Buffer.concat(messages.map(tsserverFrame));

  it('reads frames by byte length, with multi-byte characters and newlines inside', () => {
    expect(read([stream])).toEqual({ messages, errors: [], pending: 0 });
  });

  it('reads the same frames from chunks cut at every byte, inside headers and inside UTF-8 sequences', () => {
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
      expect(read(chunks), `chunks of ${size} bytes`).toEqual({ messages, errors: [], pending: 0 });
    }
  });

  it('waits for the rest of a frame, and takes other headers and any header case', () => {
    const lsp = Buffer.from(frame({ jsonrpc: '2.0', method: 'x', params: { s: '…' } }));
    expect(read([lsp.subarray(0, lsp.length - 1)])).toEqual({ messages: [], errors: [], pending: lsp.length - 1 });
    const json = JSON.stringify({ ok: true });
    expect(
      read([
        Buffer.from(
          `content-length: ${json.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${json}`,
        ),
      ]).messages,
    ).toEqual([{ ok: true }]);
  });

  it('reports a frame without a length or with a body that is not JSON, and goes on', () => {
    const broken = Buffer.from('X-Nothing: 1\r\n\r\nContent-Length: 3\r\n\r\n{x}');
    const result = read([broken, tsserverFrame({ after: true })]);
    expect(result.messages).toEqual([{ after: true }]);
    expect(result.errors).toEqual([
      expect.stringContaining('a frame without Content-Length'),
      expect.stringContaining('a frame that is not JSON'),
    ]);
  });
});
