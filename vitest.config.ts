import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Tests spawn the CLI and write temporary directories; two cores are all CI has.
    maxWorkers: 2,
    // On CI, also write a JSON summary so that .ci/run can print the plain "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: 'test/.artifacts/vitest.json' }]] : ['default'],
  },
});
