import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Check } from '../../check.js';
import type { Finding } from '../../finding.js';
import { docsUrl } from '../../meta.js';
import { UNUSED_DIRECTIVE } from '../../suppressions/index.js';
import { RULE_HELP } from './rule-help.generated.js';

/** Where SARIF locations are relative to: the checked-out repository, for code scanning. */
const SRCROOT = '%SRCROOT%';

/** `no-stale-view` → `NoStaleView`: SARIF's `name` is a readable identifier, not the id again. */
const readableName = (id: string): string => id.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * SARIF 2.1.0 as code scanning (GitHub, Azure DevOps) shows it best: each rule with its page's text
 * and Markdown as `fullDescription` and `help`, locations relative to `%SRCROOT%` (the working
 * directory), and suppressed findings kept as suppressed results, not dropped.
 */
export function formatSarif(
  findings: readonly Finding[],
  checks: readonly Check[],
  version: string,
  cwd: string,
): string {
  const descriptors = [
    ...checks.map(check => ({
      id: check.id,
      name: readableName(check.id),
      shortDescription: { text: `${check.description}.` },
      fullDescription: { text: RULE_HELP[check.id]?.text ?? `${check.description}.` },
      help: {
        text: `${RULE_HELP[check.id]?.text ?? check.description} See ${docsUrl(check.id)}`,
        markdown: RULE_HELP[check.id]?.markdown ?? check.description,
      },
      helpUri: docsUrl(check.id),
      defaultConfiguration: { level: check.preset === 'recommended' ? 'error' : 'warning' },
      properties: {
        tags: ['memory-safety', check.preset],
        precision: 'high',
        'problem.severity': check.type === 'problem' ? 'error' : 'recommendation',
      },
    })),
    {
      id: UNUSED_DIRECTIVE,
      name: 'UnusedDisableDirective',
      shortDescription: { text: 'An eslint-disable comment names a memsafe rule that reports nothing there.' },
      fullDescription: {
        text: 'An eslint-disable comment names a memsafe rule that reports nothing there: remove it, so that it does not hide a later finding.',
      },
      help: {
        text: 'Remove the directive, or the rule from its list.',
        markdown: 'Remove the directive, or the rule from its list.',
      },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['maintainability'] },
    },
  ];
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const results = findings.map(f => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule),
    level: f.severity === 'error' ? 'error' : 'warning',
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.file, cwd),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    ...(f.suppressions === undefined
      ? {}
      : {
          suppressions: f.suppressions.map(s => ({
            // An eslint-disable comment is in the source; eslint-suppressions.json is outside it.
            kind: s.kind === 'directive' ? 'inSource' : 'external',
            ...(s.justification === '' ? {} : { justification: s.justification }),
          })),
        }),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'memsafe',
            informationUri: 'https://github.com/memsafe/memsafe',
            version,
            semanticVersion: version,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Relative to `%SRCROOT%` when the file is under it, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const path = relative(cwd, file);
  if (path.startsWith('..') || path === file) return { uri: pathToFileURL(file).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
