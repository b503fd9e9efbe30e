import { describe, expect, it } from 'vitest';
import { deferOffscreen, topLevelNodes } from './defer-offscreen.ts';

const page = [
  '<p>Intro with <a href="/x/">a link</a>.</p>',
  '<h2 id="one">One</h2>',
  '<p>Text <span class="katex"><span class="katex-mathml"><math><mi>h</mi></math></span><span class="katex-html"><svg><path d="M0 0"/></svg></span></span><br>more.</p>',
  '\n<ul>\n<li>a <img src="/a.png" alt="a"></li>\n<li>b</li>\n</ul>',
  '<table><tr><td>1</td></tr></table>',
  '<p>after the table</p>',
  '<!-- a comment with <p> inside -->',
  '<h2 id="two">Two</h2>',
  '<p>last</p>',
].join('');

describe('deferOffscreen', () => {
  it('splits a fragment into its top-level nodes and loses nothing', () => {
    const nodes = topLevelNodes(page);
    expect(nodes.join('')).toBe(page);
    expect(nodes.filter((n) => n.startsWith('<h2'))).toHaveLength(2);
    expect(nodes.find((n) => n.startsWith('<ul'))).toContain('</ul>');
  });

  it('wraps the runs of blocks after each h2, keeping headings, tables and the intro outside', () => {
    const out = deferOffscreen(page);
    expect(out.replace(/<div class="defer"[^>]*>|<\/div>/g, '')).toBe(page);
    expect(out.match(/<div class="defer"/g)).toHaveLength(3);
    expect(out).toMatch(/^<p>Intro with/);
    expect(out).toMatch(/<h2 id="one">One<\/h2><div class="defer" style="contain-intrinsic-size:auto \d+px"><p>Text/);
    expect(out).toMatch(/<\/ul><\/div><table>/);
    expect(out).toMatch(/<\/table><div class="defer"[^>]*><p>after the table<\/p><!--/);
    expect(out).toMatch(/<h2 id="two">Two<\/h2><div class="defer"[^>]*><p>last<\/p><\/div>$/);
  });

  it('leaves a page without h2 headings as it is', () => {
    expect(deferOffscreen('<p>a</p><p>b</p>')).toBe('<p>a</p><p>b</p>');
  });
});
