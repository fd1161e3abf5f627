import { describe, expect, it } from 'vitest';
import { isAsciiEscaped, jsonString, layoutJsonObject, spliceJsonObject } from '../../src/records/json-object.js';

const splice = (text: string, values: Record<string, string>) => spliceJsonObject(text, layoutJsonObject(text), new Map(Object.entries(values)));

describe('spliceJsonObject', () => {
  it('replaces one value and keeps every other byte', () => {
    const text = '{"title": "T", "content": "old \\"text\\"", "n": [1, {"x": "}"}], "z": null}';
    expect(splice(text, { content: '"new"' })).toBe('{"title": "T", "content": "new", "n": [1, {"x": "}"}], "z": null}');
  });

  it('appends new members in the object\'s own separator style', () => {
    expect(splice('{"a": 1, "b": 2}', { c: '3' })).toBe('{"a": 1, "b": 2, "c": 3}');
    expect(splice('{"a":1,"b":2}', { c: '3' })).toBe('{"a":1,"b":2,"c":3}');
    expect(splice('{}', { c: '3' })).toBe('{"c":3}');
    expect(splice('{ "a" : 1 }', { c: '3' })).toBe('{ "a" : 1, "c" : 3 }');
  });

  it('replaces a key that stands twice where it stands last, as JSON.parse reads it', () => {
    expect(splice('{"t": "a", "t": "b"}', { t: '"c"' })).toBe('{"t": "a", "t": "c"}');
  });

  it('keeps a pretty-printed object parseable', () => {
    const text = '{\n  "a": 1,\n  "b": "x"\n}';
    const out = splice(text, { b: '"y"', c: 'true' });
    expect(JSON.parse(out)).toEqual({ a: 1, b: 'y', c: true });
    expect(out.startsWith('{\n  "a": 1,\n  "b": "y"')).toBe(true);
  });
});

describe('jsonString', () => {
  it('escapes non-ASCII characters when the input did', () => {
    expect(jsonString('world’s', true)).toBe('"world\\u2019s"');
    expect(jsonString('world’s', false)).toBe('"world’s"');
    expect(isAsciiEscaped('"world\\u2019s"', 'world’s')).toBe(true);
    expect(isAsciiEscaped('"world’s"', 'world’s')).toBe(false);
    expect(isAsciiEscaped('"plain"', 'plain')).toBe(false);
  });
});
