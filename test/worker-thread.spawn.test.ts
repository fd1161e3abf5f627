/**
 * The library inside a program's own worker thread (the built module, as a program imports it):
 * `dedupe()` there runs its tasks in that thread, as in a main thread, and gives the same result.
 * Only newsdedup's own pool moves a task's buffers to the thread that asked for them.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, corpusArticles } from './helpers.js';
import { dedupe } from '../src/pipeline.js';

// CommonJS, as `eval` workers are: the built module is imported dynamically.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url)
  .then(({ dedupe }) => dedupe(workerData.articles))
  .then((result) => parentPort.postMessage({ ok: true, result: JSON.stringify(result) }), (error) => parentPort.postMessage({ ok: false, error: String(error && error.stack || error) }));
`;

describe('dedupe in a worker thread of a program', () => {
  it('gives what it gives in the main thread', async () => {
    const articles = corpusArticles();
    const url = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
    const worker = new Worker(SCRIPT, { eval: true, workerData: { url, articles } });
    const message = await new Promise<{ ok: boolean; result?: string; error?: string }>((done, fail) => {
      worker.once('message', done);
      worker.once('error', fail);
    });
    await worker.terminate();
    expect(message.error).toBeUndefined();
    expect(message.result).toBe(JSON.stringify(await dedupe(articles)));
  });
});
