import { parse } from 'yaml';

/** A Markdown file's front matter, split from its body. */
export interface FrontMatter {
  /** The front matter's fields; empty when there is none or it is not a YAML mapping. */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Where the body starts in the text: 0 when there is no front matter. */
  readonly bodyStart: number;
  /** Why the front matter could not be read as YAML, when it could not. */
  readonly error: string | undefined;
}

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Splits YAML front matter (`---` on the first line, up to a line `---` or `...`) from a Markdown
 * text. The front matter is metadata, not text: the body starts at `bodyStart`, so offsets into the
 * body plus `bodyStart` are offsets into the whole text.
 */
export function splitFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (opening === null) return { metadata: {}, bodyStart: 0, error: undefined };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (closing === null) return { metadata: {}, bodyStart: 0, error: undefined };
  const yamlText = rest.slice(0, closing.index);
  const bodyStart = opening[0].length + closing.index + closing[0].length;
  try {
    const value: unknown = parse(yamlText);
    const metadata = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    return { metadata, bodyStart, error: undefined };
  } catch (error) {
    return { metadata: {}, bodyStart, error: (error as Error).message.split('\n')[0] ?? 'not valid YAML' };
  }
}

/** The warning for a Markdown file whose front matter is not YAML (`W_FRONT_MATTER`): its body is read, its fields are not. */
export function frontMatterMessage(path: string, error: string): string {
  return `\`${path}\`: its front matter is not valid YAML (${error.replace(/:\s*$/, '')}); its fields are not read.`;
}
