import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/stages/write.js';
import { NewsdedupError } from '../../src/errors.js';
import { temporaryDirectory } from '../helpers.js';

describe('writeOutput', () => {
  it('writes nested files and leaves no temporary directory behind', async () => {
    const parent = temporaryDirectory();
    await writeOutput(join(parent, 'out'), [{ path: 'a/b.txt', content: 'kept' }, { path: 'report.json', content: '{}' }]);
    expect(readFileSync(join(parent, 'out', 'a', 'b.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('leaves the previous output untouched when writing fails', async () => {
    const parent = temporaryDirectory();
    mkdirSync(join(parent, 'out'));
    writeFileSync(join(parent, 'out', 'old.txt'), 'old');
    // A path below a file cannot be created.
    await expect(writeOutput(join(parent, 'out'), [{ path: 'x.txt', content: 'x' }, { path: 'x.txt/y.txt', content: 'y' }])).rejects.toThrow(NewsdedupError);
    expect(readFileSync(join(parent, 'out', 'old.txt'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('refuses an --out that is a file', async () => {
    const parent = temporaryDirectory();
    writeFileSync(join(parent, 'out'), 'a file');
    await expect(writeOutput(join(parent, 'out'), [])).rejects.toThrow(/it is a file, not a directory/);
    expect(existsSync(join(parent, 'out'))).toBe(true);
  });
});
