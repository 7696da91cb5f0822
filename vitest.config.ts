import { defineConfig } from 'vitest/config';

/**
 * A timeout catches a hung test, not a slow one: CI shares its two cores with other work, and a test
 * twenty times slower than on a quiet machine must still pass. Speed is measured in bench/, side by side.
 * Hooks install packed tarballs into fixture projects, the slowest step of all.
 */
const room = { testTimeout: 120_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    reporters: ['default', './tools/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'runtime',
          ...room,
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
          ...room,
          root: 'packages/analyzer',
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
          name: 'eslint-plugin',
          ...room,
          root: 'packages/eslint-plugin',
          include: ['test/**/*.test.ts'],
          typecheck: {
            enabled: true,
            include: ['test/types/**/*.test-d.ts'],
            tsconfig: 'test/types/tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'ts-plugin',
          ...room,
          root: 'packages/ts-plugin',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          ...room,
          root: '.',
          include: ['test/**/*.test.ts'],
        },
      },
    ],
  },
});
