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
    ['The petition was filed in the SC on Monday.', 'The petition was filed in the SHC on Monday.'],
    ['The party, PML-N, won the seat.', 'The party, PML-Q, won the seat.'],
    ['The envoy flew to the US on Friday.', 'The envoy flew to Spain on Friday.'],
    // A name before a capitalised word both hold, a name both alike in spelling, a name after a title's full stop or a closing quote.
    ['The petition was filed in the Lahore High Court on Monday.', 'The petition was filed in the Sindh High Court on Monday.'],
    ['The attack took place in Dera Ismail Khan on Monday.', 'The attack took place in Dera Ghazi Khan on Monday.'],
    ['The ship docked at Karachi Port on Monday.', 'The ship docked at Quetta port on Monday.'],
    ['The resolution was passed in the UN General Assembly on Monday.', 'The resolution was passed in the UN Security Council on Monday.'],
    ['The attack took place in Quetta on Monday.', 'The attack took place in Kohat on Monday.'],
    ['The envoy flew to Austria on Friday.', 'The envoy flew to Australia on Friday.'],
    ['The meeting was chaired by Aslam on Friday.', 'The meeting was chaired by Akram on Friday.'],
    ['The envoy flew to Islamabad on Friday.', 'The envoy flew to Islam on Friday.'],
    ['The meeting was chaired by Nawaz Sharif on Friday.', 'The meeting was chaired by Shehbaz Sharif on Friday.'],
    ['The meeting was chaired by Mr. Khan on Friday.', 'The meeting was chaired by Mr. Naqvi on Friday.'],
    ['"We will win," Khan told reporters on Friday.', '"We will win," Sharif told reporters on Friday.'],
    // A list reordered with one name put in another's place.
    ['Squad: Rizwan, Babar Azam, Imam-ul-Haq, Kamran Ghulam, Saud Shakeel.', 'Squad: Babar Azam, Rizwan, Kamran Ghulam, Fakhar Zaman, Saud Shakeel.'],
    // A name put in another's place, with a clause added after it on one side.
    ['reflecting its commitment to deepening its engagement with Azerbaijan.', 'reflecting its commitment to deepening its engagement with the UAE and other global partners, it was added.'],
  ])('%j and %j: a name swapped', (a, b) => {
    expect(namesSwapped(a, b)).toBe(true);
    expect(namesSwapped(b, a)).toBe(true);
  });

  it.each([
    // A name only one wording adds, drops or moves; a list only reordered.
    ['He met Mohsin Naqvi on Friday.', 'He met Naqvi on Friday.'],
    ['Squad: Rizwan, Babar Azam, Imam-ul-Haq, Kamran Ghulam, Saud Shakeel.', 'Squad: Babar Azam, Rizwan, Kamran Ghulam, Imam-ul-Haq, Saud Shakeel.'],
    // Two edits far apart with a list of things between them: no list of names.
    ['Officials, talking to Dawn, said the budget, the tax plan, the new rules and the levy were approved by the cabinet.', 'Officials said the budget, the tax plan, the new rules and the levy were approved by the cabinet, Ahmed added.'],
    ['Officials at Quetta Civil Hospital in Quetta said the wards were full.', 'Officials at the Provincial Civil Hospital in Quetta said the wards were full.'],
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
    // Two spellings of one name.
    ['The leader, Mohammad Ali, spoke first.', 'The leader, Muhammad Ali, spoke first.'],
    ['Pakistan Day falls in Ramazan this year', 'Pakistan Day falls in Ramadan this year'],
    ['Mohammed Ali spoke first, officials said.', 'Muhammad Ali spoke first, officials said.'],
    ['The judge, Kazi Faez, spoke first.', 'The judge, Qazi Faez, spoke first.'],
    ['The squad: Naseem Shah, Sufyan Moqim and Usman Khan.', 'The squad: Naseem Shah, Sufiyan Muqeem and Usman Khan.'],
    ['But Aaqib said the trio rose to the occasion.', 'But Aqib said the trio rose to the occasion.'],
    ['A report issued by the Centre for Research and Security Studies.', 'A report issued by the Center for Research and Security Studies.'],
    ['The striker Peña scored twice, the club said.', 'The striker Pena scored twice, the club said.'],
    ['The striker Pe\u00f1a scored twice, the club said.', 'The striker Pen\u0303a scored twice, the club said.'],
    ['rights situation in IIOJK, he said.', 'rights situation in Indian Illegally Occupied Jammu and Kashmir, he said.'],
    // A title-case headline's capitals name nothing; nor does the pronoun's.
    ['Govt Announces Relief Package For Farmers', 'Govt Announces Relief Plan For Farmers'],
    ['He said I’d attend the meeting on the day.', 'He said I’ll attend the meeting on the day.'],
    ['The Pakistan Polio Programme provides Immunisation services.', 'The Pakistan Polio Program provides Immunization services.'],
    ['Pakistani officials said the talks went well.', 'Pakistan officials said the talks went well.'],
    ['the struggle that nurtured Bangladeshi identity and pride', 'the struggle that nurtured Bangla identity and pride'],
    ['Sanaullah Khan Mastikhel, and others.', 'Sanaullah Khan Masti Khel, and others.'],
    ['Trucks may use the Superhighway and the National Highway at night.', 'Trucks may use the Super Highway and the National Highway at night.'],
    ['The Carec Tranche-III has four lots.', 'The Carec Tranche III has four lots.'],
    ['in the 2024 general election, PML-N had emerged', 'in 2024 General Election, PMLN had emerged'],
    ['women’s education in Pun\u00adjab and the Commis\u00adsion', 'women’s education in Punjab and the Commission'],
    // Months and days are the figures’ to read.
    ['It was released on Feb 28, officials said.', 'It was released on February 28, officials said.'],
    ['Exports rose in July-December, officials said.', 'Exports rose in July-November, officials said.'],
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

describe('namesSwapped on long texts', () => {
  it('reads at most its alignment’s words of a stretch: two sentences of 15,000 words differing at both ends are no swap it aligns', () => {
    const words = Array.from({ length: 15_000 }, (_, i) => `word${i}`).join(' ');
    expect(namesSwapped(`Karachi ${words} Quetta`, `Lahore ${words} Multan`)).toBe(false);
    // A swap in a short stretch of a long sentence is read.
    expect(namesSwapped(`${words} was held in Karachi on Monday.`, `${words} was held in Quetta on Monday.`)).toBe(true);
  });
});

describe('namesOf', () => {
  it('lists a text’s names, not a sentence’s first word, a month, a number nor a possessive’s “s”', () => {
    expect(namesOf('Officials said Quetta’s roads and Karachi were closed on Monday. Police in Quetta said so in March, at 10am.')).toBe('karachi quetta');
  });
});

describe('namesSwapped, both ways', () => {
  it.each([
    // Aligned word by word, a word dropped on one side and one added on the other may be read either way round.
    ['Police arrested Shakeel and Abbas in Lahore on Monday.', 'Police arrested and charged Rizwan and Abbas in Lahore on Monday.'],
    ['The ship docked at Karachi Port on Monday.', 'The ship docked at Quetta port on Monday.'],
  ])('%j and %j: the same answer both ways', (a, b) => {
    expect(namesSwapped(a, b)).toBe(namesSwapped(b, a));
  });

  it('gives the same answer whichever wording comes first, over many edited pairs', () => {
    const base = 'Police said Shakeel and Abbas met the Chief Minister in Lahore Port on Monday before the Punjab Assembly session.';
    const words = base.split(' ');
    const others = ['Karachi', 'Rizwan', 'port', 'and', 'Sindh', 'PTI', 'the', 'Mr', 'Quetta'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let swapped = 0;
    for (let round = 0; round < 2000; round += 1) {
      const edited = [...words];
      for (let edit = 0; edit < 1 + random(3); edit += 1) {
        const at = random(edited.length);
        const kind = random(3);
        if (kind === 0) edited.splice(at, 1);
        else if (kind === 1) edited.splice(at, 0, others[random(others.length)] as string);
        else edited[at] = others[random(others.length)] as string;
      }
      const a = edited.join(' ');
      expect(namesSwapped(a, base)).toBe(namesSwapped(base, a));
      if (namesSwapped(a, base)) swapped += 1;
    }
    // Both answers occur: the edits swap names often, but not always.
    expect(swapped).toBeGreaterThan(100);
    expect(swapped).toBeLessThan(1900);
  });
});
