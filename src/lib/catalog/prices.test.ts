import { describe, expect, it } from 'vitest';
import { apiPrices, systemMemoryPrices } from './prices.ts';
import { models } from './models.ts';

describe('API prices', () => {
  it('lists at least 15 prices, closed frontier models and hosted open models both', () => {
    expect(apiPrices.length).toBeGreaterThanOrEqual(15);
    expect(apiPrices.filter((p) => p.kind === 'closed').length).toBeGreaterThanOrEqual(5);
    expect(apiPrices.filter((p) => p.kind === 'open-hosted').length).toBeGreaterThanOrEqual(5);
  });

  it('covers OpenAI, Anthropic, Google and DeepSeek, and at least two hosts of open models', () => {
    const providers = new Set(apiPrices.map((p) => p.provider));
    for (const p of ['OpenAI', 'Anthropic', 'Google', 'DeepSeek']) expect(providers.has(p), p).toBe(true);
    const hosts = new Set(apiPrices.filter((p) => p.kind === 'open-hosted' && p.provider !== 'DeepSeek').map((p) => p.provider));
    expect(hosts.size).toBeGreaterThanOrEqual(2);
  });

  it('prices output above input and cached input below input, as every listed provider does', () => {
    for (const p of apiPrices) {
      expect(p.outputUsdPerMTok >= p.inputUsdPerMTok, p.id).toBe(true);
      if (p.cachedInputUsdPerMTok !== undefined) expect(p.cachedInputUsdPerMTok < p.inputUsdPerMTok, p.id).toBe(true);
    }
  });

  it('links hosted rows to catalog models where the model is catalogued', () => {
    const ids = new Set(models.map((m) => m.id));
    for (const p of apiPrices.filter((x) => x.modelId !== undefined)) expect(ids.has(p.modelId!), p.id).toBe(true);
    expect(apiPrices.find((p) => p.id === 'groq-gpt-oss-120b')?.modelId).toBe('gpt-oss-120b');
  });

  it('keeps the published figures: Claude Sonnet 4.6 $3 / $15, Groq gpt-oss-120b $0.15 / $0.60', () => {
    const sonnet = apiPrices.find((p) => p.id === 'anthropic-claude-sonnet-4.6')!;
    expect([sonnet.inputUsdPerMTok, sonnet.outputUsdPerMTok]).toEqual([3, 15]);
    const groq = apiPrices.find((p) => p.id === 'groq-gpt-oss-120b')!;
    expect([groq.inputUsdPerMTok, groq.outputUsdPerMTok]).toEqual([0.15, 0.6]);
  });

  it('covers xAI too, and keeps row ids unique', () => {
    expect(apiPrices.some((p) => p.provider === 'xAI')).toBe(true);
    expect(new Set(apiPrices.map((p) => p.id)).size).toBe(apiPrices.length);
  });
});

describe('system memory prices', () => {
  it('dates every DDR5 kit price, with an https source, a positive price and a unique id', () => {
    expect(systemMemoryPrices.length).toBeGreaterThanOrEqual(3);
    expect(new Set(systemMemoryPrices.map((m) => m.id)).size).toBe(systemMemoryPrices.length);
    for (const m of systemMemoryPrices) {
      expect(m.seen, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.source, m.id).toMatch(/^https:\/\//);
      expect(m.priceUsd > 0 && m.capacityGiB > 0, m.id).toBe(true);
      expect(m.kit, m.id).toMatch(/DDR5/);
    }
  });

  it('records the 2026 rise: the cheapest 32 GB kit of June 2026 cost over 4x the same size in August 2025', () => {
    const at = (id: string) => systemMemoryPrices.find((m) => m.id === id)!;
    expect(at('ddr5-2x16-6000-2026-06').priceUsd).toBe(374.97);
    expect(at('ddr5-2x16-6000-2026-06').priceUsd / at('ddr5-2x16-6000-2025-08').priceUsd).toBeGreaterThan(4);
  });
});
