import rule from '../../src/rules/no-whole-backing-buffer.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('no-whole-backing-buffer', rule, {
  valid: [
    'declare const x: Uint8Array; new Uint8Array(x.buffer, x.byteOffset, x.byteLength);',
    'declare const ab: ArrayBuffer; new Float64Array(ab);',
    'declare const memory: WebAssembly.Memory; new Uint8Array(memory.buffer);',
    'const owned = new Float32Array(8); new Uint8Array(owned.buffer);',
    'declare const x: Uint8Array; const n = x.buffer.byteLength;',
  ],
  invalid: [
    {
      code: 'declare const x: Float32Array; new Float32Array(x.buffer);',
      errors: [
        {
          messageId: 'wholeBuffer',
          data: {
            name: 'x',
            pool: '',
            advice: 'Pass `x.byteOffset` and `x.byteLength` too.',
          },
          suggestions: [
            {
              messageId: 'addRange',
              data: { name: 'x' },
              output:
                'declare const x: Float32Array; new Float32Array(x.buffer, x.byteOffset, x.byteLength / Float32Array.BYTES_PER_ELEMENT);',
            },
          ],
        },
      ],
    },
    {
      code: "import { Buffer } from 'node:buffer';\nconst b = Buffer.from('hi');\nnew DataView(b.buffer);",
      errors: [
        {
          messageId: 'wholeBuffer',
          line: 3,
          column: 14,
          suggestions: [
            {
              messageId: 'addRange',
              data: { name: 'b' },
              output:
                "import { Buffer } from 'node:buffer';\nconst b = Buffer.from('hi');\nnew DataView(b.buffer, b.byteOffset, b.byteLength);",
            },
          ],
        },
      ],
    },
    {
      code: 'declare function send(b: ArrayBufferLike): void;\ndeclare const all: Int16Array;\nconst x = all.subarray(2);\nsend(x.buffer);',
      errors: [
        {
          messageId: 'wholeBuffer',
          suggestions: [
            {
              messageId: 'copyRange',
              data: { name: 'x' },
              output:
                'declare function send(b: ArrayBufferLike): void;\ndeclare const all: Int16Array;\nconst x = all.subarray(2);\nsend(x.buffer.slice(x.byteOffset, x.byteOffset + x.byteLength));',
            },
          ],
        },
      ],
    },
  ],
});
