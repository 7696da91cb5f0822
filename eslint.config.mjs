// The repository lints itself: typescript-eslint's type-checked rules, memsafe's own rules, and the
// dependency direction of the design (adapters -> analyzer; the runtime and the analyzer import no
// host: no ESLint, no tsserver, no TypeScript at run time in the analyzer).
import tseslint from 'typescript-eslint';
import memsafe from './packages/eslint-plugin/index.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'examples/app/**',
      '**/fixtures/**',
      'test/.snippets/**',
      'bench/**/.corpus/**',
      'bench/corpus/**',
      'packages/analyzer/test/__virtual__/**',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
      '**/*.d.cts',
      '**/*.d.mts',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, memsafe.configs.recommended],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'tools/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests, conversion probes and the tour commit these bugs on purpose, to show what happens.
    files: ['packages/*/test/**/*.ts', 'test/**/*.ts', 'examples/tour/**/*.ts'],
    rules: Object.fromEntries(Object.keys(memsafe.rules).map(rule => [`memsafe/${rule}`, 'off'])),
  },
  {
    files: ['packages/runtime/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typescript', '@memsafe/*', 'eslint', '@typescript-eslint/*'],
              message: 'The runtime has no dependencies: it knows nothing of TypeScript or the tools.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/analyzer/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typescript',
              message:
                'The analyzer takes `ts` from its caller (tsserver passes its own): import it with `import type`.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: [
                'eslint',
                '@typescript-eslint/*',
                'typescript/lib/*',
                '@memsafe/eslint-plugin',
                '@memsafe/ts-plugin',
              ],
              message: 'The analyzer knows nothing of ESLint or tsserver: adapters depend on it, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/eslint-plugin/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@memsafe/analyzer/*', '../../analyzer/*'],
              message: "Use the analyzer's public entry point, @memsafe/analyzer.",
            },
          ],
        },
      ],
    },
  },
);
