import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import type { Report } from '../src/types.js';
import { captureIo, CORPUS, seed, temporaryDirectory } from './helpers.js';

/** A scratch directory holding a copy of corpus/ as `corpus/`. */
function workspace(): string {
  const directory = temporaryDirectory();
  cpSync(CORPUS, join(directory, 'corpus'), { recursive: true });
  return directory;
}

async function run(cwd: string, ...argv: string[]) {
  const captured = captureIo(cwd);
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout, stderr: captured.stderr };
}

/** A hash of every file's name and bytes below `directory`. */
function digest(directory: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(directory, { recursive: true }).map(String).sort()) {
    const path = join(directory, name);
    if (!statSync(path).isFile()) continue;
    hash.update(name).update(readFileSync(path));
  }
  return hash.digest('hex');
}

describe('main: clean', () => {
  it('cleans corpus/ into --out, prints the table, and leaves the inputs untouched', async () => {
    const cwd = workspace();
    const before = digest(join(cwd, 'corpus'));
    const { code, stdout, stderr } = await run(cwd, 'clean', 'corpus', '--out', 'cleaned');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^5 articles, 3444 words: /);
    expect(stdout).toContain('Pak-Afghan relations');
    expect(stderr).toBe(''); // not a terminal: no progress and no chatter
    const written = readdirSync(join(cwd, 'cleaned'));
    expect(written).toEqual(expect.arrayContaining(['000_0c4b9f5ff617bffb.txt', '004_369858f5ca9101d7.txt', '_shared', '_chrome.txt', 'report.json']));
    const report = JSON.parse(readFileSync(join(cwd, 'cleaned', 'report.json'), 'utf8')) as Report;
    expect(report.schema).toBe(1);
    for (const block of report.blocks) expect(existsSync(join(cwd, 'cleaned', '_shared', `${block.id}.txt`))).toBe(true);
    expect(digest(join(cwd, 'corpus'))).toBe(before);
  });

  it('is quiet when stderr is no terminal: warnings and errors only, and --quiet keeps errors only', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'corpus', 'latin1.txt'), Buffer.from('Caf\xe9 society news from the capital today.\n', 'latin1'));
    writeFileSync(join(cwd, 'corpus', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const piped = await run(cwd, 'clean', 'corpus', '--out', 'cleaned');
    const lines = piped.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("newsdedup: error: Cannot use `image.txt`: a NUL byte at byte 4 means it is binary, not text; skipped.");
    expect(lines[1]).toMatch(/^newsdedup: warning: `latin1\.txt` is not valid UTF-8/);
    const quiet = await run(cwd, 'clean', 'corpus', '--out', 'cleaned', '--quiet');
    expect(quiet.stderr).toBe(`${lines[0]}\n`);

    // On a terminal, clean also says what it wrote, unless --quiet.
    const terminal = captureIo(cwd);
    const io = { ...terminal.io, stderr: { ...terminal.io.stderr, isTTY: true } };
    expect(await main(['clean', 'corpus', '--out', 'cleaned'], io)).toBe(1);
    expect(terminal.stderr).toContain('newsdedup: wrote 6 cleaned articles');
  });

  it('replaces an earlier output wholly, so no stale file survives', async () => {
    const cwd = workspace();
    expect((await run(cwd, 'clean', 'corpus', '--out', 'cleaned')).code).toBe(0);
    writeFileSync(join(cwd, 'cleaned', 'stale.txt'), 'from an older run');
    expect((await run(cwd, 'clean', 'corpus', '--out', 'cleaned')).code).toBe(0);
    expect(existsSync(join(cwd, 'cleaned', 'stale.txt'))).toBe(false);
    expect(readdirSync(cwd).sort()).toEqual(['cleaned', 'corpus']);
  });

  it('warns that --output-format has nothing to convert when no input is a file of records, and writes the articles as they are', async () => {
    const cwd = workspace();
    const { code, stderr } = await run(cwd, 'clean', 'corpus', '--out', 'cleaned', '--output-format', 'jsonl');
    expect(code).toBe(0);
    expect(stderr).toBe('newsdedup: warning: --output-format jsonl applies to files of records (JSON Lines, JSON, CSV, TSV, Parquet); none of the inputs is one, so each article was written in its own format.\n');
    expect(readdirSync(join(cwd, 'cleaned'))).toContain('000_0c4b9f5ff617bffb.txt');
  });

  it('writes --group-by source into report.json as bySource, the same as the JSON on stdout, and leaves it out without the flag', async () => {
    const cwd = workspace();
    // Two sources, by top folder.
    mkdirSync(join(cwd, 'corpus', 'dawn'));
    mkdirSync(join(cwd, 'corpus', 'app'));
    for (const name of readdirSync(join(cwd, 'corpus')).filter((entry) => entry.endsWith('.txt'))) renameSync(join(cwd, 'corpus', name), join(cwd, 'corpus', name < '002' ? 'dawn' : 'app', name));
    const json = await run(cwd, 'clean', 'corpus', '--out', 'cleaned', '--group-by', 'source', '--format', 'json');
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.stdout) as Report & { bySource?: { sources: { source: string }[]; sharedAcross: unknown[] } };
    expect(printed.bySource?.sources.map((entry) => entry.source).sort()).toEqual(['app', 'dawn']);
    expect(printed.bySource?.sharedAcross.length).toBeGreaterThan(0);
    expect(readFileSync(join(cwd, 'cleaned', 'report.json'), 'utf8')).toBe(json.stdout);
    expect(readdirSync(join(cwd, 'cleaned')).filter((name) => name.startsWith('.'))).toEqual([]);
    // Whatever --format prints.
    expect((await run(cwd, 'clean', 'corpus', '--out', 'cleaned', '--group-by', 'source')).code).toBe(0);
    expect(readFileSync(join(cwd, 'cleaned', 'report.json'), 'utf8')).toBe(json.stdout);
    expect((await run(cwd, 'clean', 'corpus', '--out', 'cleaned')).code).toBe(0);
    const plain = JSON.parse(readFileSync(join(cwd, 'cleaned', 'report.json'), 'utf8')) as Report & { bySource?: unknown };
    expect(plain.bySource).toBeUndefined();
    expect(plain).toEqual((({ bySource: _, ...rest }) => rest)(printed));
  });

  it('leaves markers out with --no-markers', async () => {
    const cwd = workspace();
    await run(cwd, 'clean', 'corpus', '--out', 'cleaned', '--no-markers');
    const text = readFileSync(join(cwd, 'cleaned', '001_8471bf5c255b87a9.txt'), 'utf8');
    expect(text).not.toContain('[shared block');
    expect(text).not.toContain('Pakistan has demanded that the rulers in Kabul');
  });

  it('removes the lines of a --chrome file, exact or as a pattern', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'chrome.txt'), '# site chrome\nCross border terrorism has become intolerable : Khwaja Asif\n/^\\s*date \\d{4}/\n');
    const { code } = await run(cwd, 'clean', 'corpus', '--out', 'cleaned', '--chrome', 'chrome.txt');
    expect(code).toBe(0);
    expect(readFileSync(join(cwd, 'cleaned', '003_f35d691d0a92c864.txt'), 'utf8')).not.toContain('Cross border terrorism has become intolerable');
    expect(readFileSync(join(cwd, 'cleaned', '004_369858f5ca9101d7.txt'), 'utf8')).not.toContain('date 2024-06-30');
  });

  it('refuses an --out folder that holds files it did not write, and leaves them; an empty one is taken', async () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'desktop'));
    writeFileSync(join(cwd, 'desktop', 'notes.md'), 'my notes\n');
    const refused = await run(cwd, 'clean', 'corpus', '--out', 'desktop');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^newsdedup: Refusing --out `desktop`: it holds files newsdedup did not write \(such as `notes\.md`, and no report\.json\)/);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(join(cwd, 'desktop'))).toEqual(['notes.md']);
    // An empty folder is taken.
    mkdirSync(join(cwd, 'empty'));
    expect((await run(cwd, 'clean', 'corpus', '--out', 'empty')).code).toBe(0);
    expect(readdirSync(join(cwd, 'empty'))).toContain('report.json');
  });

  it.each([
    ['an --out equal to the input', ['clean', 'corpus', '--out', 'corpus'], /Refusing --out `corpus`/],
    ['an --out inside the input', ['clean', 'corpus', '--out', 'corpus/cleaned'], /inside the input/],
    ['an --out that holds the input', ['clean', 'corpus/000_0c4b9f5ff617bffb.txt', '--out', '.'], /holds the input `corpus\/000_0c4b9f5ff617bffb\.txt`, which would be overwritten/],
    ['a missing --out', ['clean', 'corpus'], /clean needs --out DIR/],
    ['an input that matches no file', ['report', 'nothing/*.txt'], /Input `nothing\/\*\.txt` matches no file/],
    ['a path that does not exist', ['report', 'no-such-dir'], /Cannot read `no-such-dir`: no such file or directory/],
    ['an unknown flag', ['report', 'corpus', '--fast'], /^newsdedup: Unknown option '--fast'. \(see newsdedup --help\)\n$/],
    ['an unknown flag that a flag begins', ['clean', 'corpus', '--out', 'cleaned', '--chrome-file', 'x.txt'], /^newsdedup: Unknown option '--chrome-file'; did you mean --chrome FILE\? \(see newsdedup --help\)\n$/],
    ['a misspelt flag', ['report', 'corpus', '--simlarity', '0.9'], /^newsdedup: Unknown option '--simlarity'; did you mean --similarity N\? \(see newsdedup --help\)\n$/],
    ['a misspelt switch', ['report', 'corpus', '--no-progres'], /^newsdedup: Unknown option '--no-progres'; did you mean --no-progress\? \(see newsdedup --help\)\n$/],
    ['a flag of another command', ['report', 'corpus', '--keep', 'none'], /^newsdedup: --keep is an option of `clean`, not of `report` \(see newsdedup --help\)\n$/],
    ['a short flag of another command', ['report', 'corpus', '-o', 'out'], /^newsdedup: -o \(--out\) is an option of `clean`, not of `report` \(see newsdedup --help\)\n$/],
    ['a gate’s flag given to report', ['report', 'corpus', '--max-shared-pct', '50'], /^newsdedup: --max-shared-pct is an option of `check`, not of `report` \(see newsdedup --help\)\n$/],
    ['a flag cut short', ['check', 'corpus', '--max-shared', '30'], /^newsdedup: Unknown option '--max-shared'; did you mean --max-shared-pct N\? \(see newsdedup --help\)\n$/],
    ['a flag cut short past another flag’s name', ['report', 'corpus', '--chrome-min', '3'], /^newsdedup: Unknown option '--chrome-min'; did you mean --chrome-min-articles N\? \(see newsdedup --help\)\n$/],
    ['a flag with its last word spelt otherwise', ['check', 'corpus', '--max-shared-percent', '30'], /^newsdedup: Unknown option '--max-shared-percent'; did you mean --max-shared-pct N\? \(see newsdedup --help\)\n$/],
    ['a flag of another command only', ['report', 'corpus', '--max-shared-percent', '30'], /^newsdedup: Unknown option '--max-shared-percent'. \(see newsdedup --help\)\n$/],
    ['a bad number', ['report', 'corpus', '--similarity', 'high'], /--similarity takes a number; got `high`/],
    ['a number out of range', ['report', 'corpus', '--similarity', '1.5'], /^newsdedup: --similarity must be a number above 0 and at most 1, got 1.5\n$/],
    ['a whole number out of range', ['report', 'corpus', '--min-block-words', '0'], /^newsdedup: --min-block-words must be a whole number of at least 1, got 0\n$/],
    ['a negative number read as a flag', ['report', 'corpus', '--max-pairs', '-1'], /^newsdedup: --max-pairs takes a value; one that starts with a dash is written --max-pairs=-1 \(see newsdedup --help\)\n$/],
    ['a negative number read as a short flag', ['report', 'corpus', '-j', '-2'], /^newsdedup: -j takes a value; one that starts with a dash is written -j-2 \(see newsdedup --help\)\n$/],
    ['an unknown format', ['report', 'corpus', '--format', 'xml'], /--format must be one of table, json, csv, md/],
    ['a texts-in-memory that is not yes, no or auto', ['report', 'corpus', '--texts-in-memory', 'sometimes'], /--texts-in-memory must be yes, no or auto; got `sometimes`/],
    ['an unknown command', ['tidy', 'corpus'], /Unknown command `tidy`/],
  ])('exits 2 with one line and no stack trace for %s', async (_, argv, message) => {
    const cwd = workspace();
    const before = digest(join(cwd, 'corpus'));
    const { code, stdout, stderr } = await run(cwd, ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(digest(join(cwd, 'corpus'))).toBe(before);
  });
});

describe('main: bad input files', () => {
  it('skips a binary file with a problem, cleans the rest, and exits 1', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'corpus', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const { code, stderr } = await run(cwd, 'clean', 'corpus', '--out', 'cleaned');
    expect(code).toBe(1);
    expect(stderr).toContain('newsdedup: error: Cannot use `photo.txt`: a NUL byte at byte 8 means it is binary, not text; skipped.');
    const report = JSON.parse(readFileSync(join(cwd, 'cleaned', 'report.json'), 'utf8')) as Report;
    expect(report.problems).toEqual([expect.objectContaining({ path: 'photo.txt', code: 'E_BINARY' })]);
    expect(report.articles).toHaveLength(5);
    expect(existsSync(join(cwd, 'cleaned', 'photo.txt'))).toBe(false);
  });

  it('never sends a control character quoted from a bad record to the terminal', async () => {
    const cwd = workspace();
    // A line of JSON Lines that is not JSON, holding an escape sequence that would turn a terminal red.
    writeFileSync(join(cwd, 'corpus', 'feed.jsonl'), `{"id": "a", "text": "Port traffic rose in the spring, officials said."}\ngarbage \u001b[31mRED\n`);
    const { code, stderr } = await run(cwd, 'clean', 'corpus', '--out', 'cleaned');
    expect(code).toBe(1);
    expect(stderr).toContain('`feed.jsonl` line 2');
    expect(stderr).toContain('\\x1b');
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('decodes a Windows-1252 file with a warning and exits 0', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'corpus', 'latin.txt'), Buffer.from('Caf\xe9 owners \x93protest\x94 in Lahore.\n', 'latin1'));
    const { code, stderr } = await run(cwd, 'clean', 'corpus', '--out', 'cleaned');
    expect(code).toBe(0);
    expect(stderr).toContain('warning: `latin.txt` is not valid UTF-8 at byte 3; decoded as Windows-1252.');
    expect(readFileSync(join(cwd, 'cleaned', 'latin.txt'), 'utf8')).toBe('Café owners “protest” in Lahore.\n');
  });

  it('strips a UTF-8 BOM and keeps CRLF line endings', async () => {
    const cwd = workspace();
    const crlf = 'Cotton prices rise\r\n\r\nCotton prices in Multan rose for a third week on Friday.\r\nGinners blamed the floods.\r\n';
    writeFileSync(join(cwd, 'corpus', 'windows.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]));
    await run(cwd, 'clean', 'corpus', '--out', 'cleaned');
    expect(readFileSync(join(cwd, 'cleaned', 'windows.txt')).equals(Buffer.from(crlf))).toBe(true);
  });

  it('counts an empty or blank file as an article with 0 words, and says so in a warning naming it', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'corpus', 'empty.txt'), '');
    writeFileSync(join(cwd, 'corpus', 'blank.txt'), ' \n\n\t');
    const { code, stdout, stderr } = await run(cwd, 'report', 'corpus', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.articles.find((a) => a.path === 'empty.txt')).toMatchObject({ words: 0, sharedPct: 0 });
    expect(report.problems.filter((problem) => problem.code === 'W_NO_TEXT').map((problem) => problem.path)).toEqual(['blank.txt', 'empty.txt']);
    expect(stderr).toContain('`empty.txt` holds no words (it is empty, or white space only); read as an article of 0 words.');
  });
});

describe('main: inputs', () => {
  it('takes globs, with ids relative to the glob base', async () => {
    const cwd = workspace();
    const { stdout } = await run(cwd, 'report', 'corpus/00[34]_*.txt', '--format', 'json');
    expect((JSON.parse(stdout) as Report).articles.map((a) => a.path)).toEqual(['003_f35d691d0a92c864.txt', '004_369858f5ca9101d7.txt']);
  });

  it('finds .txt and .md files in nested folders, with names in any script', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'news', '2024 06', 'урду'), { recursive: true });
    writeFileSync(join(cwd, 'news', '2024 06', 'урду', 'خبر.md'), seed('003').text);
    writeFileSync(join(cwd, 'news', 'top.txt'), seed('004').text);
    writeFileSync(join(cwd, 'news', 'notes.json'), '{}');
    const { stdout } = await run(cwd, 'report', 'news', '--format', 'json');
    expect((JSON.parse(stdout) as Report).articles.map((a) => a.path)).toEqual(['2024 06/урду/خبر.md', 'top.txt']);
  });

  it('reads a folder’s files whose extensions have capitals, each in the format its name gives', async () => {
    const cwd = temporaryDirectory();
    mkdirSync(join(cwd, 'd'));
    writeFileSync(join(cwd, 'd', 'A.TXT'), seed('000').text);
    writeFileSync(join(cwd, 'd', 'b.txt'), seed('001').text);
    writeFileSync(join(cwd, 'd', 'C.Txt'), seed('002').text);
    writeFileSync(join(cwd, 'd', 'NOTES.MD'), '---\ntitle: The bridge\n---\nThe town council voted on Tuesday to approve the new bridge.\n');
    writeFileSync(join(cwd, 'd', 'FEED.JSONL'), '{"id":"r1","text":"The ferry ran late on Monday."}\n{"id":"r2","text":"The ferry ran on time."}\n');
    const { code, stdout } = await run(cwd, 'report', 'd', '--format', 'json');
    expect(code).toBe(0);
    const articles = (JSON.parse(stdout) as Report).articles;
    expect(articles.map((a) => a.path)).toEqual(['A.TXT', 'C.Txt', 'FEED.JSONL#r1', 'FEED.JSONL#r2', 'NOTES.MD', 'b.txt']);
    expect(articles.find((a) => a.path === 'NOTES.MD')).toMatchObject({ title: 'The bridge', words: 11 });
  });

  it('names articles from several roots by their path from the common folder', async () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'more'));
    writeFileSync(join(cwd, 'more', '000_0c4b9f5ff617bffb.txt'), seed('000').text);
    const { stdout } = await run(cwd, 'report', 'corpus', 'more', '--format', 'json');
    const report = JSON.parse(stdout) as Report;
    expect(report.articles.map((a) => a.path)).toContain('more/000_0c4b9f5ff617bffb.txt');
    expect(report.articles.find((a) => a.path === 'more/000_0c4b9f5ff617bffb.txt')?.sharedPct).toBe(100);
  });

  it('prints help and the version on stdout', async () => {
    const cwd = temporaryDirectory();
    expect((await run(cwd, '--help')).stdout).toContain('newsdedup clean <inputs...> --out DIR');
    expect((await run(cwd, '--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('main: check', () => {
  it.each([
    ['no thresholds', [], 0],
    ['--max-shared-pct 50, which 000 breaks', ['--max-shared-pct', '50'], 1],
    ['--max-shared-pct 60, which every article keeps', ['--max-shared-pct', '60'], 0],
    ['--max-corpus-shared-pct 25', ['--max-corpus-shared-pct', '25'], 1],
    ['--min-unique-words 400', ['--min-unique-words', '400'], 1],
    ['--fail-on-problems on a clean corpus', ['--fail-on-problems'], 0],
  ])('exits as documented with %s', async (_, flags, expected) => {
    const cwd = workspace();
    const { code, stdout, stderr } = await run(cwd, 'check', 'corpus', ...flags);
    expect(code).toBe(expected);
    expect(stderr).toBe('');
    expect(stdout).toMatch(expected === 0 ? /^newsdedup check: PASS/ : /^newsdedup check: FAIL/);
  });

  it('writes --junit and --summary files beside what it prints, and exits 2 when one cannot be written', async () => {
    const cwd = workspace();
    const { code, stdout } = await run(cwd, 'check', 'corpus', '--max-shared-pct', '50', '--junit', 'verdict.xml', '--summary', 'summary.md');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^newsdedup check: FAIL/);
    expect(readFileSync(join(cwd, 'verdict.xml'), 'utf8')).toMatch(/<testcase classname="newsdedup.article" name="000_0c4b9f5ff617bffb.txt"[^>]*>\s*<failure/);
    expect(readFileSync(join(cwd, 'summary.md'), 'utf8')).toMatch(/^## newsdedup check: ❌ fail\n/);
    // A pipe (like /dev/stdout) is written to, never replaced by a file.
    const fifo = join(cwd, 'summary.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let piped = '';
    reader.stdout.on('data', (chunk: Buffer) => (piped += chunk.toString()));
    const closed = new Promise((done) => reader.on('close', done));
    const { code: fifoCode } = await run(cwd, 'check', 'corpus', '--summary', 'summary.fifo');
    const stillFifo = statSync(fifo).isFIFO();
    if (!stillFifo) reader.kill(); // replaced by a file: nothing will ever write to the pipe
    await closed;
    expect(stillFifo).toBe(true);
    expect(fifoCode).toBe(0);
    expect(piped).toMatch(/^## newsdedup check: ✅ pass\n/);
    const unwritable = await run(cwd, 'check', 'corpus', '--junit', 'no/such/folder/verdict.xml');
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^newsdedup: Cannot write `.*no\/such\/folder\/verdict\.xml`: ENOENT[^\n]*\n$/);
    expect(unwritable.stdout).toBe('');
  });

  it('fails with --fail-on-problems when a file is skipped, and not without it', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'corpus', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect((await run(cwd, 'check', 'corpus', '--quiet')).code).toBe(0);
    const failing = await run(cwd, 'check', 'corpus', '--fail-on-problems', '--format', 'github');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^::error file=corpus\/image\.txt,title=newsdedup fail-on-problems::E_BINARY/m);
  });

  it.each([
    ['a threshold that is not a number', ['--max-shared-pct', 'half'], /--max-shared-pct takes a number; got `half`/],
    ['a threshold in hexadecimal', ['--max-shared-pct', '0x10'], /^newsdedup: --max-shared-pct takes a number; got `0x10`\.\n$/],
    ['a threshold in exponent notation', ['--max-shared-pct', '1e2'], /^newsdedup: --max-shared-pct takes a number; got `1e2`\.\n$/],
    ['a percentage over 100', ['--max-shared-pct', '150'], /^newsdedup: --max-shared-pct must be a percentage from 0 to 100, got 150\n$/],
    ['a format check does not write', ['--format', 'csv'], /--format for check must be one of table, json, junit, github, md/],
    ['a threshold given to report', [], /--min-unique-words is an option of `check`, not of `report`/],
  ])('exits 2 with one line for %s', async (name, flags, message) => {
    const cwd = workspace();
    const argv = name === 'a threshold given to report' ? ['report', 'corpus', '--min-unique-words', '5'] : ['check', 'corpus', ...flags];
    const { code, stdout, stderr } = await run(cwd, ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('main: check --baseline', () => {
  it('exits 1 when the corpus shared % rose by more than --max-rise, and 0 within it', async () => {
    const cwd = workspace();
    const later = readdirSync(join(cwd, 'corpus')).find((name) => name.startsWith('002'))!;
    cpSync(join(cwd, 'corpus', later), join(cwd, 'later.txt'));
    rmSync(join(cwd, 'corpus', later));
    const old = await run(cwd, 'report', 'corpus', '--format', 'json');
    writeFileSync(join(cwd, 'old.json'), old.stdout);
    cpSync(join(cwd, 'later.txt'), join(cwd, 'corpus', later));
    const failing = await run(cwd, 'check', 'corpus', '--baseline', 'old.json', '--max-rise', '1');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('rose by 1.73 points since the baseline');
    expect((await run(cwd, 'check', 'corpus', '--baseline', 'old.json', '--max-rise', '2')).code).toBe(0);
    // Every format says what changed since: the github annotations and the JUnit corpus case too.
    const github = await run(cwd, 'check', 'corpus', '--baseline', 'old.json', '--format', 'github');
    expect(github.stdout).toMatch(/^::notice title=newsdedup since the baseline::Since the baseline: \+1\.73 points \(/m);
    const junit = await run(cwd, 'check', 'corpus', '--baseline', 'old.json', '--format', 'junit');
    expect(junit.stdout).toMatch(/<system-out>Since the baseline: \+1\.73 points \(/);
  });

  it('names a block the baseline held under another id as renamed, not new, in the table and in Markdown', async () => {
    const cwd = workspace();
    // 000 comes in later: it runs the background's heading inline, and the block takes a new id.
    const later = readdirSync(join(cwd, 'corpus')).find((name) => name.startsWith('000'))!;
    cpSync(join(cwd, 'corpus', later), join(cwd, 'later.txt'));
    rmSync(join(cwd, 'corpus', later));
    writeFileSync(join(cwd, 'old.json'), (await run(cwd, 'report', 'corpus', '--format', 'json')).stdout);
    cpSync(join(cwd, 'later.txt'), join(cwd, 'corpus', later));
    const table = await run(cwd, 'check', 'corpus', '--baseline', 'old.json');
    expect(table.stdout).toContain('1 new block; 2 blocks renamed (the baseline held their text under another id).');
    expect(table.stdout).toMatch(/^ {2}block b[0-9a-f]+ was b[0-9a-f]+: Pak-Afghan relations$/m);
    const markdown = await run(cwd, 'check', 'corpus', '--baseline', 'old.json', '--format', 'md');
    expect(markdown.stdout).toMatch(/^\| b[0-9a-f]+ \| b[0-9a-f]+ \| Pak-Afghan relations \|$/m);
  });

  it.each([
    ['--max-rise without --baseline', ['--max-rise', '1'], /--max-rise needs --baseline FILE/],
    ['a baseline that does not exist', ['--baseline', 'nope.json'], /Cannot read the baseline `nope.json`: no such file/],
    ['a baseline that is not a report', ['--baseline', 'corpus/004_369858f5ca9101d7.txt'], /is not JSON/],
  ])('exits 2 with one line for %s', async (_, flags, message) => {
    const { code, stderr } = await run(workspace(), 'check', 'corpus', ...flags);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
