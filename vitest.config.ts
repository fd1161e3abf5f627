import { defineConfig } from 'vitest/config';

// Test files are named for what they need: `*.spawn.test.ts` runs the built binary (or npm, or the
// bench) in a child process, `*.browser.test.ts` drives Chromium, `*.slow.test.ts` takes large
// inputs. `npm test` runs them all; `npm run test:fast` leaves those three kinds out, and needs no
// build.
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
