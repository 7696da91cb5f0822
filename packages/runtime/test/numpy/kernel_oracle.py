"""NumPy's answers for the runtime's kernels: the oracle of kernels.test.ts in this folder.

Reads a JSON list of cases from stdin and writes one answer per case as JSON to stdout. A case is
{"dtype": "f64"|"f32", "memory": [values...], "x": layout, "y"?: layout, "op": ..., "alpha"?: a},
where a layout is {"shape", "strides", "offset"} in elements over the memory. Answers: the scalar
for sum and dot; the whole memory afterwards for axpy and scale (y and x are updated in place);
the elements in C order for ascontiguous and matmul (x @ y).
"""

import json
import sys

import numpy as np

DTYPES = {"f64": np.float64, "f32": np.float32}


def view(memory, layout):
    item = memory.itemsize
    return np.ndarray(
        tuple(layout["shape"]),
        dtype=memory.dtype,
        buffer=memory,
        offset=layout["offset"] * item,
        strides=tuple(s * item for s in layout["strides"]),
    )


def answer(case):
    dtype = DTYPES[case["dtype"]]
    memory = np.array(case["memory"], dtype=dtype)
    x = view(memory, case["x"])
    op = case["op"]
    if op == "sum":
        return float(x.sum(dtype=np.float64 if dtype is np.float64 else np.float32))
    if op == "dot":
        y = view(memory, case["y"])
        return float(np.sum(x * y))
    if op == "axpy":
        y = view(memory, case["y"])
        y += dtype(case["alpha"]) * x
        return memory.tolist()
    if op == "scale":
        x *= dtype(case["alpha"])
        return memory.tolist()
    if op == "matmul":
        return np.matmul(x, view(memory, case["y"])).ravel().tolist()
    if op == "ascontiguous":
        return np.ascontiguousarray(x).ravel().tolist()
    raise ValueError(f"unknown op {op}")


json.dump([answer(case) for case in json.load(sys.stdin)], sys.stdout)
