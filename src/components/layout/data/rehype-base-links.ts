/**
 * A rehype plugin that prefixes root-absolute links in Markdown and MDX with the site's base path,
 * so guides can link to `/guides/x/` and still work when the site is served under `/kb/`.
 * Handles hast elements (Markdown links and images) and MDX JSX elements with a literal
 * `href`/`src` (`<a href="/x/">` written in MDX). Protocol-relative (`//host`), relative,
 * fragment-only and already-prefixed links are left alone.
 */

interface Node {
  type: string;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

/** Prefixes one URL with `base` ('/kb/') when it is root-absolute and not already prefixed. */
export function withBase(value: unknown, base: string): unknown {
  if (typeof value !== 'string' || base === '/') return value;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith(base)) return value;
  return base + value.slice(1);
}

/** The plugin: `[rehypeBaseLinks, { base: '/kb/' }]`. A base of '/' leaves the tree unchanged. */
export function rehypeBaseLinks(options: { base: string }): (tree: Node) => void {
  const { base } = options;
  const visit = (node: Node): void => {
    if (node.type === 'element' && node.properties) {
      for (const key of ['href', 'src']) {
        if (key in node.properties) node.properties[key] = withBase(node.properties[key], base);
      }
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
      for (const attr of node.attributes) {
        if (attr.type === 'mdxJsxAttribute' && (attr.name === 'href' || attr.name === 'src')) attr.value = withBase(attr.value, base);
      }
    }
    node.children?.forEach(visit);
  };
  return (tree) => visit(tree);
}
