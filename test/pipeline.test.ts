import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCorpus, dedupe, reportCorpus } from '../src/pipeline.js';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, corpusArticles, datedSeedsWithReprint, ROOT, seed, temporaryDirectory } from './helpers.js';

const result = await dedupe(corpusArticles());
const article = (number: string) => result.report.articles.find((a) => a.path.startsWith(`${number}_`))!;
const cleaned = (number: string) => result.cleaned.find((a) => a.path.startsWith(`${number}_`))!.text;
/** Cleaned text without marker lines (a marker quotes its block's label). */
const kept = (number: string) => cleaned(number).split('\n').filter((line) => !line.startsWith('[shared block ')).join('\n');
const background = result.report.blocks.find((block) => block.label === 'Pak-Afghan relations');

describe('dedupe on corpus/', () => {
  it('finds the "Pak-Afghan relations" background as one block across 000, 001 and 002', async () => {
    expect(background).toBeDefined();
    expect(background!.articles.map((path) => path.slice(0, 3))).toEqual(['000', '001', '002']);
    expect(background!.sentences).toBe(11);
    for (const number of ['000', '001', '002']) expect(article(number).blocks).toContain(background!.id);
  });

  it('counts the lightly edited TTP sentence as the same sentence, as a second wording', async () => {
    expect(background!.variants).toBe(2);
    expect(background!.minSimilarity).toBeGreaterThan(0.9);
    expect(background!.minSimilarity).toBeLessThan(1);
    const variants = result.shared.find((block) => block.id === background!.id)!.variantsText;
    expect(variants).toContain('banned terrorist Tehreek-i-Taliban Pakistan (TTP) group remains');
  });

  it('takes the heading with the block, from its own line in 001 and inline in 000', async () => {
    expect(kept('001')).not.toContain('Pak-Afghan relations');
    expect(kept('000')).not.toContain('Pak-Afghan relations');
    expect(cleaned('000')).toContain('“earlier and continue to be addressed today”.\n[shared block');
    const canonical = result.shared.find((block) => block.id === background!.id)!.text;
    expect(canonical.startsWith('Pak-Afghan relations\nPakistan’s bilateral relations')).toBe(true);
    expect(canonical.match(/Pak-Afghan relations/g)).toHaveLength(1);
  });

  it('collapses "Last week, the Foreign Office said…", which only 001 and 002 share', async () => {
    const lastWeek = result.report.blocks.find((block) => block.label.startsWith('Last week, the Foreign Office said'));
    expect(lastWeek?.articles.map((path) => path.slice(0, 3))).toEqual(['001', '002']);
    expect(kept('001')).not.toContain('Last week, the Foreign Office said');
    expect(kept('002')).not.toContain('Last week, the Foreign Office said');
  });

  it('keeps both paraphrased "bombed Khost province" sentences', async () => {
    expect(cleaned('001')).toContain('he said that Pakistan had “bombed” Khost province');
    expect(cleaned('002')).toContain('Afghan Taliban Spokesperson wrote Pakistan had “bombed” Afghanistan\'s Khost province');
  });

  it('removes site chrome and counts it as chrome', async () => {
    for (const line of ['Post a Comment', 'Previous Post Next Post', 'Leave A Reply', 'Your email address will not be published.']) {
      expect(result.cleaned.every((a) => !a.text.includes(line))).toBe(true);
      expect(result.chrome.map((chrome) => chrome.text)).toContain(line);
    }
    expect(article('002').chromeWords).toBe(7);
    expect(article('003').chromeWords).toBe(10);
  });

  it('leaves 003 and 004 whole apart from chrome, and keeps titles and the date line', async () => {
    expect(article('003').sharedPct).toBe(0);
    expect(article('004').sharedPct).toBe(0);
    expect(cleaned('004')).toBe(seed('004').text);
    // Its last lines are chrome: it ends where its own text does, without a line break, as the file did.
    expect(cleaned('003')).toBe(seed('003').text.slice(0, seed('003').text.indexOf('Leave A Reply')).trimEnd());
    expect(cleaned('004')).toContain('date 2024-06-30');
    expect(cleaned('002').startsWith('Pakistan refutes allegations by Afghan Taliban of Pakistani airstrikes')).toBe(true);
  });

  it('puts 000, whose background makes up about half of it, over 50% and the others under', async () => {
    expect(article('000').sharedPct).toBeGreaterThan(50);
    expect(article('000').sharedPct).toBeLessThan(65);
    for (const number of ['001', '002', '003', '004']) expect(article(number).sharedPct).toBeLessThan(50);
  });

  it('keeps every unique sentence byte for byte and writes every shared sentence exactly once', async () => {
    const sharedText = result.shared.map((block) => block.text).join('\n');
    for (const source of corpusArticles()) {
      const out = result.cleaned.find((a) => a.path === source.path)!.text;
      // What is kept is original bytes: every kept line is a substring of the source.
      for (const line of out.split('\n')) if (!line.startsWith('[shared block ')) expect(source.text).toContain(line);
    }
    const canonical = 'Pakistan has demanded that the rulers in Kabul take action to stop cross-border terrorism';
    expect(sharedText.split(canonical)).toHaveLength(2);
    expect(result.cleaned.every((a) => !a.text.includes(canonical))).toBe(true);
  });

  it('reports pairs both ways, only for pairs that share text, those that share most first', async () => {
    const names = result.report.pairs.map((pair) => `${pair.a.slice(0, 3)}-${pair.b.slice(0, 3)}`);
    expect([...names].sort()).toEqual(['000-001', '000-002', '001-002']);
    expect(result.report.totals.pairs).toBe(3);
    const larger = result.report.pairs.map((pair) => Math.max(pair.aInB, pair.bInA));
    expect(larger).toEqual([...larger].sort((x, y) => y - x));
    const pair = result.report.pairs.find((p) => p.a.startsWith('000') && p.b.startsWith('001'))!;
    expect(pair.aInB).toBeGreaterThan(pair.bInA);
  });

  it('lists only the pairs that share most when told to, and still counts them all', async () => {
    const top = await dedupe(corpusArticles(), { maxPairs: 1 });
    expect(top.report.pairs).toEqual([result.report.pairs[0]]);
    expect(top.report.totals.pairs).toBe(3);
    const none = await dedupe(corpusArticles(), { maxPairs: 0 });
    expect(none.report.pairs).toEqual([]);
    expect(none.report.totals.pairs).toBe(3);
    await expect(dedupe(corpusArticles(), { maxPairs: -1 })).rejects.toThrow(/maxPairs/);
  });

  it('adds the words up', async () => {
    for (const a of result.report.articles) expect(a.uniqueWords + a.sharedWords + a.chromeWords).toBe(a.words);
    expect(result.report.totals.words).toBe(result.report.articles.reduce((sum, a) => sum + a.words, 0));
  });
});

describe('dedupe on edge cases', () => {
  it('reports a date it does not read as a W_NO_DATE warning, and reads the article undated', async () => {
    const result = await dedupe([
      { path: 'a.txt', text: 'One story of its own words.', date: '10/03/2025' },
      { path: 'b.txt', text: 'Another story of its own words.', date: '2025-03-11' },
    ]);
    expect(result.report.problems.map((problem) => [problem.path, problem.code, problem.severity])).toEqual([['a.txt', 'W_NO_DATE', 'warning']]);
    expect(result.report.problems[0]?.message).toContain('`10/03/2025` is no date newsdedup reads');
    expect(result.report.articles.map((article) => article.date)).toEqual(['10/03/2025', '2025-03-11']);
  });

  it('reports a file identical to an earlier one as its duplicate: the copy 100% shared, the original whole', async () => {
    const text = seed('004').text;
    const twins = await dedupe([{ path: 'a.txt', text }, { path: 'b.txt', text: text.replaceAll('\n', '\r\n') }]);
    expect(twins.report.articles.map((a) => a.sharedPct)).toEqual([0, 100]);
    expect(twins.report.duplicates).toEqual([{ path: 'b.txt', of: 'a.txt' }]);
    expect(twins.shared).toHaveLength(0);
    expect(twins.cleaned.map((article) => article.text)).toEqual([expect.stringContaining('date 2024-06-30'), '[duplicate of a.txt]\n']);
    // The earliest-published copy is the original, whatever the order.
    const dated = await dedupe([{ path: 'a.txt', text, date: '2025-01-02' }, { path: 'b.txt', text, date: '2025-01-01' }]);
    expect(dated.report.duplicates).toEqual([{ path: 'a.txt', of: 'b.txt' }]);
  });

  it('finds a copied passage however many fingerprints come before it in the later article', async () => {
    const passage = [
      'The ferry service between the two islands was suspended on Friday after the storm damaged the northern pier.',
      'Repairs to the pier are expected to take at least three weeks, the harbour authority said in a statement.',
      'Residents of the smaller island have been told to stock up on fuel and food while the crossing is closed.',
    ].join(' ');
    // Some 2,000 fingerprints of the later article's own before the passage: each sentence its own words.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (n: number) => `${letters[n % 26]}${letters[Math.floor(n / 26) % 26]}${letters[Math.floor(n / 676) % 26]}x`;
    const own = Array.from({ length: 220 }, (_, s) => `Own ${Array.from({ length: 8 }, (_, w) => word(s * 8 + w)).join(' ')}.`).join(' ');
    const run = await dedupe([
      { path: 'a.txt', text: `The first article opens on its own.\n\n${passage}` },
      { path: 'b.txt', text: `${own}\n\n${passage}` },
    ]);
    expect(run.report.blocks).toHaveLength(1);
    expect(run.report.blocks[0]!.articles).toEqual(['a.txt', 'b.txt']);
    expect(run.report.blocks[0]!.sentences).toBe(3);
  });

  it('refuses, with one sentence naming the article, an article that is not a path and a text', async () => {
    const bad = (articles: unknown) => dedupe(articles as Parameters<typeof dedupe>[0]);
    await expect(bad([seed('003'), { path: 'a.txt', text: 42 }])).rejects.toMatchObject({ code: 'E_USAGE', message: 'dedupe(): article 1 (`a.txt`) has a number for its text; a text is a string.' });
    await expect(bad([{ text: 'words' }])).rejects.toMatchObject({ code: 'E_USAGE', message: 'dedupe(): article 0 has undefined for its path; a path is a string.' });
    await expect(bad('corpus/')).rejects.toMatchObject({ code: 'E_USAGE', message: 'dedupe() takes an array of articles, got a string.' });
  });

  it('takes an empty or white-space-only file as an article with 0 words', async () => {
    const empty = await dedupe([{ path: 'empty.txt', text: '' }, { path: 'blank.txt', text: ' \n\n\t' }, seed('003')]);
    expect(empty.report.articles.filter((a) => a.words === 0).map((a) => a.path)).toEqual(['blank.txt', 'empty.txt']);
    expect(empty.report.articles.find((a) => a.path === 'empty.txt')!.sharedPct).toBe(0);
  });

  it('never splits a sentence at a lead that no other article shows as a heading: the sentence stays whole', async () => {
    const body = 'the port handled a record volume of containers last year as trade with Central Asia grew, officials said on Monday.';
    const a = `Port title one\n\nIt began quietly. Officials at the busy northern harbour told reporters that ${body}`;
    const result = await dedupe([
      { path: 'a.txt', text: a },
      { path: 'b.txt', text: `Port title two\n\nSomething else entirely happened here today. ${body[0]!.toUpperCase()}${body.slice(1)}` },
    ]);
    // The lead "Officials at … that" is no heading, nor a light edit: a's sentence is its own, and no block is left in two articles.
    expect(result.report.blocks).toHaveLength(0);
    expect(result.cleaned[0]!.text).toBe(a);
  });

  it('keeps an article’s own sentence that ends with an abbreviation before a shared one ("… by AT&T. The regulator …")', async () => {
    const shared = 'The regulator approved the merger on Tuesday after a review that lasted eleven months and drew objections from rival carriers.';
    const own = ['Talks were led by AT&T.', 'The deal was signed in the U.S.', 'Trading opened at 10 a.m.', 'Analysts were surprised by the timing of it.'];
    const result = await dedupe(own.map((sentence, n) => ({ path: `a${n}.txt`, text: `Story ${n}\n\nOpening words of story number ${n} about the market today.\n\n${sentence} ${shared}\n` })));
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 1, articles: ['a0.txt', 'a1.txt', 'a2.txt', 'a3.txt'] })]);
    own.forEach((sentence, n) => expect(result.cleaned[n]!.text).toContain(`${sentence}\n[shared block `));
  });

  it('collapses a reprint’s opening sentence after its dateline, and leaves the dateline in place', async () => {
    const opening = 'The harbour board approved a new container terminal on Monday after months of delay over its cost and the dredging it needs.';
    const next = 'Work on the terminal is to begin in the spring and take three years, the board said in a statement.';
    const result = await dedupe([
      { path: 'a.txt', text: `Terminal approved\n\n${opening}\n\n${next}\n\nThe wire’s own closing line about shipping rates goes here.` },
      { path: 'b.txt', text: `Board backs terminal\n\nGWADAR, Jan 6 (APP): ${opening}\n\n${next}\n\nThe paper adds a line of its own about the fishermen nearby.` },
    ]);
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2, articles: ['a.txt', 'b.txt'] })]);
    const b = result.cleaned[1]!.text;
    expect(b).toMatch(/^Board backs terminal\n\nGWADAR, Jan 6 \(APP\):\n\[shared block b[0-9a-f]+ "The harbour board approved a new container terminal…": 2 sentences, also in 1 other article\]\n\nThe paper adds/);
    expect(b).not.toContain('months of delay');
  });

  it('leaves a bare dateline ("LAHORE: ") in place when the copy it runs into is worded without one', async () => {
    const opening = 'The harbour board approved a new container terminal on Monday after months of delay over its cost and the dredging it needs.';
    const next = 'Work on the terminal is to begin in the spring and take three years, the board said in a statement.';
    const result = await dedupe([
      { path: 'a.txt', title: 'Terminal approved', text: `${opening} ${next} The wire’s own closing line about shipping rates goes here.` },
      { path: 'b.txt', title: 'Board backs terminal', text: `LAHORE: ${opening} ${next} The paper adds a line of its own about the fishermen nearby.` },
    ], { keep: 'none' });
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2, articles: ['a.txt', 'b.txt'] })]);
    expect(result.cleaned[1]!.text).toMatch(/^LAHORE:\n\[shared block /);
  });

  it('leaves a dateline in place when the copy it opens is edited at its opening words too ("MUMBAI: Eight workers …", "At least eight workers …")', async () => {
    const killed = 'workers were killed in a blast at a munitions factory in western India on Friday, with several others still trapped inside the building.';
    const rescue = 'Rescue teams worked through the night to reach them, officials said, as families gathered outside the gates.';
    const result = await dedupe([
      { path: 'a.txt', title: 'Blast at arms factory', text: `At least eight ${killed}\n\n${rescue}\n\nThe wire’s own closing line goes here.` },
      { path: 'b.txt', title: 'Eight killed in blast', text: `MUMBAI: Eight ${killed}\n\n${rescue}\n\nThe factory makes explosives for the army.` },
    ], { keep: 'none' });
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2, articles: ['a.txt', 'b.txt'] })]);
    expect(result.cleaned[1]!.text).toMatch(/^MUMBAI:\n\[shared block /);
    expect(result.cleaned[1]!.text).toContain('The factory makes explosives for the army.');
  });

  it('leaves the dateline two edited reprints open with in place, where the wire’s canonical wording has its own', async () => {
    const policy = 'The new policy sets aside Rs12 billion for relief in the flood-hit districts of the province over the next two years.';
    const result = await dedupe([
      { path: 'a.txt', title: 'Sindh cabinet approves relief plan', text: `KARACHI, Aug 5 (APP): The Sindh cabinet on Tuesday approved a new disaster management policy for the province. ${policy}\n\nThe chief minister chaired the meeting.\n` },
      { path: 'b.txt', title: 'Cabinet backs policy', text: `KARACHI: The Sindh cabinet on Tuesday approved a new disaster management policy for the province. ${policy}\n\nOfficials welcomed the decision.\n` },
      { path: 'c.txt', title: 'Relief policy approved', text: `KARACHI: Sindh’s cabinet on Tuesday approved a new disaster management policy for the flood-hit province. ${policy}\n\nThe opposition criticised the plan.\n` },
    ], { keep: 'none' });
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2, articles: ['a.txt', 'b.txt', 'c.txt'] })]);
    for (const article of result.cleaned.slice(1)) expect(article.text).toMatch(/^KARACHI:\n\[shared block /);
  });

  it('takes the dateline into the block, once, where the block’s wording opens with it too', async () => {
    const policy = 'The new policy sets aside Rs12 billion for relief in the flood-hit districts of the province over the next two years.';
    const opening = 'KARACHI: The Sindh cabinet on Tuesday approved a new disaster management policy for the province.';
    const result = await dedupe([
      { path: 'a.txt', title: 'Sindh cabinet approves relief plan', text: `${opening} ${policy}\n\nThe chief minister chaired the meeting.\n` },
      { path: 'b.txt', title: 'Cabinet backs policy', text: `${opening} ${policy}\n\nThe governor attended the meeting.\n` },
      { path: 'c.txt', title: 'Relief policy approved', text: `KARACHI: Sindh’s cabinet on Tuesday approved a new disaster management policy for the flood-hit province. ${policy}\n\nThe opposition criticised the plan.\n` },
    ], { keep: 'none' });
    expect(result.shared.map((block) => block.text.trim())).toEqual([`${opening} ${policy}`]);
    for (const article of result.cleaned) expect(article.text.split('\n').filter((line) => !line.startsWith('[shared block ')).join('\n')).not.toContain('KARACHI:');
  });

  it('reads what a wire story’s opening reports after its dated dateline, against a copy edited at its opening words', async () => {
    const rains = 'monsoon rains have lashed the lower districts of Sindh since Sunday, flooding streets and cutting power to thousands of homes.';
    const camps = 'The provincial disaster authority has set up relief camps in schools and asked residents of low-lying areas to move to safer places.';
    const result = await dedupe([
      { path: 'a.txt', title: 'Rains lash Sindh', text: `Heavy ${rains} ${camps}\n` },
      { path: 'b.txt', title: 'Rain havoc in Hyderabad', text: `HYDERABAD, Aug 3 (APP): Torrential ${rains} ${camps}\n\nThe city’s drains overflowed.\n` },
    ], { keep: 'none' });
    // "Aug 3" is the dateline's, no figure of the story: the opening is a light edit of the other's.
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2, articles: ['a.txt', 'b.txt'] })]);
    expect(result.cleaned[1]!.text).toMatch(/^HYDERABAD, Aug 3 \(APP\):\n\[shared block [^\]]*: 2 sentences/);
  });

  it('keeps two wire stories of two places apart, their stories worded alike', async () => {
    const story = 'A delegation of businessmen met the commerce minister on Tuesday to discuss the new export policy and the cost of electricity.';
    const result = await dedupe([
      { path: 'a.txt', title: 'Businessmen meet minister', text: `DUBAI, Feb 10 (APP): ${story}\n` },
      { path: 'b.txt', title: 'Traders meet minister', text: `LAHORE, Feb 10 (APP): ${story.replace('businessmen', 'traders')}\n` },
    ], { keep: 'none' });
    expect(result.report.blocks).toEqual([]);
  });

  it('collapses a wire story’s opening datelined with its date under a reprint’s dateline of the same place without one, each dateline left in place', async () => {
    const opening = 'The harbour board approved a new container terminal on Monday after months of delay over its cost and the dredging it needs.';
    const next = 'Work on the terminal is to begin in the spring and take three years, the board said in a statement.';
    const result = await dedupe([
      { path: 'a.txt', text: `Board backs terminal\n\nGWADAR, Jan 6 (APP): ${opening}\n\n${next}\n\nThe wire’s own closing line about shipping rates goes here.` },
      { path: 'b.txt', text: `Terminal approved\n\nGWADAR: ${opening}\n\n${next}\n\nThe paper adds a line of its own about the fishermen nearby.` },
    ], { keep: 'none' });
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2, articles: ['a.txt', 'b.txt'] })]);
    expect(result.shared[0]!.text).toMatch(/^The harbour board approved/);
    expect(result.cleaned[0]!.text).toMatch(/^Board backs terminal\n\nGWADAR, Jan 6 \(APP\):\n\[shared block /);
    expect(result.cleaned[1]!.text).toMatch(/^Terminal approved\n\nGWADAR:\n\[shared block /);
  });

  it('takes two words put before a long sentence as a light edit: the whole sentence goes with the block', async () => {
    const body = 'the port handled a record volume of containers last year as trade with Central Asia grew, officials said on Monday.';
    const result = await dedupe([
      { path: 'a.txt', text: `Port title one\n\nIt began quietly. They said ${body}` },
      { path: 'b.txt', text: `Port title two\n\nSomething else entirely happened here today. ${body[0]!.toUpperCase()}${body.slice(1)}` },
    ]);
    expect(result.report.blocks).toHaveLength(1);
    const a = result.cleaned[0]!.text.split('\n').filter((line) => !line.startsWith('[shared block ')).join('\n');
    expect(a).toContain('It began quietly.');
    expect(a).not.toContain('They said');
    expect(a).not.toContain('record volume');
  });

  it('keeps a background one block when one of its sentences also stands, reworded at its start, in an unrelated article', async () => {
    const background = [
      'The depot on the eastern bypass was struck twice before dawn, and fires burned until noon.',
      'Crews from three districts were sent to contain the flames near the fuel sheds.',
      'The cause of the blast was not known so far.',
      'The provincial transport minister visited the site in the afternoon and promised an inquiry.',
      'Traders said deliveries to the city markets would be delayed for at least a week.',
    ].join(' ');
    // An earlier story with its own wording of the middle sentence: "The reason for" for "The cause of".
    const unrelated = 'Storm report\n\nA warehouse roof collapsed in the old city after the heavy rain on Sunday. The reason for the blast was not known so far. Engineers were asked to check the other buildings in the market.\n';
    const result = await dedupe([
      { path: 'a.txt', text: unrelated },
      { path: 'b.txt', text: `Depot fire, day one\n\n${background}\n` },
      { path: 'c.txt', text: `Depot fire, day two\n\nOfficials gave a first account on Tuesday.\n\n${background}\n` },
    ]);
    const byPath = new Map(result.report.articles.map((article) => [article.path, article]));
    // One block, in the two copies only, with the middle sentence in it.
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]?.articles).toEqual(['b.txt', 'c.txt']);
    expect(byPath.get('b.txt')?.spans.filter((span) => span.kind === 'block')).toHaveLength(1);
    expect(result.shared[0]?.text).toContain('The cause of the blast was not known so far.');
    // The unrelated story keeps its own sentence.
    expect(result.cleaned.find((article) => article.path === 'a.txt')?.text).toBe(unrelated);
  });

  it('collapses a short sentence of a background with one word replaced, between verbatim sentences', async () => {
    const before = 'The rapper released his third album on Friday after two years of delays and a public dispute with his label.';
    const after = 'Critics praised the record for its sharp lyrics and its unusually long closing track about his home town.';
    // One word replaced in eight: Dice 0.77, under the 0.8 a sentence standing alone needs.
    const original = 'He is the best hip-hop artist around today.';
    const edited = 'He is the best so-called artist around today.';
    const result = await dedupe([
      { path: 'a.txt', text: `Album out\n\nA first report.\n\n${before} ${original} ${after}\n` },
      { path: 'b.txt', text: `Album review\n\nA second report.\n\n${before} ${edited} ${after}\n` },
    ]);
    const b = result.cleaned.find((article) => article.path === 'b.txt')!.text;
    expect(b).not.toContain('so-called');
    expect(b).toContain('A second report.');
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]).toMatchObject({ sentences: 3, variants: 2 });
  });

  // A corridor background's two verbatim sentences, around a short one the copies edit.
  const qa = 'The corridor project was approved by the provincial cabinet after three years of delays and public protests.';
  const qb = 'Construction is expected to begin in the spring and to take about four years, officials said on Monday.';

  it('takes a short sentence beside verbatim copies with one word changed as a light edit, whatever its apostrophes and soft hyphens', async () => {
    const result = await dedupe([
      { path: 'a.txt', text: `Corridor talks\n\n${qa} Sindh's chief minister met the envoy. ${qb}\n` },
      { path: 'b.txt', text: `Corridor talks again\n\n${qa} Sindh’s chief min\u00adister met the ambassador. ${qb}\n` },
    ]);
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 3 })]);
  });

  it('keeps a short sentence beside verbatim copies whose speaker and verdict both changed: two words of six are no light edit', async () => {
    const result = await dedupe([
      { path: 'a.txt', text: `Corridor talks\n\nThe spokesman called the talks constructive. ${qa} ${qb}\n` },
      { path: 'b.txt', text: `Corridor talks again\n\nThe mayor called the talks useless. ${qa} ${qb}\n` },
    ]);
    expect(result.cleaned.find((article) => article.path === 'b.txt')!.text).toContain('The mayor called the talks useless.');
    expect(result.report.blocks).toEqual([expect.objectContaining({ sentences: 2 })]);
  });

  it('keeps a background one block when some copies give one of its sentences another day\'s figure', async () => {
    const sentences = (toll: number) => [
      'Floods have swept through the southern districts since the monsoon rains began early in July.',
      `The provincial disaster authority said ${toll} people had died and thousands were left homeless.`,
      'Relief camps were set up in schools, and the army was called in to reach the villages cut off by water.',
      'Aid agencies warned that the spread of waterborne disease was now the greatest danger to the displaced.',
    ].join(' ');
    const result = await dedupe([
      { path: 'a.txt', text: `Floods, day one\n\nThe first report.\n\n${sentences(26)}\n` },
      { path: 'b.txt', text: `Floods, day two\n\nThe second report.\n\n${sentences(26)}\n` },
      { path: 'c.txt', text: `Floods, day three\n\nThe third report.\n\n${sentences(31)}\n` },
      { path: 'd.txt', text: `Floods, day four\n\nThe fourth report.\n\n${sentences(38)}\n` },
    ]);
    // One block over the four articles; the updated tolls stay in their articles.
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]?.articles).toEqual(['a.txt', 'b.txt', 'c.txt', 'd.txt']);
    expect(result.cleaned.find((article) => article.path === 'c.txt')!.text).toContain('said 31 people had died');
    expect(result.cleaned.find((article) => article.path === 'd.txt')!.text).toContain('said 38 people had died');
  });

  it('keeps in its article a background sentence whose copy says the opposite ("rose" for "fell"): the block runs on around it', async () => {
    const sentences = (way: string) => [
      'The central bank has kept its policy rate unchanged at its last three meetings this year.',
      `Analysts said the rupee had ${way} steadily against the dollar since the start of the fiscal year.`,
      'The government hopes a new loan from the lender will ease pressure on the reserves before the budget.',
      'Officials from the two sides are expected to meet again in the capital later this month to settle the terms.',
    ].join(' ');
    const result = await dedupe([
      { path: 'a.txt', text: `Rates, first report\n\nThe first report.\n\n${sentences('risen')}\n` },
      { path: 'b.txt', text: `Rates, second report\n\nThe second report.\n\n${sentences('risen')}\n` },
      { path: 'c.txt', text: `Rates, third report\n\nThe third report.\n\n${sentences('fallen')}\n` },
    ]);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]?.articles).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(result.cleaned.find((article) => article.path === 'c.txt')!.text).toContain('the rupee had fallen steadily');
    expect(result.cleaned.find((article) => article.path === 'b.txt')!.text).not.toContain('the rupee had risen steadily');
  });

  it('keeps in its article a background sentence whose copy names another place ("Quetta" for "Karachi"): the block runs on around it', async () => {
    const sentences = (city: string) => [
      'The provincial government has kept schools closed for a third week because of the smog.',
      `Doctors said hospitals in ${city} had received hundreds of patients with breathing problems since the start of the month.`,
      'The weather office expects no rain before the end of the month, and officials have asked people to stay indoors.',
      'Factories that burn waste have been told to shut until the air improves, the environment department said.',
    ].join(' ');
    const result = await dedupe([
      { path: 'a.txt', text: `Smog, first report\n\nThe first report.\n\n${sentences('Karachi')}\n` },
      { path: 'b.txt', text: `Smog, second report\n\nThe second report.\n\n${sentences('Karachi')}\n` },
      { path: 'c.txt', text: `Smog, third report\n\nThe third report.\n\n${sentences('Quetta')}\n` },
    ]);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]?.articles).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(result.cleaned.find((article) => article.path === 'c.txt')!.text).toContain('hospitals in Quetta had received');
    expect(result.cleaned.find((article) => article.path === 'b.txt')!.text).not.toContain('hospitals in Karachi had received');
  });

  it('reads a name swapped between two outlets’ lines, each standing in several articles, as each outlet’s own name in one template', async () => {
    const sentences = (paper: string) => [
      'The provincial government has kept schools closed for a third week because of the smog.',
      `Readers can follow the story as it unfolds on the ${paper} website and in its morning edition every day.`,
      'The weather office expects no rain before the end of the month, and officials have asked people to stay indoors.',
      'Factories that burn waste have been told to shut until the air improves, the environment department said.',
    ].join(' ');
    const articles = (second: string) =>
      ['one', 'two', 'three', 'four', 'five', 'six'].map((day, index) => {
        const [source, paper] = index % 2 === 0 ? ['herald', 'Daily Herald'] : [second, 'Morning Star'];
        return { path: `${index}.txt`, source, text: `Smog, day ${day}\n\nThe report of day ${day}.\n\n${sentences(paper)}\n` };
      });
    // Across two outlets: one block of four sentences, the other outlet's wording a variant of the second.
    const across = await dedupe(articles('star'));
    expect(across.report.blocks.map((block) => block.sentences)).toEqual([4]);
    expect(across.shared[0]?.variantsText).toContain('in 1.txt, 3.txt, 5.txt: Readers can follow the story as it unfolds on the Morning Star website');
    // Within one outlet, the name swapped is another report, however often each wording stands: a sentence of its own.
    const within = await dedupe(articles('herald'));
    expect(within.report.blocks.map((block) => block.sentences)).toEqual([5]);
  });

  it('keeps wire copy apart that six outlets each print once, three naming one place and three another: no outlet’s template', async () => {
    const background = (city: string) =>
      `The explosion near the main bus terminal in ${city} killed twelve people on Monday, police said. Rescue teams worked through the night to reach the wounded trapped under the rubble.`;
    const result = await dedupe(
      ['Karachi', 'Karachi', 'Karachi', 'Quetta', 'Quetta', 'Quetta'].map((city, index) => ({
        path: `${index}.txt`,
        source: `outlet${index}`,
        text: `Blast, report ${index}\n\nOur reporter ${index} filed this from the scene.\n\n${background(city)}\n`,
      })),
    );
    // The Quetta wording is a sentence of its own in the block, shared by its three copies, not a variant of the Karachi one.
    expect(result.report.blocks.map((block) => block.sentences)).toEqual([3]);
    expect(result.shared[0]?.text).toContain('bus terminal in Quetta killed');
  });

  it('counts a template’s copies that differ only in spacing as its copies', async () => {
    const line = (paper: string, space: string) => `Readers can follow the story as it unfolds on the ${paper}${space}website and in its morning edition every day.`;
    const background = (paper: string, space = ' ') =>
      ['The provincial government has kept schools closed for a third week because of the smog.', line(paper, space), 'Factories that burn waste have been told to shut until the air improves, the environment department said.'].join(' ');
    const result = await dedupe(
      ['one', 'two', 'three', 'four', 'five', 'six'].map((day, index) => ({
        path: `${index}.txt`,
        source: index % 2 === 0 ? 'herald' : 'star',
        // One of the three Morning Star copies has a no-break space: the same wording once normalised.
        text: `Smog, day ${day}\n\nThe report of day ${day}.\n\n${index % 2 === 0 ? background('Daily Herald') : background('Morning Star', index === 3 ? '\u00a0' : ' ')}\n`,
      })),
    );
    expect(result.report.blocks.map((block) => block.sentences)).toEqual([3]);
  });

  it('keeps a copy that names another place whichever outlet’s copy comes first, when the wordings are not each an outlet’s template', async () => {
    const background = (districts: string) =>
      `Floods have swept across ${districts} districts since Sunday, cutting off hundreds of villages. Relief agencies said boats were the only way to reach families stranded on rooftops.`;
    const records = [
      { path: 'a', source: 'x', text: `Rain goes on.\n\nThe river rose again overnight near the town.\n\n${background('Sylhet and Sunamganj')}\n` },
      { path: 'b', source: 'y', text: `Army called in.\n\nSoldiers arrived with boats at dawn on Tuesday.\n\n${background('Sylhet and Sunamganj')}\n` },
      { path: 'c', source: 'x', text: `Schools shut.\n\nSchools will stay closed for a week, officials said.\n\n${background('Sylhet and Moulvibazar')}\n` },
    ];
    const [a, b, c] = records as [(typeof records)[number], (typeof records)[number], (typeof records)[number]];
    for (const order of [records, [b, a, c]]) {
      const result = await dedupe(order.map((record, index) => ({ ...record, path: `${index}-${record.path}.txt` })));
      expect(result.cleaned.find((article) => article.path.endsWith('-c.txt'))!.text).toContain('Sylhet and Moulvibazar districts');
    }
  });

  it('takes an inline heading as the heading of a block whose other copies open with it on a line of its own', async () => {
    const background = [
      'The ferry service between the two islands was suspended on Friday after the harbour wall gave way in the storm.',
      'Engineers from the port authority said repairs would take at least three weeks and cost far more than planned.',
      'Fishermen who depend on the harbour have been told to moor their boats at the northern jetty until then.',
    ].join(' ');
    const result = await dedupe([
      { path: 'a.txt', text: `Storm, day one\n\nThe first report.\n\nHarbour Works Halted\n\n${background}\n` },
      { path: 'b.txt', text: `Storm, day two\n\nThe second report.\n\nHarbour Works Halted\n\n${background}\n` },
      { path: 'c.txt', text: `Storm, day three\n\nThe third report.\n\nHarbour Works Halted\n\n${background}\n` },
      // The heading run into the first sentence, after a sentence of the article's own.
      { path: 'd.txt', text: `Storm, day four\n\nThe fourth report came late. Harbour Works Halted ${background}\n` },
    ]);
    expect(result.report.blocks).toHaveLength(1);
    const d = result.cleaned.find((article) => article.path === 'd.txt')!.text.split('\n').filter((line) => !line.startsWith('[shared block ')).join('\n');
    expect(d).toContain('The fourth report came late.');
    expect(d).not.toContain('Harbour Works Halted');
    expect(d).not.toContain('ferry service');
  });

  it('does not take a short repeated sentence for a block', async () => {
    const short = await dedupe([
      { path: 'a.txt', text: 'One story about ports.\n\nHe said so.' },
      { path: 'b.txt', text: 'Another story about rail.\n\nHe said so.' },
    ]);
    expect(short.report.blocks).toEqual([]);
  });

  it('takes a short line repeated across many articles as chrome, but not across two', async () => {
    const stories = [
      'Port traffic in Karachi rose sharply during the spring.',
      'Rail freight between Lahore and Peshawar resumed on Monday.',
      'Road tolls on the motorway will double next month, officials said.',
      'Airlines cancelled dozens of flights as fog covered Punjab.',
    ].map((story, i) => ({ path: `${i}.txt`, text: `${story}\n\nShare on Mastodon now\n` }));
    expect((await dedupe(stories)).chrome).toEqual([{ text: 'Share on Mastodon now', reason: 'repeated short line', articles: 4 }]);
    expect((await dedupe(stories.slice(0, 2))).chrome).toEqual([]);
  });

  it.each(['chinese', 'arabic', 'urdu', 'russian'])('finds a background block repeated in %s and keeps each article’s own text', async (script) => {
    const { block, ownA, ownB } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'scripts', `${script}.json`), 'utf8')) as Record<string, string>;
    const result = await dedupe([
      { path: 'a.txt', text: `${ownA}\n${block}\n` },
      { path: 'b.txt', text: `${block}\n${ownB}\n` },
    ]);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]!.articles).toEqual(['a.txt', 'b.txt']);
    expect(result.shared[0]!.text).toBe(`${block}\n`);
    expect(result.cleaned[0]!.text.startsWith(`${ownA}\n[shared block `)).toBe(true);
    expect(result.cleaned[1]!.text.endsWith(`\n${ownB}\n`)).toBe(true);
  });

  it('joins a Chinese block’s sentences as they stand, with no space after a full-width stop and its closing quote', async () => {
    const block = '外交部发言人表示：“双方同意继续对话。”巴基斯坦塔利班运动仍然是两国之间的主要争议点。伊斯兰堡多次要求喀布尔采取行动制止跨境恐怖主义！';
    const result = await dedupe([
      { path: 'a.txt', text: `今天上午，边境口岸重新开放。\n${block}\n` },
      { path: 'b.txt', text: `${block}\n当地商人对此表示欢迎。\n` },
    ]);
    expect(result.shared.map((shared) => shared.text)).toEqual([`${block}\n`]);
  });

  it('keeps both wordings of a sentence that one article holds twice, once edited', async () => {
    const background = seed('000').text.split('\n').find((line) => line.includes('Pak-Afghan relations'))!;
    const echo = 'Inter-Services Public Relations (ISPR) Director General (DG) Lieutenant General Ahmed Sharif Chaudhry refuted allegations by the Afghan Taliban on Tuesday that Pakistan had conducted overnight strikes in Afghanistan, state media reported.';
    const result = await dedupe([
      { path: 'a.txt', text: `${background}\n` },
      { path: 'b.txt', text: `${background}\n${echo}\n` },
    ]);
    const b = result.report.articles.find((a) => a.path === 'b.txt')!;
    const held = result.shared.filter((block) => b.blocks.includes(block.id)).map((block) => block.text + block.variantsText).join('\n');
    const cleaned = result.cleaned.find((a) => a.path === 'b.txt')!.text;
    expect(`${held}\n${cleaned}`).toContain('conducted overnight strikes');
  });

  it('keeps in the blocks’ text every line of a register whose lines differ only by a name', async () => {
    const names = ['Ahmed Khan', 'Bilal Osei', 'Chen Novak', 'Dmitri Reyes', 'Elena Haddad', 'Farah Larsen', 'Gustav Mori', 'Hana Petrov', 'Ivan Silva', 'Jamal Ward'];
    const register = names.map((name) => `Councillor ${name} represents the northern ward and sits on the finance committee of the city.`);
    const result = await dedupe([
      { path: 'a.txt', text: `The city published its register of members on Monday.\n\n${register.join(' ')}\n` },
      { path: 'b.txt', text: `A reader asked who sits on the finance committee this year.\n\n${register.join(' ')}\n` },
      { path: 'c.txt', text: `Only part of the register was read out at the meeting.\n\n${register.slice(0, 4).join(' ')}\n` },
    ]);
    const text = result.shared.map((block) => block.text).join('\n');
    for (const line of register) expect(text.split(line)).toHaveLength(2);
    for (const article of result.cleaned) for (const line of register) expect(article.text).not.toContain(line);
  });

  it('keeps every line of a register in the blocks’ text though an earlier story quotes one of its lines', async () => {
    const names = ['Ahmed Khan', 'Bilal Osei', 'Chen Novak', 'Dmitri Reyes', 'Elena Haddad', 'Farah Larsen', 'Gustav Mori', 'Hana Petrov', 'Ivan Silva', 'Jamal Ward', 'Kiran Lopez', 'Lena Brandt'];
    const register = names.map((name) => `Councillor ${name} represents the northern ward and sits on the finance committee of the city.`);
    const result = await dedupe([
      // Earlier than the registers: one of its lines, within a story of its own.
      { path: '0.txt', text: `The mayor opened the new library on Saturday morning with a short speech.\n\n${register[0]} He cut the ribbon.\n` },
      { path: 'a.txt', text: `The city published its register of members on Monday.\n\n${register.join(' ')}\n` },
      { path: 'b.txt', text: `A reader asked who sits on the finance committee this year.\n\n${register.join(' ')}\n` },
      { path: 'c.txt', text: `The register was read out again at the council meeting.\n\n${register.join(' ')}\n` },
    ]);
    const text = result.shared.map((block) => block.text).join('\n');
    for (const line of register) expect(text.split(line)).toHaveLength(2);
    for (const path of ['a.txt', 'b.txt', 'c.txt']) for (const line of register) expect(result.cleaned.find((article) => article.path === path)!.text).not.toContain(line);
  });

  it('gives a block whose copies word each sentence alike a lowest Dice of 1, though one copy lacks a sentence', async () => {
    const background = [
      'The provincial assembly passed the water bill on Thursday after a debate that lasted most of the week.',
      'The bill sets aside 14 new reservoirs for the districts that saw the worst drought in a decade.',
      'Opposition members walked out before the vote, saying the plan had been drawn up without them.',
    ];
    const own = ['Farmers in the south welcomed the news.', 'Traders said prices would not move.', 'The governor is yet to sign it.', 'A court challenge is expected soon.'];
    const result = await dedupe([
      ...own.slice(0, 3).map((line, n) => ({ path: `${n}.txt`, text: `${line}\n\n${background.join(' ')}\n` })),
      // The fourth copy gives the reservoirs another figure: that sentence is its own.
      { path: '3.txt', text: `${own[3]}\n\n${background[0]} ${background[1]!.replace('14', '16')} ${background[2]}\n` },
    ]);
    expect(result.report.blocks).toHaveLength(1);
    expect(result.report.blocks[0]!.articles).toHaveLength(4);
    expect(result.report.blocks[0]!.minSimilarity).toBe(1);
    expect(result.cleaned.find((article) => article.path === '3.txt')!.text).toContain('16 new reservoirs');
  });

  it('names, for each sentence’s canonical wording, the earliest article that holds it, when the block’s own copy lacks it', async () => {
    const background = [
      'The ferry service between the two islands was suspended on Friday after the storm damaged the northern pier.',
      'Repairs to the pier are expected to take at least three weeks, the harbour authority said in a statement.',
      'Residents of the smaller island have been told to stock up on fuel and food while the crossing is closed.',
    ];
    const result = await dedupe([
      { path: 'a.txt', text: `The first report.\n\n${background[0]} ${background[2]}\n` },
      { path: 'b.txt', text: `The second report.\n\n${background.join(' ')}\n` },
      { path: 'c.txt', text: `The third report.\n\n${background.join(' ')}\n` },
      { path: 'd.txt', text: `The fourth report.\n\n${background.join(' ')}\n` },
      { path: 'e.txt', text: `The fifth report.\n\n${background[0]} ${background[1]!.replace('at least', 'no less than')} ${background[2]}\n` },
    ]);
    expect(result.shared).toHaveLength(1);
    const variants = result.shared[0]!.variantsText;
    expect(variants).toContain(`the canonical wording is that of a.txt.`);
    expect(variants).toContain(`  canonical (b.txt): ${background[1]}\n  in a.txt: (not in this copy of the block)\n  in e.txt: ${background[1]!.replace('at least', 'no less than')}`);
    expect(variants).not.toContain(`canonical (a.txt): ${background[1]}`);
  });

  it('labels two blocks that open with the same words up to the first word that tells them apart', async () => {
    const rate = 'The European Central Bank has kept its main interest rate unchanged for the sixth month in a row, citing slowing inflation.';
    const office = 'The European Central Bank has kept its main office in Frankfurt since it was founded, though staff now work in three towers.';
    const own = ['Markets were calm.', 'Shares rose in Paris.', 'Bond yields fell.', 'The euro slipped.', 'Oil held steady.', 'Gold was flat.', 'Traders waited.'];
    const result = await dedupe([
      ...own.slice(0, 6).map((line, n) => ({ path: `${n}.txt`, text: `${line}\n\n${n < 3 ? rate : office}\n` })),
      { path: '9.txt', text: `${own[6]}\n\n${rate}\n\nIn other news, the bank said more.\n\n${office}\n` },
    ]);
    expect(result.report.blocks.map((block) => block.label).sort()).toEqual(['The European Central Bank has kept its main interest…', 'The European Central Bank has kept its main office…']);
    const markers = result.cleaned.find((article) => article.path === '9.txt')!.text.split('\n').filter((line) => line.startsWith('[shared block '));
    expect(new Set(markers.map((line) => line.replace(/^\[shared block \w+ /, ''))).size).toBe(2);
  });

  it('gives the same bytes for any order of the input articles', async () => {
    const articles = corpusArticles();
    const expected = JSON.stringify(await dedupe(articles));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(articles, { minLength: articles.length }), async (shuffled) => {
        expect(JSON.stringify(await dedupe(shuffled))).toBe(expected);
      }),
      { numRuns: 12 },
    );
  });
});

describe('cleanCorpus grouped by source', () => {
  it('writes bySource into report.json, and returns it, only when asked to', async () => {
    const cwd = temporaryDirectory();
    cpSync(CORPUS, join(cwd, 'corpus'), { recursive: true });
    const grouped = await cleanCorpus(['corpus'], { cwd, out: 'grouped', workers: 1, groupBy: 'source' });
    const plain = await cleanCorpus(['corpus'], { cwd, out: 'plain', workers: 1 });
    const written = JSON.parse(readFileSync(join(cwd, 'grouped', 'report.json'), 'utf8'));
    expect(grouped.bySource?.sources.reduce((sum, source) => sum + source.articles, 0)).toBe(5);
    expect(written.bySource).toEqual(JSON.parse(JSON.stringify(grouped.bySource)));
    expect(plain.bySource).toBeUndefined();
    expect(JSON.parse(readFileSync(join(cwd, 'plain', 'report.json'), 'utf8'))).not.toHaveProperty('bySource');
  });
});

describe('cleanCorpus when a file changes mid-run', () => {
  /**
   * Cleans a copy of corpus/ in one thread, calling `change(corpusDir)` once the first pass has
   * read every file; the texts are read again by later passes unless `textsInMemory`.
   */
  async function cleanWhile(change: (corpus: string) => void, textsInMemory = false) {
    const cwd = temporaryDirectory();
    const corpus = join(cwd, 'corpus');
    cpSync(CORPUS, corpus, { recursive: true });
    let changed = false;
    const result = await cleanCorpus(['corpus'], {
      cwd,
      out: 'cleaned',
      workers: 1,
      textsInMemory,
      onProgress: (event) => {
        if (event.phase === 'read' && event.files === event.totalFiles && !changed) {
          change(corpus);
          changed = true;
        }
      },
    });
    expect(changed).toBe(true);
    const written = readdirSync(join(cwd, 'cleaned')).filter((name) => /^\d{3}_.*\.txt$/.test(name));
    return { result, written };
  }

  it('leaves out, with E_CHANGED, a file that changed between the first pass and the writing', async () => {
    const { result, written } = await cleanWhile((corpus) => appendFileSync(join(corpus, seed('004').path), 'A late correction.\n'));
    expect(result.report.problems).toEqual([expect.objectContaining({ path: seed('004').path, code: 'E_CHANGED', severity: 'error', message: expect.stringMatching(/changed/) })]);
    expect(written).toHaveLength(4);
    expect(written).not.toContain(seed('004').path);
  });

  it('leaves out, with one E_CHANGED, a file that vanished, and writes the rest', async () => {
    const { result, written } = await cleanWhile((corpus) => rmSync(join(corpus, seed('003').path)));
    expect(result.report.problems).toEqual([expect.objectContaining({ path: seed('003').path, code: 'E_CHANGED', message: expect.stringMatching(/vanished/) })]);
    expect(written).toHaveLength(4);
    expect(written).not.toContain(seed('003').path);
  });

  it('with the texts in memory (a small corpus, by default), cleans a file that changed as the first pass read it', async () => {
    const late = 'A late correction.\n';
    const held = await cleanWhile((corpus) => appendFileSync(join(corpus, seed('004').path), late), true);
    const reread = await cleanWhile(() => undefined, false);
    expect(held.result.report.problems).toEqual([]);
    expect(held.written).toHaveLength(5);
    // The report and the cleaned file both come from the one reading: the late line is in neither.
    const cleaned = readFileSync(join(held.result.base, '..', 'cleaned', seed('004').path), 'utf8');
    expect(cleaned).not.toContain(late.trim());
    expect(cleaned).toBe(readFileSync(join(reread.result.base, '..', 'cleaned', seed('004').path), 'utf8'));
    expect(held.result.report).toEqual(reread.result.report);
  });
});

describe('counting as the first pass reads, or once it has read every article', () => {
  /** The seed articles and a reprint dated `reprintDate` (see `datedSeedsWithReprint`), reported both ways. */
  async function bothWays(reprintDate: string) {
    const { cwd, reprint, original } = datedSeedsWithReprint(reprintDate);
    const reports = [];
    for (const countAsRead of [true, false]) reports.push((await reportCorpus(['.'], { cwd, workers: 1, countAsRead })).report);
    return { reports, reprint, original };
  }

  it('tells a reprint read first but dated later a duplicate, the same either way', async () => {
    const { reports, reprint, original } = await bothWays('2025-03-20');
    expect(reports[0]).toEqual(reports[1]);
    expect(reports[0]?.articles.find((article) => article.path === reprint)?.duplicateOf).toBe(original);
    expect(reports[0]?.blocks.find((block) => block.label === 'Pak-Afghan relations')?.articles).toHaveLength(3);
  });

  it('tells the copy read later the duplicate when the one read first is dated before it, the same either way', async () => {
    const { reports, reprint, original } = await bothWays('2025-03-01');
    expect(reports[0]).toEqual(reports[1]);
    expect(reports[0]?.articles.find((article) => article.path === original)?.duplicateOf).toBe(reprint);
    expect(reports[0]?.articles.find((article) => article.path === reprint)?.duplicateOf).toBeUndefined();
  });
});
