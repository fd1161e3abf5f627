import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differOnlyInPlainWords, factsOf, figuresOf, isMostlyNumbers, sameFigures } from '../../src/text/figures.js';

describe('figuresOf', () => {
  it('reads amounts, counts, percentages, dates and times in order', () => {
    expect(figuresOf('The dam released 86,300 cusecs on Jan 2 at 10:30, up 4.5% from 82,100.')).toEqual(['86300', '2', 'month 1', '10:30', '4.5', '82100']);
  });

  it('reads a month beside a number once, as part of that date, and a month alone as a date of its own', () => {
    expect(figuresOf('on March 5')).toEqual(['5', 'month 3']);
    expect(figuresOf('in March')).toEqual(['month 3']);
    expect(figuresOf('in May')).toEqual([]);
  });

  it('reads number words as their value', () => {
    expect(figuresOf('Two soldiers and a dozen civilians were hurt.')).toEqual(['2', '12']);
  });

  it('reads "twice" and "thrice" as counts, and not "once"', () => {
    expect(figuresOf('Once more the board met twice, then thrice.')).toEqual(['2', '3']);
  });

  it('keeps the sign of a score line', () => {
    expect(figuresOf('Lahore 7 3 4 6 -0.507')).toEqual(['7', '3', '4', '6', '-0.507']);
  });

  it('reads names of Object.prototype as words, not as values (no crash on "constructor")', () => {
    expect(figuresOf('The constructor said toString 5 constructor 10valueOf.')).toEqual(['5', '10']);
  });

  it('finds none in a sentence without figures', () => {
    expect(figuresOf('The minister said talks would go on.')).toEqual([]);
  });

  it('reads a number word only as a whole word, wherever it stands', () => {
    // "someone", "often", "tone" and "Tenthouse" hold number words' letters, not number words; "Tenth" is the ordinal.
    expect(figuresOf('Someone often set the tone for the Tenthouse session.')).toEqual([]);
    expect(figuresOf('Someone often set the tone for the Tenth session.')).toEqual(['10']);
    expect(figuresOf('One of them left; the other ten stayed.')).toEqual(['1', '10']);
    expect(figuresOf('A soft-hyphened t\u00adwo still counts.')).toEqual(['2']);
  });
});

describe('sameFigures', () => {
  it.each([
    ['26 people died', '28 people died', false],
    ['released 86,300 cusecs', 'released 64,400 cusecs', false],
    ['on Jan 1', 'on Jan 2', false],
    ['on Jan 1', 'on Feb 1', false],
    ['on Jan 1', 'on January 1st', true],
    ['a fine of Rs10m', 'a fine of Rs10 million', true],
    ['a fine of Rs10m', 'a fine of Rs 10,000,000', true],
    ['a fine of Rs275 mi\u00ad\u00adllion', 'a fine of Rs275m', true],
    ['profit rose 25%', 'profit rose 25 percent', true],
    ['profit rose 25pc', 'profit rose 26pc', false],
    ['3 lakh tonnes', '300,000 tonnes', true],
    ['two were killed', 'three were killed', false],
    ['won by 5 wickets', 'won by five wickets', true],
    ['the 2nd round', 'the second round', true],
    ['inflation fell for the fifth month in a row', 'inflation fell for the sixth month in a row', false],
    ['for the first time', 'for the second time', false],
    ['the third round', 'the round', true],
    ['at 10:30', 'at 10:45', false],
    // A time keeps its half of the day, however it is written.
    ['the market opens from 8am to 5pm', 'the market opens from 8pm to 5am', false],
    ['the curfew starts at 8 pm', 'the curfew starts at 8 a.m.', false],
    ['the curfew starts at 8pm', 'the curfew starts at 8 p.m.', true],
    ['net run rate 0.507', 'net run rate -0.507', false],
    ['a figure of 01', 'a figure of 1', true],
    ['the talks went on', 'the talks went on and on', true],
    // A day or a month named alone is a date: swapped, the report is another; added, an edit.
    ['the court adjourned the hearing on Monday', 'the court adjourned the hearing on Wednesday', false],
    ['core inflation rose in January', 'core inflation rose in February', false],
    ['the court adjourned the hearing', 'the court adjourned the hearing on Monday', true],
    // "Tomorrow" and "yesterday" name a day from the day of writing: another day's report.
    ['the court adjourned the hearing till tomorrow', 'the court adjourned the hearing for one month', false],
    ['four people were killed across the city yesterday', 'four people were killed across the city on Friday', false],
    ['the court adjourned the hearing till tomorrow', 'the court then adjourned the hearing till tomorrow', true],
    ['the court adjourned the hearing till tomorrow, his lawyer said', 'the court adjourned the hearing till yesterday, his lawyer said', false],
    ['prices may rise', 'prices might rise', true],
    ['the march was peaceful', 'the rally was peaceful', true],
    // A negation turns a report around; a bound ("no less than") is none.
    ['the fund would seek a new loan', 'the fund would not seek a new loan', false],
    ['the minister has commented on the emails', 'the minister has not commented on the emails', false],
    ['the minister did comment', 'the minister didn’t comment', false],
    ['repairs will take at least three weeks', 'repairs will take no less than three weeks', true],
    ['he did not attend', 'he never attended', true],
    // A sentence filed from another place is another report; one dateline alone is a lead.
    ['DUBAI, Feb 10 (APP): The prime minister arrived for a two-day visit', 'LAHORE, Feb 10 (APP): The prime minister left for a two-day visit', false],
    ['DUBAI: The prime minister arrived for a two-day visit', 'DUBAI (AFP): The prime minister arrived for a two-day visit', true],
    ['DUBAI: The prime minister arrived for a two-day visit', 'The prime minister arrived for a two-day visit', true],
    ['BREAKING: The prime minister arrived for a two-day visit', 'DUBAI: The prime minister arrived for a two-day visit', true],
    ['ISLAMABAD: The prime minister arrived for a two-day visit', 'ISLAMABAD/RAWALPINDI: The prime minister arrived for a two-day visit', true],
    ['a case was registered under FIR No. 45', 'a case was registered under FIR 45', true],
    ['the fine is no more than Rs500', 'the fine is not more than Rs500', true],
    ['neither the minister nor his deputy attended', 'the minister and his deputy did not attend', true],
    // A word turned to its opposite turns the report around; one only a wording adds does not.
    ['the rupee rose 5pc against the dollar', 'the rupee fell 5pc against the dollar', false],
    ['one polio case from a female child', 'one polio case from a male child', false],
    ['the rupee rose 5pc against the dollar', 'the rupee rose sharply, 5pc, against the dollar', true],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameFigures(a, b)).toBe(same);
    expect(sameFigures(b, a)).toBe(same);
  });
});

describe('isMostlyNumbers', () => {
  it.each([
    ['Zalmi 7 3 4 6 -0.507', true],
    ['Qalandars 8 5 3 10 +0.321', true],
    ['2-1', true],
    ['PESHAWAR ZALMI:', false],
    ['Pak-Afghan relations', false],
    ['Published in Dawn, January 2nd, 2025', false],
  ])('%j: %s', (line, expected) => {
    expect(isMostlyNumbers(line)).toBe(expected);
  });
});

describe('sameFigures and number words', () => {
  it.each([
    ['a leaf-like vehicle', 'a four-wheeled leaf-like vehicle', true],
    ['the biggest port', 'one of the biggest ports', true],
    ['two were hurt', 'three were hurt', false],
    ['two were hurt on day 3', 'were hurt on day 4', false],
    ['The board met twice this year.', 'The board met three times this year.', false],
    ['The board met twice this year.', 'The board met thrice this year.', false],
    ['The board met twice this year.', 'The board met two times this year.', true],
    ['Once the board met, it voted.', 'When the board met, it voted.', true],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameFigures(a, b)).toBe(same);
    expect(sameFigures(b, a)).toBe(same);
  });
});

describe('sameFigures when both wordings hold number words', () => {
  it.each([
    ['the two men were questioned', 'the two men, one of them a guard, were questioned', true],
    ['the two men were questioned', 'the three men were questioned', false],
    ['two men and one woman', 'two men and two women', false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameFigures(a, b)).toBe(same);
    expect(sameFigures(b, a)).toBe(same);
  });
});

describe('differOnlyInPlainWords', () => {
  it('tells an edit in plain words from one that touches a figure or the words beside it', () => {
    expect(differOnlyInPlainWords('Police said 12 people were hurt on May 3.', 'Officials said 12 people were hurt on May 3.')).toBe(true);
    expect(differOnlyInPlainWords('Police said 12 people were hurt.', 'Police said 13 people were hurt.')).toBe(false);
    // A month or scale word changed next to a number, or a number word changed, is a figure's change.
    expect(differOnlyInPlainWords('It rose 5 million in May.', 'It rose 5 billion in May.')).toBe(false);
    expect(differOnlyInPlainWords('It fell on May 5 again.', 'It fell on June 5 again.')).toBe(false);
    expect(differOnlyInPlainWords('Two men were held.', 'Three men were held.')).toBe(false);
    expect(differOnlyInPlainWords('The board met twice this year.', 'The board met thrice this year.')).toBe(false);
    // A dropped word that stood between a number and a month makes them a date: not plain.
    expect(differOnlyInPlainWords('It was 5 — then May.', 'It was 5 — May.')).toBe(false);
    // A day named, or a negation, changed: not plain either.
    expect(differOnlyInPlainWords('The hearing is on Monday now.', 'The hearing is on Friday now.')).toBe(false);
    expect(differOnlyInPlainWords('He will attend the talks.', 'He will not attend the talks.')).toBe(false);
    expect(differOnlyInPlainWords('He will attend the talks.', 'He won’t attend the talks.')).toBe(false);
    // Nor is a direction word turned around.
    expect(differOnlyInPlainWords('Prices rose again today.', 'Prices fell again today.')).toBe(false);
  });

  // Tokens of figures, the words that scale or date them, and the characters that join or split them.
  const TOKENS = ['5', '10', '1,200', '-3', '−2', '4.5%', '10:30', 'Rs10m', '$5', 'May', 'june', 'Jan', 'million', 'bn', 'm', 'k', 'two', 'One', 'twice', 'Thrice', 'dozen', 'half', 'the', 'police', 'said', 'were', 'hurt', 'it', 'rose', '—', '–', '-', '’', '“', '(', ',', '.', 'é', 'İ', '\u00ad', 'per', 'cent', 'Monday', 'friday', 'February', 'not', 'no', 'won’t', "didn't", 'less', 'fell', 'North', 'south', 'female', 'minister', 'talks', 'city', 'held', 'again'];
  const SEPARATORS = [' ', ' ', ' ', '', '\n', '\u00a0'];
  const sentence = fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 14 });
  const edit = fc.tuple(fc.nat(), fc.nat(3), fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...SEPARATORS)), { maxLength: 3 }));

  it('never says so of two texts whose figures differ (property)', () => {
    let plain = 0;
    fc.assert(
      fc.property(sentence, edit, (parts, [at, removed, inserted]) => {
        const a = parts.map(([token, separator]) => token + separator).join('');
        const edited = [...parts];
        edited.splice(at % (parts.length + 1), removed, ...inserted);
        const b = edited.map(([token, separator]) => token + separator).join('');
        if (!differOnlyInPlainWords(a, b)) return;
        plain += 1;
        expect(factsOf(b)).toEqual(factsOf(a));
      }),
      { numRuns: 3000 },
    );
    // The property says something only if plain edits were generated.
    expect(plain).toBeGreaterThan(100);
  });
});
