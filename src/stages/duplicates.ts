/**
 * Which copy came first, and which articles are copies of an earlier one. Pure: dates and digests
 * in, article indices out.
 */

/**
 * The earliest of some articles: by date (epoch ms), undated articles after dated ones, and ties
 * (or no dates at all) in article order.
 */
export function earliestOf(dateOf: (article: number) => number | undefined): (holders: readonly number[]) => number {
  const compare = (a: number, b: number): number => {
    const da = dateOf(a) ?? Number.POSITIVE_INFINITY;
    const db = dateOf(b) ?? Number.POSITIVE_INFINITY;
    return da < db ? -1 : da > db ? 1 : a - b;
  };
  return (holders) => holders.reduce((best, article) => (compare(article, best) < 0 ? article : best), holders[0] ?? 0);
}

/**
 * For each article whose text, as compared, equals another's (a reprint, a story saved twice), the
 * earliest copy it duplicates; `undefined` for the rest. `digests[a]` is article `a`'s digest of its
 * compared text, '' for an article of no words, which is never a duplicate.
 */
export function findDuplicates(digests: readonly string[], earliest: (holders: readonly number[]) => number): (number | undefined)[] {
  const duplicateOf = new Array<number | undefined>(digests.length).fill(undefined);
  const groups = new Map<string, number[]>();
  digests.forEach((digest, article) => {
    if (digest === '') return;
    const group = groups.get(digest);
    if (group === undefined) groups.set(digest, [article]);
    else group.push(article);
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const original = earliest(group);
    for (const article of group) if (article !== original) duplicateOf[article] = original;
  }
  return duplicateOf;
}

/**
 * How a duplicate names its original: by the original's id, or by its key (`file#id`) when it has
 * no id or the same id as the duplicate (one record saved in two files), which would name itself.
 */
export function originalName(originalId: string | undefined, originalKey: string, ownId: string | undefined): string {
  return originalId !== undefined && originalId !== ownId ? originalId : originalKey;
}
