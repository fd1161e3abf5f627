import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { Problem, SourceArticle } from '../types.js';
import type { DiscoveredFile } from './discover.js';
import { NewsdedupError } from '../errors.js';
import { frontMatterMessage, splitFrontMatter } from '../records/front-matter.js';
import { sha1 } from '../text/hash.js';

/**
 * What reading one file gave: an article (perhaps with a warning), or a problem and no article.
 * A Markdown file's front matter is not part of the article: it is `prefix`, written back as it was.
 */
export type ReadOutcome =
  | { readonly ok: true; readonly article: SourceArticle; readonly warning: Problem | undefined; readonly digest: string; readonly prefix?: string | undefined }
  | { readonly ok: false; readonly problem: Problem };

/** How a file's bytes were decoded, or why they could not be. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; readonly invalidAt: number }
  | { readonly ok: false; readonly reason: 'binary'; readonly at: number; readonly byte: number };

/**
 * Decodes a file's bytes. A byte-order mark selects UTF-8 or UTF-16 and is dropped; a NUL byte
 * elsewhere means binary; bytes that are not valid UTF-8 are read as Windows-1252
 * (`invalidAt` tells where UTF-8 failed, -1 when it did not), unless control bytes make up more
 * than 1% of them, which no text in any 8-bit encoding has: then they are binary too (a small
 * compressed file or an image with no NUL in it).
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', invalidAt: -1 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', invalidAt: -1 };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary', at: nul + (bytes.length - body.length), byte: 0 };
  // Validated natively first: the byte-by-byte scan below only tells where an invalid file fails.
  const invalidAt = isUtf8(body) ? -1 : firstInvalidUtf8(body);
  if (invalidAt < 0) return { ok: true, text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', invalidAt: -1 };
  const control = firstControlIfBinary(body);
  if (control >= 0) return { ok: false, reason: 'binary', at: control + (bytes.length - body.length), byte: body[control] as number };
  return { ok: true, text: decodeWindows1252(body), encoding: 'windows-1252', invalidAt: invalidAt + (bytes.length - body.length) };
}

/** Reads and decodes one file. Never throws: a failure is a {@link Problem}. */
export async function read(file: DiscoveredFile): Promise<ReadOutcome> {
  try {
    return outcomeOf(file, await readFile(file.absolute));
  } catch (error) {
    return unreadable(file, error);
  }
}

/**
 * {@link read}, blocking. For worker threads, which have nothing else to do meanwhile: a blocking
 * read of a small file costs a fraction of a promise's round trip through the thread pool.
 */
export function readBlocking(file: DiscoveredFile): ReadOutcome {
  try {
    return outcomeOf(file, readFileSync(file.absolute));
  } catch (error) {
    return unreadable(file, error);
  }
}

/**
 * Reads `[offset, offset + length)` of a file as UTF-8: a record's text in a spool file that this
 * run wrote (see `spool.ts`). Never throws.
 */
export async function readSpan(file: DiscoveredFile, offset: number, length: number): Promise<ReadOutcome> {
  try {
    const handle = await open(file.absolute, 'r');
    try {
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await handle.read(bytes, 0, length, offset);
      return spanOutcome(file, bytes.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return unreadable(file, error);
  }
}

/** {@link readSpan}, blocking, for worker threads. */
export function readSpanBlocking(file: DiscoveredFile, offset: number, length: number): ReadOutcome {
  try {
    const descriptor = openSync(file.absolute, 'r');
    try {
      const bytes = Buffer.alloc(length);
      const bytesRead = readSync(descriptor, bytes, 0, length, offset);
      return spanOutcome(file, bytes.subarray(0, bytesRead));
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return unreadable(file, error);
  }
}

const SPAN_DECODER = new TextDecoder('utf-8', { ignoreBOM: true });

/** A spooled text is UTF-8 that newsdedup wrote: no BOM to drop, no NUL check (a JSON string may hold `\u0000`). */
function spanOutcome(file: DiscoveredFile, bytes: Uint8Array): ReadOutcome {
  return { ok: true, article: { path: file.path, text: SPAN_DECODER.decode(bytes) }, warning: undefined, digest: digestOf(bytes) };
}

function unreadable(file: DiscoveredFile, error: unknown): ReadOutcome {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it vanished after it was listed' : (error as Error).message;
  return { ok: false, problem: { path: file.path, code: 'E_READ', severity: 'error', message: `Cannot read \`${file.path}\`: ${reason}; skipped.` } };
}

function outcomeOf(file: DiscoveredFile, bytes: Uint8Array): ReadOutcome {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    return { ok: false, problem: binaryProblem(file.path, decoded) };
  }
  let warning: Problem | undefined =
    decoded.encoding === 'windows-1252'
      ? { path: file.path, code: 'W_NOT_UTF8', severity: 'warning', message: `\`${file.path}\` is not valid UTF-8 at byte ${decoded.invalidAt}; decoded as Windows-1252.` }
      : undefined;
  if (/\.(?:md|markdown)$/i.test(file.path)) {
    // Front matter is metadata, not text: the article is the body; the front matter is written back as it was.
    const { bodyStart, error } = splitFrontMatter(decoded.text);
    // One warning a file: the encoding's, when there is one, comes first.
    if (error !== undefined) warning ??= { path: file.path, code: 'W_FRONT_MATTER', severity: 'warning', message: frontMatterMessage(file.path, error) };
    if (bodyStart > 0) return { ok: true, article: { path: file.path, text: decoded.text.slice(bodyStart) }, warning, digest: digestOf(bytes), prefix: decoded.text.slice(0, bodyStart) };
  }
  return { ok: true, article: { path: file.path, text: decoded.text }, warning, digest: digestOf(bytes) };
}

/** Control bytes a file needs, besides their share, to be binary: a short legacy text may hold a stray one or two. */
const MIN_CONTROL_BYTES = 4;

/**
 * Where the first control byte stands, when control bytes (C0 codes other than tab, line and page
 * breaks, escape and DOS's end of file; DEL) are more than 1% of `bytes`, and at least
 * {@link MIN_CONTROL_BYTES}; -1 otherwise. A text
 * file in a legacy encoding may hold a stray one; a binary file holds them throughout.
 */
export function firstControlIfBinary(bytes: Uint8Array): number {
  let first = -1;
  let count = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] as number;
    if ((byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1a && byte !== 0x1b) || byte === 0x7f) {
      if (first < 0) first = i;
      count += 1;
    }
  }
  return count >= MIN_CONTROL_BYTES && count * 100 > bytes.length ? first : -1;
}

/** The problem of a file that {@link decode} found binary. */
export function binaryProblem(path: string, decoded: { readonly at: number; readonly byte: number }): Problem {
  const why = decoded.byte === 0 ? `a NUL byte at byte ${decoded.at} means` : `control bytes (the first, 0x${decoded.byte.toString(16).padStart(2, '0')}, at byte ${decoded.at}) in a file that is not UTF-8 mean`;
  return { path, code: 'E_BINARY', severity: 'error', message: `Cannot use \`${path}\`: ${why} it is binary, not text; skipped.` };
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

// WHATWG index-windows-1252 for bytes 0x80–0x9F; every other byte is its own code point.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes Windows-1252. Not `new TextDecoder('windows-1252')`: since Node 20.18.3 that decodes
 * as Latin-1 and turns curly quotes into control characters (nodejs/node#60888).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let from = 0; from < bytes.length; from += CHUNK) {
    const codes = Array.from(bytes.subarray(from, from + CHUNK), (byte) => (byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/** A short digest of a file's bytes, to tell when a file changed between two passes of a run. */
export function digestOf(bytes: Uint8Array): string {
  return sha1(bytes, 'base64').slice(0, 16);
}

/** The lines of a chrome list file, which the user named `name`; an unreadable one is an `E_CHROME_LIST` error. */
export async function readChromeList(path: string, name: string): Promise<string[]> {
  try {
    return (await readFile(path, 'utf8')).split(/\r?\n/);
  } catch (error) {
    throw new NewsdedupError('E_CHROME_LIST', `Cannot read the chrome list \`${name}\`: ${(error as Error).message}`, { cause: error });
  }
}
