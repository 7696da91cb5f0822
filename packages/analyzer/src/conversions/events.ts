/**
 * The events that invalidate memory other code still holds: the sibling of the conversion table.
 * The conversion table says what a conversion's result is; this one says what an event does to
 * everything else — which values it reaches and what becomes of them. no-stale-view and
 * no-use-after-transfer take their events' words and reach from here, `memsafe explain` and the
 * editor hovers show them, docs/conversions.md lists them, and a test executes every event that
 * the running Node can perform (test/conversions/events.test.ts). Events that only a convention
 * can tell (which calls run wasm code, what a library does with its input) say so in `evidence`.
 */
import { RESIZABLE_MEMORY_SINCE } from '../platform/wasm-memory.js';

/** What an event does to the values it reaches. */
export type EventEffect =
  /** wasm memory grew: `memory.buffer` and every view of it are detached */
  | 'grow'
  /** a resizable buffer may have shrunk: fixed-length views, and views past the new end, are out of bounds */
  | 'shrink'
  /** the memory was released: views of it read nothing, raw pointers throw */
  | 'free'
  /** the buffer was transferred: it and every view of it are detached */
  | 'transfer'
  /** wasm memory switched between fixed-length and resizable buffers: the old buffer and its views are detached */
  | 'switch';

/** Which values an event reaches. */
export type EventReach =
  /** every view of the memory the event is called on */
  | 'views of the receiver'
  /** every view of any WebAssembly memory (which one the event grows is not in sight) */
  | 'views of wasm memory'
  /** the buffer the event is called on, and every view of it */
  | 'the receiver'
  /** each buffer in the transfer list, and every view of it */
  | 'the transfer list'
  /** the buffer of the argument named in the pattern, and every view of it */
  | 'an argument'
  /** every view into the block of wasm memory whose address is the argument */
  | 'views of the block at the argument';

/** How the claim is known: run by the test on this Node, or a convention the analysis follows. */
export type EventEvidence = { readonly kind: 'probe' } | { readonly kind: 'convention'; readonly why: string };

export interface InvalidatingEvent {
  /** Stable kebab-case id; the flow rules look events up by it. */
  readonly id: string;
  /** The event as code writes it. */
  readonly expression: string;
  readonly effect: EventEffect;
  readonly reaches: EventReach;
  /** What the event does, for messages: "… (line 4) grows the memory, which detaches …". */
  readonly words: string;
  /** The first Node.js version that has the API, as `major.minor.patch`. */
  readonly since: string;
  readonly evidence: EventEvidence;
}

export const EVENTS = [
  {
    id: 'wasm-memory-grow',
    expression: 'memory.grow(pages)',
    effect: 'grow',
    reaches: 'views of the receiver',
    words: 'grows the memory, which detaches memory.buffer and every view of it',
    since: '8.0.0',
    evidence: { kind: 'probe' },
  },
  {
    id: 'wasm-export-call',
    expression: 'exports.fn(…)',
    effect: 'grow',
    reaches: 'views of wasm memory',
    words: 'runs WebAssembly code, which may grow the memory and detach memory.buffer',
    since: '8.0.0',
    evidence: {
      kind: 'convention',
      why: 'Any export may call memory.grow; only the module knows which do. Where the binary can be found beside the declarations of the exports, an export from which no memory.grow, import or indirect call is reachable is not counted; `@memsafe pure` on an export says it never grows.',
    },
  },
  {
    id: 'wasm-allocator-call',
    expression: 'malloc(size)',
    effect: 'grow',
    reaches: 'views of wasm memory',
    words: 'allocates in WebAssembly memory, which may grow it',
    since: '8.0.0',
    evidence: {
      kind: 'convention',
      why: 'Allocators grow the memory when a request does not fit: Emscripten `_malloc`, wasm-bindgen `__wbindgen_malloc`, AssemblyScript `__new`.',
    },
  },
  {
    id: 'wasm-block-free',
    expression: 'free(ptr)',
    effect: 'free',
    reaches: 'views of the block at the argument',
    words: 'frees that block, whose bytes the next allocation hands out again',
    since: '8.0.0',
    evidence: {
      kind: 'convention',
      why: "A freed block goes back to the module's allocator (Emscripten `_free`, wasm-bindgen `__wbindgen_free`, a Rust `dealloc`). The memory stays attached, so nothing throws: views into the block read what the next owner writes.",
    },
  },
  {
    id: 'await',
    expression: 'await promise',
    effect: 'grow',
    reaches: 'views of wasm memory',
    words: 'lets other code run, which may grow the memory',
    since: '8.0.0',
    evidence: { kind: 'convention', why: 'While a function waits, any other code may run, wasm calls included.' },
  },
  {
    id: 'rab-resize',
    expression: 'resizableArrayBuffer.resize(byteLength)',
    effect: 'shrink',
    reaches: 'views of the receiver',
    words: 'may shrink the buffer, which puts fixed-length views of it out of bounds',
    since: '20.0.0',
    evidence: { kind: 'probe' },
  },
  {
    id: 'wasm-memory-to-resizable',
    expression: 'memory.toResizableBuffer()',
    effect: 'switch',
    reaches: 'views of the receiver',
    words:
      'switches the memory to a resizable buffer, which detaches its fixed-length memory.buffer and every view of it (views made after it survive growth)',
    since: RESIZABLE_MEMORY_SINCE,
    evidence: { kind: 'probe' },
  },
  {
    id: 'wasm-memory-to-fixed-length',
    expression: 'memory.toFixedLengthBuffer()',
    effect: 'switch',
    reaches: 'views of the receiver',
    words:
      'switches the memory back to a fixed-length buffer, which detaches its resizable memory.buffer and every view of it',
    since: RESIZABLE_MEMORY_SINCE,
    evidence: { kind: 'probe' },
  },
  {
    id: 'ab-transfer',
    expression: 'arrayBuffer.transfer()',
    effect: 'transfer',
    reaches: 'the receiver',
    words: 'moves its bytes into a new buffer, detaching it',
    since: '21.0.0',
    evidence: { kind: 'probe' },
  },
  {
    id: 'post-message-transfer',
    expression: 'port.postMessage(message, transfer)',
    effect: 'transfer',
    reaches: 'the transfer list',
    words: 'transfers it to the receiver of postMessage, detaching it here',
    since: '11.7.0',
    evidence: { kind: 'probe' },
  },
  {
    id: 'structured-clone-transfer',
    expression: 'structuredClone(value, { transfer })',
    effect: 'transfer',
    reaches: 'the transfer list',
    words: 'transfers it into the clone, detaching it here',
    since: '17.0.0',
    evidence: { kind: 'probe' },
  },
  {
    id: 'pdfjs-get-document',
    expression: 'pdfjsLib.getDocument({ data })',
    effect: 'transfer',
    reaches: 'an argument',
    words: "transfers it to pdf.js's worker, detaching it here",
    since: '8.0.0',
    evidence: {
      kind: 'convention',
      why: 'pdf.js\'s documentation of `data`: "If TypedArrays are used they will generally be transferred to the worker-thread."',
    },
  },
  {
    id: 'ms-memory-grow',
    expression: 'mem.grow(pages)',
    effect: 'grow',
    reaches: 'views of the receiver',
    words: 'grows the memory, detaching raw views of it',
    since: '20.0.0',
    evidence: { kind: 'probe' },
  },
  {
    id: 'ms-memory-resize',
    expression: 'mem.resize(byteLength)',
    effect: 'shrink',
    reaches: 'views of the receiver',
    words: 'may shrink the memory',
    since: '20.0.0',
    evidence: { kind: 'probe' },
  },
  {
    id: 'ms-memory-free',
    expression: 'mem.free()',
    effect: 'free',
    reaches: 'views of the receiver',
    words: 'frees the memory',
    since: '20.0.0',
    evidence: { kind: 'probe' },
  },
  {
    id: 'ms-memory-transfer',
    expression: 'mem.transfer()',
    effect: 'transfer',
    reaches: 'views of the receiver',
    words: 'transfers the memory away',
    since: '20.0.0',
    evidence: { kind: 'probe' },
  },
] as const satisfies readonly InvalidatingEvent[];

export type EventId = (typeof EVENTS)[number]['id'];

const byId = new Map<string, InvalidatingEvent>(EVENTS.map(event => [event.id, event]));

/** The event with `id`; the ids are checked at compile time. */
export function eventById(id: EventId): InvalidatingEvent {
  return byId.get(id)!;
}
