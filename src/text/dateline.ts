/**
 * A news dateline: a place in capitals, an optional date (its year too) and an optional agency in
 * brackets, then a colon or a spaced dash ("DUBAI: ", "ISLAMABAD, Feb 4 (APP): ", "NEW YORK (AP) — ",
 * "ISLAMABAD/KARACHI:", "LAHORE (AFP/APP):").
 */
const PLACE = String.raw`(\p{Lu}[\p{Lu}'’.\-/ ]{1,40}?)`;
const PARTS = String.raw`${PLACE}(?:, \p{L}{3,9}\.? \d{1,2}(?:, \d{4})?)?(?: \([\p{L} /]{2,20}\))?(?::|\s+[—–-])`;
const DATELINE = new RegExp(`^${PARTS}$`, 'u');
const OPENING = new RegExp(String.raw`^\s*${PARTS}\s*\p{L}`, 'u');

/** True for a lead that is a dateline and nothing more. */
export function isDateline(lead: string): boolean {
  return DATELINE.test(lead.trim());
}

/**
 * Where the story starts in a text that opens with a dateline ("Officials" of "ISLAMABAD, Feb 6
 * (APP): Officials said …"), or -1 when the text opens with none.
 */
export function storyStart(text: string): number {
  const match = OPENING.exec(text);
  if (match === null) return -1;
  const last = match[0].codePointAt(match[0].length - 1) ?? 0;
  return match[0].length - (last > 0xffff ? 2 : 1);
}

/** {@link storyStart} of a text that opens with a dateline of a place, not a label ("BREAKING: "): -1 for none. */
export function storyAfterDateline(text: string): number {
  return datelinePlace(text) === undefined ? -1 : storyStart(text);
}

/** The dateline a text opens with, as written and trimmed ("ISLAMABAD, Feb 6 (APP):"), or undefined (also for a label: see {@link datelinePlace}). */
export function datelineOf(text: string): string | undefined {
  const start = storyAfterDateline(text);
  return start < 0 ? undefined : text.slice(0, start).trim();
}

/** True for a text that opens with a dateline, a word of the story after it. */
export function opensWithDateline(text: string): boolean {
  return OPENING.test(text);
}

/**
 * The place of the dateline a text opens with ("DUBAI" of "DUBAI, Feb 10 (APP): …"), or
 * `undefined`, also for a label in its place ("BREAKING: ", "UPDATE — ").
 */
export function datelinePlace(text: string): string | undefined {
  const place = OPENING.exec(text)?.[1]?.trim();
  return place === undefined || LABELS.has(place) ? undefined : place;
}

/** True when two places name one ("ISLAMABAD" and "ISLAMABAD/RAWALPINDI"). */
export function samePlaces(a: string, b: string): boolean {
  if (a === b) return true;
  const parts = new Set(a.split('/').map((part) => part.trim()));
  return b.split('/').some((part) => parts.has(part.trim()));
}

const LABELS = new Set(['BREAKING', 'BREAKING NEWS', 'UPDATE', 'UPDATED', 'EXCLUSIVE', 'WATCH', 'LIVE', 'ANALYSIS', 'OPINION', 'EDITORIAL', 'VIDEO', 'PHOTOS', 'FACT CHECK', 'FACTBOX', 'EXPLAINER']);
