/** What `countCopies` saw: how many copies of binary data were made, and their bytes. */
export interface CopyCount {
  calls: number;
  bytes: number;
}

const TYPED_ARRAY_NAMES = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

type Restore = () => void;

function byteSize(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  return 0;
}

/** Replaces `owner[key]` with a counting wrapper around it; returns the undo. */
function wrap(
  owner: object,
  key: string,
  counts: CopyCount,
  copies: (args: unknown[], result: unknown) => boolean,
): Restore {
  const record = owner as Record<string, unknown>;
  const original = record[key] as (...args: unknown[]) => unknown;
  record[key] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (copies(args, result)) {
      counts.calls++;
      counts.bytes += byteSize(result);
    }
    return result;
  };
  return () => {
    record[key] = original;
  };
}

/**
 * Runs `run` while counting the copies of binary data it makes through the APIs that copy:
 * typed array and ArrayBuffer `slice`, `TypedArray.from`, `new TypedArray(typedArrayOrArray)`,
 * `Buffer.from(bytes)`, `Buffer.concat` and `structuredClone`. Views (`subarray`, `Buffer#slice`,
 * `new Uint8Array(buffer, offset, length)`) are not copies and are not counted.
 */
export async function countCopies(run: () => unknown): Promise<CopyCount> {
  const counts: CopyCount = { calls: 0, bytes: 0 };
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
  const typedArray = Object.getPrototypeOf(Uint8Array) as object;
  const always = (): boolean => true;
  const restores: Restore[] = [
    wrap(
      typedArrayPrototype,
      'slice',
      counts,
      (_args, result) =>
        !(
          typeof Buffer !== 'undefined' &&
          result instanceof Buffer &&
          Buffer.prototype.slice === Buffer.prototype.subarray
        ),
    ),
    wrap(ArrayBuffer.prototype, 'slice', counts, always),
    wrap(typedArray, 'from', counts, always),
    wrap(globalThis, 'structuredClone', counts, always),
  ];
  if (typeof Buffer !== 'undefined') {
    restores.push(
      wrap(Buffer, 'from', counts, args => !(args[0] instanceof ArrayBuffer || args[0] instanceof SharedArrayBuffer)),
      wrap(Buffer, 'concat', counts, always),
    );
  }
  const globals = globalThis as unknown as Record<string, unknown>;
  for (const name of TYPED_ARRAY_NAMES) {
    const original = globals[name] as new (...args: unknown[]) => ArrayBufferView;
    globals[name] = new Proxy(original, {
      construct(target, args, newTarget) {
        const result = Reflect.construct(
          target,
          args,
          newTarget === globals[name] ? target : newTarget,
        ) as ArrayBufferView;
        if (ArrayBuffer.isView(args[0]) || Array.isArray(args[0])) {
          counts.calls++;
          counts.bytes += result.byteLength;
        }
        return result;
      },
    });
    restores.push(() => {
      globals[name] = original;
    });
  }
  try {
    await run();
  } finally {
    for (const restore of restores.reverse()) restore();
  }
  return counts;
}
