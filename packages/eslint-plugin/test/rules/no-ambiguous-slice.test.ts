import rule from '../../src/rules/no-ambiguous-slice.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('no-ambiguous-slice', rule, {
  valid: [
    'declare const bytes: Uint8Array; const head = bytes.slice(0, 4); const n = head[0];',
    'declare const floats: Float32Array; const part = floats.slice(0, 2); part[0] = 1;',
    'declare const bytes: Uint8Array; const copy = new Uint8Array(bytes.subarray(0, 4)); copy.fill(0);',
    "import { Buffer } from 'node:buffer'; declare const b: Buffer; const view = b.subarray(0, 4);",
  ],
  invalid: [
    {
      code: "import { Buffer } from 'node:buffer';\ndeclare const b: Buffer;\nconst head = b.slice(0, 4);",
      output: "import { Buffer } from 'node:buffer';\ndeclare const b: Buffer;\nconst head = b.subarray(0, 4);",
      errors: [
        {
          messageId: 'bufferSlice',
          data: { name: 'b' },
          line: 3,
          column: 14,
          suggestions: [{ messageId: 'useSubarray', output: "import { Buffer } from 'node:buffer';\ndeclare const b: Buffer;\nconst head = b.subarray(0, 4);" }],
        },
      ],
    },
    {
      code: 'declare const key: Uint8Array;\nconst working = key.slice(0, 16);\nworking.fill(0);',
      errors: [
        {
          messageId: 'ambiguousSlice',
          data: { name: 'key', reliance: 'writes to the result `working`' },
          suggestions: [
            {
              messageId: 'copyExplicitly',
              data: { name: 'key', args: '0, 16' },
              output: 'declare const key: Uint8Array;\nconst working = new Uint8Array(key.subarray(0, 16));\nworking.fill(0);',
            },
          ],
        },
      ],
    },
  ],
});
