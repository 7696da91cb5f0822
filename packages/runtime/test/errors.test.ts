import { describe, expect, it } from 'vitest';
import * as runtime from '../src/index.js';
import { fromValues, kernels, Memory, MemsafeError, type View } from '../src/index.js';

/**
 * One real trigger for every named error the runtime exports. The inventory test below fails when
 * an error class is added without a trigger here.
 */
const triggers: Record<string, { run: () => unknown; message: RegExp }> = {
  StaleViewError: {
    run: () => {
      const mem = Memory.alloc(8);
      const view = mem.view('u8', { shape: [8] });
      mem.free();
      return view.get(0);
    },
    message: /memory was freed/,
  },
  StalePointerError: {
    run: () => {
      const mem = Memory.fromWasm(new WebAssembly.Memory({ initial: 1 }));
      const ptr = mem.view('u8', { shape: [1] }).raw();
      mem.grow(1);
      return ptr.array;
    },
    message: /taken at generation 0, but its memory is at generation 1/,
  },
  DetachedError: {
    run: () => {
      const mem = Memory.alloc(8, { placement: 'js' });
      const view = mem.view('u8', { shape: [8] });
      mem.transfer();
      return view.get(0);
    },
    message: /detached: the memory was transferred/,
  },
  OutOfBoundsError: {
    run: () => fromValues('u8', [1, 2]).get(2),
    message: /index 2 is out of bounds for axis 0 with size 2/,
  },
  NonContiguousError: {
    run: () => kernels.sum(fromValues('f64', [1, 2, 3, 4]).slice('::2') as View<'f64', 'C'>),
    message: /not C-contiguous.*ascontiguous\(view\)/,
  },
  WouldCopyError: { run: () => fromValues('f64', [1, 2, 3, 4], [2, 2]).T.reshape([4]), message: /needs a copy/ },
  MisalignedError: {
    run: () => Memory.fromTypedArray(new Uint8Array(16).subarray(1)).view('i32', { shape: [1] }),
    message: /starts at byte 1 of its buffer, which is not a multiple of 4/,
  },
  DtypeError: { run: () => fromValues('u8', [256]), message: /256 is not a u8 value \(an integer from 0 to 255\)/ },
  ShapeError: {
    run: () => Memory.alloc(8).view('u8', { shape: [-1] }),
    message: /shape\[0\] must be a non-negative integer, got -1/,
  },
  IndexError: { run: () => fromValues('u8', [1]).slice('1:2:3:4'), message: /cannot parse "1:2:3:4"/ },
  UnsupportedError: {
    run: () => Memory.alloc(8, { placement: 'js' }).grow(1),
    message: /grow\(pages\) is for wasm memory/,
  },
};

const errorClasses = Object.entries(runtime).filter(
  (entry): entry is [string, typeof MemsafeError] =>
    typeof entry[1] === 'function' && entry[1].prototype instanceof MemsafeError,
);

describe('named errors', () => {
  it('every exported error class has a trigger here', () => {
    expect(errorClasses.map(([name]) => name).sort()).toEqual(Object.keys(triggers).sort());
  });

  describe.each(errorClasses)('%s', (name, ErrorClass) => {
    const trigger = triggers[name]!;

    it('is thrown, with its name, a stable code and a message that says what to do', () => {
      let caught: unknown;
      try {
        trigger.run();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ErrorClass);
      expect(caught).toBeInstanceOf(MemsafeError);
      const error = caught as MemsafeError;
      expect(error.name).toBe(name);
      expect(error.code).toMatch(/^ERR_MEMSAFE_[A-Z_]+$/);
      expect(error.message).toMatch(trigger.message);
    });
  });

  it('codes are distinct', () => {
    const codes = errorClasses.map(([, ErrorClass]) => new ErrorClass('x').code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
