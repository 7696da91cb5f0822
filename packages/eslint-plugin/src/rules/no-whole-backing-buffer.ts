import { noWholeBackingBuffer as check } from '@memsafe/analyzer';
import { createRule } from '../util/create-rule.js';
import { runCheck } from '../util/run-check.js';

export type MessageIds = keyof typeof check.messages;

export default createRule<[], MessageIds>({
  name: check.id,
  meta: {
    type: check.type,
    docs: { description: check.description, requiresTypeChecking: true, recommended: true },
    hasSuggestions: true,
    messages: check.messages,
    schema: [],
  },
  defaultOptions: [],
  create: context => runCheck(context, check),
});
