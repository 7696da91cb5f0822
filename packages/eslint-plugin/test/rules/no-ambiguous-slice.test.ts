import rule from '../../src/rules/no-ambiguous-slice.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('no-ambiguous-slice', rule, {
  valid: [
    'declare const bytes: Uint8Array; const head = bytes.slice(0, 4); const n = head[0];',
    'declare const floats: Float32Array; const part = floats.slice(0, 2); part[0] = 1;',
    'declare const bytes: Uint8Array; const copy = new Uint8Array(bytes.subarray(0, 4)); copy.fill(0);',
    'const plain = new Uint8Array(8); const copy = plain.slice(0, 4); copy.fill(0);',
    "import { Buffer } from 'node:buffer'; declare const b: Buffer; const view = b.slice(0, 4); const n = view[0];",
  ],
  invalid: [
    {
      code: 'declare const key: Uint8Array;\nconst working = key.slice(0, 16);\nworking.fill(0);',
      errors: [
        {
          messageId: 'ambiguousSlice',
          data: { name: 'key', reliance: 'writes to the result `working`' },
          line: 2,
          column: 17,
          suggestions: [
            {
              messageId: 'copyExplicitly',
              data: { copy: 'new Uint8Array(key.subarray(0, 16))' },
              output:
                'declare const key: Uint8Array;\nconst working = new Uint8Array(key.subarray(0, 16));\nworking.fill(0);',
            },
          ],
        },
      ],
    },
    {
      code: "import { Buffer } from 'node:buffer';\ndeclare const iv: Buffer;\nconst block = iv.slice();\nblock[0] ^= 1;",
      errors: [
        {
          messageId: 'bufferSliceRelied',
          data: { name: 'iv', reliance: 'writes to the result `block`' },
          line: 3,
          column: 15,
          suggestions: [
            {
              messageId: 'copyExplicitly',
              data: { copy: 'Buffer.from(iv.subarray())' },
              output:
                "import { Buffer } from 'node:buffer';\ndeclare const iv: Buffer;\nconst block = Buffer.from(iv.subarray());\nblock[0] ^= 1;",
            },
          ],
        },
      ],
    },
  ],
});
