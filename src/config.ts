/**
 * The config file: every option a flag can set, read from `newsdedup.config.json` in the working
 * folder, or from a `"newsdedup"` key in its package.json, or from `--config FILE`. Flags override
 * it. It is validated with a schema (zod): an unknown key or a wrong type is an error naming the key.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from './config-schema.js';
import { NewsdedupError } from './errors.js';
import { editDistance } from './lib/edit-distance.js';

const CONFIG_FILE = 'newsdedup.config.json';

export type { Config } from './config-schema.js';

/** Reads the config: `explicit` if given, else newsdedup.config.json, else package.json's "newsdedup" key, else none. */
export async function loadConfig(cwd: string, explicit?: string): Promise<{ config: Config; source: string | undefined }> {
  if (explicit !== undefined) return { config: await parse(await readJson(resolve(cwd, explicit), explicit, true), explicit), source: explicit };
  const own = await readJson(join(cwd, CONFIG_FILE), CONFIG_FILE, false);
  if (own !== undefined) return { config: await parse(own, CONFIG_FILE), source: CONFIG_FILE };
  const manifest = (await readJson(join(cwd, 'package.json'), 'package.json', false)) as { newsdedup?: unknown } | undefined;
  if (manifest !== null && typeof manifest === 'object' && manifest.newsdedup !== undefined) {
    return { config: await parse(manifest.newsdedup, 'the "newsdedup" key of package.json'), source: 'package.json' };
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

async function parse(value: unknown, name: string): Promise<Config> {
  // The schema (zod) is loaded only when there is a config to check: it costs a run without one
  // a fifth of a second of start-up.
  const { CONFIG_SCHEMA } = await import('./config-schema.js');
  const result = CONFIG_SCHEMA.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const keys = Object.keys(CONFIG_SCHEMA.shape);
    const meant = issue.keys.length === 1 ? nearestKey(issue.keys[0] ?? '', keys) : undefined;
    throw new NewsdedupError('E_CONFIG', `Unknown key \`${issue.keys.join('`, `')}\` in ${name}; ${meant === undefined ? '' : `did you mean \`${meant}\`? `}the keys are ${keys.join(', ')}.`);
  }
  const key = issue?.path.join('.') ?? '';
  if (key === '') throw new NewsdedupError('E_CONFIG', `${name} must hold an object of options.`);
  throw new NewsdedupError('E_CONFIG', `Bad value for \`${key}\` in ${name}: ${issue?.message ?? 'invalid'}.`);
}

/** The key an unknown one most likely meant: the same but for case or dashes ("textfield", "text-field"), else one or two letters apart. */
function nearestKey(unknown: string, keys: readonly string[]): string | undefined {
  const folded = unknown.toLowerCase().replace(/[-_]/g, '');
  const same = keys.find((key) => key.toLowerCase() === folded);
  if (same !== undefined) return same;
  const near = keys.filter((key) => editDistance(key.toLowerCase(), folded) <= Math.min(2, Math.floor(key.length / 4)));
  return near.length === 1 ? near[0] : undefined;
}
