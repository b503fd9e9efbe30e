import { describe, expect, it } from 'vitest';
import { apiPrices, hardware, models, qualityLoss, quants } from '../catalog/index.ts';
import { SOURCE_NOTE_ID, citedSources, compactCatalog, expandCore, expandExtra } from './client-catalog.ts';
import { clientCatalogModule } from '../../build/client-catalog-plugin.ts';

const full = { models, hardware, quants, apiPrices, qualityLoss };

describe('client catalog', () => {
  it('is served to the islands as modules made from the catalog when the site is built', async () => {
    const served = async (part: 'core' | 'extra') => ((await import(`data:text/javascript,${encodeURIComponent(clientCatalogModule(part))}`)) as { default: unknown }).default;
    const { core, extra } = compactCatalog(full);
    expect(await served('core')).toEqual(core);
    expect(await served('extra')).toEqual(extra);
  });
  it('drops every source URL and note from every table but keeps every number', () => {
    const { core, extra } = compactCatalog(full);
    expect(JSON.stringify(core)).not.toContain('https://');
    expect(JSON.stringify(extra)).not.toContain('https://');
    expect(extra.apiPrices.some((r) => 'note' in r)).toBe(false);
    expect(core.models.some((r) => 'source' in r || 'benchmarks' in r)).toBe(false);
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
