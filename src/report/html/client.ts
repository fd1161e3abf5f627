/// <reference lib="dom" />
/**
 * The HTML report's script. `client` is inlined into the page as its source text
 * (`client.toString()`), so it must stand alone: no imports at run time and nothing from the
 * module's scope. Type imports are erased. It reads the page model from the JSON in
 * `#newsdedup-data` and builds every section with `textContent`, never with HTML strings, so no
 * article text can inject markup.
 */
import type { PageBlock, PageModel } from './model.js';

export function client(): void {
  const data = JSON.parse(document.getElementById('newsdedup-data')?.textContent ?? '{}') as PageModel;
  const ARTICLES_PER_PAGE = 100;
  const BLOCKS_PER_PAGE = 20;

  type Child = Node | string | null | undefined | false;
  function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | number | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false) continue;
      if (name === 'class') element.className = String(value);
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
    return element;
  }
  const keep = (...children: Child[]): (Node | string)[] => children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false);
  const replace = (host: HTMLElement, ...children: Child[]): void => host.replaceChildren(...keep(...children));
  const section = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
  const number = (value: number): string => value.toLocaleString('en');
  const pct = (part: number, whole: number): string => (whole === 0 ? '0' : ((100 * part) / whole).toFixed(1));
  const pathOf = (index: number): string => {
    const article = data.articles[index];
    return article === undefined ? '?' : article.title === undefined ? article.path : `${article.path} — ${article.title}`;
  };

  /** A stacked bar of unique, shared and chrome words, with its numbers in its title. */
  function bar(unique: number, shared: number, chrome: number): HTMLElement {
    const words = unique + shared + chrome;
    const part = (kind: string, value: number) => el('span', { class: `part ${kind}`, style: `width:${words === 0 ? 0 : (100 * value) / words}%` });
    const title = `unique ${number(unique)} (${pct(unique, words)}%), shared ${number(shared)} (${pct(shared, words)}%), chrome ${number(chrome)} (${pct(chrome, words)}%)`;
    return el('span', { class: 'bar', title, role: 'img', 'aria-label': title }, part('unique', unique), part('shared', shared), part('chrome', chrome));
  }

  /** A pager: previous, "page k of n", next. */
  function pager(page: number, pages: number, go: (page: number) => void, label: string): HTMLElement {
    const previous = el('button', { type: 'button', disabled: page === 0 }, 'Previous');
    const next = el('button', { type: 'button', disabled: page >= pages - 1 }, 'Next');
    previous.addEventListener('click', () => go(page - 1));
    next.addEventListener('click', () => go(page + 1));
    return el('nav', { class: 'pager', 'aria-label': label }, previous, el('span', {}, `Page ${page + 1} of ${pages}`), next);
  }

  // Totals.
  {
    const t = data.totals;
    const card = (name: string, value: string, detail?: string) => el('div', { class: 'card' }, el('div', { class: 'card-value' }, value), el('div', { class: 'card-name' }, name), detail === undefined ? null : el('div', { class: 'card-detail' }, detail));
    section('totals-cards').append(
      card('articles', number(t.articles)),
      card('words', number(t.words)),
      card('unique', `${pct(t.uniqueWords, t.words)}%`, `${number(t.uniqueWords)} words`),
      card('shared', `${t.sharedPct.toFixed(1)}%`, `${number(t.sharedWords)} words`),
      card('chrome', `${pct(t.chromeWords, t.words)}%`, `${number(t.chromeWords)} words`),
      card('blocks', number(t.blocks)),
      card('pairs sharing a block', number(t.pairs)),
    );
    section('totals-bar').append(bar(t.uniqueWords, t.sharedWords, t.chromeWords));
  }

  // Per-article bars, sortable and paged.
  {
    const columns = [
      { key: 'path', name: 'Article', value: (i: number) => pathOf(i) },
      { key: 'words', name: 'Words', value: (i: number) => data.articles[i]?.words ?? 0 },
      { key: 'unique', name: 'Unique', value: (i: number) => data.articles[i]?.unique ?? 0 },
      { key: 'shared', name: 'Shared', value: (i: number) => data.articles[i]?.shared ?? 0 },
      { key: 'chrome', name: 'Chrome', value: (i: number) => data.articles[i]?.chrome ?? 0 },
      { key: 'pct', name: 'Shared %', value: (i: number) => data.articles[i]?.pct ?? 0 },
    ] as const;
    let sortKey: (typeof columns)[number]['key'] = 'pct';
    let descending = true;
    let page = 0;
    const host = section('articles-table');
    if (data.limits.articlesShown < data.limits.articlesOf) {
      section('articles-note').textContent = `This page holds the ${number(data.limits.articlesShown)} articles with the most shared words, of ${number(data.limits.articlesOf)}; report.json holds them all.`;
    }
    const readable = new Set(data.reader.map((entry) => entry.article));
    const filter = document.getElementById('articles-filter') as HTMLInputElement;
    const count = section('articles-count');
    filter.addEventListener('input', () => {
      page = 0;
      render();
    });
    const render = () => {
      const column = columns.find((candidate) => candidate.key === sortKey) ?? columns[0];
      const query = filter.value.trim().toLowerCase();
      const order = data.articles.map((_, index) => index).filter((index) => query === '' || pathOf(index).toLowerCase().includes(query));
      count.textContent = query === '' ? '' : `${number(order.length)} of ${number(data.articles.length)} articles match.`;
      order.sort((a, b) => {
        const x = column.value(a);
        const y = column.value(b);
        const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return (descending ? -compared : compared) || a - b;
      });
      const pages = Math.max(1, Math.ceil(order.length / ARTICLES_PER_PAGE));
      page = Math.min(page, pages - 1);
      const head = el(
        'tr',
        {},
        ...columns.map((candidate) => {
          const button = el('button', { type: 'button', class: 'sort' }, candidate.name);
          button.addEventListener('click', () => {
            descending = candidate.key === sortKey ? !descending : candidate.key !== 'path';
            sortKey = candidate.key;
            render();
            host.querySelector<HTMLButtonElement>(`th[data-key="${candidate.key}"] button`)?.focus();
          });
          const sorted = candidate.key === sortKey ? (descending ? 'descending' : 'ascending') : 'none';
          return el('th', { scope: 'col', 'data-key': candidate.key, 'aria-sort': sorted, class: candidate.key === 'path' ? '' : 'num' }, button);
        }),
      );
      head.insertBefore(el('th', { scope: 'col' }, 'Unique / shared / chrome'), head.children[1] ?? null);
      const rows = order.slice(page * ARTICLES_PER_PAGE, (page + 1) * ARTICLES_PER_PAGE).map((index) => {
        const article = data.articles[index]!;
        const name = readable.has(index) ? el('a', { href: '#reader', 'data-read': index }, pathOf(index)) : el('span', {}, pathOf(index));
        return el(
          'tr',
          {},
          el('th', { scope: 'row', class: 'path' }, name),
          el('td', { class: 'bar-cell' }, bar(article.unique, article.shared, article.chrome)),
          el('td', { class: 'num' }, number(article.words)),
          el('td', { class: 'num' }, number(article.unique)),
          el('td', { class: 'num' }, number(article.shared)),
          el('td', { class: 'num' }, number(article.chrome)),
          el('td', { class: 'num' }, article.pct.toFixed(1)),
        );
      });
      replace(
        host,
        el('table', { class: 'articles' }, el('caption', { class: 'visually-hidden' }, 'Articles with their unique, shared and chrome words; the column buttons sort.'), el('thead', {}, head), el('tbody', {}, ...rows)),
        pages > 1
          ? pager(page, pages, (next) => {
              page = next;
              render();
            }, 'Article pages')
          : null,
      );
    };
    render();
  }

  // Heatmap of pairs.
  {
    const host = section('heatmap-grid');
    const detail = section('pair-detail');
    const ids = data.heatmap;
    const value = new Map<string, number>();
    for (const [a, b, aInB, bInA] of data.pairs) {
      value.set(`${a},${b}`, aInB);
      value.set(`${b},${a}`, bInA);
    }
    const complete = data.limits.pairsListed >= data.limits.pairsTotal;
    const note = section('heatmap-note');
    const notes: string[] = [];
    if (data.limits.heatmapShown < data.limits.heatmapOf) notes.push(`The heatmap shows the ${data.limits.heatmapShown} articles that overlap most, of ${number(data.limits.heatmapOf)}.`);
    if (!complete) notes.push(`The report lists the ${number(data.limits.pairsListed)} pairs that share most, of ${number(data.limits.pairsTotal)}; a cell marked · is a pair not listed.`);
    note.textContent = notes.join(' ');
    if (ids.length === 0) {
      host.textContent = 'No articles.';
    } else {
      const colour = (v: number): { css: string; dark: boolean } => {
        // A single-hue sequential ramp (light to dark blue), readable with any colour vision.
        const stops = [[247, 251, 255], [198, 219, 239], [107, 174, 214], [33, 113, 181], [8, 48, 107]] as const;
        const position = (Math.max(0, Math.min(100, v)) / 100) * (stops.length - 1);
        const low = stops[Math.floor(position)]!;
        const high = stops[Math.ceil(position)]!;
        const f = position - Math.floor(position);
        const rgb = low.map((c, i) => Math.round(c + (high[i]! - c) * f));
        // Relative luminance (WCAG): white text on the dark end, black on the rest, whichever contrasts more.
        const linear = rgb.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
        const luminance = 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
        return { css: `rgb(${rgb.join(',')})`, dark: luminance < 0.179 };
      };
      const head = el('tr', {}, el('td', {}), ...ids.map((id, column) => el('th', { scope: 'col', title: pathOf(id) }, String(column + 1))));
      const rows = ids.map((a, row) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', title: pathOf(a) }, el('span', { class: 'row-number' }, `${row + 1} `), pathOf(a)),
          ...ids.map((b) => {
            if (a === b) return el('td', { class: 'self' }, el('span', { 'aria-label': 'the article itself' }, '—'));
            const v = value.get(`${a},${b}`);
            // The accessible name starts with the number shown, so that what is seen is what is read out.
            const shown = v !== undefined ? String(Math.round(v)) : complete ? '' : '·';
            const label = v !== undefined ? `${shown}: ${v}% of ${pathOf(a)} stands in ${pathOf(b)}` : complete ? `${pathOf(a)} and ${pathOf(b)} share nothing` : `${pathOf(a)} and ${pathOf(b)}: not among the listed pairs`;
            const button = el('button', { type: 'button', class: 'cell', tabindex: -1, 'data-a': a, 'data-b': b, 'data-value': v ?? '', 'aria-label': label, title: label }, shown);
            if (v !== undefined) {
              const background = colour(v);
              button.style.background = background.css;
              button.style.color = background.dark ? '#fff' : '#000';
            }
            return el('td', {}, button);
          }),
        ),
      );
      const table = el('table', { class: 'heatmap', role: 'grid', 'aria-label': 'Pairs of articles: the row article’s share of words that stand in the column article' }, el('thead', {}, head), el('tbody', {}, ...rows));
      host.replaceChildren(table);
      const cells = [...table.querySelectorAll<HTMLButtonElement>('button.cell')];
      const size = ids.length;
      // Roving focus: one cell is in the tab order; arrow keys, Home and End move between cells.
      const grid: (HTMLButtonElement | undefined)[][] = ids.map(() => new Array<HTMLButtonElement | undefined>(size));
      for (const cell of cells) grid[ids.indexOf(Number(cell.dataset['a']))]![ids.indexOf(Number(cell.dataset['b']))] = cell;
      if (cells[0] !== undefined) cells[0].tabIndex = 0;
      const focusCell = (row: number, column: number) => {
        const target = grid[row]?.[column] ?? grid[row]?.[column + (column + 1 < size ? 1 : -1)];
        if (target === undefined) return;
        for (const cell of cells) cell.tabIndex = -1;
        target.tabIndex = 0;
        target.focus();
      };
      table.addEventListener('keydown', (event) => {
        const cell = event.target as HTMLElement;
        if (!cell.classList.contains('cell')) return;
        const row = ids.indexOf(Number(cell.dataset['a']));
        const column = ids.indexOf(Number(cell.dataset['b']));
        const moves: Record<string, [number, number]> = { ArrowUp: [row - 1, column], ArrowDown: [row + 1, column], ArrowLeft: [row, column - 1], ArrowRight: [row, column + 1], Home: [row, 0], End: [row, size - 1] };
        const move = moves[event.key];
        if (move === undefined) return;
        event.preventDefault();
        focusCell(Math.max(0, Math.min(size - 1, move[0])), Math.max(0, Math.min(size - 1, move[1])));
      });
      table.addEventListener('click', (event) => {
        const cell = (event.target as HTMLElement).closest<HTMLButtonElement>('button.cell');
        if (cell === null) return;
        for (const other of cells) other.setAttribute('aria-pressed', String(other === cell));
        showPair(Number(cell.dataset['a']), Number(cell.dataset['b']));
      });
    }
    function showPair(a: number, b: number) {
      const inB = value.get(`${a},${b}`);
      const inA = value.get(`${b},${a}`);
      const theirs = new Set(data.articles[b]?.blocks ?? []);
      const shared = [...new Set(data.articles[a]?.blocks ?? [])].filter((block) => theirs.has(block));
      const figures =
        inB === undefined
          ? complete
            ? 'They share no block.'
            : 'This pair is not among the listed pairs.'
          : `${inB}% of ${pathOf(a)}’s words stand in ${pathOf(b)}, and ${inA ?? 0}% of ${pathOf(b)}’s stand in ${pathOf(a)}.`;
      replace(
        detail,
        el('h3', {}, `${pathOf(a)} and ${pathOf(b)}`),
        el('p', {}, figures),
        shared.length === 0
          ? null
          : el('p', {}, `They share ${shared.length} block${shared.length === 1 ? '' : 's'}:`),
        shared.length === 0 ? null : el('ul', { class: 'pair-blocks' }, ...shared.map((block) => el('li', {}, blockLink(block), ` · ${number(data.blocks[block]?.words ?? 0)} words`))),
      );
    }
  }

  function blockLink(index: number): HTMLElement {
    const block = data.blocks[index];
    return el('a', { href: `#block-${block?.id ?? ''}`, 'data-block': index }, `“${block?.label ?? '?'}”`);
  }

  // Blocks ranked by reach, paged, each with its variants as a word-level diff.
  let showBlock: (index: number) => void = () => undefined;
  {
    const host = section('blocks-list');
    const filter = document.getElementById('blocks-filter') as HTMLInputElement;
    const count = section('blocks-count');
    let page = 0;
    let shown: number[] = data.blocks.map((_, index) => index);
    const pagesOf = () => Math.max(1, Math.ceil(shown.length / BLOCKS_PER_PAGE));
    const applyFilter = () => {
      const query = filter.value.trim().toLowerCase();
      shown = data.blocks.map((_, index) => index).filter((index) => {
        const block = data.blocks[index]!;
        return query === '' || block.id.includes(query) || block.label.toLowerCase().includes(query) || (block.text ?? '').toLowerCase().includes(query);
      });
      count.textContent = query === '' ? '' : `${number(shown.length)} of ${number(data.blocks.length)} blocks match.`;
    };
    filter.addEventListener('input', () => {
      applyFilter();
      page = 0;
      render();
    });
    const diff = (pieces: readonly (readonly [number, string])[]) =>
      el('span', { class: 'diff' }, ...pieces.map(([op, text]) => (op === 1 ? el('ins', {}, text) : op === -1 ? el('del', {}, text) : text)));
    const renderBlock = (block: PageBlock, index: number) =>
      el(
        'article',
        { class: 'block', id: `block-${block.id}`, tabindex: -1 },
        el('h3', {}, el('span', { class: 'rank' }, `${index + 1}. `), block.label),
        el(
          'p',
          { class: 'meta' },
          `${block.id} · in ${number(block.holders)} articles · ${number(block.words)} words · ${block.sentences} sentence${block.sentences === 1 ? '' : 's'} · reach ${number(block.reach)} · ${block.variants} wording${block.variants === 1 ? '' : 's'}${block.variants > 1 ? ` · lowest Dice ${block.minSimilarity}` : ''}`,
          block.since === undefined ? '' : el('span', { class: `since ${block.since}` }, block.since === 'new' ? ' · new since the index' : ' · archive block'),
        ),
        block.text === undefined ? el('p', { class: 'note' }, 'Its text is left out: the page holds the texts of the blocks of widest reach only.') : el('blockquote', { class: 'canonical' }, block.text),
        block.variantSentences === undefined || block.variantSentences.length === 0
          ? null
          : el(
              'div',
              { class: 'variants' },
              el('h4', {}, 'Variants, against the canonical wording (inserted words underlined, deleted words struck through)'),
              ...block.variantSentences.map((sentence) =>
                el(
                  'div',
                  { class: 'variant' },
                  el('p', { class: 'variant-head' }, `Sentence ${sentence.position + 1}`),
                  ...sentence.wordings.map((wording) => el('p', {}, el('span', { class: 'variant-where' }, `in ${wording.articles.map(pathOf).join(', ')}: `), diff(wording.diff))),
                ),
              ),
            ),
        block.headings === undefined || block.headings.length === 0
          ? null
          : el('div', { class: 'variants' }, el('h4', {}, 'Other headings'), el('ul', {}, ...block.headings.map((heading) => el('li', {}, `in ${pathOf(heading.article)}: ${heading.text}`)))),
        el('details', { class: 'holders' }, el('summary', {}, block.articles.length === block.holders ? `The ${number(block.holders)} articles` : `${number(block.articles.length)} of its ${number(block.holders)} articles (those on this page)`), el('ul', {}, ...block.articles.map((article, position) => el('li', {}, pathOf(article), position === 0 && block.articles.length === block.holders ? ' (canonical wording)' : '')))),
      );
    const render = () => {
      const start = page * BLOCKS_PER_PAGE;
      const pages = pagesOf();
      replace(
        host,
        data.blocks.length === 0 ? el('p', {}, 'No text is shared across articles.') : null,
        el('ol', { class: 'blocks' }, ...shown.slice(start, start + BLOCKS_PER_PAGE).map((index) => el('li', {}, renderBlock(data.blocks[index]!, index)))),
        pages > 1
          ? pager(page, pages, (next) => {
              page = next;
              render();
              host.querySelector<HTMLElement>('article.block')?.focus();
            }, 'Block pages')
          : null,
      );
    };
    render();
    const withText = data.limits.blockTextsShown;
    if (withText < data.blocks.length) section('blocks-note').textContent = `The page holds the texts of the ${number(withText)} blocks of widest reach, of ${number(data.blocks.length)}; the filter finds the others by label or id.`;
    showBlock = (index: number) => {
      if (!shown.includes(index)) {
        filter.value = '';
        applyFilter();
      }
      page = Math.floor(shown.indexOf(index) / BLOCKS_PER_PAGE);
      render();
      const target = document.getElementById(`block-${data.blocks[index]?.id ?? ''}`);
      target?.scrollIntoView();
      target?.focus();
    };
  }

  // The reader: one article at a time, shared spans folded, chrome struck through.
  let showArticle: (index: number) => void = () => undefined;
  {
    const host = section('reader-text');
    const choose = document.getElementById('reader-article') as HTMLSelectElement;
    for (const entry of data.reader) choose.append(el('option', { value: entry.article }, pathOf(entry.article)));
    if (data.limits.readerShown < data.limits.articlesOf) {
      section('reader-note').textContent = `The reader holds ${number(data.limits.readerShown)} of ${number(data.limits.articlesOf)} articles, in path order, to keep this page small.`;
    }
    const articleText = (entry: PageModel['reader'][number]): HTMLElement => {
      const parts: Child[] = [];
      let at = 0;
      for (const [kind, block, start, end] of entry.spans) {
        if (start > at) parts.push(entry.text.slice(at, start));
        const text = entry.text.slice(start, end);
        if (kind === 1) {
          parts.push(el('s', { class: 'chrome', title: 'site chrome, removed' }, text));
        } else {
          const info = data.blocks[block];
          const words = info?.words ?? 0;
          const summary = el('summary', {}, `Shared block ${info === undefined ? '' : `“${info.label}”`} · ${number(words)} words · in ${number(info?.holders ?? 0)} articles`);
          const fold = el('details', { class: 'fold', 'data-block': block }, summary, el('span', { class: 'folded' }, text), info === undefined ? null : el('span', { class: 'fold-link' }, ' ', el('a', { href: `#block-${info.id}`, 'data-block': block }, 'see the block')));
          parts.push(fold);
        }
        at = end;
      }
      if (at < entry.text.length) parts.push(entry.text.slice(at));
      return el('div', { class: 'article-text' }, ...parts);
    };
    const render = (index: number) => {
      const entry = data.reader.find((candidate) => candidate.article === index);
      if (entry === undefined) {
        host.replaceChildren(el('p', {}, 'This article’s text is not in the page.'));
        return;
      }
      choose.value = String(index);
      host.replaceChildren(articleText(entry));
    };
    // A short corpus can be read, and printed, whole.
    const ALL = 'all';
    if (data.reader.length > 1 && data.reader.length <= 100) choose.prepend(el('option', { value: ALL }, `All ${data.reader.length} articles, one after another`));
    const renderAll = () => {
      choose.value = ALL;
      host.replaceChildren(...data.reader.map((entry) => el('article', { class: 'reader-article' }, el('h3', {}, pathOf(entry.article)), articleText(entry))));
    };
    choose.addEventListener('change', () => (choose.value === ALL ? renderAll() : render(Number(choose.value))));
    const step = (by: number) => {
      if (choose.value === ALL) return;
      const position = data.reader.findIndex((entry) => entry.article === Number(choose.value));
      const next = data.reader[Math.max(0, Math.min(data.reader.length - 1, position + by))];
      if (next !== undefined) render(next.article);
    };
    document.getElementById('reader-previous')?.addEventListener('click', () => step(-1));
    document.getElementById('reader-next')?.addEventListener('click', () => step(1));
    const first = data.reader.find((entry) => entry.spans.some((span) => span[0] === 0)) ?? data.reader[0];
    if (first === undefined) host.replaceChildren(el('p', {}, 'No article text is in the page.'));
    else render(first.article);
    showArticle = (index: number) => {
      render(index);
      document.getElementById('reader')?.scrollIntoView();
      choose.focus();
    };
  }

  // Problems.
  if (data.problems.length > 0) {
    const host = section('problems');
    host.hidden = false;
    host.append(el('ul', {}, ...data.problems.map((problem) => el('li', {}, el('code', {}, problem.code), ` ${problem.message}`))));
  }

  // Links to a block or an article go through the pagers and the reader.
  document.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLElement>('[data-block], [data-read]');
    if (link === null || link.tagName !== 'A') return;
    event.preventDefault();
    if (link.dataset['block'] !== undefined) showBlock(Number(link.dataset['block']));
    else showArticle(Number(link.dataset['read']));
  });
}
