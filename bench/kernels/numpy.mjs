// The client of numpy_bench.py: one python3 process for a whole block, spoken to in JSON lines, so
// that NumPy's samples take their turn in the same rounds as the JavaScript contenders. While one
// side runs, the other waits on its pipe and uses no CPU.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'numpy_bench.py');

export class NumPy {
  #child;
  #lines;

  constructor() {
    // Single-threaded BLAS, as the targets say; the other variables cover builds that use them.
    const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
    this.#child = spawn('python3', [script], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    this.#lines = createInterface({ input: this.#child.stdout })[Symbol.asyncIterator]();
  }

  /** Sends one request and returns the reply; a reply with `ok: false` throws its message. */
  async request(message) {
    this.#child.stdin.write(`${JSON.stringify(message)}\n`);
    const { value: line, done } = await this.#lines.next();
    if (done) throw new Error(`numpy_bench.py exited (code ${this.#child.exitCode}) before answering ${message.cmd}`);
    const reply = JSON.parse(line);
    if (!reply.ok) throw new Error(`numpy_bench.py: ${reply.error} (request ${JSON.stringify(message)})`);
    return reply;
  }

  close() {
    this.#child.stdin.end();
  }
}
