import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/records/front-matter.js';

describe('splitFrontMatter', () => {
  it('reads the front matter as metadata and keeps the body\'s offsets into the whole text', () => {
    const text = '---\ntitle: Bridge\ndate: 2025-02-11\n---\nThe council voted.\n';
    const front = splitFrontMatter(text);
    expect(front.metadata).toMatchObject({ title: 'Bridge' });
    expect(text.slice(front.bodyStart)).toBe('The council voted.\n');
    expect(text.indexOf('council')).toBe(front.bodyStart + 'The '.length);
  });

  it('accepts CRLF and a closing `...`', () => {
    const text = '---\r\nsource: Herald\r\n...\r\nBody';
    const front = splitFrontMatter(text);
    expect(front).toEqual({ metadata: { source: 'Herald' }, bodyStart: text.indexOf('Body'), error: undefined });
  });

  it('leaves a text without front matter, or with an unclosed one, whole', () => {
    expect(splitFrontMatter('Just text\n---\n')).toEqual({ metadata: {}, bodyStart: 0, error: undefined });
    expect(splitFrontMatter('---\ntitle: x\nno end')).toEqual({ metadata: {}, bodyStart: 0, error: undefined });
  });

  it('keeps front matter that is not valid YAML out of the text, with the reason', () => {
    const text = '---\ntitle: [unclosed\n---\nBody';
    const front = splitFrontMatter(text);
    expect(text.slice(front.bodyStart)).toBe('Body');
    expect(front.metadata).toEqual({});
    expect(front.error).toEqual(expect.any(String));
  });
});
