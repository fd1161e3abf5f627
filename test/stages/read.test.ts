import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryProblem, decode, firstInvalidUtf8, read } from '../../src/stages/read.js';
import { temporaryDirectory } from '../helpers.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decode', () => {
  it('strips a UTF-8 byte-order mark', () => {
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Pakistan’s')]))).toMatchObject({ ok: true, text: 'Pakistan’s', encoding: 'utf-8' });
  });

  it('decodes UTF-16 with either byte order by its mark', () => {
    const little = Uint8Array.from([0xff, 0xfe, ...Buffer.from('Kabul', 'utf16le')]);
    const big = Uint8Array.from([0xfe, 0xff, ...Buffer.from('Kabul', 'utf16le').swap16()]);
    expect(decode(little)).toMatchObject({ ok: true, text: 'Kabul', encoding: 'utf-16le' });
    expect(decode(big)).toMatchObject({ ok: true, text: 'Kabul', encoding: 'utf-16be' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252 and says where UTF-8 failed', () => {
    // "Café “quoted”" in Windows-1252.
    const decoded = decode(bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94));
    expect(decoded).toMatchObject({ ok: true, text: 'Café “q”', encoding: 'windows-1252', invalidAt: 3 });
  });

  it('calls a file with a NUL byte binary', () => {
    expect(decode(bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01))).toEqual({ ok: false, reason: 'binary', at: 4, byte: 0 });
  });

  it('calls a file binary when it is not UTF-8 and control bytes run through it, with no NUL', () => {
    // A gzip-like header and packed bytes: no NUL, not UTF-8, a control byte every few bytes.
    const packed = bytes(0x1f, 0x8b, 0x08, 0x08, 0x9c, 0x31, 0x02, 0xe7, 0x61, 0x03, 0xb5, 0x04, 0xfe, 0x12, 0x8c, 0x05);
    expect(decode(packed)).toEqual({ ok: false, reason: 'binary', at: 0, byte: 0x1f });
    expect(binaryProblem('photo.txt', { at: 2, byte: 0x08 }).message).toBe('Cannot use `photo.txt`: control bytes (the first, 0x08, at byte 2) in a file that is not UTF-8 mean it is binary, not text; skipped.');
  });

  it('reads a Windows-1252 text with a stray control byte as text, and control bytes in UTF-8 as text', () => {
    const legacy = new Uint8Array(400).fill(0x61);
    legacy[10] = 0xe9; // é in Windows-1252
    legacy[200] = 0x01;
    legacy[399] = 0x1a; // DOS end of file
    expect(decode(legacy)).toMatchObject({ ok: true, encoding: 'windows-1252', invalidAt: 10 });
    expect(decode(bytes(0x61, 0x01, 0x02, 0x03, 0x62))).toMatchObject({ ok: true, encoding: 'utf-8' });
    // A short legacy text with three stray control bytes is still text; a fourth makes it binary.
    const short = bytes(0x43, 0x61, 0x66, 0xe9, 0x01, 0x20, 0x02, 0x20, 0x03, 0x2e);
    expect(decode(short)).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(decode(bytes(...short, 0x04))).toMatchObject({ ok: false, reason: 'binary', at: 4 });
  });

  it('finds the first byte that breaks UTF-8, and none in valid text', () => {
    expect(firstInvalidUtf8(utf8('Islamabad’s “talks” 中国 😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0x80))).toBe(1); // overlong
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xe2, 0x80))).toBe(2); // truncated
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // surrogate
  });

  it('decodes as UTF-8 exactly the bytes in which the byte-by-byte scan finds no fault', () => {
    const byte = fc.oneof(fc.integer({ min: 1, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc0, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x80, 0xa0, 0xbf));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (values) => {
        const decoded = decode(Uint8Array.from([0x61, ...values]));
        const invalidAt = firstInvalidUtf8(Uint8Array.from([0x61, ...values]));
        // Control bytes, counted apart: more than 1% of a file that is not UTF-8 make it binary.
        const controls = values.filter((value) => (value < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b].includes(value)) || value === 0x7f).length;
        const binary = invalidAt >= 0 && controls >= 4 && controls * 100 > values.length + 1;
        expect(decoded.ok ? decoded.encoding : decoded.reason).toBe(invalidAt < 0 ? 'utf-8' : binary ? 'binary' : 'windows-1252');
        if (decoded.ok) expect(decoded.invalidAt).toBe(invalidAt);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('read', () => {
  it('reports a file that vanished after listing as a problem, not an exception', async () => {
    const outcome = await read({ absolute: join(temporaryDirectory(), 'gone.txt'), path: 'gone.txt' });
    expect(outcome).toMatchObject({ ok: false, problem: { path: 'gone.txt', code: 'E_READ', severity: 'error' } });
  });

  it('warns of a Markdown file whose front matter is not YAML, and reads its body', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'broken.md'), '---\ntitle: "Unclosed quote\ndate: [2024-01-02\n---\nMarket reopens after fire\n');
    const outcome = await read({ absolute: join(directory, 'broken.md'), path: 'news/broken.md' });
    expect(outcome).toMatchObject({ ok: true, article: { text: 'Market reopens after fire\n' }, warning: { path: 'news/broken.md', code: 'W_FRONT_MATTER', severity: 'warning' } });
    expect(outcome.ok && outcome.warning?.message).toMatch(/^`news\/broken\.md`: its front matter is not valid YAML \(.+\); its fields are not read\.$/);
  });

  it('gives an empty file as an article with no text', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'empty.txt'), '');
    expect(await read({ absolute: join(directory, 'empty.txt'), path: 'empty.txt' })).toMatchObject({ ok: true, article: { path: 'empty.txt', text: '' }, warning: undefined });
  });
});
