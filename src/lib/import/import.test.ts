/**
 * Models read from their own files: real config.json copies (tests/fixtures/configs, each with its
 * source in the .meta.json beside it) and GGUF headers built from them with the tensor types
 * llama-quantize gives (gguf-test-fixtures.ts), read by both GGUF readers.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimate } from '../estimate.ts';
import type { EstimateRequest } from '../request.ts';
import { modelFromConfig, CONFIG_MODEL_TYPES } from './config.ts';
import { modelFromGguf, sourceFromHeader, type GgufModelSource } from './gguf.ts';
import { readGgufHeader } from './gguf-reader.ts';
import { ggufFromConfig } from './gguf-test-fixtures.ts';
import { writeGgufHeader, type GgufWriterValue } from './gguf-writer.ts';
import { readConfig, readGguf } from './node-sources.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/configs');
const configOf = (id: string) => JSON.parse(readFileSync(join(FIXTURES, `${id}.json`), 'utf8').replace(/([:[,]\s*-?)Infinity\b/g, '$11e999')) as Record<string, unknown>;
const tmp = mkdtempSync(join(tmpdir(), 'rigbook-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The families the 2025-26 architectures bring, one real config each. */
const FAMILIES: Record<string, string> = {
  'Gated DeltaNet hybrid MoE with MTP (Qwen3.6)': 'qwen3.6-35b-a3b',
  'Gated DeltaNet hybrid dense (Qwen3.5)': 'qwen3.5-27b',
  'Mamba-2 hybrid MoE (Nemotron 3 Nano)': 'nemotron-3-nano-30b-a3b',
  'Mamba-2 hybrid latent MoE with MTP (Nemotron 3 Super)': 'nemotron-3-super-120b-a12b',
  'DeepSeek Sparse Attention (DeepSeek V3.2)': 'deepseek-v3.2',
  'sliding and global layers with their own shapes (Gemma 4 31B)': 'gemma-4-31b',
  'sliding window MoE with a dense MLP beside the experts (Gemma 4 26B-A4B)': 'gemma-4-26b-a4b',
  'per-layer embeddings and KV-sharing layers with a double-wide MLP (Gemma 4 E2B shapes)': 'gemma-4-e2b-test',
  'MLA MoE with shared experts (GLM-4.7-Flash)': 'glm-4.7-flash',
  'full-attention MoE (MiniMax M2.7)': 'minimax-m2.7',
  'dense Qwen3 (Qwen3-4B-2507)': 'qwen3-4b-2507',
};

function meta(id: string): { paramsReported: number | null; activeParamsReported?: number | null } {
  return JSON.parse(readFileSync(join(FIXTURES, `${id}.meta.json`), 'utf8'));
}

function gguFile(id: string, fileType = 'Q4_K_M'): { path: string; bytes: Uint8Array; loadedBytes: number; mtpBytes: number } {
  const { header, loadedBytes, mtpBytes } = ggufFromConfig(configOf(id), fileType, id);
  const bytes = writeGgufHeader(header);
  const path = join(tmp, `${id}-${fileType}.gguf`);
  writeFileSync(path, bytes);
  return { path, bytes, loadedBytes, mtpBytes };
}

async function ourReader(bytes: Uint8Array): Promise<GgufModelSource> {
  const header = await readGgufHeader({ size: bytes.length, read: async (s, e) => bytes.subarray(s, Math.min(e, bytes.length)) });
  return sourceFromHeader(header);
}

const BASE: EstimateRequest = { hardware: '2x h100-sxm', context: 32768, sequences: 2 };

describe('config.json of every 2025-26 family', () => {
  for (const [family, id] of Object.entries(FAMILIES)) {
    it(`reads ${family} within 5% of the vendor's parameter count`, () => {
      const { model } = modelFromConfig(configOf(id), id);
      const r = estimate({ config: configOf(id), quant: 'BF16', engine: 'vllm', hardware: '8x h100-sxm' });
      const reported = meta(id).paramsReported;
      if (reported) expect(Math.abs(r.model.totalParams / reported - 1), id).toBeLessThan(0.05);
      expect(r.model.source).toBe('config');
      expect(model.layers).toBeGreaterThan(0);
    });
  }

  it('reads the nested language model of a multimodal config (text_config)', () => {
    const { model } = modelFromConfig(configOf('qwen3.6-35b-a3b'));
    expect([model.layers, model.hiddenSize, model.moe?.experts, model.blockPattern?.length]).toEqual([40, 2048, 256, 40]);
  });

  it('matches hand calculations from llama.cpp\'s code for the state and cache of each family', () => {
    // Qwen3.6-35B-A3B, llama.cpp (llama-hparams.cpp n_embd_r / n_embd_s, F32): per linear layer
    // conv 3 x (2 x 16 x 128 + 32 x 128) x 4 = 98,304 B and recurrent 128 x 32 x 128 x 4 = 2,097,152 B;
    // 30 linear layers; KV 10 full layers x 2 x 2 heads x 256 x 2 B = 20,480 B per token.
    const q = estimate({ config: configOf('qwen3.6-35b-a3b'), ...BASE });
    expect(q.memory.stateBytes).toBe(30 * (98_304 + 2_097_152) * 2);
    expect(q.memory.kvBytesPerToken).toBe(20_480);
    expect(q.memory.kvCacheBytes).toBe(q.memory.stateBytes + 20_480 * 65_536);
    // DeepSeek V3.2, llama.cpp: MLA latent (512 + 64) plus the indexer key (128), F16, 61 layers.
    const d = estimate({ config: configOf('deepseek-v3.2'), ...BASE, hardware: '8x h200' });
    expect(d.memory.kvBytesPerToken).toBe((576 + 128) * 2 * 61);
    // DeepSeek V3.2, vLLM defaults to its FP8 sparse-MLA layout: 512 + 16 + 2 x 64 = 656 B plus the
    // indexer's FP8 key with one FP32 scale per 128 (132 B), per layer and token.
    const dv = estimate({ config: configOf('deepseek-v3.2'), ...BASE, hardware: '8x h200', engine: 'vllm' });
    expect(dv.settings.kvCache).toBe('fp8');
    expect(dv.memory.kvBytesPerToken).toBe((656 + 132) * 61);
    // Gemma 4 31B at 32K, one sequence: 50 sliding layers hold pad256(1024 + 512) cells of
    // 2 x 16 x 256 x 2 B, 10 global layers 32,768 cells of 2 x 4 x 512 x 2 B: 3.67 GiB.
    const g = estimate({ config: configOf('gemma-4-31b'), quant: 'Q4_K_M', hardware: 'h100-sxm', context: 32768 });
    expect(g.memory.kvCacheBytes).toBe(50 * 1536 * 16_384 + 10 * 32_768 * 8_192);
    // Nemotron 3 Nano: 23 Mamba-2 layers of conv 3 x (4096 + 2 x 8 x 128) x 4 B plus SSM 64 x 64 x 128 x 4 B; 6 attention layers of 2 x 2 x 128 x 2 B per token.
    const n = estimate({ config: configOf('nemotron-3-nano-30b-a3b'), ...BASE });
    expect(n.memory.stateBytes).toBe(23 * (3 * (4096 + 2 * 8 * 128) * 4 + 64 * 64 * 128 * 4) * 2);
    expect(n.memory.kvBytesPerToken).toBe(6 * 2 * 2 * 128 * 2);
  });

  it('gives a Gemma E model\'s per-layer embeddings to the weights and system memory, and no cache to its KV-sharing layers', () => {
    // Gemma 4 E2B shapes (llama.cpp src/models/gemma4.cpp at 9af0434d). Per-layer embedding table:
    // 262,144 x 35 x 256 = 2,348,810,240 parameters, a lookup table like the token embedding (1536 x 262,144).
    const { model } = modelFromConfig(configOf('gemma-4-e2b-test'));
    expect([model.kvSharedLayers, model.kvSharedLayersWideMlp, model.perLayerEmbedding]).toEqual([20, true, { hiddenPerLayer: 256, vocab: 262_144 }]);
    const bf16 = estimate({ config: configOf('gemma-4-e2b-test'), quant: 'BF16', hardware: 'rtx-4090', context: 8192 });
    // Trunk: 28 sliding layers (q and o 1536 x 2048, k and v 1536 x 256 where the layer keeps its cache),
    // 7 global layers (q and o 1536 x 4096, k 1536 x 512; K doubles as V only with attention_k_eq_v),
    // MLP 3 x 1536 x 6144, doubled in the 20 KV-sharing layers, per-layer gate and projection 2 x 1536 x 256.
    const slidingOwn = 12, globalOwn = 3, slidingShared = 16, globalShared = 4;
    const attention = (slidingOwn + slidingShared) * 2 * 1536 * 2048 + (globalOwn + globalShared) * 2 * 1536 * 4096
      + slidingOwn * 2 * 1536 * 256 + globalOwn * 2 * 1536 * 512;
    const mlp = 15 * 3 * 1536 * 6144 + 20 * 3 * 1536 * 12_288;
    const perLayer = 35 * 2 * 1536 * 256 + 1536 * 35 * 256;
    const norms = 35 * (2 * 1536) + 35 * 1536 + 256 + 1536;
    expect(bf16.model.totalParams).toBe(262_144 * 1536 + 262_144 * 35 * 256 + attention + mlp + perLayer + norms);
    // llama.cpp keeps both lookup tables in system memory; the tied embedding also serves as the output head on the GPU.
    expect(bf16.memory.hostBytes).toBe((262_144 * 1536 + 262_144 * 8960) * 2);
    // KV at 8,192 tokens, F16: only the first 15 layers keep a cache, 3 global of 2 x 1 x 512 x 2 B per token at
    // 8,192 cells and 12 sliding of 2 x 1 x 256 x 2 B at pad256(512 + 512) = 1,024 cells.
    expect(bf16.memory.kvCacheBytes).toBe(3 * 2048 * 8192 + 12 * 1024 * 1024);
    expect(bf16.memory.kvBytesPerToken).toBe(3 * 2048);
    // vLLM keeps the lookup tables on the GPU, and shares the cache the same way.
    const v = estimate({ config: configOf('gemma-4-e2b-test'), quant: 'BF16', hardware: 'rtx-4090', context: 8192, engine: 'vllm' });
    expect(v.memory.hostBytes).toBe(0);
    expect(v.memory.kvBytesPerToken).toBe(3 * 2048 + 12 * 1024);
  });

  it('pads the state of a hybrid to vLLM\'s attention page and allocates whole pages of tokens', () => {
    // vLLM: conv BF16 (49,152 B) + recurrent FP32 as the config asks (2,097,152 B) = 2,146,304 B;
    // one attention page per layer of 2 x 2 x 256 x 2 = 2,048 B per token must hold it: 16 x 66 = 1,056 tokens.
    const r = estimate({ config: configOf('qwen3.6-35b-a3b'), hardware: 'h100-sxm', engine: 'vllm', context: 4000, quant: 'FP8' });
    expect(r.memory.stateBytes).toBe(30 * 1056 * 2048);
    expect(r.memory.kvCacheBytes - r.memory.stateBytes).toBe(10 * 2048 * Math.ceil(4000 / 1056) * 1056);
  });

  it('reads an MLX conversion\'s quantization as its MLX format, with the same architecture as the catalog row', () => {
    const { model } = modelFromConfig(configOf('qwen3.5-9b-mlx-8bit'));
    expect(model.releasedFormat).toBe('MLX-Q8');
    // Only blocks that match an MLX format's definition (bits, group size, mode) are read as one.
    const withQuant = (q: object) => modelFromConfig({ ...configOf('qwen3.5-9b-mlx-8bit'), quantization: q, quantization_config: q }).model.releasedFormat;
    expect(withQuant({ bits: 4, group_size: 32, mode: 'mxfp4' })).toBe('MLX-MXFP4');
    expect(withQuant({ bits: 4, group_size: 128, mode: 'affine' })).toBe('BF16');
    expect(withQuant({ bits: 3, group_size: 64 })).toBe('BF16');
    const mlx = estimate({ config: configOf('qwen3.5-9b-mlx-8bit'), engine: 'mlx', hardware: 'm4-max-40c' });
    expect(mlx.quant.id).toBe('MLX-Q8');
    const fromRow = estimate({ model: 'qwen3.5-9b', quant: 'MLX-Q8', engine: 'mlx', hardware: 'm4-max-40c' });
    expect(mlx.memory).toEqual(fromRow.memory);
    expect(mlx.model.totalParams / 9e9).toBeCloseTo(1, 0);
  });

  it('refuses an unknown model_type, listing the supported ones', () => {
    expect(() => modelFromConfig({ model_type: 'rwkv7', num_hidden_layers: 2 })).toThrow(/model_type "rwkv7" is not supported; supported: .*qwen3_5/);
    expect(CONFIG_MODEL_TYPES).toContain('nemotron_h');
  });

  it('names the missing or malformed field, escaping what it echoes', () => {
    const c = configOf('qwen3-4b-2507');
    expect(() => modelFromConfig({ ...c, num_hidden_layers: undefined })).toThrow(/missing "num_hidden_layers"/);
    expect(() => modelFromConfig({ ...c, hidden_size: 'big' })).toThrow(/"hidden_size" must be a whole number/);
    expect(() => modelFromConfig({ ...c, num_hidden_layers: 1e9 })).toThrow(/"num_hidden_layers" must be a whole number from 1 to 2000/);
    expect(() => modelFromConfig({ ...c, model_type: '<img src=x>\u001b[31m' })).toThrow(/model_type "<img src=x>\\u001b\[31m" is not supported/);
    expect(() => modelFromConfig([1, 2])).toThrow(/must be a JSON object/);
  });

  it('gives every supported family in the catalog a config path: the catalog rows written from configs estimate the same as their configs', () => {
    for (const id of ['qwen3.6-35b-a3b', 'gemma-4-31b', 'nemotron-3-super-120b-a12b', 'deepseek-v3.2']) {
      const fromRow = estimate({ model: id, quant: 'Q4_K_M', hardware: '8x h200' });
      const fromConfig = estimate({ config: configOf(id), quant: 'Q4_K_M', hardware: '8x h200' });
      expect(fromConfig.memory, id).toEqual(fromRow.memory);
    }
  });
});

describe('GGUF headers of every 2025-26 family', () => {
  for (const [family, id] of Object.entries(FAMILIES)) {
    it(`gives ${family} the file's exact weights and the same KV cache and state as its config.json`, async () => {
      const f = gguFile(id);
      const source = await ourReader(f.bytes);
      const fromGguf = estimate({ gguf: source, ...BASE });
      const fromConfig = estimate({ config: configOf(id), quant: 'Q4_K_M', ...BASE });
      expect(fromGguf.memory.weightsBytes).toBe(Math.round(f.loadedBytes));
      expect(fromGguf.memory.fileBytes).toBe(Math.round(f.loadedBytes + f.mtpBytes));
      expect(fromGguf.memory.kvCacheBytes).toBe(fromConfig.memory.kvCacheBytes);
      expect(fromGguf.memory.stateBytes).toBe(fromConfig.memory.stateBytes);
      expect(fromGguf.memory.kvBytesPerToken).toBe(fromConfig.memory.kvBytesPerToken);
      expect(fromGguf.model.source).toBe('gguf');
      expect(fromGguf.model.id).toBe(`gguf:${id}`);
    });
  }

  it('reads the same header through @huggingface/gguf (the CLI) as through the built-in reader (the browser)', async () => {
    for (const id of ['qwen3.6-35b-a3b', 'nemotron-3-nano-30b-a3b', 'deepseek-v3.2']) {
      const f = gguFile(id);
      const viaLibrary = estimate({ gguf: await readGguf(f.path), ...BASE });
      const viaReader = estimate({ gguf: await ourReader(f.bytes), ...BASE });
      expect(viaLibrary.memory, id).toEqual(viaReader.memory);
    }
  });

  it('counts any mix of tensor types exactly, such as MXFP4 experts beside Q8_0 attention and a Q6_K head', async () => {
    const { header } = ggufFromConfig(configOf('qwen3-4b-2507'), 'Q4_K_M', 'mix');
    const mixed = header.tensors.map((t, i) => ({ ...t, type: t.dims.length === 1 ? 0 : i % 3 === 0 ? 8 : i % 3 === 1 ? 14 : 12 }));
    const src = await ourReader(writeGgufHeader({ ...header, tensors: mixed }));
    const expected = mixed.reduce((s, t) => {
      const n = t.dims.reduce((p, d) => p * d, 1);
      return s + (t.type === 0 ? n * 4 : t.type === 8 ? (n / 32) * 34 : t.type === 14 ? (n / 256) * 210 : (n / 256) * 144);
    }, 0);
    expect(modelFromGguf(src).tensors.reduce((s, t) => s + t.bytes, 0)).toBe(expected);
    expect(estimate({ gguf: src, hardware: 'rtx-4090' }).memory.weightsBytes).toBe(Math.round(expected));
  });

  it('gives exact weights to a GGUF of an architecture it does not model, saying the KV cache is not modelled', async () => {
    const { header } = ggufFromConfig(configOf('qwen3-4b-2507'), 'Q4_K_M', 'rwkv-like');
    const md = header.metadata.map(([k, v]): readonly [string, GgufWriterValue] => (k === 'general.architecture' ? [k, { type: 'string', value: 'rwkv7' }] : [k.replace(/^qwen3\./, 'rwkv7.'), v]));
    const src = await ourReader(writeGgufHeader({ ...header, metadata: md }));
    const r = estimate({ gguf: src, hardware: 'rtx-4090' });
    expect(r.warnings.join(' ')).toMatch(/KV cache not modelled for architecture "rwkv7"/);
    expect(r.memory.weightsBytes).toBeGreaterThan(0);
  });

  it('refuses --quant with a GGUF and engines that do not load GGUF', async () => {
    const src = await ourReader(gguFile('qwen3-4b-2507').bytes);
    expect(() => estimate({ gguf: src, quant: 'Q8_0' })).toThrow(/own tensor types/);
    expect(() => estimate({ gguf: src, engine: 'vllm' })).toThrow(/vllm does not load GGUF/);
    expect(estimate({ gguf: src, engine: 'ollama', hardware: 'rtx-4090' }).settings.engine).toBe('ollama');
  });

  it('reads every shard of a split file', async () => {
    const { header } = ggufFromConfig(configOf('qwen3-4b-2507'), 'Q4_K_M', 'split');
    const half = Math.floor(header.tensors.length / 2);
    const one = writeGgufHeader({ ...header, metadata: [...header.metadata, ['split.count', { type: 'u16', value: 2 }], ['split.no', { type: 'u16', value: 0 }]], tensors: header.tensors.slice(0, half) });
    const two = writeGgufHeader({ metadata: [['split.count', { type: 'u16', value: 2 }], ['split.no', { type: 'u16', value: 1 }]], tensors: header.tensors.slice(half) });
    // Each shard as large as its tensors (sparse): @huggingface/gguf checks the shapes against the size.
    const data = (ts: typeof header.tensors) => ts.reduce((s, t) => s + t.dims.reduce((p, d) => p * d, 1), 0);
    writeFileSync(join(tmp, 'split-00001-of-00002.gguf'), one);
    truncateSync(join(tmp, 'split-00001-of-00002.gguf'), one.length + data(header.tensors.slice(0, half)));
    writeFileSync(join(tmp, 'split-00002-of-00002.gguf'), two);
    truncateSync(join(tmp, 'split-00002-of-00002.gguf'), two.length + data(header.tensors.slice(half)));
    const whole = estimate({ gguf: await ourReader(writeGgufHeader(header)), hardware: 'rtx-4090' });
    const split = estimate({ gguf: await readGguf(join(tmp, 'split-00001-of-00002.gguf')), hardware: 'rtx-4090' });
    expect(split.memory.weightsBytes).toBe(whole.memory.weightsBytes);
  });
});

describe('reading files and addresses', () => {
  it('names a config after its folder and reads the bare word Infinity that Python writes', async () => {
    const dir = join(tmp, 'NVIDIA-Nemotron-3-Super');
    mkdirSync(dir);
    writeFileSync(join(dir, 'config.json'), readFileSync(join(FIXTURES, 'nemotron-3-super-120b-a12b.json')));
    const c = await readConfig(join(dir, 'config.json'));
    expect(c['_name_or_path']).toBe('NVIDIA-Nemotron-3-Super');
    expect(estimate({ config: c, quant: 'Q4_K_M' }).model.id).toBe('config:NVIDIA-Nemotron-3-Super');
  });

  it('refuses a missing file, a directory, non-JSON and a JSON array with one clear message', async () => {
    await expect(readConfig(join(tmp, 'nope.json'))).rejects.toThrow(/cannot read/);
    writeFileSync(join(tmp, 'bad.json'), '{ not json');
    await expect(readConfig(join(tmp, 'bad.json'))).rejects.toThrow(/not valid JSON/);
    writeFileSync(join(tmp, 'arr.json'), '[1]');
    await expect(readConfig(join(tmp, 'arr.json'))).rejects.toThrow(/must be a JSON object/);
    await expect(readGguf(join(tmp, 'nope.gguf'))).rejects.toThrow(/cannot read/);
    writeFileSync(join(tmp, 'trunc.gguf'), gguFile('qwen3-4b-2507').bytes.subarray(0, 200));
    await expect(readGguf(join(tmp, 'trunc.gguf'))).rejects.toThrow(/truncated/);
  });
});
