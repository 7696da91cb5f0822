"""NumPy's answers for chains of view operations: the oracle of the differential tests in this folder.

Reads a JSON list of cases from stdin and writes, for each case, the list of outcomes (the base first,
then one per operation, stopping after the first error) as JSON to stdout. One process answers a
whole test file, so the cost of starting Python and importing NumPy is paid once per file.
A case is {"base": {"memory": n, "shape": [...], "strides"?: [...], "offset"?: k}, "ops": [...]}, with
strides and offsets in elements, as the runtime takes them.
"""

import json
import sys

import numpy as np

ITEMSIZE = np.dtype(np.float64).itemsize


def make_memory(base):
    """The memory a case's views index into, holding 0, 1, 2, ... as the runtime's memory does."""
    length = base["memory"]
    if "strides" not in base and length == 0:
        # NumPy 2 gives a fresh 1-D empty array stride 0 (np.arange(0).strides == (0,)), and slices and
        # same-shape reshapes keep it. The runtime allocates C strides, which is also what NumPy gives
        # every other empty shape (np.arange(0).reshape(2, 0).strides == (8, 8)); `[:0]` of a 1-element
        # array has that C layout, so the base is cut from one. No element is ever read from it.
        length = 1
    return np.arange(length, dtype=np.float64)


def make_base(memory, base):
    shape = tuple(base["shape"])
    if "strides" in base:
        # An explicit layout over the memory, as `mem.view('f64', { shape, strides, offset })`.
        return np.ndarray(
            shape,
            dtype=np.float64,
            buffer=memory,
            offset=base.get("offset", 0) * ITEMSIZE,
            strides=tuple(stride * ITEMSIZE for stride in base["strides"]),
        )
    # np.arange(n, dtype=np.float64).reshape(shape); the cut only matters for n == 0 (see make_memory).
    return memory[: base["memory"]].reshape(shape)


def parse_index(spec):
    """The index NumPy gets for `a[spec]`, parsed by Python itself, so the text means what it means in NumPy."""
    if spec.strip() == "":
        return ()  # The runtime reads '' as `a[()]`, which Python cannot spell as `a[]`.
    key = eval(f"s_[{spec}]", {"__builtins__": {}}, {"s_": np.s_})
    return key if isinstance(key, tuple) else (key,)


def apply_slice(array, spec):
    key = parse_index(spec)
    result = array[key]
    if not isinstance(result, np.ndarray):
        # Full integer indexing gives a scalar copy; `a[i, j, ...]` is the 0-d view of that element.
        result = array[key + (Ellipsis,)]
    return result


def apply_op(array, op):
    kind = op["op"]
    if kind == "slice":
        return apply_slice(array, op["spec"])
    if kind == "transpose":
        return array.transpose() if op["axes"] is None else array.transpose(op["axes"])
    if kind == "T":
        return array.T
    if kind == "reshape":
        # copy=False raises instead of copying: the runtime's reshape promises a view or WouldCopyError.
        return np.reshape(array, tuple(op["shape"]), copy=False)
    raise ValueError(f"unknown operation {kind!r}")


def describe_view(array, memory_address):
    return {
        "kind": "view",
        "shape": list(array.shape),
        "strides": [stride // ITEMSIZE for stride in array.strides],
        "offset": (array.__array_interface__["data"][0] - memory_address) // ITEMSIZE,
        "c": bool(array.flags.c_contiguous),
        "f": bool(array.flags.f_contiguous),
        "values": array.ravel(order="C").tolist(),
    }


def describe_error(error):
    """Names NumPy's error with the kind of runtime error it must correspond to."""
    message = str(error)
    kind = "unexpected"
    if isinstance(error, IndexError):
        # An integer past an axis is OutOfBoundsError; every other IndexError (too many indices, a
        # second '...') is a malformed index, the runtime's IndexError.
        kind = "out-of-bounds" if "out of bounds" in message else "index"
    elif isinstance(error, ValueError):
        if message.startswith("cannot reshape array of size"):
            kind = "shape"
        elif "copy" in message:
            kind = "would-copy"
    return {"kind": "error", "error": kind, "message": f"{type(error).__name__}: {message}"}


def run_case(case):
    memory = make_memory(case["base"])
    memory_address = memory.__array_interface__["data"][0]
    array = make_base(memory, case["base"])
    outcomes = [describe_view(array, memory_address)]
    for op in case["ops"]:
        try:
            array = apply_op(array, op)
        except Exception as error:  # every failure is an answer; the test decides which are allowed
            outcomes.append(describe_error(error))
            break
        outcomes.append(describe_view(array, memory_address))
    return outcomes


def main():
    cases = json.load(sys.stdin)
    # One dumps and one write: json.dump writes every token separately, which costs more than NumPy does.
    sys.stdout.write(json.dumps([run_case(case) for case in cases]))


if __name__ == "__main__":
    main()
