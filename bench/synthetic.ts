/**
 * Novel sentences without any real text: a small news-like grammar over a large vocabulary of
 * made-up words. It ships with the repository, so the benchmark (and its smoke test) behaves the
 * same on every machine, with or without `../shared`.
 *
 * Why it cannot repeat itself by chance: newsdedup pairs two sentences only when they share 3 of
 * the 8 entries of a sketch of their 3-word shingles, and then only when their Dice score is 0.8 or
 * more. Nearly every 3-word window of a sentence made here holds a content word, and content words
 * are drawn from about 40,000; two sentences share a run of several words with a probability
 * far below one in a billion, where a Markov chain trained on five articles repeats whole sentences.
 */
import type { TextSource } from './generate.js';
import { random } from './generate.js';

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cl', 'dr', 'fl', 'gr', 'kr', 'pl', 'pr', 'sh', 'st', 'tr', 'th', 'ch', 'sk'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'io', 'y'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 't', 'm', 'nd', 'rk', 'st', 'x', 'ng'];

/** `count` distinct made-up words of 2 or 3 syllables, each passed through `shape`. */
function vocabulary(count: number, seed: number, taken: Set<string>, shape: (word: string) => string): string[] {
  const rand = random(seed);
  const pick = (items: readonly string[]): string => items[Math.floor(rand() * items.length)] ?? '';
  const words: string[] = [];
  while (words.length < count) {
    const syllables = 2 + (rand() < 0.35 ? 1 : 0);
    let stem = '';
    for (let s = 0; s < syllables; s += 1) stem += pick(ONSETS) + pick(VOWELS) + (s === syllables - 1 || rand() < 0.3 ? pick(CODAS) : '');
    const word = shape(stem);
    if (taken.has(word)) continue;
    taken.add(word);
    words.push(word);
  }
  return words;
}

const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

const DETERMINERS = ['the', 'the', 'the', 'a', 'this', 'every', 'their', 'its', 'one', 'another'];
const PREPOSITIONS = ['in', 'on', 'at', 'from', 'with', 'near', 'after', 'before', 'under', 'across', 'during', 'against', 'beyond'];
const CONJUNCTIONS = ['and', 'but', 'while', 'because', 'although', 'after', 'so'];
const REPORTING = ['said', 'told reporters', 'added', 'wrote', 'confirmed'];

/** The seeded grammar's text source. The vocabulary is fixed; the sentences follow `rand`. */
export function syntheticText(): TextSource {
  const taken = new Set<string>([...DETERMINERS, ...PREPOSITIONS, ...CONJUNCTIONS, ...REPORTING.flatMap((phrase) => phrase.split(' '))]);
  const nouns = vocabulary(20_000, 1, taken, (stem) => stem);
  const adjectives = vocabulary(8_000, 2, taken, (stem) => `${stem}ic`);
  const verbs = vocabulary(6_000, 3, taken, (stem) => `${stem}ed`);
  const names = vocabulary(4_000, 4, taken, capital);
  const places = vocabulary(2_000, 5, taken, (stem) => `${capital(stem)}ia`);

  return {
    name: 'synthetic',
    sentence(rand: () => number): string {
      const pick = (items: readonly string[]): string => items[Math.floor(rand() * items.length)] ?? '';
      const nounPhrase = (): string[] => {
        const words: string[] = [];
        const roll = rand();
        if (roll < 0.12) words.push(String(2 + Math.floor(rand() * 998)));
        else if (roll < 0.2) return [pick(names), pick(names)];
        else if (roll < 0.26) return [pick(places)];
        else words.push(pick(DETERMINERS));
        if (rand() < 0.6) words.push(pick(adjectives));
        words.push(pick(nouns));
        return words;
      };
      const preposition = (): string[] => [pick(PREPOSITIONS), ...nounPhrase()];
      const clause = (): string[] => {
        const words = [...nounPhrase(), pick(verbs), ...nounPhrase()];
        while (rand() < 0.45) words.push(...preposition());
        return words;
      };
      for (;;) {
        const words = clause();
        if (rand() < 0.4) words.push(pick(CONJUNCTIONS), ...clause());
        while (words.length < 8) words.push(...preposition());
        let text = words.join(' ');
        if (rand() < 0.25) text += `, ${pick(REPORTING)} ${pick(names)} ${pick(names)}`;
        if (rand() < 0.1) text += `, up ${1 + Math.floor(rand() * 40)}.${Math.floor(rand() * 10)} per cent`;
        const count = text.split(' ').length;
        if (count > 35) continue;
        return `${capital(text)}.`;
      }
    },
  };
}
