import { describe, expect, it } from 'vitest';
import { mayTurnAround, turnedAround } from '../../src/text/directions.js';

describe('turnedAround', () => {
  it.each([
    ['Prices rose 5pc in March.', 'Prices fell 5pc in March.'],
    ['The index has risen for three weeks.', 'The index has fallen for three weeks.'],
    ['The government raised the price of petrol by Rs5.', 'The government reduced the price of petrol by Rs5.'],
    ['The rupee closed at its highest level this year.', 'The rupee closed at its lowest level this year.'],
    ['The lab confirmed one polio case from a female child from D.I.Khan.', 'The lab confirmed one polio case from a male child from D.I.Khan.'],
    ['Militants attacked a checkpost in North Waziristan.', 'Militants attacked a checkpost in South Waziristan.'],
    ['Three policemen were killed in the attack.', 'Three policemen were injured in the attack.'],
    ['The court acquitted the accused.', 'The court convicted the accused.'],
    ['The court granted bail to the accused.', 'The court rejected bail to the accused.'],
    ['The party won the by-election.', 'The party lost the by-election.'],
    ['Exports grew in the second quarter.', 'Imports grew in the second quarter.'],
    // A word and its opposite made with a prefix.
    ['The court declared the amendment constitutional.', 'The court declared the amendment unconstitutional.'],
    ['A deal is likely this week, officials said.', 'A deal is unlikely this week, officials said.'],
    ['The sale of the plots was legal, the inquiry found.', 'The sale of the plots was illegal, the inquiry found.'],
    // What is yet to happen against what happened: an announcement and its follow-up.
    ['A PIA flight will land at Gwadar airport on Friday.', 'A PIA flight landed at Gwadar airport on Friday.'],
    ['The Aga Khan will be buried in Aswan on Sunday.', 'The Aga Khan was laid to rest in Aswan on Sunday.'],
    ['The judge is expected to take oath as chief justice today.', 'The judge was notified as chief justice on Thursday.'],
    ['The minister would open the bridge on Monday, officials said.', 'The minister opened the bridge on Monday, officials said.'],
  ])('%j and %j: turned around', (a, b) => {
    expect(turnedAround(a, b)).toBe(true);
    expect(turnedAround(b, a)).toBe(true);
  });

  it.each([
    // A synonym on the same side, and no word that turns anything around.
    ['Prices rose 5pc in March.', 'Prices climbed 5pc in March.'],
    ['The minister visited the school.', 'The minister toured the school.'],
    // A word one wording adds, with nothing dropped on the other side.
    ['Prices rose in March.', 'Prices rose in March, then fell.'],
    ['Four Khwarij were sent to hell.', 'Four Khwarij were sent to hell after an intense exchange of fire.'],
    // Each wording holds both sides as often: the order of events is for the rest of matching to tell.
    ['Prices rose and then fell.', 'Prices fell and then rose.'],
    // Words too common in other senses to be read as directions: edits, not reversals.
    ['The attack injured more than 20 people.', 'The attack injured at least 20 people.'],
    ['The petrol price stays, against upto a Rs13 per litre cut.', 'The petrol price stays, against up to Rs13 per litre.'],
    ['He was produced before an anti-terrorism court.', 'He was produced in an anti-terrorism court after his arrest.'],
    ['He won’t attend the talks.', 'He will not attend the talks; he lost the vote.'],
    // A prefix that makes no opposite.
    ['The police will form a committee.', 'The police will inform a committee.'],
    // A future told from the past (reported speech), one future for another, and "will" that is no tense.
    ['The minister will visit the areas hit by floods.', 'The minister would visit the areas flooded last week.'],
    ['All stakeholders will have to play their role, the minister said.', 'All stakeholders had to play their role, he said.'],
    ['A convoy is expected to leave for Kurram today.', 'A convoy was expected to leave for Kurram today.'],
    ['The talks will be held in Doha.', 'The talks are set to be held in Doha.'],
    ['They said the proposed visit would be a confidence-building measure.', 'They said the proposed visit was a confidence-building measure.'],
    ['Political will is needed to end the crisis.', 'Political resolve is needed to end the crisis.'],
    // No past told: a reporting verb, a past word both hold, a word that only looks like one, the future's words alone changed.
    ['The plant will open in March, he said.', 'The plant opens in March, he added.'],
    ['The school will reopen damaged classrooms on Monday.', 'The school reopens damaged classrooms on Monday.'],
    ['The envoy is expected to arrive today.', 'The envoy is so-called to arrive today.'],
    ['The agreements will strengthen specialised training.', 'The agreements further strengthen specialized training.'],
    ['Syed Ahmed will chair the meeting on Monday.', 'Syed Ahmed chairs the meeting on Monday.'],
    ['The workshops will help teachers.', 'The workshops are aimed at helping teachers.'],
    ['Prices will rise in March.', 'Prices rise in March, traders warned.'],
    ['Margins of Rs17 a litre are going to oil companies.', 'Margins of Rs17 a litre went to oil companies last year.'],
  ])('%j and %j: not turned around', (a, b) => {
    expect(turnedAround(a, b)).toBe(false);
    expect(turnedAround(b, a)).toBe(false);
  });

  it('reads words whole and in any case', () => {
    expect(turnedAround('The Chairperson spoke.', 'The Chairpersons spoke.')).toBe(false);
    expect(turnedAround('SHARES ROSE', 'shares fell')).toBe(true);
  });
});

describe('mayTurnAround', () => {
  it('takes the axes’ words, words that may be a prefixed opposite and words of what is yet to happen, and no other', () => {
    for (const word of ['rose', 'fell', 'acquitted', 'unlikely', 'illegal', 'irregular', 'nonstop', 'will', 'expected']) expect(mayTurnAround(word)).toBe(true);
    for (const word of ['said', 'minister', 'under', 'unit', 'illness'.slice(0, 3), 'court']) expect(mayTurnAround(word)).toBe(false);
  });
});
