/**
 * The rules that make a cleaned corpus of real news trustworthy (issue 14), each on a small corpus
 * written for it: wire templates with new figures each day, tables, leads run into a block, an
 * article's own short lines, site furniture, one background per block, counts and copies.
 */
import { describe, expect, it } from 'vitest';
import { dedupe } from '../src/pipeline.js';
import type { DedupeResult, SourceArticle } from '../src/types.js';

const cleanedOf = (result: DedupeResult, path: string): string => result.cleaned.find((article) => article.path === path)?.text ?? '';

/** A daily river report from one template, with the day's figures. */
function riverReport(day: string, inflow: string, outflow: string, level: string): string {
  return [
    `Water report for ${day}`,
    '',
    `The river authority on ${day} released ${outflow} cusecs of water against an inflow of ${inflow} cusecs, its daily bulletin said.`,
    `The level of the northern reservoir stood at ${level} feet, while the dead level of the reservoir is fixed at 1,398 feet by the engineers.`,
    'The authority keeps the figures under review with the provinces and publishes them every morning for the farmers downstream.',
    '',
  ].join('\n');
}

describe('changed figures are news', () => {
  const days: SourceArticle[] = [
    { path: 'a-monday.txt', text: riverReport('Monday', '86,300', '80,000', '1,420.5') },
    { path: 'b-tuesday.txt', text: riverReport('Tuesday', '64,400', '80,000', '1,418.2') },
    { path: 'c-wednesday.txt', text: riverReport('Wednesday', '61,900', '75,500', '1,417.0') },
  ];

  it('keeps in each article a template sentence whose figures changed', async () => {
    const result = await dedupe(days);
    expect(cleanedOf(result, 'b-tuesday.txt')).toContain('released 80,000 cusecs of water against an inflow of 64,400 cusecs');
    expect(cleanedOf(result, 'c-wednesday.txt')).toContain('released 75,500 cusecs of water against an inflow of 61,900 cusecs');
    expect(cleanedOf(result, 'c-wednesday.txt')).toContain('stood at 1,417.0 feet');
  });

  it('still collapses the template sentence whose figures are all the same', async () => {
    const result = await dedupe(days);
    for (const article of days) expect(cleanedOf(result, article.path)).not.toContain('publishes them every morning');
    expect(result.shared.some((block) => block.text.includes('publishes them every morning'))).toBe(true);
  });

  it('keeps an updated death toll inside an old background paragraph, and collapses the rest of it', async () => {
    const background = (toll: string) =>
      `The floods began after a week of heavy rain in the northern valleys and have since spread to the plains. At least ${toll} people have died so far, according to the disaster management authority. Relief camps were set up in schools and mosques across the three worst-hit districts.`;
    const articles: SourceArticle[] = [
      { path: 'day1.txt', text: `Rescuers reached the cut-off villages by boat on Monday morning.\n\n${background('26')}\n` },
      { path: 'day2.txt', text: `The prime minister flew over the flooded districts in a helicopter.\n\n${background('28')}\n` },
      { path: 'day3.txt', text: `Schools in the plains will stay shut for another week, officials said.\n\n${background('31')}\n` },
    ];
    const result = await dedupe(articles);
    expect(cleanedOf(result, 'day1.txt')).toContain('At least 26 people have died so far');
    expect(cleanedOf(result, 'day2.txt')).toContain('At least 28 people have died so far');
    expect(cleanedOf(result, 'day3.txt')).toContain('At least 31 people have died so far');
    expect(cleanedOf(result, 'day1.txt')).not.toContain('Relief camps were set up in schools and mosques across');
    expect(cleanedOf(result, 'day3.txt')).not.toContain('Relief camps were set up in schools and mosques across');
  });
});

describe('what happened is news after what was to happen', () => {
  it('keeps a follow-up’s opening, worded as the announcement was but for what happened', async () => {
    const airport = 'The new airport, built with Chinese funding, was inaugurated on Monday after years of delay over its cost and its security.';
    const result = await dedupe([
      { path: 'a-announced.txt', title: 'First flight due at new airport', text: `A national airline flight will land at the new Gwadar airport on Friday with passengers from Karachi. ${airport}\n` },
      { path: 'b-landed.txt', title: 'First flight lands at new airport', text: `A national airline flight landed at the new Gwadar airport on Friday with passengers from Karachi. ${airport}\n` },
    ], { keep: 'none' });
    expect(cleanedOf(result, 'b-landed.txt')).toContain('A national airline flight landed at the new Gwadar airport');
    expect(cleanedOf(result, 'a-announced.txt')).toContain('A national airline flight will land at the new Gwadar airport');
    expect(result.shared.map((block) => block.text.trim())).toEqual([airport]);
  });
});

const BACKGROUND = [
  'The dispute over the river began in the spring when the upstream province started building a new barrage without consulting its neighbours.',
  'Talks between the two provincial governments broke down twice over the summer, each side accusing the other of bad faith.',
  'A commission of retired judges was then appointed to hear both sides and report within three months.',
];

describe('a marker replaces whole sentences, never part of one', () => {
  it('splits an inline heading off its block only where another copy has it on a line of its own', async () => {
    const result = await dedupe([
      { path: 'a.txt', text: `Farmers protest at the barrage site.\n\nThe river dispute ${BACKGROUND.join(' ')}\n` },
      { path: 'b.txt', text: `Minister visits the commission.\n\nThe river dispute\n\n${BACKGROUND.join(' ')}\n` },
      { path: 'c.txt', text: `Judges ask for more time.\n\n${BACKGROUND.join(' ')}\n` },
    ]);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]!.label).toBe('The river dispute');
    // The heading went with the block: the marker stands alone on the paragraph's line.
    expect(cleanedOf(result, 'a.txt').split('\n')[2]).toMatch(/^\[shared block \w+ "The river dispute": 3 sentences/);
  });

  it('leaves a lead such as "He added that" with its whole sentence, not dangling before a marker', async () => {
    const [first, ...rest] = BACKGROUND;
    const result = await dedupe([
      { path: 'a.txt', text: `A spokesman spoke to reporters.\n\nHe added that ${first!.charAt(0).toLowerCase()}${first!.slice(1)} ${rest.join(' ')}\n` },
      { path: 'b.txt', text: `Minister visits the commission.\n\n${BACKGROUND.join(' ')}\n` },
      { path: 'c.txt', text: `Judges ask for more time.\n\n${BACKGROUND.join(' ')}\n` },
    ]);
    const a = cleanedOf(result, 'a.txt');
    expect(a).toContain(`He added that ${first!.charAt(0).toLowerCase()}${first!.slice(1)}`);
    expect(a).not.toMatch(/He added that\s*\n?\[shared block/);
    expect(a).toContain('[shared block');
    expect(a).toContain('2 of 3 sentences');
  });
});

describe('a marker never cuts a quotation', () => {
  it('leaves a shared sentence in place inside a quotation the article’s own words open', async () => {
    const shared = 'Both sides have agreed to a framework for the negotiations and will meet again next week.';
    const result = await dedupe([
      { path: 'a.txt', text: `The union met on Friday night to weigh the offer from the port.\n\nThe labour minister told reporters: “Talks will resume on Monday at the secretariat. ${shared}” Union leaders welcomed the statement.\n` },
      { path: 'b.txt', text: `Shipping lines diverted two more vessels on Saturday as the strike went on.\n\nSpeaking on television, the minister said: “I am hopeful. ${shared}” He declined to give details.\n` },
      { path: 'c.txt', text: `Dock workers marched to the port offices on Sunday morning.\n\n${shared} The union said it would wait and see.\n` },
    ], { keep: 'none' });
    // Quoted, the sentence stays whole with its quotation in a.txt and b.txt; standing alone in c.txt, it is no block there either.
    for (const path of ['a.txt', 'b.txt']) expect(cleanedOf(result, path)).toContain(`${shared}”`);
    expect(result.cleaned.every((article) => (article.text.match(/“/g) ?? []).length === (article.text.match(/”/g) ?? []).length)).toBe(true);
  });

  it('leaves a statement quoted over paragraphs whole, though another article holds two of its sentences', async () => {
    const first = 'The committee members unanimously agreed on the need for a robust law to prevent electronic crimes.';
    const second = 'They noted that existing laws on child protection and hate speech lacked clear definitions.';
    const result = await dedupe([
      { path: 'a.txt', text: `Senators met on Monday to discuss the cybercrime bill.\n\n${first} ${second} The chairman said the bill would be voted on next week.\n` },
      { path: 'b.txt', text: `The Senate panel approved the bill on Tuesday.\n\nA press release said: “${first} ${second}\n\n“The members agreed that the bill is of utmost importance,” it added.\n` },
    ], { keep: 'none' });
    // The quotation runs on into the next paragraph: its first paragraph is not cut in b.txt.
    expect(cleanedOf(result, 'b.txt')).toContain(`“${first} ${second}\n`);
  });
});

describe("an article's own short lines stay", () => {
  it('keeps a headline that stands in no other article, though it sits right above a block', async () => {
    const result = await dedupe([
      { path: 'a.txt', text: `Rains delay the commission hearing\n\n${BACKGROUND.join(' ')}\n` },
      { path: 'b.txt', text: `Minister visits the commission today.\n\n${BACKGROUND.join(' ')}\n` },
      { path: 'c.txt', text: `Opening remarks\n\nThe judges asked for more time.\n\nNew Hearing Dates\n\n${BACKGROUND.join(' ')}\n` },
    ]);
    expect(cleanedOf(result, 'a.txt')).toContain('Rains delay the commission hearing');
    expect(cleanedOf(result, 'c.txt')).toContain('New Hearing Dates');
    expect(result.report.blocks[0]!.label).not.toBe('New Hearing Dates');
  });
});

describe('tables and score lines are not chrome', () => {
  it('keeps a standings table and its headings, repeated with new figures across match reports', async () => {
    const table = (n: number) =>
      ['Team P W L Pts NRR', `Falcons ${n} ${n} 0 ${2 * n} +0.8${n}`, `Herons ${n} 1 ${n - 1} 2 +0.1${n}`, `Kites ${n} 0 ${n} 0 -0.50${n}`, 'HERONS:', `Batting first, the Herons made ${n * 30} for ${n} wickets.`].join('\n\n');
    const report = (n: number) => `Falcons win again in match ${n}\n\nThe home side won by ${n + 10} runs after a late collapse by the visitors on day ${n}.\n\n${table(n)}\n`;
    const result = await dedupe([1, 2, 3, 4].map((n) => ({ path: `m${n}.txt`, text: report(n) })));
    for (let n = 1; n <= 4; n += 1) {
      const text = cleanedOf(result, `m${n}.txt`);
      expect(text).toContain(table(n));
    }
    expect(result.chrome).toEqual([]);
  });
});

describe('counts and copies', () => {
  it('never counts more sentences of a block than it has, when a copy holds one twice', async () => {
    const result = await dedupe([
      { path: 'a.txt', text: `First report on the dispute.\n\n${BACKGROUND.join(' ')}\n` },
      { path: 'b.txt', text: `Second report on the dispute.\n\n${BACKGROUND.join(' ')} ${BACKGROUND[2]}\n` },
    ]);
    expect(cleanedOf(result, 'b.txt')).toMatch(/: 3 sentences, also in 1 other article\]/);
    expect(cleanedOf(result, 'b.txt')).not.toContain('4 of 3');
  });
});

describe("an article's title is its own", () => {
  it('keeps a title worded like another article’s, when the story below it is shared', async () => {
    const result = await dedupe([
      { path: 'a.txt', text: `President congratulates the squash champion on his title\n\n${BACKGROUND.join(' ')}\n` },
      { path: 'b.txt', text: `Prime minister congratulates the squash champion on his title\n\n${BACKGROUND.join(' ')}\n` },
    ]);
    expect(result.report.blocks).toHaveLength(1);
    expect(cleanedOf(result, 'a.txt')).toMatch(/^President congratulates the squash champion on his title\n/);
    expect(cleanedOf(result, 'b.txt')).toMatch(/^Prime minister congratulates the squash champion on his title\n/);
  });

  it('keeps a headline that ends with a full stop as a title when the article has no title elsewhere', async () => {
    const result = await dedupe([
      { path: 'a.txt', text: `President congratulates the squash champion on his third world title.\n\n${BACKGROUND.join(' ')}\n` },
      { path: 'b.txt', text: `Prime minister congratulates the squash champion on his third world title.\n\n${BACKGROUND.join(' ')}\n` },
    ]);
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 3 })]);
    expect(cleanedOf(result, 'b.txt')).toMatch(/^Prime minister congratulates the squash champion on his third world title\.\n/);
  });

  it('takes a first line that opens with a dateline for a lede, title or none', async () => {
    const lede = 'The harbour board approved a new container terminal on Monday after months of delay over its cost.';
    const result = await dedupe([
      { path: 'a.txt', text: `KARACHI: ${lede}\n\n${BACKGROUND[0]}\n\nMourners gathered at the palace gates through the night.\n`, date: '2025-02-06' },
      { path: 'b.txt', text: `Terminal approved at last\n\n${lede}\n\n${BACKGROUND[0]}\n\nSchools in the capital will stay shut until Monday.\n`, date: '2025-02-07' },
    ]);
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2 })]);
    expect(cleanedOf(result, 'b.txt')).not.toContain('months of delay');
  });

  it('takes a record’s opening sentence for its lede, not a title: a later copy edited lightly collapses, and the earliest keeps it', async () => {
    // Records: the titles are in a field, and each text opens with its lede, which ends with a full stop.
    const lede = 'The premier condoled with the crown prince on the passing of his father, the late ruler of the island state';
    const earlier = `${lede}.\n\n${BACKGROUND[0]}\n\nMourners gathered at the palace gates through the night.\n`;
    const later = `Funeral plans were announced on Thursday for the late ruler of the island state.\n\nThe national flag will fly at half-mast on the day.\n\n${lede.replace('condoled with', 'also condoled')}.\n\n${BACKGROUND[0]}\n\nSchools in the capital will stay shut until Monday.\n`;
    const result = await dedupe([
      { path: 'wire.jsonl#1', text: earlier, title: 'PM condoles with crown prince', date: '2025-02-06T10:00:00Z' },
      { path: 'paper.jsonl#1', text: later, title: 'Funeral to be held on Saturday', date: '2025-02-06T18:00:00Z' },
    ]);
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2 })]);
    // The earliest article keeps its lede and background in place; the later copy's edited lede goes with the block.
    expect(cleanedOf(result, 'wire.jsonl#1')).toBe(earlier);
    expect(cleanedOf(result, 'paper.jsonl#1')).not.toContain('also condoled');
    expect(cleanedOf(result, 'paper.jsonl#1')).toContain(': 2 sentences, also in 1 other article]');
  });
});

describe('one background, one block', () => {
  const GRAZING = [
    'The quarrel over grazing rights in the highlands goes back to a colonial survey that drew the district lines across the summer pastures.',
    'Herders from both valleys have used the same meadows for generations, moving their flocks up in May and down again in October.',
    'A council of elders from both sides agreed a truce some years ago, but it has been broken several times since then.',
    'The provincial assembly has since passed a resolution calling for a new survey of the disputed land.',
    'The survey team has yet to be appointed, and officials say the money for it has not been released.',
  ];
  const story = (n: number, background: readonly string[]) => `Highlands story ${n}\n\nHerders in village ${n} said the army had been called in on day ${n} of the stand-off.\n\n${background.join(' ')}\n\nStory ${n} ends with its own last line of reporting.\n`;

  it('comes out as one block when each of a few copies leaves out different sentences, one to two', async () => {
    // Sentence k's copies stand in sets of articles that differ much from its neighbours', but side by side wherever both stand.
    const kept = [[0, 1, 2, 3, 4], [0, 2, 4], [0, 1, 3, 4], [1, 2, 3], [0, 1, 2, 4], [0, 3, 4]];
    const result = await dedupe(kept.map((sentences, n) => ({ path: `s${n}.txt`, text: story(n, sentences.map((k) => GRAZING[k]!)) })));
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 5, articles: kept.map((_, n) => `s${n}.txt`) })]);
    expect(result.shared[0]!.text.trim()).toBe(GRAZING.join(' '));
  });

  it('keeps two backgrounds that meet side by side in two articles of many as two blocks', async () => {
    const HARBOUR = [
      'The harbour was dredged last in 2019, and silt has since narrowed the channel for larger ships.',
      'Shipping lines have asked the port authority to deepen the berths before the monsoon season.',
      'The authority says a contract for the work will be awarded by the end of the financial year.',
    ];
    const grazing = Array.from({ length: 6 }, (_, n) => ({ path: `g${n}.txt`, text: story(n, GRAZING) }));
    const harbour = Array.from({ length: 6 }, (_, n) => ({ path: `h${n}.txt`, text: story(10 + n, HARBOUR) }));
    const both = Array.from({ length: 2 }, (_, n) => ({ path: `m${n}.txt`, text: story(20 + n, [...GRAZING, ...HARBOUR]) }));
    const result = await dedupe([...grazing, ...harbour, ...both]);
    expect(result.report.blocks.map((block) => block.sentences).sort()).toEqual([3, 5]);
  });

  it('comes out as one block when many copies each leave out a different sentence, each sentence in twelve of sixteen', async () => {
    // Neighbours share half their articles, neither within the other, and stand in too many articles
    // for the side-by-side rule: each runs on with the background's best-kept sentence, in all sixteen.
    const [first, ...rest] = GRAZING;
    const articles = Array.from({ length: 16 }, (_, n) => ({ path: `w${String(n).padStart(2, '0')}.txt`, text: story(n, [first!, ...rest.filter((_, k) => k !== n % 4)]) }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 5 })]);
    expect(result.report.blocks[0]!.articles).toHaveLength(16);
  });

  it('keeps two sentences that meet side by side in three articles of six each as two blocks', async () => {
    const [dispute, talks] = GRAZING;
    const alone = (n: number, sentence: string) => ({ path: `x${n}.txt`, text: `Village ${n} report\n\nThe stand-off entered day ${n} on Monday.\n\n${sentence}\n\nStory ${n} ends here.\n` });
    const result = await dedupe([...[0, 1, 2].map((n) => alone(n, dispute!)), ...[3, 4, 5].map((n) => alone(n, talks!)), ...[6, 7, 8].map((n) => alone(n, `${dispute} ${talks}`))]);
    // Each in six articles, side by side in three, three of nine articles in common: no background.
    expect(result.report.blocks.map((block) => block.sentences)).toEqual([1, 1]);
  });

  it('keeps two backgrounds of three articles each that meet in two as two blocks', async () => {
    const HARBOUR = [
      'The harbour was dredged last in 2019, and silt has since narrowed the channel for larger ships.',
      'Shipping lines have asked the port authority to deepen the berths before the monsoon season.',
      'The authority says a contract for the work will be awarded by the end of the financial year.',
    ];
    const result = await dedupe([
      { path: 'g.txt', text: story(1, GRAZING) },
      { path: 'h.txt', text: story(2, HARBOUR) },
      { path: 'roundup-1.txt', text: story(3, [...GRAZING, ...HARBOUR]) },
      { path: 'roundup-2.txt', text: story(4, [...GRAZING, ...HARBOUR]) },
    ]);
    expect(result.report.blocks.map((block) => block.sentences).sort()).toEqual([3, 5]);
  });

  it('keeps two sentences side by side in eight articles of twelve each as two blocks: sets of that size are compared, not read side by side', async () => {
    const [dispute, talks] = GRAZING;
    const one = (n: number, text: string) => ({ path: `y${String(n).padStart(2, '0')}.txt`, text: `Village ${n} report\n\nThe stand-off entered day ${n} on Monday.\n\n${text}\n\nStory ${n} ends here.\n` });
    const articles = [...Array.from({ length: 8 }, (_, n) => one(n, `${dispute} ${talks}`)), ...Array.from({ length: 4 }, (_, n) => one(8 + n, dispute!)), ...Array.from({ length: 4 }, (_, n) => one(12 + n, talks!))];
    const result = await dedupe(articles);
    expect(result.report.blocks.map((block) => block.sentences)).toEqual([1, 1]);
  });

  it('comes out as one block when a few copies leave one sentence out', async () => {
    const articles = Array.from({ length: 12 }, (_, n) => ({ path: `s${String(n).padStart(2, '0')}.txt`, text: story(n, n === 3 || n === 7 ? GRAZING.filter((_, k) => k !== 2) : GRAZING) }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]!.sentences).toBe(5);
    expect(result.report.blocks[0]!.articles).toHaveLength(12);
    // The canonical wording reads in the copies' order.
    expect(result.shared[0]!.text.indexOf('colonial survey')).toBeLessThan(result.shared[0]!.text.indexOf('council of elders'));
    expect(cleanedOf(result, 's03.txt')).toContain('4 of 5 sentences');
  });

  it('is labelled by its first sentence that half its copies hold, not one the earliest copies alone added', async () => {
    // Three copies open with a sentence of their own, three more with the next: a chain of subsets
    // that is one block, whose markers in the other six name a sentence those hold.
    const [first, second, third] = GRAZING;
    const articles = Array.from({ length: 12 }, (_, n) => ({ path: `s${String(n).padStart(2, '0')}.txt`, text: story(n, n < 3 ? [first!, second!, third!] : n < 6 ? [second!, third!] : [third!]) }));
    const result = await dedupe(articles);
    expect(result.report.blocks.map((block) => [block.articles.length, block.sentences, block.label])).toEqual([[12, 3, 'Herders from both valleys have used the same…']]);
  });

  it('is one block whole when an outlet prints it with soft hyphens inside its words', async () => {
    // A web page's hyphenation hints, invisible on screen: "dis\u00adtrict", "gen\u00ader\u00ada\u00adtions".
    const hyphenated = GRAZING.map((sentence) => sentence.replace(/\b(\w{3})(\w{3,})/g, '$1\u00ad$2'));
    const articles = [0, 1].map((n) => ({ path: `s${n}.txt`, text: story(n, n === 1 ? hyphenated : GRAZING) }));
    const result = await dedupe(articles);
    expect(result.report.blocks.map((block) => block.sentences)).toEqual([5]);
    expect(result.report.articles.map((article) => article.words)).toEqual([result.report.articles[0]!.words, result.report.articles[0]!.words]);
  });
});

describe('a sentence copied alone, with no neighbour to confirm it', () => {
  const earlier = 'The bench adjourned the hearing of the petitions after the counsel for the federation sought more time to prepare its reply.';
  // Dice 0.80 with the earlier wording, the same figures: above the threshold, below LONE_SIMILARITY.
  const later = 'The bench later put off the hearing of the petitions after the counsel for the federation sought more time.';
  const stories = (sourceA: string, sourceB: string) => [
    { path: 'a.txt', source: sourceA, text: `Court story one opens with its own report of the day in the capital.\n\n${earlier}\n\nThe first story ends with a line of its own about the lawyers.\n` },
    { path: 'b.txt', source: sourceB, text: `Court story two opens with another report of a later day in the capital.\n\n${later}\n\nThe second story ends with a line of its own about the judges.\n` },
  ];

  it('stays in its article when it scores under 0.85 with the outlet’s earlier wording: the outlet’s next report in the same words', async () => {
    const result = await dedupe(stories('Daily Courier', 'Daily Courier'));
    expect(result.report.blocks).toEqual([]);
    expect(cleanedOf(result, 'b.txt')).toContain(later);
  });

  it('collapses between two outlets, where it is a reprint', async () => {
    const result = await dedupe(stories('Daily Courier', 'Wire'));
    expect(result.report.blocks).toHaveLength(1);
    expect(cleanedOf(result, 'b.txt')).not.toContain('put off');
  });
});

describe('a copy is found through the last article that held it', () => {
  it('collapses a lightly edited list of a bench’s judges whose names an earlier, other sentence held first', async () => {
    // a.txt names the judges first, in another sentence; b.txt holds the list as today's c.txt
    // words it, lightly edited. Voting for each shingle's first holder alone, c.txt's sketch goes to
    // a.txt's sentence, which is no copy, and b.txt's gets too few votes: the copy stayed.
    const judges = ['Justice Buneka Buhar', 'Justice Dordor Talqu', 'Justice Talgas Lishan', 'Justice Bumika Zanzan', 'Justice Harve Nequ', 'Justice Harmipol Gastiqu', 'Justice Limi Nebu'];
    const names = `${judges.slice(0, -1).join(', ')} and ${judges[judges.length - 1]}`;
    const own = (n: number) => `Story ${n} opens with its own report of the hearing on day ${n}, which no other article holds.`;
    const result = await dedupe([
      { path: 'a.txt', text: `${own(1)}\n\nThe full bench, headed by the chief justice and comprising ${names}, was hearing the petitions against the trials.\n` },
      { path: 'b.txt', text: `${own(2)}\n\nOther members of the bench include ${names}.\n` },
      { path: 'c.txt', text: `${own(3)}\n\nOther members of the bench included ${names}, the court said.\n` },
    ]);
    expect(result.report.blocks.map((block) => block.articles)).toEqual([['b.txt', 'c.txt']]);
    expect(cleanedOf(result, 'a.txt')).toContain('was hearing the petitions');
  });
});

describe('a common phrase is no copy of a block', () => {
  it('leaves a short line that a block also holds ("Key facts:") in an unrelated article', async () => {
    const background = (n: number) => `Flood story ${n}\n\nRescue teams reached village ${n} today.\n\n${BACKGROUND[0]}\n\nKey facts:\n\n${BACKGROUND[1]} ${BACKGROUND[2]}\n`;
    const unrelated = 'Stocks close higher\n\nThe index rose for a third day as banks gained.\n\nKey facts:\n\nTrading volume was the highest this month, brokers said.\n';
    const result = await dedupe([...[1, 2, 3, 4].map((n) => ({ path: `f${n}.txt`, text: background(n) })), { path: 'stocks.txt', text: unrelated }]);
    expect(cleanedOf(result, 'stocks.txt')).toBe(unrelated);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]!.articles).toHaveLength(4);
  });
});

/** A sentence of made-up words, different for every seed, so that no two articles share text by chance. */
function ownSentence(seed: number): string {
  let state = seed * 7919 + 17;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const word = () => Array.from({ length: 2 + (next() % 3) }, () => 'bdfgklmnprstvz'[next() % 14]! + 'aeiou'[next() % 5]!).join('');
  const words = Array.from({ length: 12 }, word);
  return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
}

describe('site furniture is chrome, even inside a paragraph', () => {
  const LICENCE = 'All content by the Hill Valley Agency is licensed under a Creative Commons Attribution licence.';
  const COMMENT_FORM = 'Save my name, email, and website in this browser for the next time I comment.';

  it('removes a licence notice that ends every agency article inside its last paragraph, as chrome, not a block', async () => {
    const articles = Array.from({ length: 60 }, (_, n) => ({ path: `agency/${String(n).padStart(2, '0')}.txt`, text: `${ownSentence(n)}\n\n${ownSentence(1000 + n)} ${ownSentence(2000 + n)} ${LICENCE}\n` }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toEqual([]);
    expect(result.report.totals.pairs).toBe(0);
    expect(cleanedOf(result, 'agency/07.txt')).toBe(`${ownSentence(7)}\n\n${ownSentence(1007)} ${ownSentence(2007)}\n`);
    expect(result.chrome).toEqual([{ text: LICENCE, reason: 'site furniture', articles: 60 }]);
    expect(result.report.articles[7]!.chromeWords).toBe(15);
  });

  it('keeps as a block, not furniture, a running story’s background pasted inside more than half of a site’s articles', async () => {
    const background = `${ownSentence(5000)} ${ownSentence(5001)} ${ownSentence(5002)}`;
    const articles = Array.from({ length: 40 }, (_, n) => ({
      path: `story/${String(n).padStart(2, '0')}.txt`,
      text: n < 24 ? `${ownSentence(n)}\n\n${ownSentence(100 + n)}\n\n${background}\n\n${ownSentence(200 + n)}\n\n${ownSentence(300 + n)}\n` : `${ownSentence(n)}\n\n${ownSentence(100 + n)}\n`,
    }));
    const result = await dedupe(articles);
    expect(result.report.blocks.map((block) => block.articles.length)).toEqual([24]);
    expect(result.chrome).toEqual([]);
    expect(result.shared[0]!.text).toBe(`${background}\n`);
    expect(cleanedOf(result, 'story/03.txt')).toContain('[shared block ');
  });

  it('removes a notice under a heading line of its own in a quarter of a site’s articles: the heading is not counted as the notice’s length', async () => {
    // Nineteen words under "Support us": a site's line, however long its heading makes the block.
    const NOTICE = 'Your donation keeps our reporters in the field and our journalism free for every single reader in the valley.';
    const articles = Array.from({ length: 100 }, (_, n) => ({ path: `valley/${String(n).padStart(3, '0')}.txt`, text: `${ownSentence(n)}\n\n${ownSentence(400 + n)}\n${n % 4 === 0 ? `\nSupport us\n\n${NOTICE}\n` : ''}` }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toEqual([]);
    expect(cleanedOf(result, 'valley/004.txt')).toBe(`${ownSentence(4)}\n\n${ownSentence(404)}\n`);
    expect(result.report.totals.chromeWords).toBe(25 * 21);
  });

  it('removes a footer of two lines whole, though its first line is a repeated short line too, and counts its words once', async () => {
    const FOLLOW = 'Follow Site B on social media for updates';
    const PLEA = 'Support independent local journalism at Site B by subscribing to our weekly newsletter, it only takes a minute.';
    const articles = Array.from({ length: 27 }, (_, n) => ({ path: `site-b/${String(n).padStart(2, '0')}.txt`, text: `${ownSentence(n)}\n\n${ownSentence(300 + n)}\n${n < 23 ? `\n${FOLLOW}\n\n${PLEA}\n` : ''}` }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toEqual([]);
    for (let n = 0; n < 27; n += 1) expect(cleanedOf(result, `site-b/${String(n).padStart(2, '0')}.txt`)).toBe(`${ownSentence(n)}\n\n${ownSentence(300 + n)}\n`);
    expect(result.report.articles[0]!.chromeWords).toBe(8 + 18);
    expect(result.report.totals.chromeWords).toBe(23 * (8 + 18));
  });

  it('removes a long comment-form line that ends a third of a site’s articles, and keeps the unique sub-heading above it', async () => {
    const articles = Array.from({ length: 90 }, (_, n) => ({
      path: `site-a/${String(n).padStart(2, '0')}.txt`,
      text: `${ownSentence(n)}\n\n${ownSentence(1000 + n)}\n\n${n % 3 === 0 ? `Reader notes ${ownSentence(3000 + n).split(' ')[0]}\n\n${COMMENT_FORM}\n` : ''}`,
    }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toEqual([]);
    const cleaned = cleanedOf(result, 'site-a/03.txt');
    expect(cleaned).not.toContain('Save my name');
    expect(cleaned).toContain(`Reader notes ${ownSentence(3003).split(' ')[0]}`);
    expect(result.chrome.find((line) => line.text === COMMENT_FORM)).toEqual({ text: COMMENT_FORM, reason: 'site furniture', articles: 30 });
  });

  it('removes a furniture line whole when it opens with a question every site\'s line asks, and keeps the site\'s own lines', async () => {
    const sites = ['Harbour Ledger', 'Valley Courier', 'Morning Gazette'];
    const articles = sites.flatMap((site, s) =>
      Array.from({ length: 44 }, (_, n) => ({
        path: `site-${s}/${String(n).padStart(2, '0')}.txt`,
        text: `${ownSentence(s * 100 + n)}\n\n${ownSentence(5000 + s * 100 + n)}\n\n${n % 2 === 0 ? `Have a story tip? Write to the ${site} newsroom by email.` : `Like this article? Share it with your friends and help ${site} grow.`}\n`,
      })),
    );
    const result = await dedupe(articles);
    for (const path of ['site-0/04.txt', 'site-1/05.txt', 'site-2/10.txt']) {
      const cleaned = cleanedOf(result, path);
      expect(cleaned).not.toContain('Have a story tip?');
      expect(cleaned).not.toContain('Like this article?');
    }
    expect(cleanedOf(result, 'site-1/05.txt')).toBe(`${ownSentence(105)}\n\n${ownSentence(5105)}\n`);
    expect(result.chrome).toContainEqual({ text: 'Have a story tip? Write to the Valley Courier newsroom by email.', reason: 'site furniture', articles: 22 });
    expect(result.chrome).toContainEqual({ text: 'Like this article? Share it with your friends and help Morning Gazette grow.', reason: 'site furniture', articles: 22 });
  });

  it('keeps a running story’s background pasted into a fifth of a small outlet’s articles as a block, its text kept once', async () => {
    // 22 of 110 articles (20%): past the share and the count a furniture line needs, but a paragraph of sentences.
    const holds = (n: number) => n % 5 === 2;
    const articles = Array.from({ length: 110 }, (_, n) => ({
      path: `herald/${String(n).padStart(3, '0')}.txt`,
      text: `${ownSentence(n)}\n\n${holds(n) ? `${BACKGROUND.join(' ')}\n\n` : ''}${ownSentence(900 + n)}\n`,
    }));
    const result = await dedupe(articles);
    expect(result.chrome).toEqual([]);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]!.articles).toHaveLength(22);
    expect(result.shared.map((block) => block.text)).toEqual([`${BACKGROUND.join(' ')}\n`]);
    expect(cleanedOf(result, 'herald/007.txt')).toBe(`${ownSentence(7)}\n\n[shared block ${result.report.blocks[0]!.id} "${BACKGROUND[0]!.split(' ').slice(0, 8).join(' ')}…": 3 sentences, also in 21 other articles]\n\n${ownSentence(907)}\n`);
  });

  it('keeps one long sentence pasted into a fifth of an outlet’s articles as a block, not furniture', async () => {
    const SENTENCE = 'The provincial government has repeatedly said that the new barrage will not reduce the flow of water to the lower districts during the sowing season this year.';
    const articles = Array.from({ length: 120 }, (_, n) => ({ path: `daily/${String(n).padStart(3, '0')}.txt`, text: `${ownSentence(n)}\n\n${n % 5 === 1 ? `${SENTENCE}\n\n` : ''}${ownSentence(700 + n)}\n` }));
    const result = await dedupe(articles);
    expect(result.chrome).toEqual([]);
    expect(result.report.blocks.map((block) => block.articles.length)).toEqual([24]);
  });

  it('keeps a background copied word for word into a few of many articles as a block', async () => {
    const articles = Array.from({ length: 80 }, (_, n) => ({ path: `paper/${String(n).padStart(2, '0')}.txt`, text: `${ownSentence(n)}\n\n${n < 6 ? `${BACKGROUND.join(' ')}\n\n` : ''}${ownSentence(500 + n)}\n` }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]!.articles).toHaveLength(6);
    expect(result.chrome).toEqual([]);
  });
});

describe('--chrome entries inside a line', () => {
  it('removes only what an inside: entry matches, wherever it stands in a line', async () => {
    const articles = [
      { path: 'a.txt', text: `Fuel prices cut by up to ten rupees - Business - DAILY.COM\n\n${ownSentence(1)}\n` },
      { path: 'b.txt', text: `Talks resume in the capital - Pakistan - DAILY.COM\n\n${ownSentence(2)} Follow us on our channel for more.\n` },
    ];
    const result = await dedupe(articles, { chromeLines: ['inside: /\\s+-\\s+\\w+\\s+-\\s+DAILY\\.COM$/', 'inside: Follow us on our channel for more.'] });
    expect(cleanedOf(result, 'a.txt')).toBe(`Fuel prices cut by up to ten rupees\n\n${ownSentence(1)}\n`);
    expect(cleanedOf(result, 'b.txt')).toBe(`Talks resume in the capital\n\n${ownSentence(2)}\n`);
    expect(result.chrome.map((line) => line.reason)).toEqual(['user list', 'user list', 'user list']);
  });
});

describe('a sign-off whose date changes is furniture', () => {
  it('removes "Published in The Courier, <date>" even on a date only one article has, and keeps a dated headline', async () => {
    const months = ['January', 'February', 'March'];
    const articles = Array.from({ length: 60 }, (_, n) => ({
      path: `courier/${String(n).padStart(2, '0')}.txt`,
      text: `${ownSentence(n)}\n\n${ownSentence(700 + n)}\n\nPublished in The Courier, ${months[n % 3]} ${1 + (n % 28)}th, 2025\n`,
    }));
    articles.push({ path: 'courier/zz.txt', text: `Toll rises to 26 on March 3rd\n\n${ownSentence(999)}\n` });
    const result = await dedupe(articles);
    for (const article of result.cleaned.slice(0, 60)) expect(article.text).not.toContain('Published in The Courier');
    expect(cleanedOf(result, 'courier/zz.txt')).toContain('Toll rises to 26 on March 3rd');
    expect(result.chrome.filter((line) => line.reason === 'site furniture').length).toBeGreaterThan(0);
  });

  it('removes a sign-off long enough to be a block, though articles of the same date hold it word for word', async () => {
    // Eight words, the least a block may have: each date's copies would make a block of their own.
    const dates = ['March 3rd', 'March 4th', 'March 5th', 'March 6th', 'March 7th', 'March 8th', 'March 10th', 'March 11th', 'March 12th', 'March 13th', 'March 14th', 'March 15th'];
    const articles = Array.from({ length: 60 }, (_, n) => ({
      path: `example/${String(n).padStart(2, '0')}.txt`,
      text: `${ownSentence(n)}\n\n${ownSentence(800 + n)}\n\nPublished in The Daily Example, ${dates[n % dates.length]}, 2025\n`,
    }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toEqual([]);
    for (const [n, article] of result.cleaned.entries()) {
      expect(article.text).toBe(`${ownSentence(n)}\n\n${ownSentence(800 + n)}\n`);
    }
    // Each date's line is in five articles: a repeated short line, as a seven-word one would be.
    expect(result.chrome.map((line) => [line.text.replace(/March \d+\w\w/, 'March #'), line.articles])).toEqual(dates.map(() => ['Published in The Daily Example, March #, 2025', 5]));
    expect(result.report.totals.chromeWords).toBe(60 * 8);
  });
});

describe('a short line that holds a figure is news unless a site repeats it', () => {
  it('keeps a kick-off time that three match previews share, and removes a line without a figure that they share', async () => {
    const articles = Array.from({ length: 3 }, (_, n) => ({
      path: `previews/${n}.txt`,
      text: `Match preview ${n + 1}\n\nFriday, ${25 + n} February\n\n2000 GMT\n\n${ownSentence(n)} ${ownSentence(10 + n)}\n\nShare this preview\n`,
    }));
    const result = await dedupe(articles);
    for (const article of result.cleaned) {
      expect(article.text).toContain('\n2000 GMT\n');
      expect(article.text).not.toContain('Share this preview');
    }
    expect(result.chrome.map((line) => line.text)).toEqual(['Share this preview']);
  });

  it('removes a writer’s line and a dated sign-off though a copyright line ends the article after them', async () => {
    const writers = ['The writer is a former inspector-general of police.', 'The writer is an urban planner.', 'The writer teaches economics at a public university.'];
    const articles = writers.map((writer, n) => ({ path: `opinion/${n}.txt`, text: `Opinion ${n + 1}\n\n${ownSentence(400 + n)} ${ownSentence(440 + n)}\n\n${writer}\n\nPublished in The Courier, March 3rd, 2025\n\n© 2025 The Courier. All rights reserved.` }));
    const result = await dedupe(articles);
    for (const [n, writer] of writers.entries()) {
      const cleaned = cleanedOf(result, `opinion/${n}.txt`);
      expect(cleaned).not.toContain(writer);
      expect(cleaned).not.toContain('Published in');
      expect(cleaned).not.toContain('©');
    }
  });

  it('removes a columnist’s sign-off under three opinion pieces as furniture, and keeps a closing line of reporting three stories share as a block', async () => {
    const opinion = (n: number) => `Opinion ${n + 1}\n\n${ownSentence(200 + n)} ${ownSentence(240 + n)}\n\n${ownSentence(280 + n)}\n\nThe writer is a former ambassador to the United Nations and a visiting fellow.\n\nfellow.writer@example.org\n`;
    const story = (n: number) => `Court report ${n + 1}\n\n${ownSentence(300 + n)} ${ownSentence(340 + n)}\n\nThe hearing was adjourned until next week, when the prosecution is expected to present its final witnesses to the bench.\n`;
    const result = await dedupe([...[0, 1, 2].map((n) => ({ path: `opinion/${n}.txt`, text: opinion(n) })), ...[0, 1, 2].map((n) => ({ path: `court/${n}.txt`, text: story(n) }))]);
    expect(result.report.blocks.map((block) => block.label)).toEqual([expect.stringMatching(/^The hearing was adjourned until next week/)]);
    for (const n of [0, 1, 2]) {
      expect(cleanedOf(result, `opinion/${n}.txt`)).not.toContain('The writer is');
      expect(cleanedOf(result, `opinion/${n}.txt`)).not.toContain('[shared block');
    }
    expect(result.chrome.map((line) => [line.text, line.reason, line.articles])).toEqual([
      ['The writer is a former ambassador to the United Nations and a visiting fellow.', 'sign-off', 3],
      ['fellow.writer@example.org', 'sign-off', 3],
    ]);
  });

  it.each([
    ['a site’s address after a news story, in one article', 'www.pmdu.gov.pk', 1],
    ['a last line about a writer, in three articles', 'The writer was taken to hospital where he was pronounced dead, police said.', 3],
    ['a dated last line of reporting, in three articles', 'The hearing was adjourned till March 15', 3],
    ['a kick-off time and date, in three articles', 'Kick-off: 2000 GMT, March 3', 3],
  ])('keeps %s', async (_, line, count) => {
    const articles = Array.from({ length: count }, (_, n) => ({ path: `news/${n}.txt`, text: `News ${n + 1}\n\n${ownSentence(800 + n)} ${ownSentence(840 + n)}\n\n${ownSentence(880 + n)}\n\n${line}\n` }));
    const result = await dedupe(articles);
    for (const article of articles) expect(cleanedOf(result, article.path)).toContain(line.slice(0, 20));
    expect(result.chrome).toEqual([]);
  });

  it('keeps a short sentence that three court reports share, inside or at the end, and removes a credit under one report', async () => {
    const report = (n: number) => `Court report ${n + 1}\n\n${ownSentence(900 + n)} ${ownSentence(940 + n)}\n\nThe accused pleaded not guilty.\n\n${ownSentence(980 + n)}\n\nHe denied the charges.\n`;
    const result = await dedupe([...[0, 1, 2].map((n) => ({ path: `court/${n}.txt`, text: report(n) })), { path: 'court/3.txt', text: `${report(3)}\nAdditional reporting by A. Reporter.\n` }]);
    for (const n of [0, 1, 2]) expect(cleanedOf(result, `court/${n}.txt`)).toBe(report(n));
    expect(cleanedOf(result, 'court/3.txt')).toBe(report(3));
    expect(result.chrome.map((line) => [line.text, line.reason])).toEqual([['Additional reporting by A. Reporter.', 'sign-off']]);
    // In 20 articles of one site, a sentence line is the site's furniture.
    const site = await dedupe(Array.from({ length: 20 }, (_, n) => ({ path: `site/${String(n).padStart(2, '0')}.txt`, text: `Story ${n + 1}\n\n${ownSentence(1000 + n)} ${ownSentence(1040 + n)}\n\nThank you for reading our journal.\n` })));
    expect(site.chrome.map((line) => [line.text, line.articles])).toEqual([['Thank you for reading our journal.', 20]]);
  });

  it('removes a writer’s sign-off and contacts under one opinion piece, before a dated sign-off, and keeps a last line of reporting about a writer', async () => {
    const opinion = `Opinion\n\n${ownSentence(700)} ${ownSentence(701)}\n\n${ownSentence(702)}\n\nThe writer, a former health minister, teaches at a university in the capital.\n\nminister@example.org\n\nX: @formerminister\n\nPublished in The Courier, March 3rd, 2025\n`;
    const court = `Court report\n\n${ownSentence(710)} ${ownSentence(711)}\n\nThe writer is expected to appear before the court again next week.\n`;
    const result = await dedupe([
      { path: 'opinion.txt', text: opinion },
      { path: 'court.txt', text: court },
    ]);
    expect(cleanedOf(result, 'opinion.txt')).toBe(`Opinion\n\n${ownSentence(700)} ${ownSentence(701)}\n\n${ownSentence(702)}\n\nPublished in The Courier, March 3rd, 2025\n`);
    expect(cleanedOf(result, 'court.txt')).toBe(court);
    expect(result.chrome.map((line) => line.reason)).toEqual(['sign-off', 'sign-off', 'sign-off']);
  });

  it.each([
    ['a closing sentence that names a bill’s author', 'The author of the bill, Senator Rabia Khan, said the assembly would vote on it before the session ends next month.', 'closing'],
    ['a closing sentence that gives a web address', 'Citizens can file their complaints on the portal www.citizensportal.gov.pk, the ministry said in its statement.', 'closing'],
    ['a writer’s line inside the story, not at its end', 'The writer is a former ambassador to the United Nations and a visiting fellow at the institute.', 'inside'],
    ['a closing paragraph of more than 40 words with an address', `The commission said the full report, ${ownSentence(77).toLowerCase().replace(/\.$/, '')}, ${ownSentence(78).toLowerCase().replace(/\.$/, '')}, and ${ownSentence(79).toLowerCase().replace(/\.$/, '')}, can be read at www.commission.example.org.`, 'closing'],
  ])('keeps, shared by three reprints, %s', async (_, line, where) => {
    const reprint = (n: number) => `Reprint ${n + 1}\n\n${ownSentence(400 + n)} ${ownSentence(440 + n)}\n\n${where === 'inside' ? `${line}\n\n${ownSentence(480 + n)} ${ownSentence(490 + n)}` : line}\n`;
    const result = await dedupe([0, 1, 2].map((n) => ({ path: `reprints/${n}.txt`, text: reprint(n) })));
    expect(result.report.blocks).toHaveLength(1);
    expect(result.chrome).toEqual([]);
  });

  it('keeps a sub-heading inside three reports ("Way forward"), removes a closing line they share, and removes a line between the paragraphs of half a site’s articles, or of 20', async () => {
    const report = (n: number, subheading: string) => `Assembly report ${n + 1}\n\n${ownSentence(n)} ${ownSentence(40 + n)}\n\n${subheading}\n\n${ownSentence(80 + n)} ${ownSentence(120 + n)}\n\n${ownSentence(160 + n)}\n\nMore to follow\n`;
    const plain = (n: number) => `Assembly note ${n + 1}\n\n${ownSentence(500 + n)} ${ownSentence(540 + n)}\n\n${ownSentence(580 + n)}\n`;
    // Three reports of a source of twelve: their sub-heading stays.
    const few = await dedupe([...Array.from({ length: 3 }, (_, n) => ({ path: `assembly/${n}.txt`, text: report(n, 'Way forward') })), ...Array.from({ length: 9 }, (_, n) => ({ path: `assembly/n${n}.txt`, text: plain(n) }))]);
    for (const n of [0, 1, 2]) {
      expect(cleanedOf(few, `assembly/${n}.txt`)).toContain('\n\nWay forward\n\n');
      expect(cleanedOf(few, `assembly/${n}.txt`)).not.toContain('More to follow');
    }
    expect(few.chrome.map((line) => line.text)).toEqual(['More to follow']);
    // The same line in six articles of a source of ten is the site's.
    const half = await dedupe([...Array.from({ length: 6 }, (_, n) => ({ path: `site/${n}.txt`, text: report(n, 'Keep Reading Below') })), ...Array.from({ length: 4 }, (_, n) => ({ path: `site/n${n}.txt`, text: plain(n) }))]);
    expect(half.chrome.map((line) => line.text).sort()).toEqual(['Keep Reading Below', 'More to follow']);
    // And in 20 articles of a source of a hundred.
    const many = await dedupe([...Array.from({ length: 20 }, (_, n) => ({ path: `big/${String(n).padStart(2, '0')}.txt`, text: report(n, 'Keep Reading Below') })), ...Array.from({ length: 80 }, (_, n) => ({ path: `big/n${n}.txt`, text: plain(n) }))]);
    expect(many.chrome.map((line) => line.text).sort()).toEqual(['Keep Reading Below', 'More to follow']);
    const nineteen = await dedupe([...Array.from({ length: 19 }, (_, n) => ({ path: `big/${String(n).padStart(2, '0')}.txt`, text: report(n, 'Keep Reading Below') })), ...Array.from({ length: 80 }, (_, n) => ({ path: `big/n${n}.txt`, text: plain(n) }))]);
    expect(nineteen.chrome.map((line) => line.text)).toEqual(['More to follow']);
  });
});

describe('a dated sign-off longer than a heading is furniture too', () => {
  it('removes "Published in The Courier, The Weekend Magazine, <date>" from every article, and keeps a last line of daily figures', async () => {
    // Twelve words: too long for a short line; each date's copies would be a block of their own.
    const dates = ['January 6th', 'January 13th', 'January 20th', 'January 27th', 'February 3rd', 'February 10th', 'February 17th', 'February 24th', 'March 3rd', 'March 10th', 'March 17th', 'March 24th'];
    const articles = Array.from({ length: 36 }, (_, n) => ({
      path: `courier/${String(n).padStart(2, '0')}.txt`,
      text: `${ownSentence(n)}\n\n${ownSentence(900 + n)}\n\nPublished in The Courier, The Weekend Magazine, ${dates[n % dates.length]}, 2025\n`,
    }));
    // A source's daily report whose last line is the day's figures: news, not a sign-off.
    for (let n = 0; n < 36; n += 1) {
      articles.push({ path: `markets/${String(n).padStart(2, '0')}.txt`, text: `${ownSentence(600 + n)}\n\nThe rupee closed at ${270 + n}.${n % 10}5 against the dollar in the interbank market on the day.\n` });
    }
    const result = await dedupe(articles);
    expect(result.report.blocks.filter((block) => block.label.startsWith('Published'))).toEqual([]);
    for (let n = 0; n < 36; n += 1) expect(cleanedOf(result, `courier/${String(n).padStart(2, '0')}.txt`)).toBe(`${ownSentence(n)}\n\n${ownSentence(900 + n)}\n`);
    for (let n = 0; n < 36; n += 1) expect(cleanedOf(result, `markets/${String(n).padStart(2, '0')}.txt`)).toContain(`The rupee closed at ${270 + n}.`);
    // Each date's line stands word for word in three articles: a sign-off, at `--chrome-min-articles`.
    expect(result.chrome.filter((line) => line.text.startsWith('Published in The Courier, The Weekend Magazine')).map((line) => line.reason)).toEqual(dates.map(() => 'sign-off'));
  });

  it('removes the dated sign-off under a scorecard, its last row of figures right above it, and keeps the scorecard', async () => {
    const dates = ['January 4th', 'January 5th', 'January 6th'];
    const articles = Array.from({ length: 36 }, (_, n) => ({
      path: `courier/${String(n).padStart(2, '0')}.txt`,
      text: n % 4 === 0
        ? `${ownSentence(n)}\n\nSCOREBOARD\n\nKhan not out ${n}\n\nEXTRAS ${n % 7}\n\nBOWLING: Shoaib 1-0-${n}-0\n\nPublished in The Courier, ${dates[n % 3]}, 2025\n`
        : `${ownSentence(n)}\n\n${ownSentence(900 + n)}\n\nPublished in The Courier, ${dates[n % 3]}, 2025\n`,
    }));
    const result = await dedupe(articles);
    for (const n of [0, 4, 8, 12]) {
      const cleaned = cleanedOf(result, `courier/${String(n).padStart(2, '0')}.txt`);
      expect(cleaned).toContain(`BOWLING: Shoaib 1-0-${n}-0`);
      expect(cleaned).not.toContain('Published in The Courier');
    }
  });
});

describe('a lead that copies share word for word', () => {
  it('collapses a dateline sentence that two reprints hold whole, though a third words it without the dateline', async () => {
    const body = 'During a visit to the northern port, the navy squadron met local officials and held talks on maritime security with them.';
    const rest = `${BACKGROUND[0]} ${BACKGROUND[1]}`;
    const result = await dedupe([
      { path: 'a.txt', text: `Paper story\n\n${body.replace('local officials', 'the local officials')} ${rest}\n` },
      { path: 'b.txt', text: `Wire story\n\nCAPITAL, Jan 02 (WIRE): ${body} ${rest}\n` },
      { path: 'c.txt', text: `Wire story again\n\nCAPITAL, Jan 02 (WIRE): ${body} ${rest}\n` },
    ]);
    for (const path of ['b.txt', 'c.txt']) expect(cleanedOf(result, path)).not.toContain('held talks on maritime security');
  });
});

describe('a short background line whose figure a few copies changed', () => {
  it('is no dated furniture: the changed copies keep their line', async () => {
    const articles = Array.from({ length: 40 }, (_, n) => ({
      path: `wire/${String(n).padStart(2, '0')}.txt`,
      text: `${ownSentence(n)}\n\nThe plant's output stood at ${n % 10 === 3 ? 900 + n : 903} tonnes.\n\n${ownSentence(300 + n)}\n`,
    }));
    const result = await dedupe(articles);
    expect(cleanedOf(result, 'wire/13.txt')).toContain('stood at 913 tonnes');
    expect(result.chrome.filter((line) => line.reason === 'site furniture')).toEqual([]);
  });
});

describe('a block’s heading over a sentence whose figure changed', () => {
  it('stays with that sentence, not taken for a repeated short line', async () => {
    // Three of ten copies carry the heading on a line of its own (too few to join the block as a
    // sentence): in two it heads the block, and in the third the block's first sentence is the
    // article's own, its toll changed.
    const copy = (toll: number, headed: boolean) =>
      [...(headed ? ['River Dispute', ''] : []), `Officials said the flooding on the lower river had affected at least ${toll} people by the weekend. ${BACKGROUND[1]} ${BACKGROUND[2]}`].join('\n');
    const articles = Array.from({ length: 10 }, (_, n) => ({ path: `d${n}.txt`, text: `${ownSentence(40 + n)}\n\n${copy(n === 2 ? 244 : 74, n <= 2)}\n\n${ownSentence(60 + n)}\n` }));
    const result = await dedupe(articles);
    expect(result.chrome).toEqual([]);
    expect(cleanedOf(result, 'd2.txt')).toContain('\n\nRiver Dispute\n\nOfficials said the flooding on the lower river had affected at least 244 people by the weekend.\n[shared block');
  });
});

describe('a running story’s background that grows day by day', () => {
  it('keeps each sentence where it first appeared: an added sentence and an updated figure stay in the day that brought them', async () => {
    const ADDED = 'The transport authority has since closed four other bridges of the same design for emergency checks.';
    const injured = (count: number) => `At least ${count} people were injured in the collapse, according to the county emergency service.`;
    const background = (day: number) =>
      [BACKGROUND[0], day >= 4 ? injured(31) : injured(23), BACKGROUND[1], ...(day >= 3 ? [ADDED] : []), BACKGROUND[2]].join(' ');
    // Named so that article order runs against the dates: the first day is the last file.
    const pathOf = (day: number) => `story/${String.fromCharCode(0x66 - day)}.txt`;
    const articles = [1, 2, 3, 4, 5, 6].map((day) => ({
      path: pathOf(day),
      text: `${ownSentence(70 + day)}\n\n${background(day)}\n\n${ownSentence(80 + day)}\n`,
      date: `2025-03-0${day}`,
    }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toHaveLength(1);
    const day = (n: number) => cleanedOf(result, pathOf(n));
    expect(day(1)).toBe(articles[0]!.text);
    // Day 3 brought the added sentence, and day 4 the new toll: each stays there, between two markers.
    expect(day(3)).toContain(`]\n${ADDED}\n[shared block`);
    expect(day(3)).not.toContain(BACKGROUND[0]);
    expect(day(4)).toContain(`]\n${injured(31)}\n[shared block`);
    expect(day(4)).not.toContain(ADDED);
    for (const later of [5, 6]) {
      expect(day(later)).not.toContain(ADDED);
      expect(day(later)).not.toContain(injured(31));
    }
    // The report measures what the copies share, as before: the first appearances are shared too.
    expect(result.report.articles.find((article) => article.path === pathOf(4))!.sharedWords).toBe(background(4).split(' ').length);
  });
});

describe('a copy that the block’s runs split in two', () => {
  it('gets one marker, the two runs standing side by side', async () => {
    const died = (count: number) => `At least ${count} people have died and hundreds of homes have been damaged, according to the interior ministry.`;
    const ASKED = 'The government has asked neighbouring countries for pumps, boats and temporary shelters for the displaced.';
    // Days 1–2 carry three sentences, days 3–4 add a fourth, days 5–7 also update the toll.
    const background = (day: number) => [BACKGROUND[0], BACKGROUND[1], died(day <= 4 ? 12 : 19), ...(day >= 3 ? [ASKED] : [])].join(' ');
    const pathOf = (day: number) => `flood/${String.fromCharCode(0x7a - day)}.md`;
    const articles = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ path: pathOf(day), text: `Flood update, day ${day}\n\n${ownSentence(110 + day)}\n\nBackground\n\n${background(day)}\n`, date: `2024-03-0${3 + day}` }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toHaveLength(1);
    // Day 4 holds what day 3 brought: its copy is one stretch of the block, with one marker.
    expect(cleanedOf(result, pathOf(4)).match(/\[shared block/g)).toHaveLength(1);
    expect(cleanedOf(result, pathOf(4))).toMatch(/\[shared block \w+ "Background": 5 of 6 sentences, also in 6 other articles\]\n$/);
  });
});

describe('a sentence that first appeared whole, outside the block', () => {
  it('stays there only: a later copy of it in the block collapses', async () => {
    const ADDED = 'The transport authority has since closed four other bridges of the same design for emergency checks.';
    const lead = `He added that ${ADDED.charAt(0).toLowerCase()}${ADDED.slice(1)}`;
    const copies: Record<number, string[]> = {
      1: [BACKGROUND[0]!, BACKGROUND[1]!, BACKGROUND[2]!],
      // Day 2 runs the added sentence into a lead of its own: it stays whole there, out of the block.
      2: [BACKGROUND[0]!, BACKGROUND[1]!, lead, BACKGROUND[2]!],
      3: [BACKGROUND[0]!, BACKGROUND[1]!, ADDED, BACKGROUND[2]!],
      4: [BACKGROUND[0]!, BACKGROUND[1]!, ADDED, BACKGROUND[2]!],
    };
    const articles = [1, 2, 3, 4].map((day) => ({ path: `d${day}.txt`, text: `${ownSentence(90 + day)}\n\n${copies[day]!.join(' ')}\n\n${ownSentence(95 + day)}\n`, date: `2025-03-0${day}` }));
    const result = await dedupe(articles);
    expect(cleanedOf(result, 'd2.txt')).toContain(lead);
    for (const later of ['d3.txt', 'd4.txt']) {
      expect(cleanedOf(result, later)).not.toContain(ADDED);
      expect(cleanedOf(result, later).match(/\[shared block/g)).toHaveLength(1);
    }
  });
});

describe('a stretch of a block between sentences that first appeared in one article', () => {
  it('stays in place when it is shorter than a block, as any stretch that short does', async () => {
    const ADDED = 'The transport authority has since closed four other bridges of the same design for emergency checks.';
    const OTHER = 'The ministry has since closed five other bridges of the same design for emergency checks.';
    const SHORT = 'Both sides deny the claim.';
    const copies: Record<number, string[]> = {
      1: [BACKGROUND[0]!, SHORT, BACKGROUND[1]!, BACKGROUND[2]!],
      2: [BACKGROUND[0]!, ADDED, SHORT, OTHER, BACKGROUND[1]!, BACKGROUND[2]!],
      3: [BACKGROUND[0]!, ADDED, SHORT, OTHER, BACKGROUND[1]!, BACKGROUND[2]!],
      4: [BACKGROUND[0]!, ADDED, SHORT, OTHER, BACKGROUND[1]!, BACKGROUND[2]!],
    };
    const articles = [1, 2, 3, 4].map((day) => ({ path: `d${day}.txt`, text: `${ownSentence(90 + day)}\n\n${copies[day]!.join(' ')}\n\n${ownSentence(95 + day)}\n`, date: `2025-03-0${day}` }));
    const result = await dedupe(articles);
    // Day 2 brought the two sentences about bridges: they stay, and the five words between them with them.
    expect(cleanedOf(result, 'd2.txt')).toContain(`]\n${ADDED} ${SHORT} ${OTHER}\n[shared block`);
  });
});

describe('a short line that heads a block somewhere', () => {
  it('is still chrome in the articles that do not hold the block', async () => {
    const LINE = 'More From The Gazette';
    const articles = Array.from({ length: 30 }, (_, n) => ({
      path: `gazette/${String(n).padStart(2, '0')}.txt`,
      text: `${ownSentence(n)}\n\n${ownSentence(500 + n)}\n\n${LINE}\n${n < 3 ? `\n${BACKGROUND.join(' ')}\n` : ''}`,
    }));
    const result = await dedupe(articles);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.chrome).toEqual([{ text: LINE, reason: 'repeated short line', articles: 27 }]);
    expect(cleanedOf(result, 'gazette/10.txt')).toBe(`${ownSentence(10)}\n\n${ownSentence(510)}\n`);
  });
});

describe('a dated title', () => {
  it('is never taken for a dated sign-off, though titles of one date are word for word alike', async () => {
    const articles = Array.from({ length: 40 }, (_, n) => ({
      path: `gold/${String(n).padStart(2, '0')}.txt`,
      // Eight words; twelve dates, each the title of three or four articles.
      text: `Gold price in Pakistan today, March ${1 + (n % 12)}th 2025\n\n${ownSentence(n)}\n\n${ownSentence(600 + n)}\n`,
    }));
    const result = await dedupe(articles);
    expect(result.chrome).toEqual([]);
  });
});

describe('a background whose earliest copy changed a figure', () => {
  it('is still one block in the later copies, their shared figure sentence with it, and the earliest keeps its own figure', async () => {
    const background = (figure: string, edited = false) =>
      [
        'The ferry service across the bay was suspended last winter after the older of its two boats failed an inspection.',
        `Traffic on the coast road has since risen by ${figure} per cent, according to ${edited ? 'figures from ' : ''}the transport department.`,
        'A replacement boat has been ordered from a yard in the north and is due to arrive before the summer season.',
      ].join(' ');
    const articles = [
      { path: 'a.txt', text: `${ownSentence(50)}\n\n${ownSentence(51)}\n\n${background('12')}\n` },
      ...[1, 2, 3, 4].map((n) => ({ path: `${'bcde'[n - 1]}.txt`, text: `${ownSentence(60 + n)}\n\n${ownSentence(70 + n)}\n\n${background('9', n === 4)}\n` })),
    ];
    const result = await dedupe(articles);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]!.sentences).toBe(3);
    expect(cleanedOf(result, 'a.txt')).toContain('has since risen by 12 per cent');
    expect(cleanedOf(result, 'c.txt')).not.toContain('has since risen by 9 per cent');
    expect(cleanedOf(result, 'c.txt')).toMatch(/: 3 sentences, also in 4 other articles\]/);
    // The copy that also reworded the figure sentence lightly is found through the copies alike it.
    expect(cleanedOf(result, 'e.txt')).not.toContain('has since risen by 9 per cent');
  });
});
