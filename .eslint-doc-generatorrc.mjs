// eslint-doc-generator settings for the rule docs (docs/rules/<rule>.md) and the README rule table.
//
//   npm run docs:rules   build, then regenerate the rule doc headers, options tables and README table
//   npm run docs:check   fail (exit 1, with a diff) when any of them is stale; test/rule-docs.test.ts runs it
//
// The generator is pointed at tools/eslint-doc-plugin (the built plugin under the `memsafe` prefix;
// see its plugin.mjs). It resolves the paths below from that directory, hence the `../../`.

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  pathRuleDoc: '../../docs/rules/{name}.md',
  pathRuleList: '../../README.md',
  // `all` turns on every rule by definition, and `disableTypeChecked` turns every one off: a column of
  // the same mark on every row says nothing.
  ignoreConfig: ['all', 'disableTypeChecked'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'requiresTypeChecking', 'fixable', 'hasSuggestions'],
  ruleDocSectionInclude: ['Examples', 'Options', 'When Not To Use It'],
  // Every doc has `## Options`, saying "This rule has no options." when it has none; the generator's own
  // options check would reject that section for option-less rules. test/rule-docs.test.ts checks instead
  // that each option has its `###` section.
  ruleDocSectionOptions: false,
  urlConfigs: 'https://github.com/memsafe/memsafe#rules',
};

export default config;
