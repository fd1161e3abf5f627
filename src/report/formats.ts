import type { Report } from '../types.js';
import { formatCsv } from './format-csv.js';
import { formatJson } from './format-json.js';
import { formatMarkdown } from './format-markdown.js';
import { formatTable } from './format-table.js';

/** Every report format, keyed by the name `--format` takes. */
export const FORMATS = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
  md: formatMarkdown,
} as const satisfies Record<string, (report: Report) => string>;

/** A name `--format` accepts. */
export type FormatName = keyof typeof FORMATS;

/** True when `name` is a key of the format registry `registry`. */
export function isKeyOf<T extends object>(registry: T, name: string): name is Extract<keyof T, string> {
  return Object.hasOwn(registry, name);
}

/** True when `name` is a known format. */
export function isFormatName(name: string): name is FormatName {
  return isKeyOf(FORMATS, name);
}

/** Renders a report in the named format. */
export function formatReport(report: Report, format: FormatName): string {
  return FORMATS[format](report);
}
