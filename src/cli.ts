#!/usr/bin/env node
import { main } from './main.js';
import { discardUnfinishedOutputs } from './stages/write.js';
import { releaseIndexLocks } from './index/store.js';

// An interrupted run leaves the previous output as it was and nothing half-written, and exits
// with 128 + the signal's number, as shells do.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    discardUnfinishedOutputs();
    releaseIndexLocks();
    process.stderr.write(`newsdedup: interrupted by ${signal}; no output was left half-written, and any previous output is as it was.\n`);
    process.exit(code);
  });
}

// stdout closed by its reader (`newsdedup report … | head`): nothing more is wanted, so the run
// stops quietly with 141, as a program stopped by SIGPIPE does. A full disk, or any other
// failure: one line and exit 2. Never an unhandled error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  discardUnfinishedOutputs();
  releaseIndexLocks();
  if (error.code === 'EPIPE') process.exit(141);
  process.stderr.write(`newsdedup: cannot write the report to stdout: ${error.code ?? error.message}.\n`);
  process.exit(2);
});

const stderr = { write: (text: string) => process.stderr.write(text), isTTY: process.stderr.isTTY === true, stream: process.stderr };
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr, cwd: process.cwd() });
