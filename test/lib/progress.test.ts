import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/lib/progress.js';

/** A terminal-like stream that keeps what is drawn on it. */
function terminal(): { stream: NodeJS.WritableStream; drawn: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  Object.assign(stream, { isTTY: true, columns: 200, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, drawn: () => chunks.join('') };
}

describe('progressBar', () => {
  it('counts articles, a record of a file of records each, with the phase and the megabytes', () => {
    const { stream, drawn } = terminal();
    const bar = progressBar(stream);
    bar.update({ phase: 'read', files: 3, totalFiles: 324, bytes: 1_500_000, totalBytes: 2_000_000 });
    bar.stop();
    expect(drawn()).toContain('newsdedup reading ');
    expect(drawn()).toContain('| 3/324 articles | 1.5/2.0 MB |');
  });
});
