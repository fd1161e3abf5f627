import { describe, expect, it } from 'vitest';
import { directionsOf, isDirectionWord, turnedAround } from '../../src/text/directions.js';

describe('turnedAround', () => {
  it.each([
    ['Prices rose 5pc in March.', 'Prices fell 5pc in March.'],
    ['The index has risen for three weeks.', 'The index has fallen for three weeks.'],
    ['The rupee closed at its highest level this year.', 'The rupee closed at its lowest level this year.'],
    ['The lab confirmed one polio case from a female child from D.I.Khan.', 'The lab confirmed one polio case from a male child from D.I.Khan.'],
    ['Militants attacked a checkpost in North Waziristan.', 'Militants attacked a checkpost in South Waziristan.'],
    ['The court acquitted the accused.', 'The court convicted the accused.'],
    ['The party won the by-election.', 'The party lost the by-election.'],
    ['Exports grew in the second quarter.', 'Imports grew in the second quarter.'],
  ])('%j and %j: turned around', (a, b) => {
    expect(turnedAround(a, b)).toBe(true);
    expect(turnedAround(b, a)).toBe(true);
  });

  it.each([
    // A synonym on the same side, a word one wording adds, and no direction word at all.
    ['Prices rose 5pc in March.', 'Prices climbed 5pc in March.'],
    ['Prices rose sharply in March.', 'Prices rose in March.'],
    ['Prices rose in March.', 'Prices in March were steady, then rose.'],
    ['The minister visited the school.', 'The minister toured the school.'],
    // Each wording holds both sides as often: the order of events is for the rest of matching to tell.
    ['Prices rose and then fell.', 'Prices fell and then rose.'],
  ])('%j and %j: not turned around', (a, b) => {
    expect(turnedAround(a, b)).toBe(false);
    expect(turnedAround(b, a)).toBe(false);
  });

  it('reads words whole and in any case', () => {
    expect(isDirectionWord('rose')).toBe(true);
    expect(isDirectionWord('chairman')).toBe(false);
    expect(turnedAround('The Chairman spoke.', 'The Chairwoman spoke.')).toBe(false);
    expect(turnedAround('SHARES ROSE', 'shares fell')).toBe(true);
  });
});

describe('directionsOf', () => {
  it('gives one string for texts with the same direction words, in any order, and another for others', () => {
    expect(directionsOf('Exports rose while imports fell.')).toBe(directionsOf('Imports fell while exports rose.'));
    expect(directionsOf('Exports rose.')).not.toBe(directionsOf('Exports fell.'));
    expect(directionsOf('The minister spoke.')).toBe('');
  });
});
