/** One line of a byte stream: its 1-based number and its bytes, without the line terminator. */
export interface ByteLine {
  readonly line: number;
  readonly bytes: Buffer;
}

/**
 * Splits a byte stream into lines at LF (a CR before it is dropped too). Works on bytes, so a
 * character split across chunks is never broken; a line of many megabytes is joined once, from its
 * pieces, when its end arrives.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ByteLine> {
  let pieces: Buffer[] = [];
  let line = 1;
  for await (const chunk of chunks) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let at = buffer.indexOf(0x0a, from); at >= 0; at = buffer.indexOf(0x0a, from)) {
      pieces.push(buffer.subarray(from, at));
      yield { line, bytes: withoutCr(pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces)) };
      pieces = [];
      line += 1;
      from = at + 1;
    }
    // Copy the rest: the chunk's memory may be reused by the stream that made it.
    if (from < buffer.length) pieces.push(Buffer.from(buffer.subarray(from)));
  }
  if (pieces.length > 0) yield { line, bytes: withoutCr(Buffer.concat(pieces)) };
}

function withoutCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;
}
