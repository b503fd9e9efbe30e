import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor, type RehypePlugins } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { rehypeDeferOffscreen } from './rehype-defer-offscreen.ts';

const page = [
  'Intro with [a link](/x/).',
  '## One',
  'Text $h$ and more.',
  '- a\n- b',
  '| n |\n| - |\n| 1 |',
  'after the table',
  '### A subsection',
  'under it',
  '## Two',
  'last',
].join('\n\n');

async function render(markdown: string, path = '/site/src/content/pages/long.md', deferred = true): Promise<string> {
  const rehypePlugins: RehypePlugins = [[rehypeKatex, { output: 'htmlAndMathml' }]];
  if (deferred) rehypePlugins.push([rehypeDeferOffscreen, { files: /\/long\.md$/ }]);
  const processor = await createMarkdownProcessor({ syntaxHighlight: false, remarkPlugins: [remarkMath], rehypePlugins });
  return (await processor.render(markdown, { fileURL: new URL(`file://${path}`) })).code;
}

const wrapper = /<div class="defer" style="contain-intrinsic-size:auto \d+px">/g;

describe('rehypeDeferOffscreen', () => {
  it('wraps the runs of blocks after each h2, keeping headings, tables and the intro outside, and loses nothing', async () => {
    const out = await render(page);
    expect(out.replace(wrapper, '').replace(/<\/div>/g, '')).toBe(await render(page, undefined, false));
    expect(out.match(wrapper)).toHaveLength(4);
    expect(out).toMatch(/^<p>Intro with <a href="\/x\/">a link<\/a>.<\/p>\n<h2 id="one">One<\/h2><div class="defer"[^>]*>\n<p>Text <span class="katex">/);
    expect(out).toMatch(/<\/ul>\n<\/div><table>/);
    expect(out).toMatch(/<\/table><div class="defer"[^>]*>\n<p>after the table<\/p>\n<\/div><h3 id="a-subsection">A subsection<\/h3><div class="defer"/);
    expect(out).toMatch(/<h2 id="two">Two<\/h2><div class="defer"[^>]*>\n<p>last<\/p><\/div>$/);
  });

  it('estimates a height from the text a reader sees, not from the MathML copy of a formula', async () => {
    const heights = (markdown: string): Promise<number[]> => render(markdown).then((html) => [...html.matchAll(/auto (\d+)px/g)].map((m) => Number(m[1])));
    expect(await heights(`## A\n\n${'word '.repeat(200)}`)).toEqual([Math.ceil(999 / 36) * 27 + 16]);
    // 120 characters a reader sees: four lines; the formula's MathML copy would make it five.
    expect(await heights(`## A\n\n${'w'.repeat(100)} $a+b+c+d+e+f+g+h+i+j$`)).toEqual([4 * 27 + 16]);
  });

  it('leaves a page without h2 headings, and every other document, as it is', async () => {
    expect(await render('a\n\n### b\n\nc')).toBe(await render('a\n\n### b\n\nc', undefined, false));
    expect(await render(page, '/site/src/content/guides/other.mdx')).toBe(await render(page, undefined, false));
  });
});
