import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@herald/enricher-kit',
    root: import.meta.dirname,
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
