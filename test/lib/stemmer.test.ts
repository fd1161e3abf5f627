import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { porterLeavesAlone, stem } from '../../src/lib/stemmer.js';
import { RULE_ENDINGS } from './porter-endings.js';

describe('porterLeavesAlone', () => {
  it('is true only of words the stemmer returns unchanged: stems and rule endings of every kind', () => {
    const stemPart = fc.stringMatching(/^[a-z]{1,9}$/);
    const word = fc.tuple(stemPart, fc.constantFrom('', ...RULE_ENDINGS), fc.stringMatching(/^[a-z]{0,2}$/)).map(([head, ending, tail]) => `${head}${ending}${tail}`);
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
