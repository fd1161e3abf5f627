/** The config file's schema (zod), loaded by `config.ts` only when a config is found. */
import { z } from 'zod';

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
    textsInMemory: z.enum(['yes', 'no', 'auto']),
    index: z.string(),
    progress: z.boolean(),
    quiet: z.boolean(),
  })
  .partial()
  .strict();

export type Config = z.infer<typeof CONFIG_SCHEMA>;
