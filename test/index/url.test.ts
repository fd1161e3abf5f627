import { describe, expect, it } from 'vitest';
import { isPostgresUrl, publicName } from '../../src/index/url.js';

describe('an index name', () => {
  it('tells a PostgreSQL URL from a folder', () => {
    expect(['postgres://h/db', 'postgresql://u@h:5432/db', 'POSTGRES://h/db'].map(isPostgresUrl)).toEqual([true, true, true]);
    expect(['news/.newsdedup', './postgres', 'C:\\index'].map(isPostgresUrl)).toEqual([false, false, false]);
  });

  it('prints a URL with no password, in its user part or its parameters, and a folder as it is', () => {
    expect(publicName('postgres://newsroom:s3cret@db.example.org:5432/news')).toBe('postgres://newsroom@db.example.org:5432/news');
    expect(publicName('postgres://newsroom@db.example.org/news?password=s3cret&sslmode=require')).toBe('postgres://newsroom@db.example.org/news');
    expect(publicName('postgresql://db.example.org')).toBe('postgresql://db.example.org');
    expect(publicName('postgres://u:p@h:99999/x')).toBe('postgres://…');
    expect(publicName('news/.newsdedup')).toBe('news/.newsdedup');
    // A password with an @, / or # not percent-encoded reads as another host: nothing of it is printed.
    expect(publicName('postgres://reader:p@ss/w:rd#1@127.0.0.1:5432/news')).toBe('postgres://…');
    expect(publicName('postgres://reader:p%40ss%2Fw@127.0.0.1:5432/news')).toBe('postgres://reader@127.0.0.1:5432/news');
  });
});
