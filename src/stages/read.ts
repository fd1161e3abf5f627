import { readFile } from 'node:fs/promises';
import type { Problem, SourceArticle } from '../types.js';
import type { DiscoveredFile } from './discover.js';

/** What reading one file gave: an article (perhaps with a warning), or a problem and no article. */
export type ReadOutcome =
  | { readonly ok: true; readonly article: SourceArticle; readonly warning: Problem | undefined }
  | { readonly ok: false; readonly problem: Problem };

/** How a file's bytes were decoded, or why they could not be. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; readonly invalidAt: number }
  | { readonly ok: false; readonly reason: 'binary'; readonly at: number };

/**
 * Decodes a file's bytes. A byte-order mark selects UTF-8 or UTF-16 and is dropped; a NUL byte
 * elsewhere means binary; bytes that are not valid UTF-8 are read as Windows-1252
 * (`invalidAt` tells where UTF-8 failed, -1 when it did not).
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', invalidAt: -1 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', invalidAt: -1 };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', at: nul + (bytes.length - body.length) };
  const invalidAt = firstInvalidUtf8(body);
  if (invalidAt < 0) return { ok: true, text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', invalidAt: -1 };
  return { ok: true, text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', invalidAt: invalidAt + (bytes.length - body.length) };
}

/** Reads and decodes one file. Never throws: a failure is a {@link Problem}. */
export async function read(file: DiscoveredFile): Promise<ReadOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.absolute);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it vanished after it was listed' : (error as Error).message;
    return { ok: false, problem: { path: file.path, code: 'E_READ', severity: 'error', message: `Cannot read \`${file.path}\`: ${reason}; skipped.` } };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    return { ok: false, problem: { path: file.path, code: 'E_BINARY', severity: 'error', message: `Cannot use \`${file.path}\`: a NUL byte at byte ${decoded.at} means it is binary, not text; skipped.` } };
  }
  const warning: Problem | undefined =
    decoded.encoding === 'windows-1252'
      ? { path: file.path, code: 'W_NOT_UTF8', severity: 'warning', message: `\`${file.path}\` is not valid UTF-8 at byte ${decoded.invalidAt}; decoded as Windows-1252.` }
      : undefined;
  return { ok: true, article: { path: file.path, text: decoded.text }, warning };
}

/** Index of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      i += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}
