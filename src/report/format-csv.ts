import type { Report } from '../types.js';

const COLUMNS = ['path', 'words', 'uniqueWords', 'sharedWords', 'sharedPct', 'chromeWords', 'blocks'] as const;
/** Columns of a record's metadata: present only when some article has them. */
const METADATA = ['id', 'title', 'date', 'source', 'duplicateOf'] as const;

/** One CSV row per article (RFC 4180 quoting); `blocks` holds the block ids separated by spaces. */
export function formatCsv(report: Report): string {
  const metadata = METADATA.filter((column) => report.articles.some((article) => article[column] !== undefined));
  const rows = report.articles.map((article) =>
    [
      ...COLUMNS.map((column) => {
        const value = article[column];
        return quote(Array.isArray(value) ? value.join(' ') : String(value));
      }),
      ...metadata.map((column) => quote(article[column] ?? '')),
    ].join(','),
  );
  return [[...COLUMNS, ...metadata].join(','), ...rows].join('\r\n') + '\r\n';
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
