import rule from '../../src/rules/no-signed-wasm-pointer.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();
const exportsDecl = 'declare const exports: { memory: WebAssembly.Memory; malloc(n: number): number };\n';

ruleTester.run('no-signed-wasm-pointer', rule, {
  valid: [
    `${exportsDecl}const ptr = exports.malloc(8) >>> 0;\nnew Uint8Array(exports.memory.buffer).subarray(ptr, ptr + 8);`,
    `${exportsDecl}const count = exports.malloc(8);\nconst next = count + 1;`,
  ],
  invalid: [
    {
      code: `${exportsDecl}const ptr = exports.malloc(8);\nnew Uint8Array(exports.memory.buffer).subarray(ptr, ptr + 8);`,
      errors: [
        {
          messageId: 'signedPointer',
          line: 3,
          column: 48,
          data: {
            name: 'ptr',
            use: '`subarray` counts it from the end of memory',
            init: 'exports.malloc(…)',
          },
          suggestions: [
            {
              messageId: 'makeUnsigned',
              output: `${exportsDecl}const ptr = (exports.malloc(8)) >>> 0;\nnew Uint8Array(exports.memory.buffer).subarray(ptr, ptr + 8);`,
            },
          ],
        },
      ],
    },
    {
      code: `${exportsDecl}const ptr = exports.malloc(8);\nconst heap = new Int32Array(exports.memory.buffer);\nheap[ptr >> 2] = 1;`,
      errors: [
        {
          messageId: 'signedShift',
          data: { name: 'ptr', bits: '2' },
          suggestions: [
            {
              messageId: 'useUnsignedShift',
              output: `${exportsDecl}const ptr = exports.malloc(8);\nconst heap = new Int32Array(exports.memory.buffer);\nheap[ptr >>> 2] = 1;`,
            },
          ],
        },
      ],
    },
  ],
});
