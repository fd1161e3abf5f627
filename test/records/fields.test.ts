import { describe, expect, it } from 'vitest';
import { isNewsdedupError } from '../../src/errors.js';
import { dateOfValue, hostOf, missingFieldMessage, parseDate, resolveFields, textOfValue, validateFieldOptions } from '../../src/records/fields.js';

const SCRAPED = ['title', 'author', 'content', 'tags', 'categories', 'image', 'retrievedAt', 'source', 'link', 'dateList', 'date_published'];

describe('resolveFields', () => {
  it('picks content, link, date_published and source in scraped news records with no options', () => {
    expect(resolveFields({}, SCRAPED)).toEqual({ ok: true, fields: { text: 'content', id: 'link', title: 'title', date: 'date_published', source: 'source', url: 'link' } });
  });

  it('takes the first default that exists, in order of preference', () => {
    const result = resolveFields({}, ['body', 'text', 'url', 'id', 'headline', 'published', 'domain']);
    expect(result).toEqual({ ok: true, fields: { text: 'text', id: 'id', title: 'headline', date: 'published', source: 'domain', url: 'url' } });
  });

  it('leaves a role unset when no field fits', () => {
    expect(resolveFields({}, ['x', 'y'])).toEqual({ ok: true, fields: { text: undefined, id: undefined, title: undefined, date: undefined, source: undefined, url: undefined } });
  });

  it('uses a named field, and skips a default that is named for another role', () => {
    const result = resolveFields({ textField: 'summary', titleField: 'content' }, ['summary', 'content', 'text']);
    expect(result).toMatchObject({ ok: true, fields: { text: 'summary', title: 'content' } });
  });

  it('reports a named field that the file does not have', () => {
    const result = resolveFields({ dateField: 'when' }, SCRAPED);
    expect(result).toEqual({ ok: false, missing: { role: 'date', field: 'when', flag: '--date-field' } });
    const message = missingFieldMessage('news.jsonl', { role: 'date', field: 'when', flag: '--date-field' }, SCRAPED);
    expect(message).toBe('`news.jsonl` has no field `when` (--date-field); it has `title`, `author`, `content`, `tags`, `categories`, `image`, `retrievedAt`, `source`, `link`, `dateList`, `date_published`; skipped.');
    expect(message).not.toContain('\n');
  });
});

describe('validateFieldOptions', () => {
  it('refuses one field named for two roles, before anything runs', () => {
    let caught: unknown;
    try {
      validateFieldOptions({ textField: 'content', titleField: 'content' });
    } catch (error) {
      caught = error;
    }
    expect(isNewsdedupError(caught) && caught.code).toBe('E_BAD_OPTION');
    expect((caught as Error).message).toBe('Field `content` is named both by --text-field and by --title-field; a field plays one role.');
  });

  it('refuses an empty field name', () => {
    expect(() => validateFieldOptions({ idField: ' ' })).toThrow('--id-field needs a field name.');
  });

  it('accepts distinct names', () => {
    expect(() => validateFieldOptions({ textField: 'body', idField: 'guid', dateField: 'when' })).not.toThrow();
  });
});

describe('parseDate', () => {
  it.each([
    ['2025-01-02', Date.UTC(2025, 0, 2)],
    ['2025-01-01T16:08:00.000Z', Date.UTC(2025, 0, 1, 16, 8)],
    ['2025-01-01T16:08:00.5Z', Date.UTC(2025, 0, 1, 16, 8, 0, 500)],
    ['2025-01-01 16:08:00', Date.UTC(2025, 0, 1, 16, 8)],
    ['2025-01-01T21:08:00+05:00', Date.UTC(2025, 0, 1, 16, 8)],
    ['2025-01-01T11:08-0500', Date.UTC(2025, 0, 1, 16, 8)],
    ['Wed, 01 Jan 2025 16:08:00 +0000', Date.UTC(2025, 0, 1, 16, 8)],
    ['Wed, 01 Jan 2025 16:08:00 GMT', Date.UTC(2025, 0, 1, 16, 8)],
    ['1 Jan 2025 18:08 +0200', Date.UTC(2025, 0, 1, 16, 8)],
    ['January 2, 2025', Date.UTC(2025, 0, 2)],
    ['Jan 2nd, 2025', Date.UTC(2025, 0, 2)],
    ['Sept. 30, 2024', Date.UTC(2024, 8, 30)],
    ['Thursday, January 2, 2025', Date.UTC(2025, 0, 2)],
    ['2 Jan 2025', Date.UTC(2025, 0, 2)],
    ['2 January 2025', Date.UTC(2025, 0, 2)],
    ['  2025-03-04  ', Date.UTC(2025, 2, 4)],
  ])('reads %j', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each(['', 'yesterday', '2025-02-30', '2025-13-01', '31 Foo 2025', 'January 32, 2025', '02/01/2025', '2025-01-01T25:00:00Z'])('gives no date for %j', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('dateOfValue', () => {
  it('reads epoch seconds and milliseconds, and keeps the raw text', () => {
    expect(dateOfValue(1735747680)).toEqual({ raw: '1735747680', ms: 1735747680000 });
    expect(dateOfValue(1735747680000)).toEqual({ raw: '1735747680000', ms: 1735747680000 });
    expect(dateOfValue('not a date')).toEqual({ raw: 'not a date', ms: undefined });
    expect(dateOfValue(null)).toBeUndefined();
    expect(dateOfValue(new Date(Date.UTC(2025, 0, 2)))).toEqual({ raw: '2025-01-02T00:00:00.000Z', ms: Date.UTC(2025, 0, 2) });
  });
});

describe('textOfValue', () => {
  it.each([
    ['abc', 'abc'],
    [42, '42'],
    [12345678901234567890n, '12345678901234567890'],
    [true, 'true'],
    [['a', 1], '["a",1]'],
    [{ k: 2n }, '{"k":"2"}'],
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
  ])('turns value %# into its text', (value, expected) => {
    expect(textOfValue(value)).toBe(expected);
  });
});

describe('hostOf', () => {
  it('takes the host of a URL, lower-cased, without www.', () => {
    expect(hostOf('https://WWW.Example.org/a/b?c')).toBe('example.org');
    expect(hostOf('http://news.example.com:8080/')).toBe('news.example.com');
    expect(hostOf('not a url')).toBeUndefined();
    expect(hostOf('/relative/path')).toBeUndefined();
  });
});
