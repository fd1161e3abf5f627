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

/** True for a text that opens with a dateline, a word of the story after it. */
export function opensWithDateline(text: string): boolean {
  return OPENING.test(text);
}

/** The place of the dateline a text opens with ("DUBAI" of "DUBAI, Feb 10 (APP): …"), or `undefined`. */
export function datelinePlace(text: string): string | undefined {
  return OPENING.exec(text)?.[1]?.trim();
}
