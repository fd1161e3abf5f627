import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { NewsdedupError } from '../errors.js';
import { escapeGlobPath, globFiles, isGlobPattern } from '../lib/glob.js';
import { formatOfName } from '../records/format.js';

/** A file to read, with its article id (path relative to the input root, `/`-separated). */
export interface DiscoveredFile {
  readonly absolute: string;
  readonly path: string;
  /** Size in bytes when listed (0 when unknown). */
  readonly size?: number;
}

/** Where inputs were found: a directory or glob base is a root whose whole tree counts as input. */
export interface InputRoot {
  readonly absolute: string;
  readonly kind: 'directory' | 'glob' | 'file';
}

/** The discover step's output. */
export interface Discovery {
  readonly files: readonly DiscoveredFile[];
  readonly roots: readonly InputRoot[];
  /** The absolute folder that article ids are relative to. */
  readonly base: string;
}

/**
 * Extensions read from a directory input: articles (`.txt`, `.md`) and files of records, each
 * also gzip- or Zstandard-compressed, in any case (`A.TXT`, `FEED.JSONL.GZ`), as `formatOfName`
 * reads them. Not `.json`: a folder's `.json` files are as often settings as articles, so a JSON
 * array of records is read only when named, by itself or by a glob.
 */
export const ARTICLE_PATTERN = '**/*.{txt,md,jsonl,ndjson,csv,tsv,parquet}{,.gz,.zst}';

/** A compressed file's name: the only kind that `formatOfName` can refuse. */
const COMPRESSED = /\.(?:gz|zst)$/i;

/**
 * Resolves inputs (files, directories, globs) to files sorted by id. A directory contributes its
 * article files and files of records (see {@link ARTICLE_PATTERN}), recursively, whatever the case of
 * their extensions; a glob matches as written. A name newsdedup
 * refuses (`.parquet.gz`) is an error; a file of any other name given by itself is read as text. With one root, ids are relative to it; with several, to
 * their common ancestor, so that ids never collide; with `fixedBase` (an index's root), to it. An
 * input that matches nothing is an error.
 */
export async function discover(inputs: readonly string[], cwd: string, fixedBase?: string): Promise<Discovery> {
  if (inputs.length === 0) throw new NewsdedupError('E_USAGE', 'No inputs given: name files, directories or globs to read.');
  const roots: InputRoot[] = [];
  const found = new Map<string, number>(); // absolute → size
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    const kind = await statKind(absolute);
    let root: InputRoot;
    let files: { absolute: string; size: number }[];
    if (kind === 'directory') {
      root = { absolute, kind };
      // Any case: a folder's `A.TXT` left out would be a quietly smaller corpus.
      files = await globFiles([`${escapeGlobPath(absolute)}/${ARTICLE_PATTERN}`], cwd, { caseSensitive: false });
    } else if (kind === 'file') {
      root = { absolute: dirname(absolute), kind };
      files = [{ absolute, size: (await stat(absolute)).size }];
    } else if (isGlobPattern(input)) {
      root = { absolute: resolve(cwd, globBase(input)), kind: 'glob' };
      files = await globFiles([input.replaceAll('\\', '/')], cwd);
    } else {
      throw new NewsdedupError('E_NO_INPUT', `Cannot read \`${input}\`: no such file or directory.`);
    }
    if (files.length === 0) {
      throw new NewsdedupError('E_NO_INPUT', `Input \`${input}\` matches no ${kind === 'directory' ? 'article or records ' : ''}file.`);
    }
    for (const file of files) {
      // Only a compressed name can be refused (`.parquet.gz`); most names are `.txt`, and need no look.
      if (!COMPRESSED.test(file.absolute)) continue;
      const format = formatOfName(file.absolute);
      if (!format.ok && format.reason === 'refused') throw new NewsdedupError('E_USAGE', `Cannot read ${format.message}`);
    }
    roots.push(root);
    for (const file of files) if (!found.has(file.absolute)) found.set(file.absolute, file.size);
  }

  const distinctRoots = [...new Set(roots.map((root) => root.absolute))];
  const base = fixedBase ?? (distinctRoots.length === 1 ? (distinctRoots[0] ?? cwd) : commonAncestor(distinctRoots));
  const files = [...found]
    .map(([absolute, size]) => ({ absolute, path: relative(base, absolute).split(sep).join('/'), size }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // With an index, paths from its folder name the articles: an input outside it has no such name.
  const outside = fixedBase === undefined ? undefined : files.find((file) => file.path.startsWith('../') || isAbsolute(file.path));
  if (outside !== undefined) {
    throw new NewsdedupError('E_USAGE', `Input \`${outside.absolute}\` is outside \`${base}\`, the folder whose paths name articles with this index: keep the index in the corpus's folder, or, for PostgreSQL, run from the corpus's root.`);
  }
  return { files, roots, base };
}

async function statKind(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** The static part of a glob: its path segments before the first one with glob syntax. */
function globBase(pattern: string): string {
  const segments = pattern.replaceAll('\\', '/').split('/');
  const fixed: string[] = [];
  for (const segment of segments) {
    // An absolute pattern's first segment is empty: a root, never a pattern.
    if (segment !== '' && isGlobPattern(segment)) break;
    fixed.push(segment);
  }
  const base = fixed.join('/');
  if (base === '') return segments[0] === '' ? '/' : '.';
  return base;
}

function commonAncestor(paths: readonly string[]): string {
  const split = paths.map((path) => path.split(sep));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < length && parts[i] === first[i]) i += 1;
    length = i;
  }
  const joined = first.slice(0, length).join(sep);
  return joined === '' ? sep : joined;
}

/** True when `inner` is `outer` or lies inside it. */
export function isInside(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}
