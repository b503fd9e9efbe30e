/**
 * Every source cited on the site, for /sources/: the guides' front-matter sources and the URL on
 * every catalog row (model configs and benchmarks, hardware specs and prices, formats, API prices,
 * quality measurements), grouped and de-duplicated by URL within each group.
 */
import type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry } from '../../../lib/catalog/types.ts';

export interface SourceRow { url: string; title: string; grade?: string; usedBy: { label: string; path?: string }[] }
export interface SourceGroup { id: string; title: string; rows: SourceRow[] }
export interface GuideSources { id: string; title: string; sources: { id: string; title: string; url: string; grade: string }[] }

/** Host and path of a URL, shortened, as a readable title for rows that have none. */
function urlTitle(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.length > 60 ? `${u.pathname.slice(0, 57)}…` : u.pathname;
    return `${u.hostname}${path === '/' ? '' : path}`;
  } catch {
    return url;
  }
}

/** Groups rows by URL, merging their "used by" lists; keeps first-seen order. */
function collect(items: { url: string | undefined; title?: string; grade?: string; label: string; path?: string }[]): SourceRow[] {
  const byUrl = new Map<string, SourceRow>();
  for (const it of items) {
    if (!it.url) continue;
    let row = byUrl.get(it.url);
    if (!row) {
      row = { url: it.url, title: it.title ?? urlTitle(it.url), usedBy: [] };
      if (it.grade) row.grade = it.grade;
      byUrl.set(it.url, row);
    }
    if (!row.usedBy.some((u) => u.label === it.label)) row.usedBy.push(it.path ? { label: it.label, path: it.path } : { label: it.label });
  }
  return [...byUrl.values()];
}

/** Builds the source groups shown on /sources/; empty groups are omitted. */
export function sourceGroups(input: {
  guides: GuideSources[]; models: ModelEntry[]; hardware: HardwareEntry[];
  quants: QuantEntry[]; apiPrices: ApiPriceEntry[]; quality: QualityEntry[];
}): SourceGroup[] {
  const groups: SourceGroup[] = [
    {
      id: 'guides', title: 'Cited in the guides',
      rows: collect(input.guides.flatMap((g) => g.sources.map((s) => ({ url: s.url, title: s.title, grade: s.grade, label: g.title, path: `/guides/${g.id}/` })))),
    },
    {
      id: 'models', title: 'Model architectures',
      rows: collect(input.models.map((m) => ({ url: m.source, label: m.name, path: `/models/${m.id}/` }))),
    },
    {
      id: 'benchmarks', title: 'Benchmark scores',
      rows: collect(input.models.flatMap((m) => (m.benchmarks ?? []).map((b) => ({ url: b.source, label: `${m.name}: ${b.name}`, path: `/models/${m.id}/` })))),
    },
    {
      id: 'hardware', title: 'Hardware specifications',
      rows: collect(input.hardware.map((h) => ({ url: h.source, label: h.name, path: `/hardware/${h.id}/` }))),
    },
    {
      id: 'prices', title: 'Hardware prices',
      rows: collect(input.hardware.map((h) => ({ url: h.priceSource, label: h.name, path: `/hardware/${h.id}/` }))),
    },
    { id: 'formats', title: 'Weight formats', rows: collect(input.quants.map((q) => ({ url: q.source, label: q.name }))) },
    { id: 'api-prices', title: 'API prices', rows: collect(input.apiPrices.map((p) => ({ url: p.source, label: `${p.provider}: ${p.model}` }))) },
    { id: 'quality', title: 'Quality-loss measurements', rows: collect(input.quality.map((q) => ({ url: q.source, label: `${q.quant} on ${q.model}` }))) },
  ];
  return groups.filter((g) => g.rows.length > 0);
}
