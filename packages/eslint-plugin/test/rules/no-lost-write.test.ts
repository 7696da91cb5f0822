import rule from '../../src/rules/no-lost-write.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('no-lost-write', rule, {
  valid: [
    'declare const key: Uint8Array; key.subarray(0, 32).fill(0);',
    'declare const frame: Float32Array; const copy = frame.slice(); copy.fill(0); const first = copy[0];',
    "import { Buffer } from 'node:buffer'; declare const packet: Buffer; packet.slice(0, 4).fill(0);",
  ],
  invalid: [
    {
      code: 'declare const key: Uint8Array;\nkey.slice(0, 32).fill(0);',
      errors: [
        {
          messageId: 'lostWrite',
          data: { what: 'key.slice(0, 32).fill(0)', source: 'key' },
          line: 2,
          column: 1,
          suggestions: [
            { messageId: 'writeThroughView', output: 'declare const key: Uint8Array;\nkey.subarray(0, 32).fill(0);' },
          ],
        },
      ],
    },
  ],
});
