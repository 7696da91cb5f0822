import { noStaleView as check, type NoStaleViewOptions } from '@memsafe/analyzer';
import type { JSONSchema } from '@typescript-eslint/utils';
import { createRule } from '../util/create-rule.js';
import { runCheck } from '../util/run-check.js';

export type MessageIds = keyof typeof check.messages;
export type Options = [Partial<NoStaleViewOptions>?];

export default createRule<Options, MessageIds>({
  name: check.id,
  meta: {
    type: check.type,
    docs: { description: check.description, requiresTypeChecking: true, recommended: true },
    hasSuggestions: true,
    messages: check.messages,
    schema: [check.optionsSchema as unknown as JSONSchema.JSONSchema4],
    defaultOptions: [check.defaultOptions],
  },
  defaultOptions: [check.defaultOptions],
  create: context => runCheck(context, check),
});
