/**
 * A writer's sign-off under an opinion piece: who the writer is ("The writer is a former
 * ambassador …", "The writer teaches …", "The writer, a former minister, is …") and how to reach
 * them (an e-mail or a site's address, an @handle, "X: @name", on lines of their own, or after a
 * personal cue: "He can be reached at someone@example.org"). Found on `../shared/news`, where
 * columnists' sign-offs were blocks linking unrelated op-eds, or stayed under each. Only these
 * shapes are taken, never what a news sentence about a writer says ("The writer was taken to
 * hospital", "The writer is a suspect in the case, the FIR says", "The author, a former officer,
 * was arrested"), nor a service's contact ("The helpline can be reached at 1122").
 */

/** Most words of a writer's sign-off. */
export const WRITER_SIGN_OFF_WORDS = 40;

// What a writer is: "a", "an", "the", "former …", "currently …", "also …", "Dawn's …"; or,
// with no article, an office ("The writer is director of …", "The writer is Senior Puisne Judge",
// "The writer is CEO and MD of …", "The writer is retired chairman of …", "The writers are
// associated with …"), from a list: a news sentence's word after "is" is a verb's or a state's
// ("The writer is expected …", "The writer is in police custody"), never one of these.
const OFFICE = String.raw`(?:(?:director|president|chair(?:man|woman|person)?|dean|head|member|(?:co-?)?founder|editor|professor|secretary|chief|ceo|executive|country)s?|senior|managing|deputy|regional|retired|development|associated with)\b`;
const WHAT = String.raw`(?:(?:an?|the|former|formerly|currently|also|\p{Lu}[\p{L}.-]*['’]s)\s|${OFFICE})`;
// A degree a writer holds: "The writer has an MBA from …", "The writer completed his doctorate in …".
const DEGREE = String.raw`(?:has|holds|completed|earned)\s+(?:an?|his|her|their)\s+(?:mba|phd|doctorate|degree|master['’]?s)\b`;
const WRITER = new RegExp(
  String.raw`^\s*the (?:writer|author|columnist|reviewer)s?(?:\s+(?:is|are|was|has been|had been)\s+${WHAT}|\s+(?:teaches|taught|heads|writes|tweets|represents)\s|\s+${DEGREE}|,\s+${WHAT}[^,]{1,80},\s+(?:(?:is|was|has been)\s+${WHAT}|(?:teaches|taught|heads|writes)\s))`,
  'iu',
);
// A report about a writer, not a sign-off: it says who said so. Not police in a title: "a former
// inspector-general of police", "former inspector general of Balochistan Police", "a former IG police".
const REPORTING = /\b(?:said|says|told|according to|reported|reports|alleged|police|FIR)\b/iu;
const POLICE_TITLE = /\b(?:of|IG|IGP)\s+(?:\p{Lu}\p{L}*\s+)?[Pp]olice\b/gu;
const ADDRESS = String.raw`(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{2,}|(?:https?:\/\/)?www\.[\w-]+(?:\.[\w-]+)+\/?)`;
// A mail's or a social site's label: "Email:", "Contact:", "X:", markdown's emphasis on it allowed ("X*: @name*").
const LABEL = String.raw`(?:e-?mail|contacts?|x|twitter|instagram|facebook|web(?:site)?)[*_]{0,2}\s*:\s*`;
// An address as markdown may give it: emphasised ("X: *@hidhussain*") or a link ("X: [@name][1]",
// "[@name](https://x.com/name)").
const MARKED_ADDRESS = String.raw`(?:[*_]{0,2}${ADDRESS}[*_]{0,2}|\[${ADDRESS}\](?:\[\d+\]|\([^\s)]*\))?)`;
// A handle without its "@" after a social site's label, a letter in it: "X: mrsultan713".
const BARE_HANDLE = String.raw`(?:x|twitter|instagram)[*_]{0,2}\s*:\s*[*_]{0,2}(?=[\w.]*[a-z])[\w.]{3,}[*_]{0,2}`;
// Addresses alone: an e-mail, an @handle, or a site's home (not a link to a page: an embedded post
// stays), a full stop after the last allowed ("Email: someone@example.org."). Each apart from the
// next by a space or a mark no address holds: an address's own dots may end it anywhere, and
// addresses read one after another with nothing between could be cut in exponentially many ways.
const CONTACT = String.raw`(?:(?:${LABEL})?${MARKED_ADDRESS}|${BARE_HANDLE})`;
const CONTACT_LINE = new RegExp(String.raw`^\s*${CONTACT}(?:[\s,;|/]+${CONTACT})*[\s,;|/]*\.?\s*$`, 'iu');
// A personal cue, with an address after it: "He can be reached at …", "She can be contacted at …",
// "He tweets @someone", "Reach out at … someone@example.org".
const CONTACT_CUE = new RegExp(
  String.raw`\b(?:(?:he|she|they|the (?:writer|author|columnist))\s+(?:can be (?:reached|contacted) at|tweets)|reach (?:out to )?(?:him|her|them|out) at)\b.*${ADDRESS}`,
  'iu',
);

/** A site's address, in any case: with "@", what every address a cue ends with holds (see {@link isContactCue}). */
const MAY_BE_SITE = /www\./i;

/** Most characters of a line with a personal cue: a writer's sign-off, {@link WRITER_SIGN_OFF_WORDS} words. */
const CUE_CHARS = 600;

// A credit: who else reported, wrote or edited ("Additional reporting by …", "With input from APP").
const CREDIT = /^\W*(?:additional (?:reporting|input|inputs) (?:by|from)|(?:with )?(?:additional )?inputs? from|reporting by|written by|edited by|compiled by)\b|\bcontributed to this (?:report|story)\W*$/iu;
// At most fifteen words (runs of non-space): told within the first sixteen, however long the line, before the credit's own test reads it all.
const CREDIT_LENGTH = /^\s*(?:\S+(?:\s+|$)){0,15}$/u;

/** True for a line that credits who else reported or edited the story, short as such a line is. */
export function isCreditLine(line: string): boolean {
  return CREDIT_LENGTH.test(line) && CREDIT.test(line);
}

/** True for a line of contacts alone: "khurram.husain@gmail.com", "X: @khurramhusain", "www.example.pk". */
export function isContactLine(line: string): boolean {
  return line.trim() !== '' && CONTACT_LINE.test(line);
}

/** True for a paragraph that gives how to reach the writer after a personal cue: "He can be reached at someone@example.org". */
export function isContactCue(text: string): boolean {
  // A cue and an address stand in a short line; read on a long paragraph, `.*` would try every cue against the rest.
  if (text.length > CUE_CHARS) return false;
  // Every address holds an "@" or a "www.": a line with neither is no cue, told without trying the cue at each of its places.
  if (!text.includes('@') && !MAY_BE_SITE.test(text)) return false;
  return CONTACT_CUE.test(text);
}

/** True for a paragraph that says who the writer is, or how to reach them after a personal cue. */
export function isWriterLine(text: string): boolean {
  return (WRITER.test(text) && !REPORTING.test(text.replace(POLICE_TITLE, ''))) || isContactCue(text);
}

/** True when `text`, a block's wording of a line or a few, reads as a writer's sign-off: a writer's line, or contacts alone. */
export function readsAsSignOff(text: string): boolean {
  if (isWriterLine(text)) return true;
  const lines = text.split(/\r?\n|\r/).filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every(isContactLine);
}
