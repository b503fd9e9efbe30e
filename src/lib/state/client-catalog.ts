/**
 * The numbers-only copy of the catalog that calculator islands ship to the browser.
 *
 * The full catalog carries a source URL, notes and benchmarks on every row; the sizing engine
 * needs none of them (pages render them on the server). `compactCatalog` drops them; the build
 * serves its output as a virtual module (src/build/client-catalog-plugin.ts), so it is never out of date.
 * How old a price is depends on the build's reference date, which only the build knows: it hands
 * `compactCatalog` a test, and a price row it finds old carries `stale: true` (one boolean, rather
 * than the date arithmetic, goes to the browser).
 */
import type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry } from '../catalog/types.ts';

/** The full catalog tables, as `src/lib/catalog/index.ts` exports them. */
export interface CatalogTablesIn {
  models: readonly ModelEntry[];
  hardware: readonly HardwareEntry[];
  quants: readonly QuantEntry[];
  apiPrices: readonly ApiPriceEntry[];
  qualityLoss: readonly QualityEntry[];
}

/** Fields dropped from each table: provenance and prose, rendered on the server instead. */
const DROP = {
  models: ['vendor', 'hfRepo', 'licence', 'source', 'notes', 'benchmarks', 'releaseDate'],
  hardware: ['source', 'specSeen', 'priceSeen', 'priceSource', 'priceNote', 'notes', 'releaseDate'],
  quants: ['description', 'source'],
  // Price and quality rows are cited next to each number; the URL itself goes in a footnote the server
  // renders under the calculator, and the row keeps only the footnote's number (see citedSources).
  apiPrices: ['note', 'source'],
  qualityLoss: ['note', 'source'],
} as const;

/** String fields the types require but the client copy leaves out; filled with '' on expansion. */
const BLANK = {
  models: { vendor: '', hfRepo: '', licence: '', source: '', releaseDate: '' },
  hardware: { source: '', specSeen: '', releaseDate: '' },
  quants: { description: '', source: '' },
} as const;

/** Id prefix of the footnotes that cite a price or quality row's source on a calculator's page. */
export const SOURCE_NOTE_ID = 'catalog-source-';

/**
 * The distinct source URLs of the price and quality tables, in order of first appearance (prices
 * first). A row's position in this list is its footnote number: the compact rows carry that number
 * as `sourceNote`, the server renders the URLs under the calculator (SourceNotes.astro), and in the
 * browser a row's `source` becomes the link to its footnote.
 */
export function citedSources(full: Pick<CatalogTablesIn, 'apiPrices' | 'qualityLoss'>): string[] {
  return [...new Set([...full.apiPrices, ...full.qualityLoss].map((r) => r.source))];
}

type Row = Record<string, unknown>;

/** Rows stripped as `strip` does, each with `sourceNote`: its source's position in `sources`. */
function cited(rows: readonly { source: string }[], drop: readonly string[], sources: readonly string[]): Row[] {
  return strip(rows, drop).map((r, i) => ({ ...r, sourceNote: sources.indexOf(rows[i]!.source) }));
}

function strip(rows: readonly object[], drop: readonly string[]): Row[] {
  return rows.map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) if (!drop.includes(k) && v !== undefined) out[k] = v;
    return out;
  });
}

/** The catalog without provenance strings. Core tables go to every calculator. */
export interface CompactCore { models: Row[]; hardware: Row[]; quants: Row[] }
/** Tables only the cost and quantization calculators need. */
export interface CompactExtra { apiPrices: Row[]; qualityLoss: Row[] }

/**
 * Drops provenance and prose fields from every table (see DROP). With `isOld` (the build's
 * staleness test at its reference date), each API price row seen too long ago gets `stale: true`.
 */
export function compactCatalog(full: CatalogTablesIn, isOld?: (seen: string) => boolean): { core: CompactCore; extra: CompactExtra } {
  const sources = citedSources(full);
  const apiPrices = cited(full.apiPrices, DROP.apiPrices, sources);
  if (isOld) apiPrices.forEach((r, i) => { if (isOld(full.apiPrices[i]!.seen)) r['stale'] = true; });
  return {
    core: {
      models: strip(full.models, DROP.models),
      hardware: strip(full.hardware, DROP.hardware),
      quants: strip(full.quants, DROP.quants),
    },
    extra: {
      apiPrices,
      qualityLoss: cited(full.qualityLoss, DROP.qualityLoss, sources),
    },
  };
}

/** Core catalog tables typed again from a compact copy: dropped required strings become ''. */
export interface ExpandedCore { models: ModelEntry[]; hardware: HardwareEntry[]; quants: QuantEntry[] }
/** An API price row in the browser: `stale` when it was seen too long before the build's reference date. */
export type ClientApiPrice = ApiPriceEntry & { stale?: true };
/** Price and quality rows typed again from a compact copy. */
export interface ExpandedExtra { apiPrices: ClientApiPrice[]; qualityLoss: QualityEntry[] }

/** Re-types compact core tables as catalog rows, with '' for the dropped required strings. */
export function expandCore(c: CompactCore): ExpandedCore {
  return {
    models: c.models.map((r) => ({ ...BLANK.models, ...r }) as unknown as ModelEntry),
    hardware: c.hardware.map((r) => ({ ...BLANK.hardware, ...r }) as unknown as HardwareEntry),
    quants: c.quants.map((r) => ({ ...BLANK.quants, ...r }) as unknown as QuantEntry),
  };
}

/**
 * Re-types compact price and quality tables as catalog rows. Each row's `source` is the in-page link
 * to its footnote (`#catalog-source-3`), which the calculators render where they cite the row.
 */
export function expandExtra(c: CompactExtra): ExpandedExtra {
  const withLink = (r: Row) => ({ ...r, source: `#${SOURCE_NOTE_ID}${String(r['sourceNote'])}` });
  return {
    apiPrices: c.apiPrices.map((r) => withLink(r) as unknown as ClientApiPrice),
    qualityLoss: c.qualityLoss.map((r) => withLink(r) as unknown as QualityEntry),
  };
}
