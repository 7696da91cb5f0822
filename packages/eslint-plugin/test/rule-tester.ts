import { fileURLToPath } from 'node:url';
import { RuleTester, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const fixtures = fileURLToPath(new URL('fixtures', import.meta.url));

/** What the rule files hand to the tester. */
export interface TypedRuleTester {
  run<M extends string, O extends readonly unknown[]>(
    name: string,
    rule: TSESLint.RuleModule<M, O, unknown>,
    tests: RunTests<M, O>,
  ): void;
}

/** A RuleTester with type information: cases are linted as fixtures/file.ts under its tsconfig. */
export function createRuleTesterWithTypes(): TypedRuleTester {
  const tester = new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: fixtures,
      },
    },
  });
  return {
    run(name, rule, tests) {
      // The rule tester pins its own copy of @typescript-eslint/utils (8.72) beside ours (8.73):
      // the same RuleModule shape under two declarations, so it is passed across once, here.
      tester.run(name, rule as never, tests);
    },
  };
}
