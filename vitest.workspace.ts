import { defineConfig } from 'vitest/config';

// One run over every project's own vitest.config.ts: what `npm test` and CI execute.
export default defineConfig({
  test: {
    projects: ['apps/*/vitest.config.ts', 'libs/*/vitest.config.ts', 'libs/*/*/vitest.config.ts', 'infra/vitest.config.ts', 'tools/*/vitest.config.ts'],
  },
});
