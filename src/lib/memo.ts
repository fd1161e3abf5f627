/**
 * `compute` remembered per key, for work repeated on the same text: a holder sentence is verified
 * against each of its copies. The memory is bounded: past `limit` keys it starts over rather than
 * grow with the corpus.
 */
export function memoize<V>(compute: (key: string) => V, limit = 20_000): (key: string) => V {
  const seen = new Map<string, V>();
  return (key: string): V => {
    let value = seen.get(key);
    if (value === undefined) {
      if (seen.size >= limit) seen.clear();
      value = compute(key);
      seen.set(key, value);
    }
    return value;
  };
}
