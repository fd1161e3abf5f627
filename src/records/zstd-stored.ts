import { Transform, type TransformCallback } from 'node:stream';

const BLOCK = 128 * 1024;
// Magic number, then a frame header: no content size, no checksum, no dictionary (0x00), and a
// window of 128 KiB (exponent 7, mantissa 0), the largest block a decoder must accept.
const FRAME_HEADER = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38]);

/**
 * A Zstandard writer in pure JavaScript that stores, without compressing: one frame of raw blocks
 * of 128 KiB. Any zstd decoder reads it. npm has no pure JavaScript zstd compressor, and a native or
 * WebAssembly one is more than this edge needs; see docs/records.md.
 */
export function createZstdStored(): Transform {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let started = false;
  const block = (data: Buffer, last: boolean): Buffer => {
    const header = (data.length << 3) | (last ? 1 : 0);
    return Buffer.concat([Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), data]);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      if (!started) {
        this.push(FRAME_HEADER);
        started = true;
      }
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength > BLOCK) {
        const all = Buffer.concat(pending);
        let at = 0;
        // Keep at least one byte back, so that the last block can always carry data.
        for (; all.length - at > BLOCK; at += BLOCK) this.push(block(all.subarray(at, at + BLOCK), false));
        pending = [all.subarray(at)];
        pendingLength = all.length - at;
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(FRAME_HEADER);
      this.push(block(Buffer.concat(pending), true));
      done();
    },
  });
}
