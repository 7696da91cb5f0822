import { describe, expect, it } from 'vitest';
import { findingsOf } from '../support/program.js';

const rule = 'no-use-after-transfer';
const lines = (files: Record<string, string>) => findingsOf(rule, files).map(f => `${f.file}:${f.line}:${f.column}`);
const lint = (code: string) => lines({ 'file.ts': code });

const PORT = 'declare const port: { postMessage(message: unknown, transfer?: Transferable[]): void };\n';

describe(rule, () => {
  it('flags a buffer and its views used after postMessage transfers the buffer', () => {
    const code = `${PORT}export function send(samples: Float32Array) {
  const copy = new Float32Array(samples);
  port.postMessage(copy, [copy.buffer]);
  copy[0] = 1;
  const bytes = new Uint8Array(samples.buffer);
  port.postMessage(samples.buffer, [samples.buffer]);
  return bytes[0] + samples.length;
}`;
    expect(lint(code)).toEqual(['file.ts:5:3', 'file.ts:8:10', 'file.ts:8:21']);
    const [first] = findingsOf(rule, { 'file.ts': code });
    expect(first!.message).toBe(
      '`copy` is used after `port.postMessage(…)` (line 4) transfers it to the receiver of postMessage, detaching it here. Copy what you still need before the transfer, or stop using `copy` after it.',
    );
  });

  it('counts a transferred view named in an object literal, `{ data }` as much as `{ data: data }`, as a use', () => {
    const code = `${PORT}export function send(data: Uint8Array, files: { data: Uint8Array }[]) {
  port.postMessage(data, [data.buffer]);
  files.push({ data });
}`;
    expect(lint(code)).toEqual(['file.ts:4:16']);
  });

  it('follows a call through a parameter of a function type to what every function of that type in the program transfers', () => {
    const scanner = (local: string) => `export type Scanner = (buffer: ArrayBuffer) => Promise<number>;
export interface Sender {
  (buffer: ArrayBuffer): void;
}
declare function scanHere(bytes: Uint8Array): number;
export async function parse(buffer: ArrayBuffer, scan: Scanner | null, send: Sender): Promise<number> {
  const bytes = new Uint8Array(buffer);
  let n = 0;
  if (scan !== null) n = await scan(buffer);
  if (n === 0) n = scanHere(bytes);
  const other = new ArrayBuffer(8);
  send(other);
  return n + other.byteLength;
}
export function workerScanner(worker: Worker): Scanner {
  return buffer =>
    new Promise(resolve => {
      worker.onmessage = event => resolve(event.data as number);
      worker.postMessage({ buffer }, [buffer]);
    });
}
export const portSender: Sender = buffer => worker.postMessage(buffer, [buffer]);
declare const worker: Worker;
${local}`;
    expect(lint(scanner(''))).toEqual(['file.ts:10:29', 'file.ts:13:14']);
    // A function of the type that keeps the buffer (a scan on this thread) makes the call no transfer.
    expect(
      lint(scanner('export const localScanner: Scanner = async buffer => scanHere(new Uint8Array(buffer));')),
    ).toEqual(['file.ts:13:14']);
  });

  it('knows structuredClone with transfer and ArrayBuffer#transfer', () => {
    const code = `export function f(buffer: ArrayBuffer) {
  const view = new DataView(buffer);
  const moved = buffer.transfer();
  view.getUint8(0);
  const other = new ArrayBuffer(8);
  const clone = structuredClone(other, { transfer: [other] });
  return [moved, clone, other];
}`;
    expect(lint(code)).toEqual(['file.ts:4:3', 'file.ts:7:25']);
  });

  it('stays quiet on copies, on the byteLength check, and on code before the transfer', () => {
    const code = `${PORT}export function f(data: Uint8Array) {
  const kept = data.slice();
  port.postMessage(data, [data.buffer]);
  if (data.byteLength === 0) console.log('detached, as expected');
  return kept[0];
}
export function g(data: Uint8Array) {
  port.postMessage(data);
  return data[0];
}`;
    expect(lint(code)).toEqual([]);
  });

  it('follows local wrappers across files, and @memsafe transfers on a declaration', () => {
    const files = {
      'bridge.ts': `${PORT}export function sendToWorker(message: unknown, buffer: ArrayBuffer) {\n  port.postMessage(message, [buffer]);\n}\n`,
      'main.ts': `import { sendToWorker } from './bridge.js';
/** @memsafe transfers payload */
declare function ship(payload: ArrayBuffer): void;
export function f(a: ArrayBuffer, b: ArrayBuffer) {
  sendToWorker({ kind: 'frame' }, a);
  ship(b);
  return a.slice(0, 4).byteLength + new Uint8Array(b)[0]!;
}
`,
    };
    expect(lines(files)).toEqual(['main.ts:7:10', 'main.ts:7:52']);
  });

  it('follows branches: a transfer on one path is enough', () => {
    const code = `${PORT}export function f(buffer: ArrayBuffer, fast: boolean) {
  if (fast) port.postMessage(buffer, [buffer]);
  else port.postMessage(buffer.slice(0));
  return new Uint8Array(buffer);
}`;
    expect(lint(code)).toEqual(['file.ts:5:25']);
  });

  it('follows transfers through a method that builds its transfer list and forwards it to a private one', () => {
    const code = `interface Port { postMessage(message: unknown, transfer: Transferable[]): void }
export class Client {
  #port: Port | null = null;
  #send(message: unknown, transfer: Transferable[] = []): Promise<void> {
    return new Promise(resolve => {
      this.#port?.postMessage(message, transfer);
      resolve();
    });
  }
  writeFile(path: string, data: Uint8Array | string): Promise<void> {
    const transfer: Transferable[] = [];
    if (data instanceof Uint8Array) transfer.push(data.buffer);
    return this.#send({ path, data }, transfer);
  }
}
export async function twice(client: Client, data: ArrayBuffer) {
  await client.writeFile('a', new Uint8Array(data));
  await client.writeFile('b', new Uint8Array(data));
}`;
    expect(lint(code)).toEqual(['file.ts:18:46']);
  });

  it('knows a callee that transfers a member of its argument, and a catch block after a call that transferred and threw', () => {
    const code = `interface Image { width: number; data: Uint8ClampedArray }
interface Port { postMessage(message: unknown, transfer: Transferable[]): void }
class Bridge {
  constructor(private readonly port: Port) {}
  encode(image: Image): Promise<Uint8Array> {
    return new Promise(() => {
      const pixels = image.data.buffer;
      this.port.postMessage({ pixels }, [pixels]);
    });
  }
}
declare function encodeHere(image: Image): Uint8Array;
export async function save(image: Image, bridge: Bridge | null): Promise<Uint8Array> {
  if (bridge !== null) {
    try {
      return await bridge.encode(image);
    } catch {}
  }
  return encodeHere(image);
}`;
    const findings = findingsOf(rule, { 'file.ts': code });
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['19:21:memberUsedAfterTransfer']);
    expect(findings[0]!.message).toBe(
      '`image` is handed on after `bridge.encode(…)` (line 16) transfers it (the callee detaches that argument), and `image.data` in it is detached. Copy what you still need before the transfer.',
    );
  });

  it('follows a member whose buffer is transferred directly, also through a list built in a variable', () => {
    const code = `export function post(worker: Worker, image: ImageData): number {
  const transfer: Transferable[] = [];
  transfer.push(image.data.buffer);
  worker.postMessage(image, transfer);
  return image.data[0]!;
}
export function direct(worker: Worker, image: ImageData): number {
  worker.postMessage(image, [image.data.buffer]);
  return image.width + image.data[0]!;
}
export function fresh(worker: Worker): void {
  worker.postMessage(null, [new Uint8Array(4).buffer]);
}`;
    const findings = findingsOf(rule, { 'file.ts': code });
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '5:10:usedAfterTransfer',
      '9:24:usedAfterTransfer',
    ]);
    expect(findings[0]!.message).toBe(
      '`image.data` is used after `worker.postMessage(…)` (line 4) transfers it to the receiver of postMessage, detaching it here. Copy what you still need before the transfer, or stop using `image.data` after it.',
    );
  });

  it('lets an object hand itself on after detaching its own buffer, as a free() does', () => {
    const code = `function detach(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
}
declare const registry: FinalizationRegistry<number>;
export class Block {
  #buffer = new ArrayBuffer(64);
  free(): void {
    detach(this.#buffer);
    registry.unregister(this);
  }
  read(): number {
    detach(this.#buffer);
    return new Uint8Array(this.#buffer)[0]!;
  }
}`;
    expect(lint(code)).toEqual(['file.ts:13:27']);
  });

  it('reports a transfer of a buffer that something else keeps: a cache, a field, what a loader returns', () => {
    const code = `const cache = new Map<string, ArrayBuffer>();
const decoded = new WeakMap<ArrayBuffer, number>();
declare function download(url: string): Promise<ArrayBuffer>;
async function load(url: string): Promise<ArrayBuffer> {
  const hit = cache.get(url);
  if (hit !== undefined) return hit;
  const bytes = await download(url);
  cache.set(url, bytes);
  return bytes;
}
export class Decoder {
  readonly files: { name: string; data: Uint8Array }[] = [];
  constructor(private readonly worker: Worker) {}
  async decode(url: string): Promise<void> {
    this.send(await load(url));
  }
  send(buffer: ArrayBuffer): void {
    decoded.set(buffer, 1);
    this.worker.postMessage(buffer, [buffer]);
  }
  add(name: string, contents: ArrayBuffer): void {
    const data = new Uint8Array(contents);
    this.files.push({ name, data });
    this.worker.postMessage(data, [data.buffer]);
  }
  once(url: string, bytes: ArrayBuffer): void {
    if (decoded.has(bytes)) return;
    cache.set(url, bytes);
    this.worker.postMessage(bytes, [bytes]);
  }
  fresh(): void {
    const scratch = new ArrayBuffer(8);
    const list: ArrayBuffer[] = [];
    list.push(scratch);
    this.worker.postMessage(scratch, [scratch]);
  }
}`;
    const findings = findingsOf(rule, { 'file.ts': code });
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual([
      '19:38:transferredKept',
      '24:36:transferredKept',
    ]);
    expect(findings[0]!.message).toBe(
      'Transferring `buffer` detaches a buffer that comes from `load(…)`, which returns what `cache` keeps (line 5), passed in by `this.send(…)` (line 15). Transfer a copy, or keep a copy instead.',
    );
    expect(findings[1]!.message).toBe(
      'Transferring `data` detaches a buffer that is also kept in `this.files` (line 23). Transfer a copy, or keep a copy instead.',
    );
  });

  it("knows pdf.js's getDocument, which transfers the data it is given", () => {
    const code = `declare const pdfjsLib: { getDocument(params: { data: Uint8Array }): { promise: Promise<unknown> } };
export async function open(bytes: Uint8Array) {
  await pdfjsLib.getDocument({ data: bytes }).promise;
  return bytes.length;
}`;
    expect(lint(code)).toEqual(['file.ts:4:10']);
  });

  it('says so where a function is too large to follow, rather than going quiet', () => {
    const buffers = Array.from(
      { length: 1001 },
      (_, i) => `  const b${i} = new Uint8Array(8);\n  port.postMessage(b${i}, [b${i}.buffer]);`,
    );
    const code = `declare const port: { postMessage(message: unknown, transfer: Transferable[]): void };\nexport function big() {\n${buffers.join('\n')}\n  return b0[0];\n}\n`;
    const findings = findingsOf('no-use-after-transfer', { 'big.ts': code });
    expect(findings.map(f => `${f.line}:${f.column}:${f.messageId}`)).toEqual(['2:17:incomplete']);
    expect(findings[0]!.message).toBe(
      'The function `big` is not checked for uses after a transfer: it tracks more than 1,000 values at once or nests deeper than 1,000 levels, more than memsafe follows. Split it to have it checked.',
    );
  });
});
