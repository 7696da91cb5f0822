import type { TSESLint } from '@typescript-eslint/utils';
import noStaleView from './no-stale-view.js';
import noWholeBackingBuffer from './no-whole-backing-buffer.js';

/** Every rule, keyed by its name; one per analyzer check. */
export const rules = {
  'no-stale-view': noStaleView,
  'no-whole-backing-buffer': noWholeBackingBuffer,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;
