import type { ChromeReason, Segmentation } from '../types.js';
import { NewsdedupError } from '../errors.js';
import { comparesLongerThan, normalizeForComparison } from '../text/normalize.js';
import { hashString } from '../text/hash.js';
import { countWords } from '../text/words.js';
import { HEADING_WORDS } from '../options.js';
import { isMostlyNumbers } from '../text/figures.js';
import { isHeadingLike } from '../text/heading.js';
import { isContactCue, isContactLine, isCreditLine, isWriterLine, WRITER_SIGN_OFF_WORDS } from '../text/sign-off.js';

/**
 * Lines that are site chrome on any news site: comment forms, post navigation, share prompts.
 * Compared as whole lines, ignoring case and punctuation.
 */
export const BUILT_IN_CHROME: readonly string[] = [
  'Post a Comment',
  'Previous Post Next Post',
  'Previous Post',
  'Next Post',
  'Leave A Reply',
  'Leave a comment',
  'Your email address will not be published.',
  'Your email address will not be published. Required fields are marked *',
  'Required fields are marked *',
  'Cancel reply',
  'Share this article',
  'Share this',
  'Share this story',
  'Share on Facebook',
  'Share on Twitter',
  'Share on WhatsApp',
  'Click to share on Facebook',
  'Click to share on Twitter',
  'Advertisement',
  'Skip to content',
  'Skip to main content',
  'Continue reading',
  'Read more',
  'Related articles',
  'Related posts',
  'Related stories',
  'You may also like',
  'Sign up for our newsletter',
  'Subscribe to our newsletter',
  'Follow us on Twitter',
  'Follow us on X',
  'Follow us on Facebook',
  'Follow us on Instagram',
  'All rights reserved.',
  'Back to top',
  'Notify me of follow-up comments by email.',
  'Notify me of new posts by email.',
];

/**
 * Lines of site chrome that name the site or a network, told by their shape (tested on a line of
 * at most {@link BUILT_IN_PATTERN_WORDS} words): a copyright line ("© Northstar News. All rights
 * reserved.", "Copyright © 2025 Dawn"), a plea to follow the site, with no comma, colon nor
 * quote ("Follow us on X for the latest updates."), and a share prompt that names networks only
 * ("Share this story on Facebook", "Share on X and WhatsApp"). Not "(c) the accused shall appear …", nor
 * "Copyright 1976 Act remains the basis of the law", nor "Follow us on Telegram, the group told …".
 */
const NETWORK = '(?:x|twitter|facebook|instagram|linkedin|youtube|tiktok|threads|whatsapp|telegram|google news|google|snapchat|pinterest|reddit|bluesky)(?: channel)?';
export const BUILT_IN_CHROME_PATTERNS: readonly RegExp[] = [
  /^(?:©|copyright\s*(?:©|\(c\)))/iu,
  /^(?:©|copyright\b)[^"“”]*\ball rights reserved\W*$/iu,
  new RegExp(`^follow us on (?:our )?${NETWORK}(?:\\s*(?:,|and|&|or)\\s*${NETWORK})*(?:\\s+(?:for|to)\\s[^,;:"“”]*)?[.!]?$`, 'iu'),
  new RegExp(`^(?:click to )?share (?:this (?:story|article|post|page|report) )?(?:on|via) ${NETWORK}(?:\\s*(?:,|and|&|or)\\s*${NETWORK})*[.!]?$`, 'iu'),
];
const BUILT_IN_PATTERN_WORDS = 15;
/** How a line the shapes may take opens: most lines are told at their first letter. */
const BUILT_IN_PATTERN_OPENING = /^\s*(?:©|copyright\b|follow us on |share |click to share )/iu;
/** More characters than a line of {@link BUILT_IN_PATTERN_WORDS} words holds, in practice: a longer line is not counted. */
const BUILT_IN_PATTERN_CHARS = 400;

/** Decides whether a line is chrome from the built-in and user lists. */
export interface ChromeList {
  readonly reasonFor: (line: string) => ChromeReason | undefined;
  /** Where the user's `inside:` entries match inside a line: `[start, end)` pairs, ascending. */
  readonly insideOf: (line: string) => readonly (readonly [number, number])[];
}

const NONE: readonly never[] = Object.freeze([]);

/** A chrome list line that removes only what it matches, wherever it stands in a line. */
const INSIDE = /^inside:\s*/i;

/**
 * Compiles the built-in list and the user's lines. A user line written `/pattern/flags` is a
 * regular expression tested against the trimmed line; any other line is compared as a whole line.
 */
export function compileChromeList(userLines: readonly string[], source = 'the chrome list'): ChromeList {
  const builtIn = new Set(BUILT_IN_CHROME.map(normalizeForComparison));
  const userExact = new Set<string>();
  const userPatterns: RegExp[] = [];
  const insidePatterns: RegExp[] = [];
  userLines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const inside = INSIDE.test(trimmed);
    const line = trimmed.replace(INSIDE, '');
    const regex = /^\/(.+)\/([a-z]*)$/s.exec(line);
    if (regex !== null) {
      try {
        const flags = (regex[2] ?? '').replace(/[gy]/g, '');
        if (inside) insidePatterns.push(new RegExp(regex[1] ?? '', `${flags}g`));
        else userPatterns.push(new RegExp(regex[1] ?? '', flags));
      } catch (error) {
        throw new NewsdedupError('E_CHROME_LIST', `Cannot use line ${index + 1} of ${source}: ${(error as Error).message}`, { cause: error });
      }
      return;
    }
    if (inside) insidePatterns.push(new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'));
    else userExact.add(normalizeForComparison(line));
  });
  // Normalising never lengthens a line much, so a paragraph far longer than every listed line is
  // none of them; nor is one with more letters than the longest, told from its first letters.
  // A loop, not a spread: a chrome file may list more lines than a call takes arguments.
  let longest = 0;
  for (const entry of [...builtIn, ...userExact]) longest = Math.max(longest, entry.length);
  const maxLength = longest * 4 + 64;
  return {
    reasonFor(line) {
      const listed = !(line.length > maxLength || comparesLongerThan(line, longest));
      if (listed) {
        const normalized = normalizeForComparison(line);
        if (normalized === '') return undefined;
        if (userExact.has(normalized)) return 'user list';
        if (userPatterns.some((pattern) => pattern.test(line.trim()))) return 'user list';
        if (builtIn.has(normalized)) return 'built-in list';
      } else if (userPatterns.some((pattern) => pattern.test(line.trim()))) return 'user list';
      // Told by its shape, whatever the lists' longest line: by words, not letters.
      if (line.length <= BUILT_IN_PATTERN_CHARS && BUILT_IN_PATTERN_OPENING.test(line) && countWords(line, 0, line.length, BUILT_IN_PATTERN_WORDS + 1) <= BUILT_IN_PATTERN_WORDS && BUILT_IN_CHROME_PATTERNS.some((pattern) => pattern.test(line.trim()))) return 'built-in list';
      return undefined;
    },
    insideOf(line) {
      if (insidePatterns.length === 0) return NONE;
      const found: [number, number][] = [];
      for (const pattern of insidePatterns) {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
          if (match[0] === '') {
            pattern.lastIndex += 1;
            continue;
          }
          found.push([match.index, match.index + match[0].length]);
        }
      }
      return found.sort((a, b) => a[0] - b[0]).filter((span, i, all) => i === 0 || span[0] >= (all[i - 1]?.[1] ?? 0));
    },
  };
}

/**
 * A paragraph that is, or may turn out to be, chrome: on a chrome list, or short enough to be a
 * line repeated across articles (decided once the whole corpus is counted).
 */
export interface LineRecord {
  readonly paragraph: number;
  /** Why the lists make it chrome, or `undefined` when they do not. */
  readonly list: ChromeReason | undefined;
  /** True for a user's `inside:` match: only `[start, end)`, part of the paragraph, is chrome. */
  readonly inside: boolean;
  /**
   * Hash of its template (figures and month names blanked) when it is a short line that holds a
   * figure, or a dated sign-off (see {@link SIGN_OFF_WORDS}), else 0.
   */
  readonly template: number;
  /** True for a line as short as a heading. */
  readonly short: boolean;
  /**
   * True for a short line that reads like a heading and stands inside the story, a long paragraph
   * of it either side and more below ("Way forward", "Question Hour"): a sub-heading, the
   * article's own unless its site repeats it (see `classifyChrome`).
   */
  readonly subheading?: boolean;
  /**
   * True for the article's last line when it reads as a dated sign-off ("Published in Dawn, March
   * 2nd, 2025": see `isDatedSignOff`): chrome once `chromeMinArticles` articles hold it word for
   * word, short or long (see `classifyChrome`).
   */
  readonly dated?: boolean;
  /** True for a short line that ends as a sentence does ("He denied the charges."): see `classifyChrome`. */
  readonly sentence?: boolean;
  /** Hash of its normalised text when it is a short line or a dated sign-off, else 0. */
  readonly hash: number;
  readonly words: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Most words of a dated sign-off: an article's last line, longer than a heading, that holds a date,
 * a month name next to a number ("Published in Dawn, The Business and Finance Weekly, January 13th, 2025"). It
 * is kept as its template only, never as a short line: furniture if its template stands, in many
 * dates, in many of its source's articles (see `isFurnitureTemplate`). A line of a source's daily
 * report ("The rupee closed at 278.50 against the dollar") holds no month and is not one.
 */
const SIGN_OFF_WORDS = 20;

/** The paragraphs of an article that are list chrome, short lines or a dated sign-off, in order. Word counts are its own, not the segmentation's. */
export function chromeCandidates(text: string, segmentation: Segmentation, list: ChromeList): LineRecord[] {
  const records: LineRecord[] = [];
  const { paragraphs } = segmentation;
  // Read once per paragraph: a short line asks of itself and of both its neighbours.
  const numbers: (boolean | undefined)[] = [];
  const numeric = (index: number): boolean => {
    const paragraph = paragraphs[index];
    if (paragraph === undefined) return false;
    let known = numbers[index];
    if (known === undefined) numbers[index] = known = paragraph.end - paragraph.start < 400 && isMostlyNumbers(text.slice(paragraph.start, paragraph.end));
    return known;
  };
  // A paragraph longer than a heading: a story's own text.
  const long = (index: number): boolean => {
    const paragraph = paragraphs[index];
    return paragraph !== undefined && countWords(text, paragraph.start, paragraph.end, HEADING_WORDS + 1) > HEADING_WORDS;
  };
  const lastOwn = lastOwnParagraph(text, paragraphs, list);
  const signOff = writerSignOff(text, paragraphs, list, lastOwn);
  paragraphs.forEach((paragraph, index) => {
    // A paragraph as short as a heading may be repeated chrome, and the last one as short as a
    // sign-off may be a dated one (the last before any line of the lists: "© 2025 The Courier …").
    // Counted only as far as it takes to tell: most paragraphs are long.
    const last = index === lastOwn;
    const upTo = countWords(text, paragraph.start, paragraph.end, (last ? SIGN_OFF_WORDS : HEADING_WORDS) + 1);
    const line = text.slice(paragraph.start, paragraph.end);
    // A table (rows mostly numbers, and the header or label lines beside them) and a label that
    // introduces what follows ("PESHAWAR ZALMI:") are the article's own, however often they repeat.
    // Only a line short enough to matter is asked: most paragraphs are long, and reading a line for figures costs.
    const mayMatter = upTo > 0 && (upTo <= HEADING_WORDS || (last && upTo <= SIGN_OFF_WORDS));
    // A dated sign-off is told by its words, a table's last row above it or not ("BOWLING: Shoaib 1-0-5-0").
    const plain = mayMatter && ((last && isDatedSignOff(line)) || (!numeric(index) && !numeric(index - 1) && !numeric(index + 1) && !/:\s*$/.test(line)));
    const short = plain && upTo <= HEADING_WORDS;
    const datedLast = plain && last && upTo <= SIGN_OFF_WORDS && DATE.test(line.toLowerCase());
    const signOffLine = !short && datedLast;
    const dated = datedLast && isDatedSignOff(line);
    const reason = list.reasonFor(line) ?? (signOff.has(index) ? 'sign-off' : undefined);
    if (reason === undefined) {
      for (const [start, end] of list.insideOf(line)) {
        records.push({ paragraph: index, list: 'user list', inside: true, short: false, hash: 0, template: 0, words: countWords(text, paragraph.start + start, paragraph.start + end), start: paragraph.start + start, end: paragraph.start + end });
      }
    }
    if (!short && !signOffLine && reason === undefined) return;
    const words = short || signOffLine ? upTo : countWords(text, paragraph.start, paragraph.end);
    const normalized = short || signOffLine ? normalizeForComparison(line) : '';
    const template = (short || signOffLine) && /\d/.test(normalized) ? hashString(templateOf(normalized)) : 0;
    const subheading = short && index >= 2 && index + 2 < paragraphs.length && long(index - 1) && long(index + 1) && isHeadingLike(line);
    const sentence = short && ENDS_SENTENCE.test(line);
    records.push({ paragraph: index, list: reason, inside: false, short, ...(subheading ? { subheading } : {}), ...(dated ? { dated } : {}), ...(sentence ? { sentence } : {}), hash: short || signOffLine ? hashString(normalized) : 0, template, words, start: paragraph.start, end: paragraph.end });
  });
  return records;
}

/** A line that ends as a sentence does: a full stop, a question or an exclamation, closing quotes after it allowed. */
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*\s*$/u;

/** The last paragraph that is no line of the chrome lists (a copyright line may follow a sign-off). */
function lastOwnParagraph(text: string, paragraphs: Segmentation['paragraphs'], list: ChromeList): number {
  let index = paragraphs.length - 1;
  for (; index > 0; index -= 1) {
    const paragraph = paragraphs[index];
    if (paragraph === undefined || list.reasonFor(text.slice(paragraph.start, paragraph.end)) === undefined) break;
  }
  return index;
}

/**
 * The paragraphs of a writer's sign-off that end an article (see `src/text/sign-off.ts`): read
 * from the end, over lines of contacts alone and a dated sign-off, a paragraph of at most
 * {@link WRITER_SIGN_OFF_WORDS} words that says who the writer is or how to reach them, with the
 * lines of contacts after it; and the credits that end it ("Additional reporting by …", "With
 * input from APP"). Never the first two paragraphs (a title, a story's opening), and no contacts
 * without a writer's line above them (a site's address at the end of a news story stays). A
 * personal cue ("He can be reached at …") is read over too, for the writer's line above it; with
 * none, it is the sign-off itself. Lines that may close an op-ed after its sign-off are read over
 * and left (see {@link mayFollowSignOff}).
 */
function writerSignOff(text: string, paragraphs: Segmentation['paragraphs'], list: ChromeList, lastOwn: number): ReadonlySet<number> {
  const contacts: number[] = [];
  const credits: number[] = [];
  let cue: number | undefined;
  let index = paragraphs.length - 1;
  for (; index >= 2; index -= 1) {
    const paragraph = paragraphs[index];
    if (paragraph === undefined) break;
    const line = text.slice(paragraph.start, paragraph.end);
    if (isContactLine(line)) contacts.push(index);
    else if (isCreditLine(line)) credits.push(index);
    else if (isContactCue(line) && fewWords(line)) {
      contacts.push(index);
      cue = index;
    } else if (isWriterLine(line)) break;
    else if (list.reasonFor(line) === undefined && !(index === lastOwn && isDatedSignOff(line)) && !mayFollowSignOff(line)) break;
  }
  const paragraph = paragraphs[index];
  const line = paragraph === undefined ? '' : text.slice(paragraph.start, paragraph.end);
  if (index >= 2 && fewWords(line) && isWriterLine(line)) return new Set([index, ...contacts, ...credits]);
  // No writer's line above a personal cue: the cue is the sign-off, with the contacts after it.
  const top = cue;
  if (top !== undefined) return new Set([...contacts.filter((at) => at >= top), ...credits]);
  return credits.length === 0 ? NO_PARAGRAPHS : new Set(credits);
}
const NO_PARAGRAPHS: ReadonlySet<number> = new Set();

/** True for a paragraph of at most {@link WRITER_SIGN_OFF_WORDS} words, as a writer's sign-off is. */
function fewWords(line: string): boolean {
  return countWords(line, 0, line.length, WRITER_SIGN_OFF_WORDS + 1) <= WRITER_SIGN_OFF_WORDS;
}

/**
 * True for a line that may close an op-ed after its writer's sign-off, and is no sentence of it:
 * a header image's caption ("Header image: Commuters ride through smog …"), a note of where the
 * piece ran ("An abridged version of this piece was published in …"), or a line of at most
 * {@link AFTER_SIGN_OFF_WORDS} words that ends no sentence (a campaign's plea, "Join our
 * clean-air campaign"; a photo's credit, "All photos courtesy …"). Found on `../shared/news`,
 * where such a line under the writer's line kept it in place. Read over, never removed here.
 */
function mayFollowSignOff(line: string): boolean {
  if (AFTER_SIGN_OFF.test(line)) return true;
  return !ENDS_SENTENCE.test(line) && countWords(line, 0, line.length, AFTER_SIGN_OFF_WORDS + 1) <= AFTER_SIGN_OFF_WORDS;
}
const AFTER_SIGN_OFF = /^\W*(?:header image\b|an? (?:abridged|shorter|longer|edited|earlier) version of this \w+ (?:was )?(?:first )?(?:published|appeared)\b)/iu;
const AFTER_SIGN_OFF_WORDS = 12;

/**
 * True for a line that reads as a dated sign-off: it opens with the words of one ("Published in
 * Dawn, March 2nd, 2025", "Appeared in …"), names a date, is no sentence, and is no longer than
 * {@link SIGN_OFF_WORDS} words. A dated last line of reporting ("The hearing was adjourned till
 * March 15", "Kick-off: 2000 GMT, March 3", a photo's caption) is none.
 */
function isDatedSignOff(line: string): boolean {
  return SIGN_OFF_OPENING.test(line) && DATE.test(line.toLowerCase()) && !ENDS_SENTENCE.test(line) && countWords(line, 0, line.length, SIGN_OFF_WORDS + 1) <= SIGN_OFF_WORDS;
}
const SIGN_OFF_OPENING = /^\W*(?:(?:first )?published|appeared|printed|posted)\b/iu;

const MONTH = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/g;
// A date: a month name next to a number ("January 13th", "13 March"), so that "may" the verb is
// not one. Not global: `test` keeps no place between calls.
const DATE = new RegExp(`${MONTH.source}\\.?,?\\s+\\d|\\d(?:st|nd|rd|th)?,?\\s+(?:of\\s+)?${MONTH.source}`);

/** A normalised line with its figures, ordinals and month names blanked: "published in dawn # #". */
export function templateOf(normalized: string): string {
  return normalized.replace(MONTH, '#').replace(/\d+(?:st|nd|rd|th)?\b/g, '#');
}
