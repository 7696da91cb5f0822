// One block of bench/kernels, run in its own process (kernels.mjs forks it with --expose-gc):
// V8's type feedback, heap and JIT state start fresh for each block, so f64 and f32 loops never
// share a call site and no block pays for another's garbage. The block's results go back to the
// parent over the IPC channel; progress goes to stderr.
//
//   argv[2]: JSON { block, rounds, minNs, ... }, one of kernels.mjs's BLOCKS:
//   { block: 'vector', dtype, sizes }, { block: 'matrix', transposeN, matmulN },
//   { block: 'access', shapes }, { block: 'viewmem' }
import { accessCase } from './access.mjs';
import { matmulCases, transposeCases } from './matrix.mjs';
import { NumPy } from './numpy.mjs';
import { runCases } from './runner.mjs';
import { vectorCases } from './vector.mjs';
import { measureViewMemory } from './viewmem.mjs';

const options = JSON.parse(process.argv[2]);
const log = line => console.error(line);
const timing = { rounds: options.rounds, minNs: options.minNs, log };

/** Runs the cases that `make(numpy)` builds after NumPy has set up `setup`, then frees both. */
async function withNumPy(numpy, setup, make) {
  const { tasks } = await numpy.request({ cmd: 'setup', ...setup });
  const results = await runCases(make(tasks), timing);
  await numpy.request({ cmd: 'free' });
  globalThis.gc?.();
  return results;
}

async function run() {
  if (options.block === 'viewmem') return measureViewMemory(log);
  if (options.block === 'access') {
    const results = [];
    for (const shape of options.shapes) {
      log(`element access, ${shape.join('×')} f64`);
      results.push(...(await runCases([accessCase(shape)], timing)));
    }
    return results;
  }
  const numpy = new NumPy();
  try {
    const results = [];
    if (options.block === 'vector') {
      for (const n of options.sizes) {
        log(`${options.dtype}, n = ${n}`);
        results.push(
          ...(await withNumPy(numpy, { block: 'vector', dtype: options.dtype, n }, tasks =>
            vectorCases(numpy, tasks, options.dtype, n),
          )),
        );
      }
    } else if (options.block === 'matrix') {
      const { transposeN, matmulN } = options;
      log(`transposed ${transposeN}×${transposeN} f64`);
      results.push(
        ...(await withNumPy(numpy, { block: 'transpose', n: transposeN }, () => transposeCases(numpy, transposeN))),
      );
      log(`matmul ${matmulN}×${matmulN} f64`);
      results.push(...(await withNumPy(numpy, { block: 'matmul', n: matmulN }, () => matmulCases(numpy, matmulN))));
    } else {
      throw new Error(`unknown block ${options.block}`);
    }
    return results;
  } finally {
    numpy.close();
  }
}

process.send(await run());
process.disconnect();
