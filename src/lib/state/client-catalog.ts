/**
 * The numbers-only copy of the catalog that calculator islands ship to the browser.
 *
 * The full catalog carries a source URL, notes and benchmarks on every row; the sizing engine
 * needs none of them, and shipping them would cost more than the 35 KB gzipped page budget
 * allows. `compactCatalog` drops those provenance strings (pages render them on the server);
 * `client-catalog.data.ts` holds its output, and client-catalog.test.ts fails when the data
 * file drifts from the catalog (run it with UPDATE_CLIENT_CATALOG=1 to regenerate).
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

/**
 * A table stored column-wise: `k` the field names, `r` one array of values per row (null where a
 * row lacks the field). About 10% smaller than row objects once gzipped.
 */
export interface ColumnTable { k: string[]; r: unknown[][] }

function columns(rows: Row[]): ColumnTable {
  const k = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { k, r: rows.map((row) => k.map((key) => (row[key] === undefined ? null : row[key]))) };
}

function rowsOf(t: ColumnTable): Row[] {
  return t.r.map((vals) => {
    const row: Row = {};
    t.k.forEach((key, i) => {
      const v = vals[i];
      if (v !== null && v !== undefined) row[key] = v;
    });
    return row;
  });
}

/** The catalog without provenance strings, column-wise. Core tables go to every calculator page. */
export interface CompactCore { models: ColumnTable; hardware: ColumnTable; quants: ColumnTable }
/** Tables only the cost and quantization calculators need. */
export interface CompactExtra { apiPrices: ColumnTable; qualityLoss: ColumnTable }

/** Drops provenance and prose fields from every table (see DROP) and stores them column-wise. */
export function compactCatalog(full: CatalogTablesIn): { core: CompactCore; extra: CompactExtra } {
  const sources = citedSources(full);
  return {
    core: {
      models: columns(strip(full.models, DROP.models)),
      hardware: columns(strip(full.hardware, DROP.hardware)),
      quants: columns(strip(full.quants, DROP.quants)),
    },
    extra: {
      apiPrices: columns(cited(full.apiPrices, DROP.apiPrices, sources)),
      qualityLoss: columns(cited(full.qualityLoss, DROP.qualityLoss, sources)),
    },
  };
}

/** Core catalog tables typed again from a compact copy: dropped required strings become ''. */
export interface ExpandedCore { models: ModelEntry[]; hardware: HardwareEntry[]; quants: QuantEntry[] }
/** Price and quality rows typed again from a compact copy. */
export interface ExpandedExtra { apiPrices: ApiPriceEntry[]; qualityLoss: QualityEntry[] }

/** Re-types compact core tables as catalog rows, with '' for the dropped required strings. */
export function expandCore(c: CompactCore): ExpandedCore {
  return {
    models: rowsOf(c.models).map((r) => ({ ...BLANK.models, ...r }) as unknown as ModelEntry),
    hardware: rowsOf(c.hardware).map((r) => ({ ...BLANK.hardware, ...r }) as unknown as HardwareEntry),
    quants: rowsOf(c.quants).map((r) => ({ ...BLANK.quants, ...r }) as unknown as QuantEntry),
  };
}

/**
 * Re-types compact price and quality tables as catalog rows. Each row's `source` is the in-page link
 * to its footnote (`#catalog-source-3`), which the calculators render where they cite the row.
 */
export function expandExtra(c: CompactExtra): ExpandedExtra {
  const withLink = (r: Row) => ({ ...r, source: `#${SOURCE_NOTE_ID}${String(r['sourceNote'])}` });
  return {
    apiPrices: rowsOf(c.apiPrices).map((r) => withLink(r) as unknown as ApiPriceEntry),
    qualityLoss: rowsOf(c.qualityLoss).map((r) => withLink(r) as unknown as QualityEntry),
  };
}

/** The TypeScript sources of the two data files for a compact catalog. */
export function renderClientCatalogModules(c: { core: CompactCore; extra: CompactExtra }): { core: string; extra: string } {
  const head = `// GENERATED from src/lib/catalog by src/lib/state/client-catalog.test.ts (UPDATE_CLIENT_CATALOG=1). Do not edit.
// Numbers only: sources and notes render on the server. See client-catalog.ts.
`;
  return {
    core: `${head}import type { CompactCore } from './client-catalog.ts';\n\nexport const compactCore: CompactCore = ${JSON.stringify(c.core)};\n`,
    extra: `${head}import type { CompactExtra } from './client-catalog.ts';\n\nexport const compactExtra: CompactExtra = ${JSON.stringify(c.extra)};\n`,
  };
}
