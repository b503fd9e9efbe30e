/**
 * A rehype plugin that lets the browser skip the rendering work of long prose until the reader
 * scrolls near it.
 *
 * A long rendered Markdown page (the methodology: KaTeX formulas, lists, tables) costs a phone
 * a lot of style and layout work while it loads, almost all of it for text far below the screen.
 * The plugin wraps each run of blocks that follows an `<h2>` in `<div class="defer">`, which the
 * stylesheet gives `content-visibility: auto`: the content stays in the document (readable by
 * assistive technology, found by find-in-page and search, printed), and the browser lays it out and
 * paints it when it comes near the viewport. Headings stay outside the wrappers (the table of
 * contents observes them); so do tables, which may need to scroll sideways (site.ts makes a
 * scrolling table focusable once it is laid out), and the text before the first `<h2>`, which is
 * on screen at load. Each wrapper carries an estimate of its height so the scrollbar is about right
 * before it is rendered; once rendered, the browser remembers the real height.
 */
import type { Element, Root, RootContent } from 'hast';

/** The text a reader sees in a node: KaTeX's MathML copy (for screen readers) is not shown. */
function visibleText(node: RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const classes = node.properties['className'];
  if (Array.isArray(classes) && classes.includes('katex-mathml')) return '';
  return node.children.map(visibleText).join('');
}

/** A rough height in pixels of some blocks on a phone (about 36 characters a line), for the placeholder. */
export function estimatedHeight(blocks: readonly RootContent[]): number {
  let px = 0;
  for (const block of blocks) {
    const text = visibleText(block).replace(/\s+/g, ' ').trim();
    if (text) px += Math.ceil(text.length / 36) * 27 + 16;
  }
  return Math.max(100, Math.round(px));
}

const isBlank = (node: RootContent): boolean => node.type === 'text' && node.value.trim() === '';

/**
 * The plugin: `[rehypeDeferOffscreen, { files: /methodology\.md$/ }]` wraps the blocks after each
 * `<h2>` (except headings and tables) of the documents whose path matches `files`.
 */
export function rehypeDeferOffscreen(options: { files: RegExp }): (tree: Root, file: { path?: string }) => void {
  return (tree, file) => {
    if (!options.files.test(file.path ?? '')) return;
    const out: RootContent[] = [];
    let run: RootContent[] = [];
    let seenH2 = false;
    const flush = (): void => {
      if (run.some((node) => !isBlank(node))) {
        const wrapper: Element = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['defer'], style: `contain-intrinsic-size:auto ${estimatedHeight(run)}px` },
          children: run as Element['children'],
        };
        out.push(wrapper);
      } else {
        out.push(...run);
      }
      run = [];
    };
    for (const node of tree.children) {
      const name = node.type === 'element' ? node.tagName : undefined;
      if (name === 'h2') seenH2 = true;
      if (!seenH2 || name === 'h2' || name === 'h3' || name === 'table') {
        flush();
        out.push(node);
      } else {
        run.push(node);
      }
    }
    flush();
    tree.children = out;
  };
}
