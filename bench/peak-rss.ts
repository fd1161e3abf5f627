/**
 * Preloaded into the measured process (`node --import`): when it exits, writes its peak resident
 * set size, worker threads included, to the file named by NEWSDEDUP_BENCH_RSS.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['NEWSDEDUP_BENCH_RSS'];
if (target !== undefined) {
  process.on('exit', () => writeFileSync(target, String(Math.round(process.resourceUsage().maxRSS / 1024))));
}
