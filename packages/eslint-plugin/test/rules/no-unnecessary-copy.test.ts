import rule from '../../src/rules/no-unnecessary-copy.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('no-unnecessary-copy', rule, {
  valid: [
    'export function f(bytes: Uint8Array) { const copy = bytes.slice(0, 4); copy[0] = 1; return copy; }',
    'export function f(bytes: Uint8Array) { const head = bytes.subarray(0, 4); return head[0]; }',
    'export function f(bytes: Uint8Array) { const copy = bytes.slice(); bytes.fill(0); return copy[0]; }',
  ],
  invalid: [
    {
      code: 'export function f(bytes: Uint8Array) {\n  const head = bytes.slice(0, 4);\n  return head[0];\n}',
      errors: [
        {
          messageId: 'unnecessaryCopy',
          data: { copy: 'bytes.slice(0, 4)', source: 'bytes', view: 'bytes.subarray(0, 4)' },
          line: 2,
          column: 16,
          suggestions: [
            {
              messageId: 'useView',
              data: { view: 'bytes.subarray(0, 4)' },
              output:
                'export function f(bytes: Uint8Array) {\n  const head = bytes.subarray(0, 4);\n  return head[0];\n}',
            },
          ],
        },
      ],
    },
  ],
});
