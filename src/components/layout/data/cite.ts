/**
 * Numbering of footnote-style citations. A guide's sources are numbered in front-matter order,
 * so the [n] in the text and the nth entry of the sources list always agree.
 */
export interface CiteSource { id: string; title: string; url: string }
export interface CiteContext { page: string; sources: CiteSource[] }

/**
 * The number (1-based) and source for a citation id on the current page.
 * Throws an Error naming the page and the id when the id is not among the page's sources,
 * or when the component is used outside a page that provides sources, so the build fails loudly.
 */
export function citeNumber(ctx: CiteContext | undefined, id: string): { n: number; source: CiteSource } {
  if (!ctx) throw new Error(`<Cite id="${id}"/> used on a page without a sources list (only guides have one).`);
  const i = ctx.sources.findIndex((s) => s.id === id);
  const source = ctx.sources[i];
  if (i < 0 || !source) {
    const known = ctx.sources.map((s) => s.id).join(', ');
    throw new Error(`${ctx.page}: <Cite id="${id}"/> names no source in its front matter (known ids: ${known}).`);
  }
  return { n: i + 1, source };
}
