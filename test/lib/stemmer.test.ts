import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { porterLeavesAlone, stem } from '../../src/lib/stemmer.js';

// Every suffix natural's Porter stemmer knows, and the ends of them: a word built to end in part of
// a rule is where telling a word left alone by its ending could go wrong.
const RULE_SUFFIXES = ['sses', 'ies', 'ss', 's', 'eed', 'ed', 'ing', 'y', 'ational', 'tional', 'enci', 'anci', 'izer', 'abli', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation', 'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize', 'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'e', 'll', 'at', 'bl', 'iz'];
const ENDINGS = [...new Set(RULE_SUFFIXES.flatMap((suffix) => Array.from({ length: suffix.length }, (_, from) => suffix.slice(from))))];

describe('porterLeavesAlone', () => {
  it('is true only of words the stemmer returns unchanged: stems and rule endings of every kind', () => {
    const stemPart = fc.stringMatching(/^[a-z]{1,9}$/);
    const word = fc.tuple(stemPart, fc.constantFrom('', ...ENDINGS), fc.stringMatching(/^[a-z]{0,2}$/)).map(([head, ending, tail]) => `${head}${ending}${tail}`);
    fc.assert(
      fc.property(word, (candidate) => {
        if (candidate.length < 3 || !porterLeavesAlone(candidate)) return true;
        return porterStemmer.stem(candidate) === candidate;
      }),
      { numRuns: 50_000 },
    );
  });

  it('leaves names, spelled numbers and plain words to themselves, and stems inflections', () => {
    const alone = ['pakistan', 'taliban', 'said', 'war', 'should', 'karachi', 'khost', 'islam', 'about', 'which'];
    for (const word of alone) {
      expect(porterLeavesAlone(word)).toBe(true);
      expect(stem(word)).toBe(porterStemmer.stem(word));
    }
    const stemmed = ['remains', 'killed', 'attacking', 'relations', 'national', 'terrorism', 'militant', 'political', 'operational'];
    for (const word of stemmed) {
      expect(porterLeavesAlone(word)).toBe(false);
      expect(stem(word)).toBe(porterStemmer.stem(word));
      expect(stem(word)).not.toBe(word);
    }
  });
});
