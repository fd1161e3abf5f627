import type { Report } from '../types.js';

/** The report as pretty-printed JSON, ending in a newline. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
