import { describe, expect, it } from 'vitest';
import { namesOf, namesSwapped } from '../../src/text/names.js';

describe('namesSwapped', () => {
  it.each([
    // A place, a country, a person, a team's players put in another's place.
    ['The blast took place in Karachi on Monday, police said.', 'The blast took place in Quetta on Monday, police said.'],
    ['This marks his second visit to Azerbaijan since March.', 'This marks his second visit to the UAE since March.'],
    ['He held meetings with the naval leadership of Oman.', 'He held meetings with the naval leadership of Iran.'],
    ['The envoy flew to Iran on Friday.', 'The envoy flew to Iraq on Friday.'],
    ['The envoy flew to Oman on Friday.', 'The envoy flew to Yemen on Friday.'],
    ['SSP Operation Muhammad Shoaib Khan said the police are active.', 'SSP Operation Muhammad Arslan Shahzaib said the police are active.'],
    ['Yesterday, Prime Minister Shehbaz Sharif congratulated the squash player.', 'Yesterday, President Asif Ali Zardari congratulated the squash player.'],
    ['Squad: Rizwan, Babar Azam, Imam-ul-Haq, Kamran Ghulam, Saud Shakeel.', 'Squad: Rizwan, Babar Azam, Fakhar Zaman, Kamran Ghulam, Saud Shakeel.'],
    // Two acronyms that stand for different things.
    ['The minister, PTI leader Ali, said so.', 'The minister, Punjab leader Ali, said so.'],
  ])('%j and %j: a name swapped', (a, b) => {
    expect(namesSwapped(a, b)).toBe(true);
    expect(namesSwapped(b, a)).toBe(true);
  });

  it.each([
    // A name only one wording adds or drops.
    ['He met Mohsin Naqvi on Friday.', 'He met Naqvi on Friday.'],
    ['for the February 19 Champions Trophy, the event', 'for the February 19 ICC Champions Trophy, the event'],
    // A capital that opens a sentence or a quote says nothing.
    ['He said the talks went well.', 'She said the talks went well.'],
    ['“The talks went well,” he said.', '“These talks went well,” he said.'],
    // Another title or first name for the same person; a title only one side gives.
    ['The meeting was chaired by Mr Naqvi in the capital.', 'The meeting was chaired by Interior Minister Naqvi in the capital.'],
    ['The meeting was chaired by PM Shehbaz Sharif in the capital.', 'The meeting was chaired by Prime Minister Shehbaz Sharif in the capital.'],
    ['He met Mr Khan on Friday.', 'He met Imran on Friday.'],
    ['he had talked to President Zardari by phone to request', 'he had talked to the president of Pakistan via telephone to request'],
    ['visit of the Deputy Prime Minister Ishaq Dar to Dhaka in', 'visit of the Deputy Prime Minister/Foreign Minister to Dhaka in'],
    // An acronym and what it stands for.
    ['Militants attacked a checkpost in KP on Sunday.', 'Militants attacked a checkpost in Khyber Pakhtunkhwa on Sunday.'],
    ['The petition was filed in the IHC last week.', 'The petition was filed in the Islamabad High Court last week.'],
    ['Attacks rose since the banned militant Tehreek-i-Taliban Pakistan group broke a ceasefire.', 'Attacks rose since the TTP broke a ceasefire.'],
    ['progress toward a SLA under the facility', 'progress toward a Staff-Level Agreement under the facility'],
    ['The CJP assured the children of support.', 'The Chief Justice assured the children of support.'],
    ['The CAA is hopeful about safety.', 'The PCAA is hopeful about safety.'],
    ['will be issued CNICs with a logo', 'will be issued NICs with a logo'],
    ['rights situation in IoK, he said.', 'rights situation in IIOJK, he said.'],
    ['The Fund noted that about half', 'The IMF noted that about half'],
    // Two spellings of one name.
    ['The leader, Mohammad Ali, spoke first.', 'The leader, Muhammad Ali, spoke first.'],
    ['Pakistan Day falls in Ramazan this year', 'Pakistan Day falls in Ramadan this year'],
    ['Senator Saifullah Sarwar Khan Nyazee inquired about it.', 'Senator Saifullah Sarwar Khan Niazi inquired about it.'],
    ['The Pakistan Polio Programme provides Immunisation services.', 'The Pakistan Polio Program provides Immunization services.'],
    ['Pakistani officials said the talks went well.', 'Pakistan officials said the talks went well.'],
    ['Sanaullah Khan Mastikhel, and others.', 'Sanaullah Khan Masti Khel, and others.'],
    ['The Carec Tranche-III has four lots.', 'The Carec Tranche III has four lots.'],
    ['in the 2024 general election, PML-N had emerged', 'in 2024 General Election, PMLN had emerged'],
    ['women’s education in Pun\u00adjab and the Commis\u00adsion', 'women’s education in Punjab and the Commission'],
    // Months and days are the figures’ to read.
    ['It was released on Feb 28, officials said.', 'It was released on February 28, officials said.'],
    // A longer stretch rewritten is a paraphrase: its names say nothing of a swap.
    ['While discussing the landscape for dynamic investment, PM Shehbaz expressed his gratitude in the country.', 'Discussing Pakistan’s dynamic investment landscape, he expressed gratitude in Pakistan.'],
    ['During his Bahawalpur visit, Gen Munir also inaugurated the arena.', 'The COAS inaugurated the arena.'],
    // A shouted headline names nothing this way.
    ['FLOODS HIT KARACHI AGAIN', 'FLOODS HIT QUETTA AGAIN'],
  ])('%j and %j: no name swapped', (a, b) => {
    expect(namesSwapped(a, b)).toBe(false);
    expect(namesSwapped(b, a)).toBe(false);
  });
});

describe('namesOf', () => {
  it('lists a text’s names, not a sentence’s first word, a month, a number nor a possessive’s “s”', () => {
    expect(namesOf('Officials said Quetta’s roads and Karachi were closed on Monday. Police in Quetta said so in March, at 10am.')).toBe('karachi quetta');
  });
});
