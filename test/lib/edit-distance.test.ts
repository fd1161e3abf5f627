import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/lib/edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['simlarity', 'similarity', 1],
    ['shehbaz', 'shahbaz', 1],
    ['mohammed', 'muhammad', 2],
    ['iran', 'iraq', 1],
    ['kitten', 'sitting', 3],
    ['abc', '', 3],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
