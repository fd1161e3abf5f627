import type { Report } from '../types.js';

const COLUMNS = ['path', 'words', 'uniqueWords', 'sharedWords', 'sharedPct', 'chromeWords', 'blocks'] as const;

/** One CSV row per article (RFC 4180 quoting); `blocks` holds the block ids separated by spaces. */
export function formatCsv(report: Report): string {
  const rows = report.articles.map((article) =>
    COLUMNS.map((column) => {
      const value = article[column];
      return quote(Array.isArray(value) ? value.join(' ') : String(value));
    }).join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
