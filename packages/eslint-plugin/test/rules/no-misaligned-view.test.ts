import rule from '../../src/rules/no-misaligned-view.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('no-misaligned-view', rule, {
  valid: [
    'declare const buf: ArrayBuffer; export const a = new Float64Array(buf, 16, 2);',
    'declare const buf: ArrayBuffer; export const d = new DataView(buf, 3);',
    'declare const buf: ArrayBuffer; declare const off: number; export const a = new Float64Array(buf, off);',
  ],
  invalid: [
    {
      code: 'declare const buf: ArrayBuffer;\nexport const a = new Int32Array(buf, 2, 4);',
      errors: [
        {
          messageId: 'misaligned',
          data: {
            view: 'new Int32Array(…)',
            offset: '2',
            value: '2, not a multiple of 4',
            size: 4,
            element: 'Int32Array',
          },
          line: 2,
          column: 18,
          suggestions: [
            {
              messageId: 'copyAligned',
              data: { text: 'new Int32Array(buf.slice(2, 2 + 4 * 4))' },
              output: 'declare const buf: ArrayBuffer;\nexport const a = new Int32Array(buf.slice(2, 2 + 4 * 4));',
            },
          ],
        },
      ],
    },
    {
      code: 'declare const buf: ArrayBuffer;\nconst sizes = new Uint32Array(buf, 0, 1);\nexport const b = new Float64Array(buf, sizes[0]!);',
      errors: [
        {
          messageId: 'unalignedData',
          data: {
            view: 'new Float64Array(…)',
            offset: 'sizes[0]!',
            operand: 'sizes[0]!',
            size: 8,
            element: 'Float64Array',
            origin: 'a value read from `sizes`',
          },
          line: 3,
          column: 18,
          suggestions: [],
        },
      ],
    },
  ],
});
