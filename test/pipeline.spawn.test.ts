/**
 * What only the real binary shows: which way a run counted (its trace), and what its pool's
 * workers send back of each held text. Spawns the CLI, so that `--workers 2` starts threads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCorpus } from '../src/pipeline.js';
import { CLI, datedSeedsWithReprint, temporaryDirectory, tree } from './helpers.js';

/** `newsdedup report . --format json` in `cwd`, traced: the report, and whether the trace says it counted as read. */
function tracedReport(cwd: string, workers: string) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLI, 'report', '.', '--format', 'json', '--workers', workers], { cwd, encoding: 'utf8', env: { ...process.env, NEWSDEDUP_TRACE: '1' } });
  expect(status, stderr).toBe(0);
  return { report: JSON.parse(stdout) as unknown, countedAsRead: /trace: fingerprint .*counted as read/.test(stderr) };
}

describe('counting as the first pass reads, with the real binary', () => {
  it('counts a small corpus as it reads it, with one thread or two, and reports what a count after the first pass reports', async () => {
    const { cwd } = datedSeedsWithReprint('2025-03-01');
    const after = JSON.parse(JSON.stringify((await reportCorpus(['.'], { cwd, workers: 1, countAsRead: false })).report)) as unknown;
    for (const workers of ['1', '2']) {
      const run = tracedReport(cwd, workers);
      expect(run.countedAsRead).toBe(true);
      expect(run.report).toEqual(after);
    }
  });

  it('counts after the first pass when a copy read later turns out to be dated first', async () => {
    const { cwd } = datedSeedsWithReprint('2025-03-20');
    const run = tracedReport(cwd, '2');
    expect(run.countedAsRead).toBe(false);
    expect(run.report).toEqual(JSON.parse(JSON.stringify((await reportCorpus(['.'], { cwd, workers: 1, countAsRead: true })).report)));
  });
});

describe('texts held or read again, with the pool’s workers', () => {
  it('leaves a shared sentence whole inside a quotation when two workers tell the quotations, from the texts held or read again', () => {
    const cwd = temporaryDirectory();
    const shared = 'Both sides have agreed to a framework for the negotiations and will meet again next week.';
    writeFileSync(join(cwd, 'a.txt'), `The union met on Friday night to weigh the offer from the port.\n\nThe labour minister told reporters: “Talks will resume on Monday at the secretariat. ${shared}” Union leaders welcomed the statement.\n`);
    writeFileSync(join(cwd, 'b.txt'), `Shipping lines diverted two more vessels on Saturday as the strike went on.\n\nSpeaking on television, the minister said: “I am hopeful. ${shared}” He declined to give details.\n`);
    writeFileSync(join(cwd, 'c.txt'), `Dock workers marched to the port offices on Sunday morning.\n\n${shared} The union said it would wait and see.\n`);
    // Held, the workers that scan tell the quotations; read again, the workers that gather do, each shard's arrays packed into one buffer.
    for (const held of ['yes', 'no']) {
      const out = `out-${held}`;
      const { status, stderr } = spawnSync(process.execPath, [CLI, 'clean', 'a.txt', 'b.txt', 'c.txt', '--out', out, '--workers', '2', '--keep', 'none', '--texts-in-memory', held, '--quiet'], { cwd, encoding: 'utf8' });
      expect(status, stderr).toBe(0);
      for (const name of ['a.txt', 'b.txt']) expect(readFileSync(join(cwd, out, name), 'utf8')).toContain(`${shared}”`);
    }
    expect(tree(join(cwd, 'out-no'))).toEqual(tree(join(cwd, 'out-yes')));
  });
});
