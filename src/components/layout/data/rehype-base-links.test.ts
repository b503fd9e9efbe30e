import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks, withBase } from './rehype-base-links.ts';

describe('withBase', () => {
  it('prefixes a root-absolute guide link with the sub-path', () => {
    expect(withBase('/guides/speed/', '/kb/')).toBe('/kb/guides/speed/');
  });
  it('keeps a glossary anchor after prefixing', () => {
    expect(withBase('/glossary/#gqa', '/kb/')).toBe('/kb/glossary/#gqa');
  });
  it('leaves external, protocol-relative, relative and fragment links alone', () => {
    for (const url of ['https://example.org/x', '//cdn.example/x', '../x/', '#sources', 'mailto:a@b.c']) {
      expect(withBase(url, '/kb/')).toBe(url);
    }
  });
  it('does not prefix a link twice', () => {
    expect(withBase('/kb/guides/speed/', '/kb/')).toBe('/kb/guides/speed/');
  });
  it('changes nothing at the root base', () => {
    expect(withBase('/guides/speed/', '/')).toBe('/guides/speed/');
  });
});

describe('rehypeBaseLinks', () => {
  it('rewrites Markdown links, images and literal JSX hrefs in MDX', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', properties: { href: '/models/llama-3.1-70b/' }, children: [] },
        { type: 'element', properties: { src: '/img/x.svg' } },
        { type: 'mdxJsxTextElement', attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '/hardware/rtx-3090/' }] },
        { type: 'mdxJsxFlowElement', attributes: [{ type: 'mdxJsxAttribute', name: 'title', value: '/not-a-link' }] },
      ],
    };
    rehypeBaseLinks({ base: '/kb/' })(tree);
    expect(tree.children[0]!.properties!['href']).toBe('/kb/models/llama-3.1-70b/');
    expect(tree.children[1]!.properties!['src']).toBe('/kb/img/x.svg');
    expect(tree.children[2]!.attributes![0]!.value).toBe('/kb/hardware/rtx-3090/');
    expect(tree.children[3]!.attributes![0]!.value).toBe('/not-a-link');
  });
});
