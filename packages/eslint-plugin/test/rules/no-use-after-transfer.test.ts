import rule from '../../src/rules/no-use-after-transfer.js';
import { createRuleTesterWithTypes } from '../rule-tester.js';

const ruleTester = createRuleTesterWithTypes();
const port = 'declare const port: { postMessage(message: unknown, transfer?: Transferable[]): void };\n';

ruleTester.run('no-use-after-transfer', rule, {
  valid: [
    `${port}declare const data: Uint8Array;\nconst kept = data.slice();\nport.postMessage(data, [data.buffer]);\nkept[0] = 1;`,
    `${port}declare const data: Uint8Array;\nport.postMessage(data);\ndata[0] = 1;`,
    `${port}declare const data: Uint8Array;\nport.postMessage(data, [data.buffer]);\nif (data.byteLength === 0) {}`,
  ],
  invalid: [
    {
      code: `${port}export function send(samples: Float32Array) {\n  port.postMessage(samples, [samples.buffer]);\n  return samples[0];\n}`,
      errors: [
        {
          messageId: 'usedAfterTransfer',
          line: 4,
          column: 10,
          data: {
            name: 'samples',
            what: '`port.postMessage(…)`',
            line: 3,
            event: 'transfers it to the receiver of postMessage, detaching it here',
          },
        },
      ],
    },
    {
      code: 'export function f(buffer: ArrayBuffer) {\n  const moved = buffer.transfer();\n  return [moved, new Uint8Array(buffer)];\n}',
      errors: [{ messageId: 'usedAfterTransfer', line: 3, column: 33 }],
    },
  ],
});
