import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupe, outputFiles } from '../src/pipeline.js';
import { corpusArticles, ROOT } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');

function inputsOf(caseName: string) {
  const directory = join(FIXTURES, caseName, 'input');
  return readdirSync(directory)
    .sort()
    .map((name) => ({ path: name, text: readFileSync(join(directory, name), 'utf8') }));
}

// Each case's whole output directory is compared file by file with test/fixtures/<case>/expected/.
const CASES: Record<string, () => { path: string; text: string }[]> = {
  'seed-corpus-background-block': corpusArticles,
  'inline-heading-in-one-paragraph': () => inputsOf('inline-heading-in-one-paragraph'),
  'crlf-line-endings-kept': () => inputsOf('crlf-line-endings-kept'),
  'copies-each-lacking-a-sentence-one-block': () => inputsOf('copies-each-lacking-a-sentence-one-block'),
};

const OUTPUTS = Object.fromEntries(await Promise.all(Object.entries(CASES).map(async ([name, inputs]) => [name, outputFiles(await dedupe(inputs()))] as const)));

describe.each(Object.keys(CASES))('golden output: %s', (caseName) => {
  const files = OUTPUTS[caseName]!;

  it('writes the expected list of files', async () => {
    await expect(files.map((file) => file.path).join('\n') + '\n').toMatchFileSnapshot(join(FIXTURES, caseName, 'expected.files.txt'));
  });

  it.each(files.map((file) => [file.path, file.content] as const))('writes %s as expected', async (path, content) => {
    await expect(content).toMatchFileSnapshot(join(FIXTURES, caseName, 'expected', path));
  });
});
