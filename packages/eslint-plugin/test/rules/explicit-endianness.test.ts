import rule from '../../src/rules/explicit-endianness.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();

ruleTester.run('explicit-endianness', rule, {
  valid: [
    'declare const view: DataView; view.getUint32(0, true);',
    'declare const view: DataView; view.setUint16(0, 7, false); view.getUint8(2);',
    'declare const other: { getUint32(offset: number): number }; other.getUint32(0);',
    'declare const a: DataView; declare const b: DataView; a.getUint32(0, true); b.getUint32(0, false);',
    'declare const view: DataView; view.getUint32(0); view.setUint16(4, 1);',
  ],
  invalid: [
    {
      code: 'declare const view: DataView;\nview.getUint32(0);',
      options: [{ requireEverywhere: true }],
      output: 'declare const view: DataView;\nview.getUint32(0, false);',
      errors: [
        {
          messageId: 'implicitOrder',
          data: { name: 'view', method: 'getUint32', access: 'reads' },
          line: 2,
          column: 1,
          suggestions: [
            { messageId: 'sayBigEndian', output: 'declare const view: DataView;\nview.getUint32(0, false);' },
            { messageId: 'sayLittleEndian', output: 'declare const view: DataView;\nview.getUint32(0, true);' },
          ],
        },
      ],
    },
    {
      code: 'declare const view: DataView;\nview.getUint16(0, true);\nview.getUint32(2);',
      errors: [
        {
          messageId: 'implicitAmongLittle',
          data: { name: 'view', method: 'getUint32', access: 'reads', line: 2 },
          line: 3,
          column: 1,
          suggestions: [
            {
              messageId: 'sayBigEndian',
              output: 'declare const view: DataView;\nview.getUint16(0, true);\nview.getUint32(2, false);',
            },
            {
              messageId: 'sayLittleEndian',
              output: 'declare const view: DataView;\nview.getUint16(0, true);\nview.getUint32(2, true);',
            },
          ],
        },
      ],
    },
    {
      code: 'declare const view: DataView;\nview.getInt16(0, false);\nview.getInt16(2, true);',
      errors: [
        {
          messageId: 'mixedOrder',
          data: { name: 'view', order: 'little-endian', other: 'big-endian', line: 2 },
          line: 3,
        },
      ],
    },
  ],
});
