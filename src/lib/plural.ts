/** `count` and its noun, singular for one: "1 article", "2 articles", "1 match", "3 matches". */
export function counted(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** The noun alone, for `count` of it: `plural(1, 'block')` is "block". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return count === 1 ? noun : nouns;
}
