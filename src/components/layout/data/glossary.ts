/** Glossary entries prepared for the glossary page: sorted, with related terms and guides resolved. */

export interface TermInput { id: string; data: { id: string; term: string; definition: string; related?: string[] | undefined; guide?: string | undefined } }
export interface TermView {
  id: string; term: string; definition: string;
  related: { id: string; term: string }[];
  guide: { id: string; title: string } | null;
}

/**
 * Sorts terms alphabetically (case-insensitive) and resolves `related` ids and the `guide` slug.
 * A related id or guide slug that does not exist is dropped rather than rendered as a broken link.
 */
export function glossaryView(entries: TermInput[], guideTitles: Map<string, string>): TermView[] {
  const byId = new Map(entries.map((e) => [e.data.id, e.data.term]));
  return entries
    .map((e) => {
      const guideTitle = e.data.guide ? guideTitles.get(e.data.guide) : undefined;
      return {
        id: e.data.id,
        term: e.data.term,
        definition: e.data.definition,
        related: (e.data.related ?? []).filter((r) => byId.has(r)).map((r) => ({ id: r, term: byId.get(r) ?? r })),
        guide: e.data.guide && guideTitle ? { id: e.data.guide, title: guideTitle } : null,
      };
    })
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}
