import rule from '../../src/rules/no-strided-data-escape.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();
const setup =
  'interface NdArray { data: Float64Array; shape: number[]; strides: number[]; offset: number; }\ndeclare function sum(x: Float64Array): number;\n';

ruleTester.run('no-strided-data-escape', rule, {
  valid: [
    `${setup}export function f(x: NdArray) { return x.strides[0] === 1 && x.offset === 0 ? sum(x.data) : 0; }`,
    `${setup}export function f(x: NdArray) { return x.data[x.offset]; }`,
  ],
  invalid: [
    {
      code: `${setup}export function f(x: NdArray) { return sum(x.data); }`,
      errors: [
        {
          messageId: 'stridedEscape',
          data: {
            data: 'x.data',
            array: 'x',
            use: 'is passed to `sum(…)`',
            fix: 'Check `x.strides` and `x.offset` first, copy to a contiguous array, or pass both along.',
          },
          line: 3,
          column: 40,
        },
      ],
    },
  ],
});
