#!/usr/bin/env python3
"""The NumPy side of bench/kernels: one persistent process that bench/kernels/numpy.mjs drives.

It reads one JSON request a line on stdin and answers each with one JSON line on stdout, so the
NumPy samples interleave with the JavaScript ones in the same rounds. Run it with
OPENBLAS_NUM_THREADS=1 (numpy.mjs does): the targets compare with single-threaded BLAS.

  {"cmd": "hello"}                                   versions
  {"cmd": "setup", "block": "vector", "dtype": "f64", "n": 1000}
  {"cmd": "setup", "block": "transpose" | "matmul", "n": 2000}
  {"cmd": "check", "task": "axpy"}                   one call on a known state -> {"value": ...}
  {"cmd": "time", "task": "axpy", "reps": 12}        -> {"reps", "ns", "value"}
  {"cmd": "time", "task": "axpy", "minNs": 2e7}      calibrates: the reps that take at least minNs
  {"cmd": "free"}

The data are the same numbers as on the JavaScript side (see data.mjs): element i of a generator
(mult, mod, shift) is ((i * mult) % mod) / mod + shift, computed in float64, then stored in the
dtype. A "value" is what the task returns (sum, dot), or else the weighted checksum of its output,
sum over k of out[k] * (k % 7 + 1) in float64, so that a copy in the wrong order does not pass.
"""
import json
import os
import platform
import sys
import time

import numpy as np

try:
    from scipy.linalg import blas as scipy_blas
    import scipy
except ImportError:  # SciPy is optional: without it, the OpenBLAS axpy row is left out
    scipy_blas = None
    scipy = None

DTYPES = {"f64": np.float64, "f32": np.float32}
X = (7919, 1000, 0.25)
Y = (104729, 997, 0.5)
# The per-rep argument alternates, as on the JavaScript side, so repeated in-place updates stay put:
# y += 0.5 x, y -= 0.5 x; x *= 2, x *= 0.5.
ARGS = {"axpy": (0.5, -0.5), "scale": (2.0, 0.5), "fill": (0.25, 0.25)}
CHECK_ARG = {"axpy": 2.0, "scale": 2.0, "fill": 0.25}


def generate(n, spec, dtype):
    mult, mod, shift = spec
    return (((np.arange(n, dtype=np.int64) * mult) % mod) / mod + shift).astype(dtype)


def checksum(a):
    flat = np.ascontiguousarray(a).reshape(-1).astype(np.float64)
    return float(np.dot(flat, (np.arange(flat.size) % 7 + 1).astype(np.float64)))


def blas_info(config):
    blas = config.get("Build Dependencies", {}).get("blas", {})
    return f"{blas.get('name', '?')} {blas.get('version', '?')}"


class Bench:
    def __init__(self):
        self.state = {}
        self.tasks = {}

    # ---- setups: each defines the arrays and the tasks over them ------------------------------

    def setup_vector(self, dtype, n):
        t = DTYPES[dtype]
        x, y, out, tmp = generate(n, X, t), generate(n, Y, t), np.zeros(n, t), np.zeros(n, t)
        self.state = {"x": x, "y": y, "out": out}

        def axpy_temp(alpha):
            # What NumPy code writes: alpha * x is a new array, then an in-place add.
            nonlocal out
            out += alpha * x

        def axpy_prealloc(alpha):
            # No allocation: the product goes to a preallocated temporary, then an in-place add.
            np.multiply(x, alpha, out=tmp)
            np.add(out, tmp, out=out)

        def scale(alpha):
            # In place: np.multiply(out, alpha, out=out).
            nonlocal out
            out *= alpha

        self.tasks = {
            "sum": (None, lambda _: x.sum()),
            "dot": (None, lambda _: np.dot(x, y)),
            "axpy": (lambda: np.copyto(out, y), axpy_temp),
            "axpy-prealloc": (lambda: np.copyto(out, y), axpy_prealloc),
            "scale": (lambda: np.copyto(out, x), scale),
            "fill": (lambda: out.fill(0), lambda v: out.fill(v)),
            "assign": (lambda: out.fill(0), lambda _: np.copyto(out, x)),
        }
        if scipy_blas is not None:
            # OpenBLAS's own axpy (SciPy's build), in place: with a contiguous y of the right
            # dtype, f2py passes it through and BLAS writes it.
            axpy = scipy_blas.daxpy if t is np.float64 else scipy_blas.saxpy
            self.tasks["axpy-blas"] = (lambda: np.copyto(out, y), lambda alpha: axpy(x, out, a=alpha))

    def setup_transpose(self, n):
        a = generate(n * n, X, np.float64).reshape(n, n)
        out = np.zeros((n, n))
        at = a.T
        self.state = {"a": a, "out": out}
        self.tasks = {
            # Allocates the result, as memsafe's ascontiguous does.
            "ascontiguous": (None, lambda _: np.ascontiguousarray(at)),
            # Into an existing array, as kernels.assign(view.T, target) does.
            "copyto": (lambda: out.fill(0), lambda _: np.copyto(out, at)),
        }

    def setup_matmul(self, n):
        a = generate(n * n, X, np.float64).reshape(n, n)
        b = generate(n * n, Y, np.float64).reshape(n, n)
        out = np.zeros((n, n))
        self.state = {"a": a, "b": b, "out": out}
        self.tasks = {"matmul": (lambda: out.fill(0), lambda _: np.matmul(a, b, out=out))}

    # ---- requests --------------------------------------------------------------------------------

    def output_value(self, task, result):
        if task in ("sum", "dot"):
            return float(result)
        if task == "ascontiguous":
            return checksum(result)
        return checksum(self.state["out"])

    def check(self, task):
        prepare, run = self.tasks[task]
        if prepare is not None:
            prepare()
        return {"value": self.output_value(task, run(CHECK_ARG.get(task.split("-")[0])))}

    def sample(self, task, reps):
        _, run = self.tasks[task]
        args = ARGS.get(task.split("-")[0], (None, None))
        result = None
        start = time.perf_counter_ns()
        for r in range(reps):
            result = run(args[r & 1])
        ns = time.perf_counter_ns() - start
        value = float(result) if task in ("sum", "dot") else None
        return ns, value

    def time(self, task, reps=None, min_ns=None):
        if reps is None:
            # The same calibration as timing.mjs: double, or scale up, until a sample is long enough.
            reps = 1
            while True:
                ns, _ = self.sample(task, reps)
                if ns >= min_ns:
                    break
                reps = max(reps * 2, int(reps * min_ns * 1.2 / max(ns, 1)) + 1)
        ns, value = self.sample(task, reps)
        return {"reps": reps, "ns": ns, "value": value}

    def handle(self, request):
        cmd = request["cmd"]
        if cmd == "hello":
            return {
                "python": platform.python_version(),
                "numpy": np.__version__,
                "numpyBlas": blas_info(np.show_config(mode="dicts")),
                "scipy": None if scipy is None else scipy.__version__,
                "scipyBlas": None if scipy is None else blas_info(scipy.show_config(mode="dicts")),
                "threads": os.environ.get("OPENBLAS_NUM_THREADS"),
            }
        if cmd == "setup":
            block = request["block"]
            if block == "vector":
                self.setup_vector(request["dtype"], request["n"])
            elif block == "transpose":
                self.setup_transpose(request["n"])
            elif block == "matmul":
                self.setup_matmul(request["n"])
            else:
                raise ValueError(f"unknown block {block}")
            return {"tasks": sorted(self.tasks)}
        if cmd == "check":
            return self.check(request["task"])
        if cmd == "time":
            return self.time(request["task"], request.get("reps"), request.get("minNs"))
        if cmd == "free":
            self.state, self.tasks = {}, {}
            return {}
        raise ValueError(f"unknown command {cmd}")


def main():
    bench = Bench()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply = {"ok": True, **bench.handle(json.loads(line))}
        except Exception as error:  # the client throws it with the message; the process goes on
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
