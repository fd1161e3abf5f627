/**
 * The config file: every option a flag can set, read from `newsdedup.config.json` in the working
 * folder, or from a `"newsdedup"` key in its package.json, or from `--config FILE`. Flags override
 * it. It is validated with a schema (zod): an unknown key or a wrong type is an error naming the key.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { NewsdedupError } from './errors.js';

const CONFIG_FILE = 'newsdedup.config.json';

/** The config file's keys: the flags' long names in camelCase, `markers` and `progress` for the `--no-` flags. */
export const CONFIG_SCHEMA = z
  .object({
    format: z.string(),
    out: z.string(),
    markers: z.boolean(),
    chrome: z.string(),
    similarity: z.number(),
    minBlockWords: z.number(),
    chromeMinArticles: z.number(),
    maxPairs: z.number(),
    textField: z.string(),
    idField: z.string(),
    titleField: z.string(),
    dateField: z.string(),
    sourceField: z.string(),
    outputFormat: z.string(),
    keep: z.string(),
    groupBy: z.string(),
    maxSharedPct: z.number(),
    maxCorpusSharedPct: z.number(),
    minUniqueWords: z.number(),
    baseline: z.string(),
    maxRise: z.number(),
    junit: z.string(),
    summary: z.string(),
    failOnProblems: z.boolean(),
    workers: z.number(),
    progress: z.boolean(),
    quiet: z.boolean(),
  })
  .partial()
  .strict();

export type Config = z.infer<typeof CONFIG_SCHEMA>;

/** Reads the config: `explicit` if given, else newsdedup.config.json, else package.json's "newsdedup" key, else none. */
export async function loadConfig(cwd: string, explicit?: string): Promise<{ config: Config; source: string | undefined }> {
  if (explicit !== undefined) return { config: parse(await readJson(resolve(cwd, explicit), explicit, true), explicit), source: explicit };
  const own = await readJson(join(cwd, CONFIG_FILE), CONFIG_FILE, false);
  if (own !== undefined) return { config: parse(own, CONFIG_FILE), source: CONFIG_FILE };
  const manifest = (await readJson(join(cwd, 'package.json'), 'package.json', false)) as { newsdedup?: unknown } | undefined;
  if (manifest !== null && typeof manifest === 'object' && manifest.newsdedup !== undefined) {
    return { config: parse(manifest.newsdedup, 'the "newsdedup" key of package.json'), source: 'package.json' };
  }
  return { config: {}, source: undefined };
}

async function readJson(path: string, name: string, required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new NewsdedupError('E_CONFIG', `Cannot read the config \`${name}\`: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new NewsdedupError('E_CONFIG', `Cannot use the config \`${name}\`: it is not JSON (${(error as Error).message}).`, { cause: error });
  }
}

function parse(value: unknown, name: string): Config {
  const result = CONFIG_SCHEMA.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') throw new NewsdedupError('E_CONFIG', `Unknown key \`${issue.keys.join('`, `')}\` in ${name}; the keys are ${Object.keys(CONFIG_SCHEMA.shape).join(', ')}.`);
  const key = issue?.path.join('.') ?? '';
  if (key === '') throw new NewsdedupError('E_CONFIG', `${name} must hold an object of options.`);
  throw new NewsdedupError('E_CONFIG', `Bad value for \`${key}\` in ${name}: ${issue?.message ?? 'invalid'}.`);
}
