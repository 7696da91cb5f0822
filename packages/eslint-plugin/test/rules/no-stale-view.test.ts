import rule from '../../src/rules/no-stale-view.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

const moduleDecl =
  'declare const Module: { HEAPU8: Uint8Array; _malloc(n: number): number; _free(ptr: number): void };\n';
const exportsDecl =
  'declare const exports: { memory: WebAssembly.Memory; malloc(n: number): number; sum(p: number): number };\n';

ruleTester.run('no-stale-view', rule, {
  valid: [
    `${exportsDecl}const p = exports.malloc(4);\nnew Uint8Array(exports.memory.buffer)[p] = 1;`,
    `${exportsDecl}const heap = new Uint8Array(exports.memory.buffer);\nexports.malloc(4);\nconst again = new Uint8Array(exports.memory.buffer);\nagain[0] = 1;`,
    `${moduleDecl}const ptr = Module._malloc(8);\nconst data = Module.HEAPU8.slice(ptr, ptr + 8);\nModule._free(ptr);\nexport const first = data[0];`,
    {
      code: `${exportsDecl}const heap = new Uint8Array(exports.memory.buffer);\nexports.sum(0);\nheap[0] = 1;`,
      options: [{ pureFunctions: ['sum'] }],
    },
  ],
  invalid: [
    {
      code: `${exportsDecl}const heap = new Uint8Array(exports.memory.buffer);\nexports.malloc(4);\nheap[0] = 1;`,
      errors: [
        {
          messageId: 'staleView',
          line: 4,
          column: 1,
          data: {
            name: 'heap',
            state: 'detached',
            what: '`exports.malloc(…)`',
            line: 3,
            event: 'allocates in WebAssembly memory, which may grow it',
            // The switch to resizable memory is offered only where the project runs on Node 26 and later.
            orSwitch: '',
          },
          suggestions: [
            {
              messageId: 'rederive',
              data: { expression: 'new Uint8Array(exports.memory.buffer)' },
              output: `${exportsDecl}const heap = new Uint8Array(exports.memory.buffer);\nexports.malloc(4);\nnew Uint8Array(exports.memory.buffer)[0] = 1;`,
            },
          ],
        },
      ],
    },
    {
      code: `${exportsDecl}const heap = new Int32Array(exports.memory.buffer);\nheap[1] = exports.malloc(4);`,
      errors: [{ messageId: 'staleWrite', line: 3, column: 1 }],
    },
    {
      code: `${moduleDecl}const ptr = Module._malloc(8);\nconst data = Module.HEAPU8.subarray(ptr, ptr + 8);\nModule._free(ptr);\nexport const first = data[0];`,
      errors: [
        {
          messageId: 'freedBlock',
          line: 5,
          column: 22,
          data: {
            name: 'data',
            block: 'ptr',
            what: '`Module._free(…)`',
            line: 4,
          },
          suggestions: [
            {
              messageId: 'copyOut',
              data: { expression: 'Module.HEAPU8.slice(ptr, ptr + 8)' },
              output: `${moduleDecl}const ptr = Module._malloc(8);\nconst data = Module.HEAPU8.slice(ptr, ptr + 8);\nModule._free(ptr);\nexport const first = data[0];`,
            },
          ],
        },
      ],
    },
  ],
});
