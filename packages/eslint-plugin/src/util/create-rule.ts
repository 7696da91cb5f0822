import { ESLintUtils } from '@typescript-eslint/utils';

/** Each rule links to its page in the repository's docs. */
export { docsUrl } from '@memsafe/analyzer';
import { docsUrl } from '@memsafe/analyzer';

export interface MemsafeDocs {
  description: string;
  requiresTypeChecking: true;
  recommended?: boolean;
}

export const createRule = ESLintUtils.RuleCreator<MemsafeDocs>(docsUrl);
