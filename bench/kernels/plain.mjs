// The plain JavaScript loops: what code that reaches around the runtime would write. One
// accumulator, no unrolling. Each block runs in its own process with one dtype, so V8 sees every
// loop with one kind of typed array (a loop fed both Float64Array and Float32Array gets slower).

export function sum(x) {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i];
  return total;
}

export function dot(x, y) {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i] * y[i];
  return total;
}

export function axpy(alpha, x, y) {
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
}

export function scale(alpha, x) {
  for (let i = 0; i < x.length; i++) x[i] *= alpha;
}

export function fill(x, value) {
  for (let i = 0; i < x.length; i++) x[i] = value;
}

export function assign(source, target) {
  for (let i = 0; i < source.length; i++) target[i] = source[i];
}

/** The C-order copy of the transpose of the C-order n×n matrix `a`: reads down columns. */
export function transpose(a, out, n) {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) out[row + j] = a[j * n + i];
  }
}

/** c = a·b for C-order n×n matrices, i-p-j: the inner loop walks a row of b and a row of c. */
export function matmul(a, b, c, n) {
  c.fill(0);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let p = 0; p < n; p++) {
      const aip = a[row + p];
      const rowB = p * n;
      for (let j = 0; j < n; j++) c[row + j] += aip * b[rowB + j];
    }
  }
}
