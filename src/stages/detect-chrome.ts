import type { ChromeReason, Segmentation } from '../types.js';
import { NewsdedupError } from '../errors.js';
import { normalizeForComparison } from '../text/normalize.js';

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
  'Back to top',
  'Notify me of follow-up comments by email.',
  'Notify me of new posts by email.',
];

/** Decides whether a line is chrome from the built-in and user lists. */
export interface ChromeList {
  readonly reasonFor: (line: string) => ChromeReason | undefined;
}

/**
 * Compiles the built-in list and the user's lines. A user line written `/pattern/flags` is a
 * regular expression tested against the trimmed line; any other line is compared as a whole line.
 */
export function compileChromeList(userLines: readonly string[], source = 'the chrome list'): ChromeList {
  const builtIn = new Set(BUILT_IN_CHROME.map(normalizeForComparison));
  const userExact = new Set<string>();
  const userPatterns: RegExp[] = [];
  userLines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const regex = /^\/(.+)\/([a-z]*)$/s.exec(line);
    if (regex !== null) {
      try {
        userPatterns.push(new RegExp(regex[1] ?? '', (regex[2] ?? '').replace(/[gy]/g, '')));
      } catch (error) {
        throw new NewsdedupError('E_CHROME_LIST', `Cannot use line ${index + 1} of ${source}: ${(error as Error).message}`, { cause: error });
      }
      return;
    }
    userExact.add(normalizeForComparison(line));
  });
  return {
    reasonFor(line) {
      const normalized = normalizeForComparison(line);
      if (normalized === '') return undefined;
      if (userExact.has(normalized) || userPatterns.some((pattern) => pattern.test(line.trim()))) return 'user list';
      if (builtIn.has(normalized)) return 'built-in list';
      return undefined;
    },
  };
}

/** The chrome reason of each paragraph by the lists, or `undefined` where it is not chrome. */
export function detectChrome(text: string, segmentation: Segmentation, list: ChromeList): (ChromeReason | undefined)[] {
  return segmentation.paragraphs.map((paragraph) => list.reasonFor(text.slice(paragraph.start, paragraph.end)));
}
