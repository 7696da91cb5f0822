import { defineCheck, NO_OPTIONS } from '../check.js';
import { conversionAt } from '../conversions/lookup.js';
import { walk } from '../util/syntax.js';

const messages = {
  bufferSlice:
    '`Buffer#slice` is deprecated, and returns a view of `{{name}}` where `Uint8Array#slice` copies. Use `subarray()`, which says so.',
  useSubarray: 'Use `subarray()` (the same view, not deprecated).',
};

export const noBufferSlice = defineCheck<keyof typeof messages, Record<string, never>>({
  id: 'no-buffer-slice',
  code: 91012,
  description:
    'Disallow the deprecated `Buffer#slice`, a view under the name of a copy; `subarray()` is the same function',
  type: 'suggestion',
  // A deprecation, not a memory bug: `strict` is every memory bug memsafe finds, `all` adds this.
  preset: 'all',
  fixable: 'code',
  hasSuggestions: true,
  messages,
  ...NO_OPTIONS,
  mayApply: text => text.includes('.slice('),
  check(context) {
    const { ts, checker, sourceFile } = context;
    walk(ts, sourceFile, node => {
      if (
        !ts.isCallExpression(node) ||
        !ts.isPropertyAccessExpression(node.expression) ||
        node.expression.name.text !== 'slice'
      )
        return;
      // The conversion table's Buffer#slice row: a view, class-dependent.
      const row = conversionAt(ts, checker, node);
      if (row === undefined || row.result !== 'view' || !row.hazards.includes('class-dependent')) return;
      // Buffer#slice and Buffer#subarray are the same function: the rename preserves behaviour.
      const name = node.expression.name;
      const edit = { start: name.getStart(sourceFile), end: name.getEnd(), newText: 'subarray' };
      context.report({
        node,
        messageId: 'bufferSlice',
        data: { name: node.expression.expression.getText(sourceFile) },
        fix: [edit],
        suggest: [{ messageId: 'useSubarray', edits: [edit] }],
      });
    });
  },
});
