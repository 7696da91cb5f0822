import { runCheck as runAnalyzerCheck, type Check, type TextEdit } from '@memsafe/analyzer';
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

/**
 * Runs an analyzer check over the file ESLint is linting and reports its findings through ESLint.
 * The TypeScript source file comes from the parser's node map, so offsets are the ones ESLint's
 * text uses.
 */
export function runCheck<M extends string, O>(
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  check: Check<M, O>,
): TSESLint.RuleListener {
  return {
    Program(program: TSESTree.Program) {
      const services = ESLintUtils.getParserServices(context);
      const sourceFile = services.esTreeNodeToTSNodeMap.get(program);
      const sourceCode = context.sourceCode;
      const loc = (start: number, end: number) => ({
        start: sourceCode.getLocFromIndex(start),
        end: sourceCode.getLocFromIndex(end),
      });
      const toFix = (edits: readonly TextEdit[]) => (fixer: TSESLint.RuleFixer) =>
        edits.map(edit => fixer.replaceTextRange([edit.start, edit.end], edit.newText));
      runAnalyzerCheck(
        check,
        { ts, program: services.program, sourceFile },
        context.options[0] as Partial<O> | undefined,
        report => {
          context.report({
            loc: loc(report.node.getStart(sourceFile), report.node.getEnd()),
            messageId: report.messageId,
            ...(report.data === undefined ? {} : { data: report.data }),
            ...(report.fix === undefined ? {} : { fix: toFix(report.fix) }),
            ...(report.suggest === undefined
              ? {}
              : {
                  suggest: report.suggest.map(s => ({
                    messageId: s.messageId,
                    ...(s.data === undefined ? {} : { data: s.data }),
                    fix: toFix(s.edits),
                  })),
                }),
          });
        },
        error => {
          // A check that fails on strange code must not take the lint run down with it.
          process.emitWarning(
            `memsafe/${check.id} failed on ${sourceFile.fileName}: ${error instanceof Error ? error.message : String(error)}`,
          );
        },
      );
    },
  };
}
