#!/usr/bin/env node
// Generates packages/analyzer/memsafe.schema.json, the JSON schema of memsafe.config.json, from the
// built checks (run `npm run build` first): editors complete and check the file through its "$schema".
//   node tools/gen-config-schema.mjs           writes the schema
//   node tools/gen-config-schema.mjs --check   exits 1 when it is out of date
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeOrCheck } from './write-or-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const analyzerPath = join(root, 'packages', 'analyzer', 'dist', 'esm', 'index.js');
const schemaPath = join(root, 'packages', 'analyzer', 'memsafe.schema.json');

if (!existsSync(analyzerPath)) {
  console.error(`gen-config-schema: ${analyzerPath} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const { checks, docsUrl, PRESETS } = await import(pathToFileURL(analyzerPath).href);

const severity = {
  description: '"off" or 0, "warn" or 1 (reported; alone, exit 0), "error" or 2 (exit 1).',
  enum: ['off', 'warn', 'error', 0, 1, 2],
};

/** A rule as ESLint's flat config writes it: a severity, or the severity and the rule's options object. */
function ruleEntry(check) {
  const takesOptions = Object.keys(check.optionsSchema.properties ?? {}).length > 0;
  return {
    description: `${check.description}. ${docsUrl(check.id)}`,
    markdownDescription: `${check.description}. [${check.id}](${docsUrl(check.id)})`,
    anyOf: [
      severity,
      {
        type: 'array',
        items: takesOptions ? [severity, check.optionsSchema] : [severity],
        minItems: 1,
        maxItems: takesOptions ? 2 : 1,
      },
    ],
  };
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'memsafe.config.json',
  description:
    "memsafe's configuration, read by the memsafe CLI, the tsserver plugin and ESLint (memsafe.fromConfigFile): the nearest file at or above the tsconfig.json applies.",
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    preset: {
      description: 'The rules to start from, as the ESLint configs name them. Default: "recommended".',
      enum: PRESETS,
    },
    rules: {
      description: 'Per rule, the severity and options, over the preset.',
      type: 'object',
      properties: Object.fromEntries(checks.map(c => [c.id, ruleEntry(c)])),
      patternProperties: Object.fromEntries(checks.map(c => [`^memsafe/${c.id}$`, ruleEntry(c)])),
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

const text = `${JSON.stringify(schema, null, 2)}\n`;
writeOrCheck(schemaPath, text, 'npm run build && node tools/gen-config-schema.mjs');
