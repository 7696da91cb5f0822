import { ESLintUtils } from '@typescript-eslint/utils';

/** Each rule links to its page in the repository's docs. */
export const docsUrl = (name: string): string => `https://github.com/memsafe/memsafe/blob/main/docs/rules/${name}.md`;

export interface MemsafeDocs {
  description: string;
  requiresTypeChecking: true;
  recommended?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<MemsafeDocs>(docsUrl);
