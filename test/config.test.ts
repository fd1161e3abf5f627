import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { main } from '../src/main.js';
import { captureIo, CORPUS, temporaryDirectory } from './helpers.js';

async function run(cwd: string, ...argv: string[]) {
  const captured = captureIo(cwd);
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout, stderr: captured.stderr };
}

function workspace(files: Record<string, unknown>): string {
  const cwd = temporaryDirectory();
  cpSync(CORPUS, join(cwd, 'corpus'), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), typeof content === 'string' ? content : JSON.stringify(content));
  return cwd;
}

describe('loadConfig', () => {
  it('reads newsdedup.config.json, else the "newsdedup" key of package.json, else nothing', async () => {
    expect(await loadConfig(workspace({ 'newsdedup.config.json': { maxSharedPct: 50 } }))).toEqual({ config: { maxSharedPct: 50 }, source: 'newsdedup.config.json' });
    expect(await loadConfig(workspace({ 'package.json': { name: 'x', newsdedup: { quiet: true } } }))).toEqual({ config: { quiet: true }, source: 'package.json' });
    expect(await loadConfig(workspace({ 'package.json': { name: 'x' } }))).toEqual({ config: {}, source: undefined });
  });

  it.each([
    ['an unknown key', { maxSharePct: 50 }, /Unknown key `maxSharePct` in newsdedup.config.json; did you mean `maxSharedPct`\? the keys are format, out/],
    ['a key in another case', { textfield: 'body' }, /Unknown key `textfield` in newsdedup.config.json; did you mean `textField`\? the keys are/],
    ['a key like none', { colour: 'red' }, /Unknown key `colour` in newsdedup.config.json; the keys are format, out/],
    ['a wrong type', { maxSharedPct: '50' }, /Bad value for `maxSharedPct` in newsdedup.config.json: .*expected number/],
    ['not an object', [1, 2], /newsdedup.config.json must hold an object of options/],
    ['not JSON', '{ maxSharedPct: 50 }', /Cannot use the config `newsdedup.config.json`: it is not JSON/],
  ])('refuses %s, naming the key', async (_, content, message) => {
    await expect(loadConfig(workspace({ 'newsdedup.config.json': content }))).rejects.toThrow(message);
  });
});

describe('main with a config file', () => {
  it('names a threshold out of range by its key in the config file, or by its flag when the flag set it', async () => {
    const cwd = workspace({ 'newsdedup.config.json': { maxSharedPct: 150 } });
    const fromConfig = await run(cwd, 'check', 'corpus');
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toBe('newsdedup: `maxSharedPct` in newsdedup.config.json must be a percentage from 0 to 100, got 150\n');
    const fromFlag = await run(cwd, 'check', 'corpus', '--max-shared-pct', '120');
    expect(fromFlag.stderr).toBe('newsdedup: --max-shared-pct must be a percentage from 0 to 100, got 120\n');
  });

  it('names an option out of range by its key in the config file, or by its flag when the flag set it', async () => {
    const cwd = workspace({ 'newsdedup.config.json': { similarity: 3 } });
    const fromConfig = await run(cwd, 'report', 'corpus');
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toBe('newsdedup: `similarity` in newsdedup.config.json must be a number above 0 and at most 1, got 3\n');
    const fromFlag = await run(cwd, 'report', 'corpus', '--similarity', '1.5');
    expect(fromFlag.stderr).toBe('newsdedup: --similarity must be a number above 0 and at most 1, got 1.5\n');
  });

  it('takes a config file’s format only in the commands that write it: junit for check, the table for report', async () => {
    const cwd = workspace({ 'newsdedup.config.json': { format: 'junit', maxSharedPct: 50 } });
    const checked = await run(cwd, 'check', 'corpus');
    expect(checked.stdout).toMatch(/^<\?xml /);
    const reported = await run(cwd, 'report', 'corpus');
    expect(reported.code).toBe(0);
    expect(reported.stdout).toMatch(/^5 articles, \d+ words: /);
    const unknown = await run(workspace({ 'newsdedup.config.json': { format: 'xml' } }), 'report', 'corpus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('newsdedup: `format` in newsdedup.config.json must be one of table, json, csv, md, html; got `xml`.\n');
  });

  it('takes thresholds and the format from the config, and lets flags override them', async () => {
    const cwd = workspace({ 'newsdedup.config.json': { maxSharedPct: 50, format: 'github' } });
    const failing = await run(cwd, 'check', 'corpus');
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^::error file=corpus\/000_/);
    const overridden = await run(cwd, 'check', 'corpus', '--max-shared-pct', '60', '--format', 'table');
    expect(overridden.code).toBe(0);
    expect(overridden.stdout).toMatch(/^newsdedup check: PASS/);
  });

  it('reads --config FILE, and exits 2 with one line for a bad one', async () => {
    const cwd = workspace({ 'ci.json': { minUniqueWords: 400 }, 'bad.json': { workers: 'two' } });
    expect((await run(cwd, 'check', 'corpus', '--config', 'ci.json')).code).toBe(1);
    const bad = await run(cwd, 'check', 'corpus', '--config', 'bad.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^newsdedup: Bad value for `workers` in bad.json/);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect((await run(cwd, 'check', 'corpus', '--config', 'missing.json')).stderr).toMatch(/Cannot read the config `missing.json`: no such file/);
  });

  it('names the file and the values allowed for a textsInMemory that is not yes, no or auto', async () => {
    const cwd = workspace({ 'maybe.json': { textsInMemory: 'maybe' }, 'held.json': { textsInMemory: 'yes' } });
    const bad = await run(cwd, 'report', 'corpus', '--config', 'maybe.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^newsdedup: Bad value for `textsInMemory` in maybe.json: .*"yes".*"no".*"auto"/);
    expect((await run(cwd, 'report', 'corpus', '--config', 'held.json')).code).toBe(0);
  });
});
