/**
 * Minimal clients for the two protocols editors speak to TypeScript, enough to drive a real server
 * from a test (Quramy/ts-graphql-plugin e2e/fixtures/lang-server.js style):
 *
 * - tsserver: requests are one JSON object per line on stdin; responses and events come back on stdout
 *   as `Content-Length: N\r\n\r\n<N bytes of JSON>` frames (N counts UTF-8 bytes, including the newline
 *   tsserver appends to the JSON).
 * - LSP (typescript-language-server): Content-Length frames in both directions, JSON-RPC 2.0 inside.
 *
 * Frames are parsed by their byte length, never by splitting on newlines: memsafe's messages hold
 * multi-byte characters (`—`, `…`, `⚠`), and a chunk from the pipe can end in the middle of one.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Reassembles Content-Length frames from arbitrary chunks of a byte stream. */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(
    private readonly onMessage: (message: unknown) => void,
    private readonly onError: (error: Error) => void,
  ) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('latin1');
      const length = /^content-length: *(\d+) *$/im.exec(header)?.[1];
      if (length === undefined) {
        this.onError(new Error(`a frame without Content-Length: ${JSON.stringify(header)}`));
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const start = headerEnd + 4;
      const end = start + Number(length);
      if (this.buffer.length < end) return;
      const body = this.buffer.subarray(start, end).toString('utf8');
      this.buffer = this.buffer.subarray(end);
      try {
        this.onMessage(JSON.parse(body));
      } catch (error) {
        this.onError(
          new Error(`a frame that is not JSON (${(error as Error).message}): ${JSON.stringify(body.slice(0, 500))}`),
        );
      }
    }
  }

  /** Bytes received that do not (yet) form a whole frame. */
  get pending(): number {
    return this.buffer.length;
  }
}

/** One Content-Length frame, as an LSP client writes it. */
export function frame(message: unknown): string {
  const json = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`;
}

/** pid -> parent pid of every process, from /proc (Linux; empty elsewhere). */
function processTable(): Map<number, { ppid: number; state: string }> {
  const table = new Map<number, { ppid: number; state: string }>();
  if (!existsSync('/proc')) return table;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), { ppid: Number(ppid), state: state ?? '?' });
    } catch {
      // The process ended while we read the table.
    }
  }
  return table;
}

/** The process and every process below it, alive now. */
export function processTree(pid: number): number[] {
  const table = processTable();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, { ppid }] of table) if (ppid === tree[i]) tree.push(child);
  }
  return tree.filter(p => isRunning(p, table));
}

/** Running, not a zombie waiting to be reaped. */
export function isRunning(pid: number, table = processTable()): boolean {
  if (table.size > 0) {
    const entry = table.get(pid);
    return entry !== undefined && entry.state !== 'Z' && entry.state !== 'X';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Waits until none of `pids` runs; returns those still running after `timeoutMs`. */
export async function waitForExit(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const table = processTable();
    const alive = pids.filter(pid => isRunning(pid, table));
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await sleep(50);
  }
}

/** The lines of a log worth showing when a test fails: memsafe's own lines, then the end. */
export function logExcerpt(file: string | undefined, lines = 40): string {
  if (file === undefined || !existsSync(file)) return `(no log at ${file ?? '<none>'})`;
  const all = readFileSync(file, 'utf8').split('\n');
  const memsafe = all.filter(line => line.includes('[memsafe]') || /\b(Err|Exception)\b/.test(line)).slice(-20);
  return [
    `--- ${file}: lines that mention [memsafe] or errors`,
    ...memsafe,
    `--- ${file}: last ${lines} lines`,
    ...all.slice(-lines),
  ].join('\n');
}

/**
 * Runs `body` and, when it throws (an assertion or a timeout), appends `context()` to the error
 * message, so that a failure report shows the server's side of the story.
 */
export async function explained<T>(context: () => string, body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof Error) error.message += `\n\n${context()}`;
    throw error;
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** A server child process speaking Content-Length frames on stdout; the base of both clients. */
abstract class FramedServer {
  readonly child: ChildProcessWithoutNullStreams;
  /** What the server wrote to stderr. */
  stderr = '';
  /** Set once the process has exited. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Every process the server started while it ran (the server itself first), seen by `track()`. */
  readonly seen = new Set<number>();
  protected readonly pending = new Map<number | string, Pending>();
  protected readonly waiters = new Set<{ test(message: unknown): boolean; resolve(message: unknown): void }>();
  private readonly reader: FrameReader;
  private readonly exitPromise: Promise<void>;

  protected constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    cwd: string,
    env: NodeJS.ProcessEnv,
    /** What to show when something goes wrong: the server's log, say. */
    readonly describe: () => string,
  ) {
    this.child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    if (this.child.pid !== undefined) this.seen.add(this.child.pid);
    this.reader = new FrameReader(
      message => this.dispatch(message),
      error => this.failAll(error),
    );
    this.child.stdout.on('data', (chunk: Buffer) => this.reader.push(chunk));
    this.child.stderr.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
    // A write to a server that has died is reported through the exit, not as an unhandled error.
    this.child.stdin.on('error', () => {});
    this.exitPromise = new Promise(resolve => {
      this.child.on('exit', (code, signal) => {
        this.exited = { code, signal };
        this.failAll(new Error(`${this.name} exited (code ${code}, signal ${signal}) with requests pending`));
        resolve();
      });
      this.child.on('error', error => {
        this.failAll(new Error(`${this.name} could not be started: ${error.message}`));
        resolve();
      });
    });
  }

  protected abstract dispatch(message: unknown): void;

  /** Waits for a message matching `test` that arrives from now on. */
  waitFor<T>(what: string, test: (message: unknown) => message is T, timeoutMs = 90_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        test,
        resolve: (message: unknown) => {
          clearTimeout(timer);
          resolve(message as T);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(this.failure(`no ${what} from ${this.name} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  protected deliver(message: unknown): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.test(message)) {
        this.waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  }

  protected expect(key: number | string, what: string, timeoutMs: number): Promise<unknown> {
    if (this.exited !== undefined) return Promise.reject(this.failure(`${what}: ${this.name} has exited`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(key);
        reject(this.failure(`no response to ${what} from ${this.name} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(key, { resolve, reject, timer });
    });
  }

  protected settle(key: number | string, message: unknown): void {
    const pending = this.pending.get(key);
    if (pending === undefined) return;
    this.pending.delete(key);
    clearTimeout(pending.timer);
    pending.resolve(message);
  }

  private failAll(error: Error): void {
    for (const [key, pending] of this.pending) {
      this.pending.delete(key);
      clearTimeout(pending.timer);
      pending.reject(this.failure(error.message));
    }
  }

  failure(message: string): Error {
    return new Error(`${message}\n--- ${this.name} stderr\n${this.stderr.slice(-4000)}\n${this.describe()}`);
  }

  /** Records the processes now running under the server, so that `stop()` can check they all end. */
  track(): number[] {
    if (this.child.pid === undefined) return [];
    const tree = processTree(this.child.pid);
    for (const pid of tree) this.seen.add(pid);
    return tree;
  }

  /**
   * Asks the server to end (`politely`), waits for it and everything it started to exit, then kills
   * whatever is left, by pid. Returns the processes that had to be killed (empty when all went well).
   */
  async stop(politely: () => void, timeoutMs = 5_000): Promise<number[]> {
    this.track();
    if (this.exited === undefined) {
      try {
        politely();
      } catch {
        // The pipe may already be closed; the kill below settles it.
      }
    }
    await Promise.race([this.exitPromise, sleep(timeoutMs)]);
    const survivors = await waitForExit([...this.seen], this.exited === undefined ? 0 : timeoutMs);
    for (const pid of survivors) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone in the meantime.
      }
    }
    await waitForExit(survivors, 2_000);
    return survivors;
  }
}

// --- tsserver --------------------------------------------------------------------------------------

export interface TsResponse<T = unknown> {
  seq: number;
  type: 'response';
  command: string;
  request_seq: number;
  success: boolean;
  message?: string;
  body?: T;
}

export interface TsEvent<T = unknown> {
  seq: number;
  type: 'event';
  event: string;
  body?: T;
}

export interface Location {
  line: number;
  offset: number;
}

/** tsserver's `Diagnostic` (protocol.ts), as `semanticDiagnosticsSync` returns it by default. */
export interface TsDiagnostic {
  start: Location;
  end: Location;
  text: string;
  code: number;
  category: string;
  source?: string;
  reportsUnnecessary?: boolean;
  reportsDeprecated?: boolean;
}

export interface TsQuickInfo {
  kind: string;
  kindModifiers: string;
  start: Location;
  end: Location;
  displayString: string;
  documentation: string;
  tags: unknown[];
}

export interface TsCodeAction {
  fixName: string;
  description: string;
  changes: { fileName: string; textChanges: { start: Location; end: Location; newText: string }[] }[];
  fixId?: string;
}

/** A tsserver child process (`node tsserver.js …`) and a client for its protocol. */
export class TsServer extends FramedServer {
  readonly events: TsEvent[] = [];
  private seq = 0;

  constructor(
    tsserverJs: string,
    options: { cwd: string; logFile: string; args?: readonly string[]; env?: NodeJS.ProcessEnv },
  ) {
    const args = [
      tsserverJs,
      '--disableAutomaticTypingAcquisition',
      '--logVerbosity',
      'verbose',
      '--logFile',
      options.logFile,
      ...(options.args ?? []),
    ];
    super('tsserver', process.execPath, args, options.cwd, options.env ?? process.env, () =>
      logExcerpt(options.logFile),
    );
  }

  protected dispatch(message: unknown): void {
    const m = message as TsResponse | TsEvent;
    if (m.type === 'event') this.events.push(m);
    else if (m.type === 'response') this.settle(m.request_seq, m);
    this.deliver(message);
  }

  /** Sends a request and resolves with tsserver's response (successful or not). */
  request<T = unknown>(command: string, args?: unknown, timeoutMs = 90_000): Promise<TsResponse<T>> {
    const seq = ++this.seq;
    const response = this.expect(seq, `${command} (seq ${seq})`, timeoutMs) as Promise<TsResponse<T>>;
    this.child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return response;
  }

  /** Like `request`, but rejects unless tsserver answered `success: true`; resolves with the body. */
  async body<T>(command: string, args?: unknown, timeoutMs?: number): Promise<T> {
    const response = await this.request<T>(command, args, timeoutMs);
    if (!response.success)
      throw this.failure(`${command} ${JSON.stringify(args)} failed: ${response.message ?? '(no message)'}`);
    return response.body as T;
  }

  /** Sends `exit` (tsserver answers nothing and ends), then makes sure every process is gone. */
  close(): Promise<number[]> {
    return this.stop(() =>
      this.child.stdin.write(`${JSON.stringify({ seq: ++this.seq, type: 'request', command: 'exit' })}\n`),
    );
  }
}

// --- LSP -------------------------------------------------------------------------------------------

export interface LspMessage {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** A language server child process speaking LSP over stdio, and a client for it. */
export class LanguageServer extends FramedServer {
  /** Every notification the server sent, in order. */
  readonly notifications: LspMessage[] = [];
  /** Every request the server sent to the client, in order (all answered with `null`). */
  readonly serverRequests: LspMessage[] = [];
  private id = 0;

  constructor(
    command: string,
    args: readonly string[],
    options: { cwd: string; env?: NodeJS.ProcessEnv; describe: () => string },
  ) {
    super('typescript-language-server', command, args, options.cwd, options.env ?? process.env, options.describe);
  }

  protected dispatch(message: unknown): void {
    const m = message as LspMessage;
    if (m.method !== undefined && m.id !== undefined) {
      // A request from the server (window/workDoneProgress/create, client/registerCapability, …).
      this.serverRequests.push(m);
      this.write({ jsonrpc: '2.0', id: m.id, result: null });
    } else if (m.method !== undefined) {
      this.notifications.push(m);
    } else if (m.id !== undefined) {
      this.settle(m.id, m);
    }
    this.deliver(message);
  }

  private write(message: LspMessage): void {
    this.child.stdin.write(frame(message));
  }

  /** Sends a request; resolves with its result, rejects with the server's error. */
  async request<T = unknown>(method: string, params: unknown, timeoutMs = 90_000): Promise<T> {
    const id = ++this.id;
    const response = this.expect(id, `${method} (id ${id})`, timeoutMs) as Promise<LspMessage>;
    this.write({ jsonrpc: '2.0', id, method, params });
    const message = await response;
    if (message.error !== undefined) throw this.failure(`${method} failed: ${JSON.stringify(message.error)}`);
    return message.result as T;
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Waits for a notification `method` whose params pass `test`, arriving from now on. */
  notification<P>(method: string, test: (params: P) => boolean, timeoutMs = 90_000): Promise<P> {
    const matches = (message: unknown): message is LspMessage => {
      const m = message as LspMessage;
      return m.method === method && m.id === undefined && test(m.params as P);
    };
    return this.waitFor(method, matches, timeoutMs).then(m => m.params as P);
  }

  /** `shutdown`, then `exit`, as an editor closes a server; then makes sure every process is gone. */
  async close(): Promise<number[]> {
    if (this.exited === undefined) {
      try {
        await this.request('shutdown', null, 10_000);
      } catch {
        // The exit below (and the kill after it) still ends the server.
      }
    }
    return this.stop(() => this.notify('exit'));
  }
}
