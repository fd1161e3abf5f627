/**
 * A file of records is shared by the workers (its records spread over shards), and the output is
 * byte-identical whatever their number. Spawns the real binary, so that `--workers` starts threads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, temporaryDirectory, tree } from './helpers.js';
import { seedRecords, writeSeedRecords } from './records-corpus.js';


describe('records and workers', () => {
  it('writes byte-identical output for 1 and 2 workers on one file of 700 records', () => {
    const cwd = temporaryDirectory();
    const seeds = seedRecords();
    // More records than a shard holds (256), each with words of its own, some with the same id.
    const records = Array.from({ length: 700 }, (_, i) => {
      const seed = seeds[i % seeds.length]!;
      return { ...seed, id: i % 50 === 7 ? 'repeated' : `r${i}`, published: `2025-0${1 + (i % 9)}-1${i % 10}`, body: `Dispatch ${i}: the ${['port', 'rail', 'grid', 'farm'][i % 4]} desk filed report number ${i * 13} on ${i % 28} March.\n\n${seed.body}` };
    });
    writeSeedRecords(cwd, 'news.jsonl.gz', records);
    const outputs = ['1', '2'].map((workers) => {
      const out = `out-${workers}`;
      const { status, stderr } = spawnSync(process.execPath, [CLI, 'clean', 'news.jsonl.gz', '--out', out, '--text-field', 'body', '--workers', workers, '--quiet'], { cwd, encoding: 'utf8' });
      expect(status, stderr).toBe(0);
      return tree(join(cwd, out));
    });
    expect(Object.keys(outputs[0]!)).toContain('news.jsonl.gz');
    expect(outputs[1]).toEqual(outputs[0]);
    const report = JSON.parse(readFileSync(join(cwd, 'out-2', 'report.json'), 'utf8')) as { articles: { path: string }[] };
    expect(report.articles).toHaveLength(700);
    expect(report.articles[7]!.path).toBe('news.jsonl.gz:8');
  }, 120_000);
});
