import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources of every package (no stale dist).
    alias: [
      { find: /^#testing$/, replacement: `${root}testing/index.ts` },
      { find: /^@stationkeeper\/(astro|analysis|data|workers)$/, replacement: `${root}packages/$1/src/index.ts` },
      { find: /^@stationkeeper\/(astro|analysis|data|workers)\/(.+)$/, replacement: `${root}packages/$1/src/$2/index.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
