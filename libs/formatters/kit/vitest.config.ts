import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: '@herald/formatter-kit',
    root: import.meta.dirname,
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
