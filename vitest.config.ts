import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests spawn the CLI and write temporary directories; two cores are all CI has.
    maxWorkers: 2,
  },
});
