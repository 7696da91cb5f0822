// The plugin as eslint-doc-generator should see it: the built @memsafe/eslint-plugin, unchanged except
// for `meta.name`.
//
// eslint-doc-generator derives the rule prefix from `meta.name`, and for a scoped `@scope/eslint-plugin`
// that prefix is `@scope`: it would title the docs `@memsafe/no-stale-view` and, looking up
// `@memsafe/<rule>` in the configs, find no rule in any of them. Our configs register the plugin as
// `memsafe` (rule ids `memsafe/<rule>`, a public contract), and `eslint-plugin-memsafe` is the name
// from which the generator derives exactly that prefix. (The generator has no prefix option, and
// ignores ESLint's `meta.namespace`.)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../../packages/eslint-plugin/index.mjs', import.meta.url);
const built = new URL('../../packages/eslint-plugin/dist/cjs/index.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  throw new Error(
    'packages/eslint-plugin is not built: run `npm run build` before generating or checking the rule docs.',
  );
}
const { default: plugin } = await import(entry.href);

export default { ...plugin, meta: { ...plugin.meta, name: 'eslint-plugin-memsafe' } };
