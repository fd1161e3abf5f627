/**
 * The floor: the least work any deduplicator must do, which is to read every file and split it
 * into words. newsdedup's wall time is reported as a multiple of this, measured in the same run.
 * Prints one JSON line: files, bytes, words, maxRssMb.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fg from 'fast-glob';

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: floor DIR\n');
  process.exit(2);
}
const files = await fg('**/*', { cwd: dir, onlyFiles: true });
const decoder = new TextDecoder();
let bytes = 0;
let words = 0;
let next = 0;
// A few reads in flight, as any reader would do.
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      const buffer = await readFile(join(dir, file));
      bytes += buffer.length;
      words += decoder.decode(buffer).split(/\s+/).length;
    }
  }),
);
process.stdout.write(`${JSON.stringify({ files: files.length, bytes, words, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
