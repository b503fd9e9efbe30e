/**
 * Writes tests/golden/requests.jsonl: a fixed, broad sweep of estimate requests (every catalog model
 * and format, every engine, every backend through raw hardware, several rigs, the run settings, raw
 * architectures and bad lines). Deterministic: the same catalog gives the same file. `npm run golden:record`
 * runs it before recording.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { catalog } from '../../src/lib/catalog/index.ts';
import { BACKENDS, ENGINES, KV_CACHE_TYPES } from '../../src/lib/vocabulary.ts';

const rigs = ['rtx-3090', '2xrtx-3090', 'rtx-4060', 'rtx-4090,rtx-3090', 'h100-sxm', '8xh100-sxm', 'm4-max-40c', 'm2-ultra-76c',
  'dgx-spark', 'ryzen-ai-max-395', 'rx-7900-xtx', 'arc-b580', 'mi300x', '4xrtx-5090', 'rtx-pro-6000-blackwell'];
const appleRigs = ['m4-max-40c', 'm2-ultra-76c', 'm3-ultra-80c', 'm1-pro-16c'];
const vllmRigs = ['rtx-3090', '2xrtx-3090', 'h100-sxm', '8xh100-sxm', 'mi300x', 'rtx-pro-6000-blackwell', '4xrtx-5090'];
const engines = ENGINES;
const backends = BACKENDS;
const kvTypes = KV_CACHE_TYPES;
const contexts = [2048, 8192, 32768, 131072];

// A small linear congruential generator: the same sequence on every run.
let seed = 20261207;
function pick<T>(xs: readonly T[]): T {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return xs[seed % xs.length]!;
}

const out: unknown[] = [];
for (const m of catalog.models) {
  for (const q of catalog.quants) {
    out.push({ model: m.id, quant: q.id, hardware: pick(rigs), context: pick(contexts) });
    for (const engine of q.engines.filter((e) => e !== 'llama.cpp')) {
      const hardware = engine === 'mlx' ? pick(appleRigs) : engine === 'vllm' || engine === 'sglang' ? pick(vllmRigs) : pick(rigs);
      out.push({ model: m.id, quant: q.id, engine, hardware, context: pick(contexts) });
    }
  }
  for (const engine of engines) {
    out.push({ model: m.id, engine, hardware: pick(rigs) });
    out.push({ model: m.id, engine, hardware: pick(rigs), kvCache: pick(kvTypes), context: pick(contexts), sequences: pick([1, 2, 4]) });
  }
  for (const backend of backends) {
    out.push({ model: m.id, memoryGb: pick([8, 24, 48, 96]), bandwidthGbs: pick([120, 500, 1000, 3350]), tflops: pick([10, 80, 400]), backend, devices: pick([1, 2, 4]) });
  }
  out.push({ model: m.id, quant: 'Q4_K_M', hardware: pick(rigs), split: 'tensor', interconnect: pick(['pcie', 'nvlink']) });
  out.push({ model: m.id, hardware: 'rtx-4060', ramGb: 64, context: 16384 });
  out.push({ model: m.id, hardware: 'rtx-3090', ramGb: 128, ramBandwidthGbs: 80, quant: 'Q4_K_M' });
  out.push({ model: m.id, hardware: 'm4-max-40c', memoryGb: 64, gpuMemoryFraction: 0.9 });
  out.push({ model: m.id, hardware: pick(rigs), depth: 16384, prompt: 2048, output: 256, flashAttention: pick([true, false]) });
  out.push({ model: m.id, bpw: pick([2.5, 3.7, 4.85, 6.6]), hardware: pick(rigs) });
  out.push({ model: m.id });
}
for (const hw of catalog.hardware) {
  out.push({ model: 'llama-3.1-8b', quant: 'Q4_K_M', hardware: hw.id });
  out.push({ model: 'qwen3-30b-a3b', quant: 'Q4_K_M', hardware: `2x${hw.id}`, context: 32768 });
  for (const backend of hw.backends) out.push({ model: 'qwen3.6-35b-a3b', quant: 'Q4_K_M', hardware: hw.id, backend, depth: 8192 });
  out.push({ model: 'llama-3.1-8b', quant: 'Q4_0', hardware: hw.id, kernels: '2024' });
}
// Models read from their own config.json (the request carries the object).
for (const id of ['qwen3.6-35b-a3b', 'nemotron-3-super-120b-a12b', 'deepseek-v3.2', 'gemma-4-31b', 'glm-4.7-flash']) {
  const config = JSON.parse(readFileSync(new URL(`../fixtures/configs/${id}.json`, import.meta.url), 'utf8').replace(/([:[,]\s*-?)Infinity\b/g, '$11e999')) as unknown;
  out.push({ config, quant: 'Q4_K_M', hardware: '2xrtx-3090', context: 65536 });
  out.push({ config, engine: 'vllm', hardware: '8xh100-sxm' });
}
out.push({ config: { model_type: 'rwkv7' } });
out.push({ config: 'config.json' });
// Raw architectures.
out.push({ params: 7e9, layers: 32, hidden: 4096, heads: 32, kvHeads: 8, headDim: 128, vocab: 128256, intermediate: 14336, quant: 'Q4_K_M', hardware: 'rtx-3090' });
out.push({ params: 30e9, layers: 48, hidden: 2048, heads: 32, kvHeads: 4, experts: 128, activeExperts: 8, quant: 'Q8_0', hardware: 'm4-max-40c' });
out.push({ params: 7e9, hardware: 'rtx-4060' });
out.push({ params: 7e9, kvHeads: 4096 });
out.push({ params: 7e9, heads: 7 });
out.push({ layers: 32, hidden: 4096, params: 1e14 });
out.push({ params: 1e6 });
// llama-server's shared cache of automatic slots: four sequences in one pool.
for (const m of catalog.models) out.push({ model: m.id, hardware: 'rtx-4090', context: 32768, sequences: 4, kvUnified: true });
// Bad lines: each must give one error line.
out.push({ model: 'llama-3.1-8b', hardware: 'rtx-9999' });
out.push({ model: 'llama-3.1-8bb' });
out.push({ model: 'llama-3.1-8b', context: -5 });
out.push({ model: 'llama-3.1-8b', context: 1.5 });
out.push({ model: 'llama-3.1-8b', engine: 'exllama' });
out.push({ model: 'llama-3.1-8b', foo: 1 });
out.push({ model: 'llama-3.1-8b', quant: 'Q4_K_M', bpw: 4 });
out.push({ model: 'llama-3.1-8b', flashAttention: 'yes' });
out.push({ model: 'llama-3.1-8b', memoryGb: 24 });
out.push({ model: 'llama-3.1-8b', hardware: 'rtx-3090', bandwidthGbs: 900 });
out.push({ model: 'llama-3.1-8b', engine: 'mlx', hardware: 'rtx-3090' });
out.push({ model: 'llama-3.1-8b', engine: 'vllm', quant: 'Q4_K_M' });
out.push({ model: 'llama-3.1-8b', kvCache: 'q4_0', split: 'tensor', hardware: '2xrtx-3090' });
out.push([1, 2]);
out.push('just a string');
out.push(null);

const lines = out.map((r) => JSON.stringify(r));
lines.splice(100, 0, '{not json');
writeFileSync(new URL('./requests.jsonl', import.meta.url), lines.join('\n') + '\n');
console.log(`${lines.length} requests`);
