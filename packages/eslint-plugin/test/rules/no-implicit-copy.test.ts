import rule from '../../src/rules/no-implicit-copy.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('no-implicit-copy', rule, {
  valid: [
    'declare const bytes: Uint8Array; export const once = bytes.slice();',
    'declare const bytes: Uint8Array; declare const out: Uint8Array; for (let i = 0; i < 4; i++) out.set(bytes.subarray(i, i + 1));',
    { code: 'declare const bytes: Uint8Array; for (;;) bytes.slice();', options: [{ loops: false }] },
  ],
  invalid: [
    {
      code: 'declare const bytes: Uint8Array;\nfor (let i = 0; i < 4; i++) bytes.slice(i, i + 2);',
      errors: [
        {
          messageId: 'implicitCopy',
          data: {
            text: 'bytes.slice(i, i + 2)',
            amount: 'part of `bytes`',
            where: 'on every iteration of the loop',
            advice: 'If it is only read, use a view: `subarray()`.',
          },
          line: 2,
          column: 29,
          suggestions: [
            {
              messageId: 'useView',
              data: { view: 'bytes.subarray(i, i + 2)' },
              output: 'declare const bytes: Uint8Array;\nfor (let i = 0; i < 4; i++) bytes.subarray(i, i + 2);',
            },
          ],
        },
      ],
    },
    {
      code: 'declare const bytes: Uint8Array;\ndeclare function everyTick(fn: () => void): void;\neveryTick(() => [...bytes]);',
      options: [{ hotCallbacks: ['everyTick'] }],
      errors: [
        {
          messageId: 'implicitCopy',
          data: {
            text: '...bytes',
            amount: 'every element of `bytes`',
            where: 'on every `everyTick` callback',
            advice: 'It also boxes each element; read them in place, or fill an array allocated once outside.',
          },
          line: 3,
          column: 18,
          suggestions: [],
        },
      ],
    },
  ],
});
