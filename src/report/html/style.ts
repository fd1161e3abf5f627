/**
 * The HTML report's style sheet. Colours are Okabe–Ito (unique blue, shared orange) and a hatched
 * grey for chrome, so the three parts differ by more than hue; the heatmap is a single-hue ramp.
 */
export const STYLE = `
:root { --unique: #0072b2; --shared: #e69f00; --chrome: #8c8c8c; --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --focus: #000; --ins: #cfe3f5; --del: #f6dcc0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: .75rem 0 .25rem; }
h4 { font-size: .95rem; margin: .75rem 0 .25rem; }
nav.toc { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .5rem 0 0; }
a { color: #005a8e; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button { font: inherit; cursor: pointer; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.note { color: var(--muted); font-style: italic; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: .5rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.card-value { font-size: 1.35rem; font-weight: 600; }
.card-name { color: var(--muted); }
.card-detail { font-size: .85rem; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; margin: .5rem 0; }
.swatch { display: inline-block; width: 1em; height: 1em; vertical-align: -.15em; margin-right: .3em; border: 1px solid #0003; }
.bar { display: flex; width: 100%; min-width: 120px; height: 1.1em; border: 1px solid #0003; background: #fff; }
#totals-bar .bar { height: 1.6em; margin-top: .5rem; }
.part { display: block; height: 100%; }
.part.unique, .swatch.unique { background: var(--unique); }
.part.shared, .swatch.shared { background: var(--shared); }
.part.chrome, .swatch.chrome { background: repeating-linear-gradient(45deg, var(--chrome) 0 3px, #fff 3px 5px); }
table { border-collapse: collapse; }
table.articles { width: 100%; }
table.articles th, table.articles td { padding: .2rem .4rem; border-bottom: 1px solid var(--line); text-align: left; }
table.articles .num { text-align: right; font-variant-numeric: tabular-nums; }
table.articles th.path { font-weight: normal; max-width: 22rem; overflow-wrap: anywhere; }
table.articles .bar-cell { width: 30%; }
button.sort { border: 0; background: none; font-weight: 600; padding: 0; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
.pager { margin: .5rem 0; }
.filter input { font: inherit; width: 16rem; max-width: 100%; }
.pager span { margin: 0 .75rem; }
.heatmap-wrap { overflow: auto; max-height: 80vh; border: 1px solid var(--line); }
table.heatmap { font-size: .8rem; }
table.heatmap th { font-weight: normal; padding: 0 .3rem; white-space: nowrap; }
table.heatmap thead th { position: sticky; top: 0; background: #fff; }
table.heatmap tbody th { text-align: left; max-width: 16rem; overflow: hidden; text-overflow: ellipsis; position: sticky; left: 0; background: #fff; }
table.heatmap td { padding: 0; }
button.cell { width: 2.3rem; height: 1.7rem; border: 1px solid #fff; background: #fafafa; font-size: .75rem; font-variant-numeric: tabular-nums; }
button.cell[aria-pressed="true"] { outline: 3px solid var(--focus); outline-offset: -3px; }
td.self { text-align: center; color: var(--muted); }
.ramp { display: inline-block; width: 10rem; height: .9em; vertical-align: -.1em; background: linear-gradient(90deg, #f7fbff, #c6dbef, #6baed6, #2171b5, #08306b); border: 1px solid #0003; }
#pair-detail { min-height: 2rem; }
ol.blocks { list-style: none; padding: 0; }
article.block { border: 1px solid var(--line); border-radius: 6px; padding: .25rem 1rem .75rem; margin: .75rem 0; }
.meta { color: var(--muted); font-size: .85rem; margin: 0; }
.since.new { color: var(--accent, #b35900); font-weight: 600; }
blockquote.canonical { white-space: pre-wrap; margin: .5rem 0; padding: .5rem .75rem; border-left: 4px solid var(--shared); background: #fdf6ea; }
.variant p { margin: .2rem 0 .2rem 1rem; }
.variant-head { font-weight: 600; margin-left: 0 !important; }
.variant-where { color: var(--muted); }
ins { background: var(--ins); text-decoration: underline; text-decoration-thickness: 2px; }
del { background: var(--del); text-decoration: line-through; }
.reader-controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.reader-controls select { max-width: 100%; font: inherit; }
.reader-article h3 { margin-top: 1.25rem; }
.article-text { white-space: pre-wrap; border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin-top: .5rem; max-width: 75ch; }
details.fold { display: block; margin: .35rem 0; border-left: 4px solid var(--shared); background: #fdf6ea; border-radius: 0 4px 4px 0; }
details.fold > summary { cursor: pointer; padding: .15rem .5rem; font-weight: 600; white-space: normal; }
details.fold[open] > .folded { display: block; padding: .25rem .5rem; }
.fold-link { display: block; padding: 0 .5rem .25rem; font-size: .85rem; }
details.fold:not([open]) > .fold-link { display: none; }
s.chrome { color: var(--muted); text-decoration-thickness: 2px; }
code { font-size: .9em; }
footer { max-width: 1200px; margin: 2rem auto; padding: 0 1.25rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 700px) { table.articles .bar-cell { display: none; } }
@media print {
  body { font-size: 10pt; }
  nav, .pager, .filter, .reader-controls button, button.sort::after { display: none !important; }
  .heatmap-wrap { max-height: none; overflow: visible; border: 0; }
  article.block, .card { break-inside: avoid; }
  h2 { break-after: avoid; }
  .part, .swatch, button.cell, .ramp, ins, del { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;
