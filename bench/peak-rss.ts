/**
 * Preloaded into the measured process (`node --import`): when it exits, writes its peak resident
 * set size in MB and the CPU seconds it used (user and system, worker threads included) to the
 * file named by NEWSDEDUP_BENCH_RSS.
 */
import { writeFileSync } from 'node:fs';

const target = process.env['NEWSDEDUP_BENCH_RSS'];
if (target !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${Math.round(usage.maxRSS / 1024)} ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}`);
  });
}
