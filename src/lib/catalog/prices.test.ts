import { describe, expect, it } from 'vitest';
import { apiPrices } from './prices.ts';
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
});
