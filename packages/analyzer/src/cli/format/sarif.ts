import { pathToFileURL } from 'node:url';
import type { Check } from '../../check.js';
import type { Finding } from '../../finding.js';

/** SARIF 2.1.0, the format code-scanning services take: one run, one rule per check, one result per finding. */
export function formatSarif(
  findings: readonly Finding[],
  checks: readonly Check[],
  version: string,
  docsUrl: (rule: string) => string,
): string {
  const rules = checks.map(check => ({
    id: check.id,
    name: check.id,
    shortDescription: { text: check.description },
    helpUri: docsUrl(check.id),
    properties: { tags: ['memory-safety'], preset: check.preset },
  }));
  const results = findings.map(f => ({
    ruleId: f.rule,
    ruleIndex: checks.findIndex(check => check.id === f.rule),
    level: f.severity === 'error' ? 'error' : 'warning',
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToFileURL(f.file).href },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'memsafe', informationUri: 'https://github.com/memsafe/memsafe', version, rules } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
