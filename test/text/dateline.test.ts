import { describe, expect, it } from 'vitest';
import { datelinePlace, isDateline, opensWithDateline } from '../../src/text/dateline.js';

describe('datelines', () => {
  it.each([
    ['DUBAI, Feb 10 (APP): The prime minister arrived.', 'DUBAI'],
    ['NEW YORK (AP) — Stocks fell.', 'NEW YORK'],
    ['ISLAMABAD/KARACHI: Prices rose.', 'ISLAMABAD/KARACHI'],
    ['WASHINGTON, Jan 5, 2025: Talks began.', 'WASHINGTON'],
    ['DERA ISMAIL KHAN - Police said.', 'DERA ISMAIL KHAN'],
  ])('reads the place of %j', (text, place) => {
    expect(opensWithDateline(text)).toBe(true);
    expect(datelinePlace(text)).toBe(place);
  });

  it.each(['The prime minister arrived.', 'PM-Modi talks were held.', 'Dubai: the city grew.', 'US-CHINA TRADE', 'A: yes'])('reads no dateline in %j', (text) => {
    expect(opensWithDateline(text)).toBe(false);
    expect(datelinePlace(text)).toBeUndefined();
  });

  it('reads no place in a label ("BREAKING: "), and takes two places that share one for one', async () => {
    expect(datelinePlace('BREAKING: The prime minister arrived.')).toBeUndefined();
    expect(datelinePlace('UPDATE — The prime minister arrived.')).toBeUndefined();
    const { samePlaces } = await import('../../src/text/dateline.js');
    expect(samePlaces('ISLAMABAD', 'ISLAMABAD/RAWALPINDI')).toBe(true);
    expect(samePlaces('DUBAI', 'LAHORE')).toBe(false);
  });

  it('takes a lead that is a dateline and nothing more', () => {
    expect(isDateline('ISLAMABAD, Feb 4 (APP): The')).toBe(false);
  });
});

describe('isDateline', () => {
  it.each(['DUBAI: ', 'ISLAMABAD, Feb 4 (APP):', 'KARACHI, Jan. 12:', 'NEW YORK (AP) —', 'DERA ISMAIL KHAN -', 'D.I. KHAN:'])('takes %j for a dateline', (lead) => {
    expect(isDateline(lead)).toBe(true);
  });

  it.each([
    ['a heading', 'Pak-Afghan relations'],
    ['a lead-in of words', 'Officials at the harbour told reporters that'],
    ['a place in lower case', 'Dubai:'],
    ['a place with no colon or dash', 'DUBAI'],
    ['one capital letter', 'A:'],
  ])('does not take %s for a dateline', (_, lead) => {
    expect(isDateline(lead)).toBe(false);
  });
});

