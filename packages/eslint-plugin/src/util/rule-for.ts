import type { Check } from '@memsafe/analyzer';
import type { JSONSchema, TSESLint } from '@typescript-eslint/utils';
import { createRule, type MemsafeDocs } from './create-rule.js';
import { runCheck } from './run-check.js';

/** The ESLint rule for an analyzer check: metadata from the check, reports from the engine. */
export function ruleFor<M extends string, O extends object>(
  check: Check<M, O>,
): TSESLint.RuleModule<M, [Partial<O>?], MemsafeDocs> {
  const hasOptions = Object.keys((check.optionsSchema['properties'] as object | undefined) ?? {}).length > 0;
  return createRule<[Partial<O>?], M>({
    name: check.id,
    meta: {
      type: check.type,
      docs: { description: check.description, requiresTypeChecking: true, recommended: check.preset === 'recommended' },
      ...(check.fixable === undefined ? {} : { fixable: check.fixable }),
      ...(check.hasSuggestions === true ? { hasSuggestions: true } : {}),
      messages: check.messages,
      schema: hasOptions ? [check.optionsSchema as unknown as JSONSchema.JSONSchema4] : [],
      ...(hasOptions ? { defaultOptions: [check.defaultOptions] } : {}),
    },
    defaultOptions: hasOptions ? [check.defaultOptions] : [],
    create: context => runCheck(context, check),
  });
}
