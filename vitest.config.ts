import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tools/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'runtime',
          root: 'packages/runtime',
          include: ['test/**/*.test.ts'],
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: 'test/tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'analyzer',
          root: 'packages/analyzer',
          include: ['test/**/*.test.ts'],
          // Each test builds a type-checked program; the first one parses the standard library.
          testTimeout: 30_000,
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: 'test/tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'eslint-plugin',
          root: 'packages/eslint-plugin',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'ts-plugin',
          root: 'packages/ts-plugin',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/**/*.test.ts'],
        },
      },
    ],
  },
});
