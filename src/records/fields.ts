import { NewsdedupError } from '../errors.js';

/** Which field of a record plays which role. Each is a field name; unset means the defaults below. */
export interface FieldOptions {
  /** The article's text. @default the first that exists of `text`, `content`, `body`, `article` */
  readonly textField?: string | undefined;
  /** The article's id. @default `id`, else `url` or `link`, else `file:line` (or `file#row`) */
  readonly idField?: string | undefined;
  /** The article's title. @default `title`, else `headline` */
  readonly titleField?: string | undefined;
  /** The article's date. @default the first that exists of {@link DEFAULT_FIELDS}`.date` */
  readonly dateField?: string | undefined;
  /** The article's outlet. @default `source`, `site`, `domain` or `outlet`, else the host of the URL */
  readonly sourceField?: string | undefined;
}

/** The roles a field can play. */
export type FieldRole = 'text' | 'id' | 'title' | 'date' | 'source';

/** Candidate field names per role, in order of preference. `url` serves the id and the source's host. */
export const DEFAULT_FIELDS = {
  text: ['text', 'content', 'body', 'article'],
  id: ['id', 'url', 'link'],
  title: ['title', 'headline'],
  date: ['date', 'date_published', 'published', 'publish_date', 'published_at', 'datePublished', 'pubDate', 'datetime'],
  source: ['source', 'site', 'domain', 'outlet'],
  url: ['url', 'link'],
} as const;

const ROLES: readonly FieldRole[] = ['text', 'id', 'title', 'date', 'source'];
const OPTION_OF: Readonly<Record<FieldRole, keyof FieldOptions>> = {
  text: 'textField',
  id: 'idField',
  title: 'titleField',
  date: 'dateField',
  source: 'sourceField',
};
const FLAG_OF: Readonly<Record<FieldRole, string>> = {
  text: '--text-field',
  id: '--id-field',
  title: '--title-field',
  date: '--date-field',
  source: '--source-field',
};

/** The fields of one file, resolved: a field name per role, or `undefined` when the file has none. */
export interface ResolvedFields {
  readonly text: string | undefined;
  readonly id: string | undefined;
  readonly title: string | undefined;
  readonly date: string | undefined;
  readonly source: string | undefined;
  /** Where the source's host comes from when there is no source field. */
  readonly url: string | undefined;
}

/**
 * Checks field options before anything runs: a name must not be empty, and one field cannot play
 * two roles. Throws `E_BAD_OPTION`.
 */
export function validateFieldOptions(options: FieldOptions): void {
  const seen = new Map<string, FieldRole>();
  for (const role of ROLES) {
    const name = options[OPTION_OF[role]];
    if (name === undefined) continue;
    if (name.trim() === '') throw new NewsdedupError('E_BAD_OPTION', `${FLAG_OF[role]} needs a field name.`);
    const other = seen.get(name);
    if (other !== undefined) {
      throw new NewsdedupError('E_BAD_OPTION', `Field \`${name}\` is named both by ${FLAG_OF[other]} and by ${FLAG_OF[role]}; a field plays one role.`);
    }
    seen.set(name, role);
  }
}

/** Why a file's fields could not be resolved: a named field that the file does not have. */
export interface MissingField {
  readonly role: FieldRole;
  readonly field: string;
  readonly flag: string;
}

/**
 * Resolves the fields of one file from the field names it has (a header, a schema, or the keys of
 * its first records). A field named in the options must be among them; otherwise the first default
 * that is there, skipping fields named for another role.
 */
export function resolveFields(options: FieldOptions, available: readonly string[]): { readonly ok: true; readonly fields: ResolvedFields } | { readonly ok: false; readonly missing: MissingField } {
  const has = new Set(available);
  const named = new Set(ROLES.map((role) => options[OPTION_OF[role]]).filter((name): name is string => name !== undefined));
  const resolved: Partial<Record<FieldRole, string | undefined>> = {};
  for (const role of ROLES) {
    const name = options[OPTION_OF[role]];
    if (name !== undefined) {
      if (!has.has(name)) return { ok: false, missing: { role, field: name, flag: FLAG_OF[role] } };
      resolved[role] = name;
    } else {
      resolved[role] = DEFAULT_FIELDS[role].find((candidate) => has.has(candidate) && !named.has(candidate));
    }
  }
  const url = DEFAULT_FIELDS.url.find((candidate) => has.has(candidate));
  return { ok: true, fields: { text: resolved.text, id: resolved.id, title: resolved.title, date: resolved.date, source: resolved.source, url } };
}

/** A one-line message for a missing field, listing what the file has (at most 20 names). */
export function missingFieldMessage(path: string, missing: MissingField, available: readonly string[]): string {
  return `\`${path}\` has no field \`${missing.field}\` (${missing.flag}); it has ${fieldList(available)}; skipped.`;
}

/** A one-line message for a file of records with none of the default text fields, listing what it has (`whose`: who has them). */
export function noTextFieldMessage(path: string, available: readonly string[], whose = 'it has'): string {
  return `\`${path}\` has no text field (${DEFAULT_FIELDS.text.map((name) => `\`${name}\``).join(', ')}; name one with --text-field); ${whose} ${fieldList(available)}; skipped.`;
}

/** A file's field names for a message: at most 20, then how many more. */
function fieldList(available: readonly string[]): string {
  if (available.length === 0) return 'no fields';
  const shown = available.slice(0, 20).map((name) => `\`${name}\``).join(', ');
  return available.length > 20 ? `${shown}, and ${available.length - 20} more` : shown;
}

/**
 * A field's value as text for an id, title or source: a string as it is, a number, boolean or
 * bigint as its JSON text, a date as ISO 8601, an array or object as JSON; `null`, `undefined` and
 * the empty string as `undefined`.
 */
export function textOfValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  } catch {
    return undefined;
  }
}

/** A record's date: the value as given, and the instant it names in epoch milliseconds, when it names one. */
export interface RecordDate {
  readonly raw: string;
  readonly ms: number | undefined;
}

/**
 * A date field's value as a {@link RecordDate}. A number is epoch milliseconds, or epoch seconds
 * when below 100,000,000,000 (before 1973 in milliseconds, after 5138 in seconds).
 */
export function dateOfValue(value: unknown): RecordDate | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : { raw: value.toISOString(), ms };
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    const number = Number(value);
    if (!Number.isFinite(number)) return undefined;
    return { raw: String(value), ms: Math.abs(number) < 1e11 ? number * 1000 : number };
  }
  const raw = textOfValue(value);
  return raw === undefined ? undefined : { raw, ms: parseDate(raw) };
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const RFC_2822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s*(Z|UT|UTC|GMT|[+-]\d{4}))?$/;
const MONTH_FIRST = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;

/**
 * Parses a date into epoch milliseconds, the same on every machine: a date without a zone is UTC.
 * Reads ISO 8601 (`2025-01-02`, `2025-01-02T16:08:00.000Z`, `2025-01-02 16:08:00+05:00`), RFC 2822
 * (`Thu, 02 Jan 2025 16:08:00 +0000`), and the plain forms `January 2, 2025`, `Jan 2nd, 2025` and
 * `2 Jan 2025`. Anything else, or a day that does not exist, is `undefined`.
 */
export function parseDate(text: string): number | undefined {
  const value = text.trim();
  let match = ISO.exec(value);
  if (match !== null) {
    const [, year, month, day, hour, minute, second, fraction, zone] = match;
    const ms = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
    return instant(Number(year), Number(month), Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), ms, zone);
  }
  match = RFC_2822.exec(value);
  if (match !== null) {
    const [, day, monthName, year, hour, minute, second, zone] = match;
    const month = MONTHS[(monthName ?? '').toLowerCase()];
    if (month === undefined) return undefined;
    return instant(Number(year), month, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), 0, zone);
  }
  match = MONTH_FIRST.exec(value);
  if (match !== null) {
    const [, monthName, day, year] = match;
    const month = MONTHS[(monthName ?? '').toLowerCase()];
    if (month === undefined) return undefined;
    return instant(Number(year), month, Number(day), 0, 0, 0, 0, undefined);
  }
  return undefined;
}

function instant(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, zone: string | undefined): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms));
  // Date.UTC rolls 31 February over into March; a day that does not exist is no date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime() - zoneOffsetMinutes(zone) * 60_000;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || /^(?:z|ut|utc|gmt)$/i.test(zone)) return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

/** The host of a URL, lower-cased and without a leading `www.`; `undefined` when it is no absolute URL. */
export function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url.trim()).hostname.toLowerCase();
    return host === '' ? undefined : host.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** What the pipeline keeps of a record's metadata: its title, date and source, resolved by the roles' fields. */
export interface RecordMetadata {
  readonly title: string | undefined;
  readonly date: RecordDate | undefined;
  readonly source: string | undefined;
}

/**
 * The title, date and source of a record whose fields are `value` (a Markdown file's front
 * matter, say), by `options` and the defaults; a named field that is missing gives nothing.
 */
export function metadataOf(options: FieldOptions, value: Readonly<Record<string, unknown>>): RecordMetadata {
  const resolution = resolveFields({ ...options, textField: undefined }, Object.keys(value));
  if (!resolution.ok) return { title: undefined, date: undefined, source: undefined };
  const fields = resolution.fields;
  const url = fields.url === undefined ? undefined : textOfValue(value[fields.url]);
  return {
    title: fields.title === undefined ? undefined : textOfValue(value[fields.title]),
    date: fields.date === undefined ? undefined : dateOfValue(value[fields.date]),
    source: (fields.source === undefined ? undefined : textOfValue(value[fields.source])) ?? (url === undefined ? undefined : hostOf(url)),
  };
}
