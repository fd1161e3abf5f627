/** A top-level member of a JSON object text: its key and where its value stands, `[start, end)`. */
export interface JsonMember {
  readonly key: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** The layout of a JSON object text: its members in order, the index of its closing brace, and its separators. */
export interface JsonObjectLayout {
  readonly members: readonly JsonMember[];
  readonly close: number;
  /** What stands between a key and its value in this text (`:` or `: `), so added members look alike. */
  readonly colon: string;
  /** What stands between two members (`,` or `, `). */
  readonly comma: string;
}

/**
 * Lays out a JSON object text that `JSON.parse` has already accepted. Only the top level is
 * walked; nested values are skipped over as spans.
 */
export function layoutJsonObject(text: string): JsonObjectLayout {
  const members: JsonMember[] = [];
  let colon = ':';
  let comma: string | undefined;
  let i = skipSpace(text, text.indexOf('{') + 1);
  while (i < text.length && text.charCodeAt(i) !== 0x7d) {
    const keyEnd = endOfString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    const valueStart = skipSpace(text, text.indexOf(':', keyEnd) + 1);
    if (members.length === 0) colon = text.slice(keyEnd, valueStart);
    const valueEnd = endOfValue(text, valueStart);
    members.push({ key, valueStart, valueEnd });
    let next = skipSpace(text, valueEnd);
    if (text.charCodeAt(next) === 0x2c) {
      const after = skipSpace(text, next + 1);
      if (members.length === 1) comma = text.slice(valueEnd, after);
      next = after;
    }
    i = next;
  }
  const spaced = colon.endsWith(' ') || colon.includes('\n');
  // An object of one member shows no comma: take a space after one where there is a space after the colon.
  return { members, close: i, colon: colon.replace(/\s+$/, (space) => (space.includes('\n') ? ' ' : space)), comma: comma === undefined ? (spaced ? ', ' : ',') : comma.includes('\n') ? ', ' : comma };
}

/**
 * The JSON object text with some members' values replaced and others appended before its closing
 * brace; every other byte is kept. A key that stands twice is replaced where it stands last (where
 * `JSON.parse` takes it from).
 */
export function spliceJsonObject(text: string, layout: JsonObjectLayout, values: ReadonlyMap<string, string>): string {
  const last = new Map<string, JsonMember>();
  for (const member of layout.members) last.set(member.key, member);
  const replaced = [...values.keys()].filter((key) => last.has(key)).map((key) => last.get(key) as JsonMember).sort((a, b) => a.valueStart - b.valueStart);
  const parts: string[] = [];
  let at = 0;
  for (const member of replaced) {
    parts.push(text.slice(at, member.valueStart), values.get(member.key) as string);
    at = member.valueEnd;
  }
  // Appended members go right after the last value, so the object's own closing layout is kept.
  const lastMember = layout.members[layout.members.length - 1];
  const appendAt = lastMember === undefined ? layout.close : lastMember.valueEnd;
  parts.push(text.slice(at, appendAt));
  let first = lastMember === undefined;
  for (const [key, value] of values) {
    if (last.has(key)) continue;
    parts.push(`${first ? '' : layout.comma}${JSON.stringify(key)}${layout.colon}${value}`);
    first = false;
  }
  parts.push(text.slice(appendAt));
  return parts.join('');
}

/**
 * A string as a JSON string literal, with every character outside ASCII escaped when `asciiOnly`
 * (as Python's `json.dumps` writes by default), so a rewritten value looks like its neighbours.
 */
export function jsonString(value: string, asciiOnly: boolean): string {
  const literal = JSON.stringify(value);
  return asciiOnly ? literal.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : literal;
}

/** True when a JSON literal holds only ASCII but stands for text that does not: it was written escaped. */
export function isAsciiEscaped(literal: string, value: string): boolean {
  return !/[^\x00-\x7f]/.test(literal) && /[^\x00-\x7f]/.test(value);
}

function skipSpace(text: string, i: number): number {
  let at = i;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
    at += 1;
  }
  return at;
}

function endOfString(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

function endOfValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === 0x22) return endOfString(text, start);
  if (first !== 0x7b && first !== 0x5b) {
    let at = start;
    while (at < text.length && !/[\s,}\]]/.test(text.charAt(at))) at += 1;
    return at;
  }
  let depth = 0;
  let at = start;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 0x22) {
      at = endOfString(text, at);
      continue;
    }
    if (code === 0x7b || code === 0x5b) depth += 1;
    else if (code === 0x7d || code === 0x5d) {
      depth -= 1;
      if (depth === 0) return at + 1;
    }
    at += 1;
  }
  return at;
}
