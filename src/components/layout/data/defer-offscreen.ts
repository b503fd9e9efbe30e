/**
 * Lets the browser skip the rendering work of long prose until the reader scrolls near it.
 *
 * A long rendered Markdown page (the methodology: KaTeX formulas, lists, tables) costs a phone
 * a lot of style and layout work while it loads, almost all of it for text far below the screen.
 * `deferOffscreen` wraps each run of blocks that follows an `<h2>` in `<div class="defer">`, which
 * the stylesheet gives `content-visibility: auto`: the content stays in the document (readable by
 * assistive technology, found by find-in-page and search, printed), and the browser lays it out and
 * paints it when it comes near the viewport. Headings stay outside the wrappers (the table of
 * contents observes them); so do tables, which may need to scroll sideways (site.ts makes a
 * scrolling table focusable once it is laid out), and the text before the first `<h2>`, which is
 * on screen at load. Each wrapper carries an estimate of its height so the scrollbar is about right
 * before it is rendered; once rendered, the browser remembers the real height.
 */

/** Elements without a closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Splits an HTML fragment into its top-level nodes (elements with their content, or text between them). */
export function topLevelNodes(html: string): string[] {
  const out: string[] = [];
  const tag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  let depth = 0;
  let start = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[0].startsWith('<!--')) continue;
    const [, closing, rawName = '', selfClosing] = m;
    const name = rawName.toLowerCase();
    if (closing) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        out.push(html.slice(start, tag.lastIndex));
        start = tag.lastIndex;
      }
    } else if (!selfClosing && !VOID.has(name)) {
      if (depth === 0 && m.index > start) {
        out.push(html.slice(start, m.index));
        start = m.index;
      }
      depth++;
    } else if (depth === 0) {
      if (m.index > start) out.push(html.slice(start, m.index));
      out.push(m[0]);
      start = tag.lastIndex;
    }
  }
  if (start < html.length) out.push(html.slice(start));
  return out;
}

/** A rough height in pixels of some blocks on a phone (about 36 characters a line), for the placeholder. */
export function estimatedHeight(blocks: readonly string[]): number {
  let px = 0;
  for (const b of blocks) {
    const text = b.replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    px += Math.ceil(text.length / 36) * 27 + 16;
  }
  return Math.max(100, Math.round(px));
}

/** Wraps the blocks after each `<h2>` (except headings and tables) in a `div.defer` (see the module comment). */
export function deferOffscreen(html: string): string {
  const nodes = topLevelNodes(html);
  const out: string[] = [];
  let run: string[] = [];
  let seenH2 = false;
  const flush = (): void => {
    if (!run.length) return;
    if (run.some((n) => n.trim())) out.push(`<div class="defer" style="contain-intrinsic-size:auto ${estimatedHeight(run)}px">${run.join('')}</div>`);
    else out.push(...run);
    run = [];
  };
  for (const node of nodes) {
    const name = /^<([a-zA-Z][\w-]*)/.exec(node)?.[1]?.toLowerCase();
    if (name === 'h2') seenH2 = true;
    if (!seenH2 || name === 'h2' || name === 'h3' || name === 'table') {
      flush();
      out.push(node);
    } else {
      run.push(node);
    }
  }
  flush();
  return out.join('');
}
