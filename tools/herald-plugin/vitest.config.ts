import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@herald/tools',
    root: import.meta.dirname,
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The test workspaces have no formatter installed; formatting is not what these tests check.
    env: { NX_SKIP_FORMAT: 'true' },
  },
});
