import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@herald/infra',
    root: import.meta.dirname,
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Loading @pulumi/pulumi and @pulumi/aws takes about a second per test file.
    hookTimeout: 30_000,
    testTimeout: 30_000,
  },
});
