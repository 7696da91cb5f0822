import rule from '../../src/rules/no-buffer-slice.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('no-buffer-slice', rule, {
  valid: [
    "import { Buffer } from 'node:buffer'; declare const b: Buffer; const view = b.subarray(0, 4);",
    'declare const bytes: Uint8Array; const head = bytes.slice(0, 4);',
    'declare const floats: Float32Array; const part = floats.slice(0, 2);',
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
          suggestions: [
            {
              messageId: 'useSubarray',
              output: "import { Buffer } from 'node:buffer';\ndeclare const b: Buffer;\nconst head = b.subarray(0, 4);",
            },
          ],
        },
      ],
    },
  ],
});
