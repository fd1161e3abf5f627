import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { Decompress } from 'fzstd';
import type { Compression } from './format.js';

/** A compressed stream that is cut short or corrupt. */
export class CompressionError extends Error {
  constructor(compression: Exclude<Compression, 'none'>, detail: string) {
    super(`${compression === 'gzip' ? 'gzip' : 'zstd'} data is cut short or corrupt (${detail})`);
    this.name = 'CompressionError';
  }
}

const CHUNK = 1 << 20;

/**
 * A file's bytes, decompressed, in chunks as they stream from disk. Never the whole file at once.
 * A truncated or corrupt stream throws a {@link CompressionError} after the chunks before it.
 */
export async function* byteChunks(path: string, compression: Compression): AsyncGenerator<Uint8Array> {
  // An empty compressed file holds nothing, as an empty plain one does: it is not a stream cut short.
  if (compression !== 'none' && (await stat(path)).size === 0) return;
  const file = createReadStream(path, { highWaterMark: CHUNK });
  if (compression === 'none') {
    for await (const chunk of file) yield chunk as Buffer;
    return;
  }
  if (compression === 'gzip') {
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    // A read error must end the gunzip stream too, or the loop below would wait for ever.
    file.on('error', (error) => gunzip.destroy(error));
    file.pipe(gunzip);
    let yielded = 0;
    try {
      for await (const chunk of gunzip) {
        yielded += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    } catch (error) {
      if (typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
        // The stream drops what it decoded of the last piece when the data is cut short: decode
        // the damaged file once more, flushing all it can, and give the rest before the error.
        const rest = await salvageGzip(path, yielded);
        if (rest.length > 0) yield rest;
        throw new CompressionError('gzip', (error as Error).message);
      }
      throw error;
    } finally {
      file.destroy();
    }
    return;
  }
  yield* zstdChunks(file);
}

async function* zstdChunks(file: AsyncIterable<unknown> & { destroy(): void }): AsyncGenerator<Uint8Array> {
  let ready: Uint8Array[] = [];
  // fzstd's streaming decoder is pure JavaScript; it hands over each decoded block as it goes.
  const decoder = new Decompress((data) => {
    if (data.length > 0) ready.push(data);
  });
  const push = (chunk: Uint8Array, final: boolean): void => {
    try {
      decoder.push(chunk, final);
    } catch (error) {
      throw new CompressionError('zstd', (error as Error).message);
    }
  };
  try {
    for await (const chunk of file) {
      push(chunk as Buffer, false);
      const out = ready;
      ready = [];
      yield* out;
    }
    push(new Uint8Array(0), true);
    yield* ready;
  } finally {
    file.destroy();
  }
}

/**
 * What a damaged gzip file decodes to past its first `skip` bytes, flushing all it can. Only a
 * damaged file is read whole, and only once.
 */
async function salvageGzip(path: string, skip: number): Promise<Uint8Array> {
  try {
    const decoded = gunzipSync(await readFile(path), { finishFlush: constants.Z_SYNC_FLUSH });
    return decoded.subarray(Math.min(skip, decoded.length));
  } catch {
    return new Uint8Array(0);
  }
}
