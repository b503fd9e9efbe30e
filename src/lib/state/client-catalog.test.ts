import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiPrices, hardware, models, qualityLoss, quants } from '../catalog/index.ts';
import { SOURCE_NOTE_ID, citedSources, compactCatalog, expandCore, expandExtra, renderClientCatalogModules } from './client-catalog.ts';

const full = { models, hardware, quants, apiPrices, qualityLoss };
const path = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const read = (f: string) => {
  try {
    return readFileSync(path(f), 'utf8');
  } catch {
    return '';
  }
};

describe('client catalog', () => {
  it('matches the catalog it was generated from (UPDATE_CLIENT_CATALOG=1 regenerates it)', () => {
    const expected = renderClientCatalogModules(compactCatalog(full));
    if (process.env.UPDATE_CLIENT_CATALOG) {
      writeFileSync(path('./client-catalog.data.ts'), expected.core);
      writeFileSync(path('./client-catalog-extra.data.ts'), expected.extra);
    }
    const stale = 'the client catalog is out of date: run UPDATE_CLIENT_CATALOG=1 npx vitest run src/lib/state/client-catalog';
    expect(read('./client-catalog.data.ts') === expected.core, stale).toBe(true);
    expect(read('./client-catalog-extra.data.ts') === expected.extra, stale).toBe(true);
  });
  it('drops every source URL and note from every table but keeps every number', () => {
    const { core, extra } = compactCatalog(full);
    expect(JSON.stringify(core)).not.toContain('https://');
    expect(JSON.stringify(extra)).not.toContain('https://');
    expect(extra.apiPrices.k).not.toContain('note');
    expect(core.models.k).not.toContain('source');
    expect(core.models.k).not.toContain('benchmarks');
  });
  it('expands back into rows with the same numeric and architecture fields', () => {
    const c = compactCatalog(full);
    const e = expandCore(c.core);
    expect(e.models.map((m) => [m.id, m.layers, m.kvHeads, m.headDim, m.moe, m.mla, m.attentionLayout])).toEqual(models.map((m) => [m.id, m.layers, m.kvHeads, m.headDim, m.moe, m.mla, m.attentionLayout]));
    expect(e.hardware.map((h) => [h.id, h.memoryGiB, h.bandwidthGBs, h.fp16Tflops, h.priceUsd, h.memoryOptionsGiB])).toEqual(hardware.map((h) => [h.id, h.memoryGiB, h.bandwidthGBs, h.fp16Tflops, h.priceUsd, h.memoryOptionsGiB]));
    expect(e.quants.map((q) => q.qualityRank)).toEqual(quants.map((q) => q.qualityRank));
    expect(e.models.every((m) => m.source === '')).toBe(true);
    const x = expandExtra(c.extra);
    expect(x.apiPrices.map((p) => [p.id, p.inputUsdPerMTok, p.outputUsdPerMTok, p.seen])).toEqual(apiPrices.map((p) => [p.id, p.inputUsdPerMTok, p.outputUsdPerMTok, p.seen]));
    expect(x.qualityLoss.map((q) => [q.quant, q.model, q.meanKld, q.pplDeltaPct])).toEqual(qualityLoss.map((q) => [q.quant, q.model, q.meanKld, q.pplDeltaPct]));
  });
  it('links every price and quality row to the footnote that carries its own source URL', () => {
    const sources = citedSources(full);
    const x = expandExtra(compactCatalog(full).extra);
    const noteUrl = (link: string) => sources[Number(link.slice(`#${SOURCE_NOTE_ID}`.length))];
    expect(x.apiPrices.map((p) => noteUrl(p.source))).toEqual(apiPrices.map((p) => p.source));
    expect(x.qualityLoss.map((q) => noteUrl(q.source))).toEqual(qualityLoss.map((q) => q.source));
    expect(new Set(sources).size).toBe(sources.length);
  });
});
