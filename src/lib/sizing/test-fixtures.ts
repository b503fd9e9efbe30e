/**
 * Fixed catalog rows for the engine's tests, so the tests do not move when the catalog is edited.
 * Architecture fields from each model's Hugging Face config.json (the same values as the catalog rows,
 * whose sources name the files); hardware figures from the vendors' spec sheets as catalogued on 2026-11-29.
 */
import type { HardwareEntry, ModelEntry } from '../catalog/types.ts';
import { quants } from '../catalog/quants.ts';
import type { EngineCatalog } from './engine/index.ts';

function model(m: Partial<ModelEntry> & Pick<ModelEntry, 'id' | 'layers' | 'hiddenSize' | 'attentionHeads' | 'kvHeads' | 'headDim' | 'vocabSize' | 'intermediateSize' | 'maxContextTokens'>): ModelEntry {
  return {
    name: m.id, family: 'llama', vendor: 'test', releaseDate: '2024-01-01', hfRepo: 'test/test', licence: 'test',
    source: 'https://example.org/config.json', paramsReported: 1, tiedEmbeddings: false, releasedFormat: 'BF16', ...m,
  };
}

export const fixtureModels: ModelEntry[] = [
  model({ id: 'llama-3-8b', layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, vocabSize: 128256, intermediateSize: 14336, maxContextTokens: 8192 }),
  model({ id: 'llama-3.1-8b', layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, vocabSize: 128256, intermediateSize: 14336, maxContextTokens: 131072 }),
  model({ id: 'llama-3.1-70b', layers: 80, hiddenSize: 8192, attentionHeads: 64, kvHeads: 8, headDim: 128, vocabSize: 128256, intermediateSize: 28672, maxContextTokens: 131072 }),
  model({ id: 'qwen2.5-7b', family: 'qwen', layers: 28, hiddenSize: 3584, attentionHeads: 28, kvHeads: 4, headDim: 128, vocabSize: 152064, intermediateSize: 18944, attentionBias: true, maxContextTokens: 131072 }),
  model({ id: 'phi-4', family: 'phi', layers: 40, hiddenSize: 5120, attentionHeads: 40, kvHeads: 10, headDim: 128, vocabSize: 100352, intermediateSize: 17920, maxContextTokens: 16384 }),
  model({ id: 'gemma-2-9b', family: 'gemma', layers: 42, hiddenSize: 3584, attentionHeads: 16, kvHeads: 8, headDim: 256, vocabSize: 256000, intermediateSize: 14336, tiedEmbeddings: true, maxContextTokens: 8192, attentionLayout: { kind: 'sliding', windowTokens: 4096, fullEvery: 2, fullPosition: 'last' } }),
  model({ id: 'mixtral-8x7b', family: 'mistral', layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, vocabSize: 32000, intermediateSize: 14336, maxContextTokens: 32768, moe: { experts: 8, activeExperts: 2, expertIntermediateSize: 14336, sharedExperts: 0, denseLeadingLayers: 0 } }),
  model({ id: 'gpt-oss-20b', family: 'gpt-oss', layers: 24, hiddenSize: 2880, attentionHeads: 64, kvHeads: 8, headDim: 64, vocabSize: 201088, intermediateSize: 2880, attentionBias: true, maxContextTokens: 131072, releasedFormat: 'MXFP4', moe: { experts: 32, activeExperts: 4, expertIntermediateSize: 2880, sharedExperts: 0, denseLeadingLayers: 0 }, attentionLayout: { kind: 'sliding', windowTokens: 128, fullEvery: 2, fullPosition: 'last' } }),
  model({ id: 'gpt-oss-120b', family: 'gpt-oss', layers: 36, hiddenSize: 2880, attentionHeads: 64, kvHeads: 8, headDim: 64, vocabSize: 201088, intermediateSize: 2880, attentionBias: true, maxContextTokens: 131072, releasedFormat: 'MXFP4', moe: { experts: 128, activeExperts: 4, expertIntermediateSize: 2880, sharedExperts: 0, denseLeadingLayers: 0 }, attentionLayout: { kind: 'sliding', windowTokens: 128, fullEvery: 2, fullPosition: 'last' } }),
  model({ id: 'deepseek-v3', family: 'deepseek', layers: 61, hiddenSize: 7168, attentionHeads: 128, kvHeads: 128, headDim: 192, vocabSize: 129280, intermediateSize: 18432, maxContextTokens: 131072, releasedFormat: 'FP8', moe: { experts: 256, activeExperts: 8, expertIntermediateSize: 2048, sharedExperts: 1, denseLeadingLayers: 3 }, mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 } }),
];

function hw(h: Partial<HardwareEntry> & Pick<HardwareEntry, 'id' | 'memoryGiB' | 'bandwidthGBs' | 'fp16Tflops'>): HardwareEntry {
  return {
    name: h.id, vendor: 'nvidia', segment: 'consumer', powerW: 350, backends: ['cuda', 'vulkan'], interconnect: 'pcie', unifiedMemory: false,
    releaseDate: '2022-01-01', source: 'https://example.org/spec', specSeen: '2026-11-29', ...h,
  };
}

export const fixtureHardware: HardwareEntry[] = [
  hw({ id: 'rtx-3090', memoryGiB: 24, bandwidthGBs: 936.2, fp16Tflops: 71, interconnect: 'nvlink', priceUsd: 800 }),
  hw({ id: 'rtx-4090', memoryGiB: 24, bandwidthGBs: 1008, fp16Tflops: 165.2, priceUsd: 1800 }),
  hw({ id: 'rtx-4060', memoryGiB: 8, bandwidthGBs: 272, fp16Tflops: 30.2, priceUsd: 299 }),
  hw({ id: 'h100-sxm', segment: 'datacenter', memoryGiB: 80, bandwidthGBs: 3350, fp16Tflops: 989, interconnect: 'nvlink', powerW: 700 }),
  hw({ id: 'm4-max-40c', vendor: 'apple', segment: 'unified', memoryGiB: 128, memoryOptionsGiB: [48, 64, 128], bandwidthGBs: 546, fp16Tflops: 18.4, backends: ['metal'], interconnect: 'none', unifiedMemory: true, gpuMemoryFraction: 0.75, powerW: 150 }),
];

/** A catalog of fixtures plus the real weight-format table. */
export const fixtureCatalog: EngineCatalog = {
  models: fixtureModels,
  hardware: fixtureHardware,
  quants,
  apiPrices: [
    { id: 'api-a', model: 'Model A', provider: 'P', kind: 'closed', inputUsdPerMTok: 3, outputUsdPerMTok: 15, seen: '2026-11-01', source: 'https://example.org/a' },
    { id: 'api-b', model: 'Model B', provider: 'Q', kind: 'open-hosted', inputUsdPerMTok: 0.2, outputUsdPerMTok: 0.6, seen: '2026-11-01', source: 'https://example.org/b' },
  ],
  qualityLoss: [
    { quant: 'Q4_K_M', model: 'llama-3-8b', meanKld: 0.0313, pplDeltaPct: 2.8, sameTopTokenPct: 91.9, source: 'https://github.com/ggml-org/llama.cpp/blob/master/tools/perplexity/README.md' },
    { quant: 'Q8_0', model: 'llama-3-8b', meanKld: 0.0014, source: 'https://github.com/ggml-org/llama.cpp/blob/master/tools/perplexity/README.md' },
  ],
};
