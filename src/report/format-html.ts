/**
 * `--format html`: one self-contained page. Its data, style and script are inlined; a Content
 * Security Policy forbids every fetch, so the page opens offline and can make no request.
 */
import { client } from './html/client.js';
import type { HtmlInput } from './html/model.js';
import { pageModel } from './html/model.js';
import { STYLE } from './html/style.js';
import { TABLE_ROWS, indexLine } from './format-table.js';
import type { BySource } from './group-by-source.js';
import { counted } from '../lib/plural.js';

export type { HtmlInput, PageLimits, PageModel } from './html/model.js';
export { DEFAULT_PAGE_LIMITS, pageArticles } from './html/model.js';

const POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The HTML report: totals, per-article bars, a heatmap of pairs, blocks with their variants, and a reader. */
export function formatHtml(input: HtmlInput & { readonly bySource?: BySource | undefined }): string {
  const model = pageModel(input);
  const grouped = input.bySource === undefined ? '' : bySourceSection(input.bySource);
  // JSON inside <script> must not close the element or open a comment: `<` is written as \u003c.
  const json = JSON.stringify(model).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsdedup report: ${counted(model.totals.articles, 'article')}, ${model.totals.sharedPct.toFixed(1)}% shared</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>newsdedup report</h1>
<nav class="toc" aria-label="Sections"><a href="#totals">Totals</a><a href="#articles">Articles</a><a href="#heatmap">Pairs</a><a href="#blocks">Blocks</a><a href="#reader">Reader</a></nav>
</header>
<main>
<noscript><p>This report builds its sections with JavaScript; turn it on to see them. The same figures are in <code>report.json</code>.</p></noscript>
<section id="totals" aria-labelledby="totals-title">
<h2 id="totals-title">Totals</h2>
<div id="totals-cards" class="cards"></div>
<div id="totals-bar"></div>${model.index === undefined ? '' : `\n<p class="note">${escapeHtml(indexLine(model.index))}</p>`}
<p class="legend"><span><span class="swatch unique"></span>unique: the article’s own words</span><span><span class="swatch shared"></span>shared: text that stands, verbatim or lightly edited, in another article</span><span><span class="swatch chrome"></span>chrome: site furniture removed</span></p>
</section>
<section id="articles" aria-labelledby="articles-title">
<h2 id="articles-title">Articles</h2>
<p>Each bar splits an article’s words into unique, shared and chrome; hover on it for the numbers, which the columns also give. The column names sort the table.</p>
<p id="articles-note" class="note"></p>
<p class="filter"><label for="articles-filter">Filter by path</label> <input id="articles-filter" type="search" autocomplete="off"> <span id="articles-count" aria-live="polite"></span></p>
<div id="articles-table"></div>
</section>
<section id="heatmap" aria-labelledby="heatmap-title">
<h2 id="heatmap-title">Pairs of articles</h2>
<p>A cell is the share of the <em>row</em> article’s words that stand in the <em>column</em> article (<code>aInB</code>), from 0 <span class="ramp" aria-hidden="true"></span> to 100%. Choose a cell to list the blocks the two share; arrow keys move between cells.</p>
<p id="heatmap-note" class="note"></p>
<div class="heatmap-wrap" id="heatmap-grid"></div>
<div id="pair-detail" aria-live="polite"></div>
</section>
<section id="blocks" aria-labelledby="blocks-title">
<h2 id="blocks-title">Blocks, by reach</h2>
<p>Reach is articles × words. Each block shows its canonical wording (the earliest article’s) and every other wording as a word-level diff against it.</p>
<p id="blocks-note" class="note"></p>
<p class="filter"><label for="blocks-filter">Filter by words, label or id</label> <input id="blocks-filter" type="search" autocomplete="off"> <span id="blocks-count" aria-live="polite"></span></p>
<div id="blocks-list"></div>
</section>
<section id="reader" aria-labelledby="reader-title">
<h2 id="reader-title">Reader</h2>
<p>Each article as it was, with shared blocks folded into a bar that opens on a click (or Enter) and chrome struck through.</p>
<p id="reader-note" class="note"></p>
<div class="reader-controls"><label for="reader-article">Article</label> <select id="reader-article"></select> <button type="button" id="reader-previous">Previous</button> <button type="button" id="reader-next">Next</button></div>
<div id="reader-text"></div>
</section>
${grouped}<section id="problems" aria-labelledby="problems-title" hidden>
<h2 id="problems-title">Problems</h2>
</section>
</main>
<footer>Made by newsdedup with similarity ${model.settings.similarity} and blocks of at least ${model.settings.minBlockWords} words. This page makes no network request.</footer>
<script type="application/json" id="newsdedup-data">${json}</script>
<script>(${client.toString()})();</script>
</body>
</html>
`;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
}

/**
 * `--group-by source`: shared % per source, and the blocks that stand in more than one source, at
 * most {@link TABLE_ROWS} rows of each, as the table format shows them. Static: no script needed.
 */
function bySourceSection(grouped: BySource): string {
  const sources = grouped.sources.slice(0, TABLE_ROWS);
  const blocks = grouped.sharedAcross.slice(0, TABLE_ROWS);
  const rows = sources
    .map((s) => `<tr><th scope="row">${escapeHtml(s.source)}</th><td class="num">${s.articles}</td><td class="num">${s.words}</td><td class="num">${s.sharedWords}</td><td class="num">${s.sharedPct.toFixed(1)}</td><td class="num">${s.chromeWords}</td><td class="num">${s.duplicates}</td></tr>`)
    .join('\n');
  const across = blocks
    .map((b) => `<tr><th scope="row"><code>${escapeHtml(b.block)}</code></th><td class="num">${b.words}</td><td>${escapeHtml(b.sources.map((s) => `${s.source} (${s.articles})`).join(', '))}</td><td>${escapeHtml(b.label)}</td></tr>`)
    .join('\n');
  return `<section id="by-source" aria-labelledby="by-source-title">
<h2 id="by-source-title">By source</h2>
${sources.length < grouped.sources.length ? `<p>The ${sources.length} of ${grouped.sources.length} sources with most words; every one is in <code>--format json</code>.</p>\n` : ''}<table><thead><tr><th scope="col">Source</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Words</th><th scope="col" class="num">Shared</th><th scope="col" class="num">Shared %</th><th scope="col" class="num">Chrome</th><th scope="col" class="num">Duplicates</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<h3>Blocks shared across sources</h3>
${blocks.length < grouped.sharedAcross.length ? `<p>The ${blocks.length} of ${grouped.sharedAcross.length} in most sources; every one is in <code>--format json</code>.</p>\n` : ''}${across === '' ? '<p>No block stands in more than one source.</p>' : `<table><thead><tr><th scope="col">Block</th><th scope="col" class="num">Words</th><th scope="col">Sources (articles)</th><th scope="col">Label</th></tr></thead>
<tbody>
${across}
</tbody></table>`}
</section>
`;
}
