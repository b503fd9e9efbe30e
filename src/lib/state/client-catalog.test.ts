import { describe, expect, it } from 'vitest';
import { apiPrices, hardware, models, qualityLoss, quants } from '../catalog/index.ts';
import { SOURCE_NOTE_ID, citedSources, compactCatalog, expandCore, expandExtra } from './client-catalog.ts';
import { clientCatalogModule } from '../../build/client-catalog-plugin.ts';
import { REFERENCE_DATE } from '../../build/reference-date.ts';
import { isStale } from '../freshness.ts';

const full = { models, hardware, quants, apiPrices, qualityLoss };

describe('client catalog', () => {
  it('is served to the islands as modules made from the catalog when the site is built', async () => {
    const served = async (part: 'core' | 'extra') => ((await import(`data:text/javascript,${encodeURIComponent(clientCatalogModule(part))}`)) as { default: unknown }).default;
    const { core, extra } = compactCatalog(full, (seen) => isStale(seen, REFERENCE_DATE));
    expect(await served('core')).toEqual(core);
    expect(await served('extra')).toEqual(extra);
  });
  it('carries each device\'s backends, usual first', () => {
    const e = expandCore(compactCatalog(full).core);
    expect(e.hardware.map((h) => [h.id, h.backends])).toEqual(hardware.map((h) => [h.id, h.backends]));
  });
  it('marks the price rows seen more than six months before the build\'s reference date, and no others', async () => {
    const served = async (today: string) => ((await import(`data:text/javascript,${encodeURIComponent(clientCatalogModule('extra', today))}`)) as { default: { apiPrices: { id: string; stale?: true }[] } }).default;
    const latest = apiPrices.map((p) => p.seen).sort().at(-1)!;
    expect((await served(latest)).apiPrices.filter((p) => p.stale)).toEqual(apiPrices.filter((p) => isStale(p.seen, latest)).map((p) => expect.objectContaining({ id: p.id })));
    expect((await served('2099-01-01')).apiPrices.every((p) => p.stale === true)).toBe(true);
    const oldest = apiPrices.map((p) => p.seen).sort()[0]!;
    expect((await served(oldest)).apiPrices.some((p) => 'stale' in p)).toBe(false);
    // The date changes only those booleans: the core tables are the same whatever the date.
    expect(clientCatalogModule('core', '2099-01-01')).toBe(clientCatalogModule('core', oldest));
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
