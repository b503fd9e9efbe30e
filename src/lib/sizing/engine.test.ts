import { describe, expect, it } from 'vitest';
import { fitted } from '../calibration/fitted.ts';
import { catalog } from '../catalog/index.ts';
import { estimate } from '../estimate.ts';
import { InputError } from '../request.ts';
import { createEngine } from './engine/index.ts';
import { createFullEngine } from './full-engine.ts';
import { fixtureCatalog, fixtureModels } from './test-fixtures.ts';

const e = createFullEngine({ catalog: fixtureCatalog, calibration: fitted });
const GiB = 2 ** 30;

describe('estimate', () => {
  it('sizes Llama 3.1 70B Q4_K_M on 2x RTX 3090 at 8K: about 42.5 GB of weights, 2.5 GiB of KV, fits', () => {
    const r = e.estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: 8192, hardware: '2xrtx-3090' });
    expect(r.memory.weightsBytes / 1e9).toBeCloseTo(42.5, 1);
    expect(r.memory.kvCacheBytes).toBe(2.5 * GiB);
    expect(r.memory.kvBytesPerToken).toBe(327_680);
    expect(r.fit!.verdict).toBe('fits');
    expect(r.quant.bitsPerWeight).toBeCloseTo(4.82, 2);
    expect(r.hardware!.devices.length).toBe(2);
    expect(r.speed!.decodeTokensPerSec).toBeGreaterThan(5);
  });
  it('does not fit 70B Q4_K_M at 32K on 2x RTX 3090 without RAM, and offloads with RAM', () => {
    expect(e.estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: 32768, hardware: '2xrtx-3090' }).fit!.verdict).toBe('no-fit');
    const r = e.estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: 32768, hardware: '2xrtx-3090', ramGb: 64 });
    expect(r.fit!.verdict).toBe('offload');
    expect(r.fit!.offloadedLayers).toBeGreaterThan(0);
  });
  it('keeps the largest context that fits between 8K and 32K for 70B Q4_K_M on 2x RTX 3090', () => {
    const r = e.estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: 8192, hardware: '2xrtx-3090' });
    expect(r.fit!.maxContext).toBeGreaterThan(8192);
    expect(r.fit!.maxContext).toBeLessThan(32768);
    const at = e.estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: r.fit!.maxContext, hardware: '2xrtx-3090' });
    expect(at.fit!.verdict).toBe('fits');
    const over = e.estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', context: r.fit!.maxContext + 1, hardware: '2xrtx-3090' });
    expect(over.fit!.verdict).toBe('no-fit');
  });
  it('fits Llama 3.1 8B Q4_K_M with 8K context on an 8 GB RTX 4060 but not Q8_0', () => {
    expect(e.estimate({ model: 'llama-3.1-8b', quant: 'Q4_K_M', hardware: 'rtx-4060' }).fit!.fits).toBe(true);
    const q8 = e.estimate({ model: 'llama-3.1-8b', quant: 'Q8_0', hardware: 'rtx-4060' });
    expect(q8.fit!.fits).toBe(false);
    expect(q8.fit!.bestQuant).not.toBeNull();
  });
  it('keeps llama.cpp token embedding in system memory, so device use is below weights + KV + overhead', () => {
    const r = e.estimate({ model: 'llama-3.1-8b', quant: 'Q4_K_M', hardware: 'rtx-4090' });
    const dev = r.hardware!.devices[0]!.assignedBytes;
    expect(dev).toBeLessThan(r.memory.totalBytes);
    expect(r.memory.totalBytes - dev).toBeGreaterThan(200e6); // token_embd at Q4_K is about 290 MB
  });
  it('runs gpt-oss-120b on one RTX 3090 with 64 GB of RAM by moving MoE experts to system RAM', () => {
    const r = e.estimate({ model: 'gpt-oss-120b', hardware: 'rtx-3090', ramGb: 64 });
    expect(r.quant.id).toBe('MXFP4');
    expect(r.fit!.verdict).toBe('offload');
    expect(r.fit!.offloadMode).toBe('experts');
    expect(r.warnings.join(' ')).toMatch(/--n-cpu-moe/);
    expect(r.speed!.decodeTokensPerSec).toBeGreaterThan(5);
  });
  it('defaults to the released format and falls back where the engine cannot load it (DeepSeek FP8 -> Q8_0 in llama.cpp)', () => {
    expect(e.estimate({ model: 'deepseek-v3', engine: 'vllm' }).quant.id).toBe('FP8');
    const r = e.estimate({ model: 'deepseek-v3' });
    expect(r.quant.id).toBe('Q8_0');
    expect(r.warnings.length).toBeGreaterThan(0);
  });
  it('grows the context to hold depth + prompt + output, with a warning', () => {
    const r = e.estimate({ model: 'llama-3.1-8b', context: 1024, depth: 4096, prompt: 512, output: 128 });
    expect(r.settings.context).toBe(4096 + 512 + 128);
    expect(r.warnings.some((w) => w.includes('grown'))).toBe(true);
  });
  it('caps a requested context above the model maximum, with a warning', () => {
    const r = e.estimate({ model: 'llama-3-8b', context: 100000 });
    expect(r.settings.context).toBe(8192);
    expect(r.warnings).toContain("context 100000 exceeds the model's maximum of 8192 tokens; capped");
  });
  it('caps the default context at a model maximum below 8,192 tokens, with a warning', () => {
    const short = { ...fixtureModels[0]!, id: 'short-context', maxContextTokens: 4096 };
    const withShort = createFullEngine({ catalog: { ...fixtureCatalog, models: [...fixtureCatalog.models, short] }, calibration: fitted });
    const r = withShort.estimate({ model: 'short-context' });
    expect(r.settings.context).toBe(4096);
    expect(r.warnings).toContain("context capped at the model's maximum, 4096 tokens");
    expect(withShort.estimate({ model: 'short-context', context: 2048 }).warnings).toEqual([]);
  });
  it('says when a flag changes nothing on the rig asked for', () => {
    const notes = (req: Parameters<typeof e.estimate>[0]) => e.estimate({ model: 'llama-3.1-8b', ...req }).warnings;
    expect(notes({ hardware: 'rtx-3090', gpuMemoryFraction: 0.9 })).toContain('--gpu-share applies to catalogued unified-memory machines (Macs, Strix Halo, DGX Spark) only; ignored');
    expect(notes({ memoryGb: 24, bandwidthGbs: 900, gpuMemoryFraction: 0.9 }).some((w) => w.startsWith('--gpu-share'))).toBe(true);
    expect(notes({ hardware: 'rtx-3090', interconnect: 'nvlink' })).toContain('--interconnect matters only between several devices; ignored');
    expect(notes({ hardware: 'rtx-3090', ramBandwidthGbs: 60 })).toContain('--ram-bandwidth-gbs applies to offload into system RAM, which needs --ram-gb; ignored');
    expect(notes({ hardware: '2xrtx-3090', interconnect: 'nvlink', ramGb: 64, ramBandwidthGbs: 60 })).toEqual([]);
  });
  it('returns null hardware, fit and speed without hardware', () => {
    const r = e.estimate({ model: 'llama-3.1-8b' });
    expect(r.hardware).toBeNull();
    expect(r.fit).toBeNull();
    expect(r.speed).toBeNull();
    expect(r.memory.totalBytes).toBe(r.memory.weightsBytes + r.memory.kvCacheBytes + r.memory.overheadBytes);
  });
  it('sizes Gemma 2 9B KV at 8K as 42 full-length layers under vLLM and 21 full + 21 windowed (4,608 cells) under llama.cpp', () => {
    const v = e.estimate({ model: 'gemma-2-9b', engine: 'vllm', context: 8192 });
    expect(v.memory.kvCacheBytes).toBe(42 * 8192 * 8192);
    expect(v.memory.kvBytesPerToken).toBe(42 * 8192);
    const l = e.estimate({ model: 'gemma-2-9b', engine: 'llama.cpp', context: 8192 });
    expect(l.memory.kvCacheBytes).toBe(21 * 8192 * 8192 + 21 * 4608 * 8192);
    expect(l.memory.kvBytesPerToken).toBe(21 * 8192);
  });
  it('shares one llama.cpp cache among the sequences with --kv-unified, sized for all of their tokens, and says it is ignored elsewhere', () => {
    const own = e.estimate({ model: 'gemma-2-9b', context: 8192, sequences: 4, hardware: 'rtx-4090' });
    const shared = e.estimate({ model: 'gemma-2-9b', context: 32768, sequences: 4, kvUnified: true, hardware: 'rtx-4090' });
    expect(shared.settings.kvUnified).toBe(true);
    // The same 32,768 full-attention cells; the windowed layers keep 4 x 4,096 + 512 cells in one stream instead of 4 x 4,608.
    expect(own.memory.kvCacheBytes - shared.memory.kvCacheBytes).toBe(21 * (4 * 4608 - 16896) * 8192);
    const grown = e.estimate({ model: 'gemma-2-9b', context: 2048, prompt: 1024, output: 256, sequences: 4, kvUnified: true });
    expect(grown.settings.context).toBe(4 * 1280);
    expect(grown.warnings.some((w) => /all 4 sequences in the shared cache/.test(w))).toBe(true);
    const vllm = e.estimate({ model: 'gemma-2-9b', engine: 'vllm', sequences: 4, kvUnified: true });
    expect(vllm.settings.kvUnified).toBe(false);
    expect(vllm.warnings.some((w) => /--kv-unified .* ignored/.test(w))).toBe(true);
  });
  it("sizes llama.cpp's buffers and windowed cache for the micro-batch (--ubatch), speeds up MoE prefill with it, and says other engines ignore it", () => {
    const at = (ubatch?: number) => e.estimate({ model: 'gpt-oss-20b', context: 32768, prompt: 4096, hardware: 'rtx-4090', ...(ubatch === undefined ? {} : { ubatch }) });
    const def = at(), big = at(2048);
    expect(def.settings.ubatch).toBe(512);
    expect(big.settings.ubatch).toBe(2048);
    // gpt-oss keeps 128-token windows on half its 24 layers: pad256(128 + ubatch) cells each, K and V of 8 x 64 in f16.
    expect(big.memory.kvCacheBytes - def.memory.kvCacheBytes).toBe(12 * (2304 - 768) * 2 * 8 * 64 * 2);
    expect(big.memory.overheadBytes).toBeGreaterThan(def.memory.overheadBytes);
    // Four times the tokens per expert in each step.
    expect(big.speed!.prefillTokensPerSec).toBeGreaterThan(def.speed!.prefillTokensPerSec);
    expect(big.speed!.decodeTokensPerSec).toBe(def.speed!.decodeTokensPerSec);
    const vllm = e.estimate({ model: 'gpt-oss-20b', engine: 'vllm', ubatch: 2048 });
    expect(vllm.settings.ubatch).toBeNull();
    expect(vllm.warnings.some((w) => /--ubatch .* ignored/.test(w))).toBe(true);
  });
  it('uses 92% of each GPU under vLLM (its current gpu_memory_utilization) and splits by tensor', () => {
    const r = e.estimate({ model: 'llama-3.1-8b', engine: 'vllm', hardware: '2xrtx-4090' });
    expect(r.settings.split).toBe('tensor');
    expect(r.hardware!.devices[0]!.memoryBytes).toBe(Math.round(24 * GiB * 0.92));
  });
  it('gives SGLang the static share its server computes for the GPU (24 GiB: 2048 x 1.5 + 24 x 2 + 512 MiB reserved)', () => {
    const r = e.estimate({ model: 'llama-3.1-8b', engine: 'sglang', hardware: 'rtx-4090' });
    const fraction = Math.round(((24 * 1024 - (512 + 2048 * 1.5 + 24 * 2 + 1024 / 8)) / (24 * 1024)) * 1000) / 1000;
    expect(r.hardware!.devices[0]!.memoryBytes).toBe(Math.round(24 * GiB * fraction));
  });
  it('gives Ollama its default context for the GPU memory (4,096 under 23 GiB, 32,768 from 23 GiB, 262,144 from 47 GiB)', () => {
    expect(e.estimate({ model: 'llama-3.1-8b', engine: 'ollama', hardware: 'rtx-4060' }).settings.context).toBe(4096);
    expect(e.estimate({ model: 'llama-3.1-8b', engine: 'ollama', hardware: 'rtx-4090' }).settings.context).toBe(32768);
    // 48 GiB asks for 262,144 tokens, capped at the model's 131,072.
    expect(e.estimate({ model: 'llama-3.1-8b', engine: 'ollama', hardware: '2xrtx-4090' }).settings.context).toBe(131072);
    expect(e.estimate({ model: 'llama-3.1-8b', engine: 'ollama', hardware: 'rtx-4090', context: 8192 }).settings.context).toBe(8192);
  });
  it('runs a device on the backend asked for when it supports it, and refuses one it does not', () => {
    expect(e.estimate({ model: 'llama-3.1-8b', hardware: 'rtx-4090', backend: 'vulkan' }).settings.backend).toBe('vulkan');
    expect(e.estimate({ model: 'llama-3.1-8b', hardware: 'rtx-4090' }).settings.backend).toBe('cuda');
    expect(() => e.estimate({ model: 'llama-3.1-8b', hardware: 'rtx-4090', backend: 'rocm' })).toThrow(/rtx-4090 runs cuda or vulkan, not rocm/);
    expect(() => e.estimate({ model: 'llama-3.1-8b', hardware: 'rtx-4090', backend: 'cpu' })).toThrow(/cpu is for raw hardware/);
  });
  it('decodes no faster on two cards with a layer split than on one, and faster with tensor parallel', () => {
    const one = e.estimate({ model: 'llama-3.1-8b', quant: 'Q4_K_M', hardware: 'rtx-3090' }).speed!.decodeTokensPerSec;
    const layer = e.estimate({ model: 'llama-3.1-8b', quant: 'Q4_K_M', hardware: '2xrtx-3090' }).speed!.decodeTokensPerSec;
    const tensor = e.estimate({ model: 'llama-3.1-8b', quant: 'Q4_K_M', hardware: '2xrtx-3090', split: 'tensor' }).speed!.decodeTokensPerSec;
    expect(layer).toBeLessThanOrEqual(one);
    expect(tensor).toBeGreaterThan(one);
  });
  it('treats a raw architecture like the catalog model it copies', () => {
    const raw = e.estimate({ layers: 32, hidden: 4096, heads: 32, kvHeads: 8, vocab: 128256, intermediate: 14336, quant: 'Q4_K_M' });
    const cat = e.estimate({ model: 'llama-3.1-8b', quant: 'Q4_K_M' });
    expect(raw.memory.weightsBytes).toBe(cat.memory.weightsBytes);
    expect(raw.memory.kvBytesPerToken).toBe(131_072);
  });
  it('sizes a model from --params alone within 2% of params x bpw', () => {
    const r = e.estimate({ params: 70e9, bpw: 4 });
    expect(r.memory.weightsBytes / (70e9 * 0.5)).toBeGreaterThan(0.98);
    expect(r.memory.weightsBytes / (70e9 * 0.5)).toBeLessThan(1.02);
  });
  it('gives a Mac its default GPU share', () => {
    const r = e.estimate({ model: 'llama-3.1-70b', quant: 'Q4_K_M', hardware: 'm4-max-40c' });
    expect(r.hardware!.memoryBytes).toBe(Math.floor(128 * GiB * 0.75));
    expect(r.fit!.fits).toBe(true);
  });
});

describe('bad input', () => {
  const bad: [string, object, RegExp][] = [
    ['an unknown model with suggestions', { model: 'llama-3.1-7b' }, /did you mean/],
    ['an unknown quant', { model: 'llama-3.1-8b', quant: 'Q4_K_Z' }, /unknown quant/],
    ['a negative context', { model: 'llama-3.1-8b', context: -5 }, /context/],
    ['a fractional layer count', { layers: 3.5, hidden: 512 }, /whole number/],
    ['zero sequences', { model: 'llama-3.1-8b', sequences: 0 }, /sequences/],
    ['a string where a number belongs', { model: 'llama-3.1-8b', context: '8192' }, /number/],
    ['NaN', { model: 'llama-3.1-8b', prompt: NaN }, /number/],
    ['an absurd context', { model: 'llama-3.1-8b', context: 1e12 }, /between/],
    ['no model at all', {}, /missing --model/],
    ['both quant and bpw', { model: 'llama-3.1-8b', quant: 'Q4_K_M', bpw: 4 }, /not both/],
    ['a GGUF type under vLLM', { model: 'llama-3.1-8b', engine: 'vllm', quant: 'Q4_K_M' }, /does not load/],
    ['a q4_0 cache under vLLM', { model: 'llama-3.1-8b', engine: 'vllm', kvCache: 'q4_0' }, /does not support/],
    ['an unknown engine', { model: 'llama-3.1-8b', engine: 'exllama' }, /one of/],
    ['an unknown field', { model: 'llama-3.1-8b', contxt: 4096 }, /did you mean "context"/],
    ['a flashAttention that is not true or false', { model: 'llama-3.1-8b', flashAttention: 'on' }, /flashAttention must be true or false/],
    ['MLX on an NVIDIA card', { model: 'llama-3.1-8b', engine: 'mlx', hardware: 'rtx-4090' }, /Apple/],
    ['raw hardware without bandwidth', { model: 'llama-3.1-8b', memoryGb: 24 }, /bandwidth/],
  ];
  for (const [what, req, msg] of bad) {
    it(`rejects ${what} with an InputError`, () => {
      expect(() => e.estimate(req as never)).toThrow(InputError);
      expect(() => e.estimate(req as never)).toThrow(msg);
      const errs = e.validateRequest(req as never);
      expect(errs.length).toBeGreaterThan(0);
    });
  }
  it('validates a good request with no errors', () => {
    expect(e.validateRequest({ model: 'llama-3.1-8b', hardware: 'rtx-4090' })).toEqual([]);
  });
  it('validateRequest never throws, even on null', () => {
    expect(e.validateRequest(null as never)[0]!.field).toBe('request');
  });
});

describe('helpers', () => {
  it('sweeps models x quants x hardware, skipping formats the engine cannot load', () => {
    const rows = e.sweep({ context: 8192 }, { models: ['llama-3.1-8b', 'llama-3.1-70b'], quants: ['Q4_K_M', 'Q8_0', 'FP8'], hardware: ['rtx-4090', '2xrtx-3090'] });
    expect(rows.length).toBe(2 * 2 * 2);
    expect(rows.find((r) => r.model === 'llama-3.1-70b' && r.quant === 'Q4_K_M' && r.hardware === '2xrtx-3090')!.verdict).toBe('fits');
  });
  it('draws the context curve per KV type, q8_0 reaching further than f16', () => {
    const c = e.contextCurve({ model: 'llama-3.1-70b', quant: 'Q4_K_M', hardware: '2xrtx-3090' }, [4096, 16384, 65536], ['f16', 'q8_0']);
    expect(c.length).toBe(2);
    expect(c[1]!.maxContext).toBeGreaterThan(c[0]!.maxContext);
    expect(c[0]!.points[2]!.fits).toBe(false);
    expect(c[0]!.points[1]!.kvCacheBytes).toBe(4 * c[0]!.points[0]!.kvCacheBytes);
  });
  it('tabulates quants best first with shrinking sizes and the quality hint', () => {
    const t = e.quantTable({ model: 'llama-3-8b', hardware: 'rtx-4090' });
    expect(t[0]!.quant).toBe('BF16');
    expect(t.find((r) => r.quant === 'Q4_K_M')!.quality!.meanKld).toBe(0.0313);
    expect(t.find((r) => r.quant === 'Q4_K_M')!.weightsBytes).toBeLessThan(t.find((r) => r.quant === 'Q8_0')!.weightsBytes);
  });
  it('compares local cost with every API row', () => {
    const r = e.localVsApi({ hardwarePriceUsd: 1600, lifetimeYears: 3, powerW: 350, electricityUsdPerKWh: 0.15, utilisation: 0.3, tokensPerDay: 2e6, decodeTokensPerSec: 30 });
    expect(r.api.length).toBe(2);
    expect(r.overTime.length).toBe(37);
    expect(r.api[0]!.usdPerMonth).toBeGreaterThan(r.api[1]!.usdPerMonth);
  });
  it('computes hardware tiers from the catalog', () => {
    const t = e.hardwareTiers();
    expect(t.map((x) => x.id)).toEqual(['lightweight', 'mid-range', 'frontier-open', 'ultra-frontier']);
    expect(t[0]!.hardware).toContain('rtx-4060');
  });
  it('reuses per-model work across estimates', () => {
    expect(e.prepareModel('llama-3.1-8b')).toBe(e.prepareModel('llama-3.1-8b'));
  });
});

describe('the engine core as calculators build it (no options)', () => {
  const core = createEngine({ catalog, calibration: fitted });
  it('names an unknown id without the command line\'s suggestions', () => {
    expect(core.validateRequest({ model: 'llama-3.1-7b' })).toEqual([{ field: 'model', message: 'unknown model "llama-3.1-7b"' }]);
    expect(core.validateRequest({ model: 'llama-3.1-8b', hardware: 'rtx-409' })[0]!.message).toBe('unknown hardware "rtx-409"');
  });
  it('refuses a raw architecture, which only the command line offers', () => {
    expect(core.validateRequest({ params: 8e9 })).toEqual([{ field: 'model', message: 'choose a model from the catalog' }]);
  });
  it('gives the same numbers as the full engine for a catalog request', () => {
    const req = { model: 'llama-3.1-70b', quant: 'Q4_K_M', hardware: '2xrtx-3090', context: 16384 };
    expect(core.estimate(req)).toEqual(estimate(req));
  });
});

describe('a model given only by its parameter count', () => {
  it('sizes Q4_K_M like a real model of that size (about 4.8 bits per weight, not a fallback type)', () => {
    for (const params of [5e8, 1.5e9, 8e9, 7e10]) {
      const r = estimate({ params, quant: 'Q4_K_M' });
      expect(r.quant.bitsPerWeight).toBeGreaterThan(4.6);
      expect(r.quant.bitsPerWeight).toBeLessThan(5.0);
      expect(Math.abs(r.model.totalParams / params - 1)).toBeLessThan(0.03);
    }
  });
});
