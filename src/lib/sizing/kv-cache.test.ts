import { describe, expect, it } from 'vitest';
import { archFromModel } from './arch.ts';
import { kvBytesPerToken, kvCells, kvLayout, kvReadBytesPerToken, kvTotalBytes } from './kv-cache.ts';
import { fixtureModels } from './test-fixtures.ts';
import { catalog } from '../catalog/index.ts';

const arch = (id: string) => archFromModel(fixtureModels.find((m) => m.id === id)!);

describe('KV cache', () => {
  it('keeps Llama 3.1 8B KV cache at 131,072 bytes per token at f16', () => {
    expect(kvBytesPerToken(kvLayout(arch('llama-3.1-8b'), 'llama.cpp', 'f16'))).toBe(131_072);
  });
  it('needs exactly 1 GiB for Llama 3.1 8B at 8192 tokens of f16 cache', () => {
    const l = kvLayout(arch('llama-3.1-8b'), 'llama.cpp', 'f16');
    expect(kvTotalBytes(l, kvCells('llama.cpp', l, 8192, 1))).toBe(2 ** 30);
  });
  it('keeps Llama 3.1 70B at 320 KiB per token (80 layers x 8 KV heads x 128 x 2 x 2 bytes)', () => {
    expect(kvBytesPerToken(kvLayout(arch('llama-3.1-70b'), 'vllm', 'bf16'))).toBe(327_680);
  });
  it('stores q8_0 at 34 bytes per 32 values and q4_0 at 18', () => {
    const a = arch('llama-3.1-8b');
    expect(kvBytesPerToken(kvLayout(a, 'llama.cpp', 'q8_0'))).toBe((131_072 * 34) / 64);
    expect(kvBytesPerToken(kvLayout(a, 'llama.cpp', 'q4_0'))).toBe((131_072 * 18) / 64);
  });
  it('caches DeepSeek V3 MLA as 576 elements per layer (70,272 bytes per token at bf16) in llama.cpp and vLLM', () => {
    expect(kvBytesPerToken(kvLayout(arch('deepseek-v3'), 'llama.cpp', 'f16'))).toBe(61 * 576 * 2);
    expect(kvBytesPerToken(kvLayout(arch('deepseek-v3'), 'vllm', 'bf16'))).toBe(70_272);
  });
  it('caches decompressed K and V per head for DeepSeek V3 under Transformers', () => {
    expect(kvBytesPerToken(kvLayout(arch('deepseek-v3'), 'transformers', 'bf16'))).toBe(61 * 128 * (192 + 128) * 2);
  });
  it('counts only the global layers of Gemma 2 in the marginal bytes per token', () => {
    const l = kvLayout(arch('gemma-2-9b'), 'llama.cpp', 'f16');
    expect(l.nFull).toBe(21);
    expect(kvBytesPerToken(l)).toBe(21 * 2 * 8 * 256 * 2);
  });
  it('caps llama.cpp sliding-window layers at window + ubatch cells', () => {
    const l = kvLayout(arch('gpt-oss-120b'), 'llama.cpp', 'f16');
    const c = kvCells('llama.cpp', l, 65536, 1);
    expect(c.full).toBe(65536);
    expect(c.window).toBe(768); // 128 + 512 rounded up to 256
    expect(kvCells('llama.cpp', l, 65536, 1, false, 2048).window).toBe(2304); // 128 + 2048 rounded up to 256
    expect(kvTotalBytes(l, c)).toBe(18 * 36 * 65536 * 2 * 8 * 64 * 2 / 36 + 18 * 768 * 2 * 8 * 64 * 2);
  });
  it('grows with context on full layers only once the window is full', () => {
    const a = arch('gemma-2-9b');
    const l = kvLayout(a, 'transformers', 'bf16');
    const at = (c: number) => kvTotalBytes(l, kvCells('transformers', l, c, 1));
    expect(at(8192) - at(6144)).toBe(2048 * kvBytesPerToken(l));
  });
  it('multiplies by concurrent sequences', () => {
    const l = kvLayout(arch('llama-3.1-8b'), 'vllm', 'bf16');
    expect(kvTotalBytes(l, kvCells('vllm', l, 4096, 4))).toBe(4 * kvTotalBytes(l, kvCells('vllm', l, 4096, 1)));
  });
  it('sizes all 42 layers of Gemma 2 9B at full length under vLLM at 32K (42 x 32,768 x 8 KiB = 10.5 GiB)', () => {
    const l = kvLayout(arch('gemma-2-9b'), 'vllm', 'bf16');
    const c = kvCells('vllm', l, 32768, 1);
    expect(c.window).toBe(32768);
    expect(kvTotalBytes(l, c)).toBe(42 * 32768 * 2 * 8 * 256 * 2);
    expect(kvBytesPerToken(l)).toBe(42 * 2 * 8 * 256 * 2);
  });
  it('sizes Gemma 2 9B under llama.cpp at 32K as 21 global layers at full length + 21 windowed layers at 4096 + 512 cells', () => {
    const l = kvLayout(arch('gemma-2-9b'), 'llama.cpp', 'f16');
    const c = kvCells('llama.cpp', l, 32768, 1);
    expect(c.window).toBe(4608); // pad(min(32768, 4096 x 1 + 512), 256)
    expect(kvTotalBytes(l, c)).toBe(21 * 32768 * 8192 + 21 * 4608 * 8192);
  });
  it('gives llama.cpp sequences with their own streams a window of window + ubatch cells each, padded per stream', () => {
    // llama-kv-cache-iswa.cpp: size_swa = pad256(min(n_ctx_seq, n_swa x 1 + n_ubatch)) per stream.
    const l = kvLayout(arch('gemma-2-9b'), 'llama.cpp', 'f16');
    const c = kvCells('llama.cpp', l, 10_000, 4);
    expect(c.full).toBe(4 * 10_240); // n_ctx_seq = pad256(10,000) in each of 4 streams
    expect(c.window).toBe(4 * 4608); // pad256(min(10,240, 4,096 + 512)) in each stream
  });
  it('shares one llama.cpp cache of the context among the sequences when unified, as llama-server does with automatic slots', () => {
    // 4 slots sharing -c 32768: one stream of 32,768 cells; windowed layers pad256(min(32,768, 4,096 x 4 + 512)).
    const l = kvLayout(arch('gemma-2-9b'), 'llama.cpp', 'f16');
    const shared = kvCells('llama.cpp', l, 32768, 4, true);
    expect(shared).toEqual({ full: 32768, window: 16896, sequences: 4 });
    expect(kvTotalBytes(l, shared)).toBe(21 * 32768 * 8192 + 21 * 16896 * 8192);
    // One sequence: the same cache either way.
    expect(kvCells('llama.cpp', l, 32768, 1, true)).toEqual(kvCells('llama.cpp', l, 32768, 1));
  });
  it('keeps one recurrent state per sequence in a unified llama.cpp cache', () => {
    const l = kvLayout(archFromModel(catalog.models.find((m) => m.id === 'qwen3-next-80b-a3b')!), 'llama.cpp', 'f16');
    expect(l.nLinear).toBeGreaterThan(0);
    const one = kvTotalBytes(l, kvCells('llama.cpp', l, 8192, 1, true));
    const four = kvTotalBytes(l, kvCells('llama.cpp', l, 8192, 4, true));
    expect(four - one).toBe(3 * l.nLinear * l.linearStateBytes);
  });
  it('sizes gpt-oss-20b windowed layers at full length under vLLM (24 layers x 2,048 bytes per token)', () => {
    const l = kvLayout(arch('gpt-oss-20b'), 'vllm', 'bf16');
    expect(kvTotalBytes(l, kvCells('vllm', l, 8192, 32))).toBe(24 * 2048 * 8192 * 32); // 12.00 GiB, as hf-mem PR #70 measured
  });
  it('reads at most the window on windowed layers when decoding deep in the context', () => {
    const l = kvLayout(arch('gpt-oss-20b'), 'llama.cpp', 'f16');
    expect(kvReadBytesPerToken(l, 10_000)).toBe(12 * 2048 * 10_000 + 12 * 2048 * 128);
  });
});
