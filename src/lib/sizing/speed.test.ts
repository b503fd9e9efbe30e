import { describe, expect, it } from 'vitest';
import type { BackendEfficiency } from './calibration.ts';
import { archFromRaw } from './arch.ts';
import { attentionFlopsPerToken, prefillFamilyFactorOf, speedOf } from './speed.ts';
import type { DeviceLoad, SpeedInput } from './speed.ts';

const eff: BackendEfficiency = { decodeBandwidth: { default: 0.5 }, prefillCompute: 0.5, decodeSpread: [0.8, 1.2], prefillSpread: [0.7, 1.3] };
const arch = archFromRaw({ layers: 10, hidden: 1024, heads: 8, kvHeads: 8, vocab: 1000, intermediate: 4096 });

function input(over: Partial<SpeedInput> = {}): SpeedInput {
  return {
    arch,
    devices: [{ weightBytes: 1e9, allWeightBytes: 1e9, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'cuda' }],
    cpu: null, ramBytesPerSec: 50e9, split: 'layer', tpScaling: 0.6, hopSec: 0.001,
    efficiency: () => eff, family: 'gguf-k', kvReadAt: () => 0, activeMatmulParams: 1e9,
    prompt: 512, output: 128, depth: 0, sequences: 1, ubatch: 512, ...over,
  };
}

describe('speed', () => {
  it('decodes at effective bandwidth over bytes per token: 1 GB at 50% of 1 TB/s is 500 tokens/s', () => {
    expect(speedOf(input()).decodeTokensPerSec).toBeCloseTo(500, 6);
  });
  it('gives the range from the p10/p90 spreads', () => {
    const s = speedOf(input());
    expect(s.decodeRange[0]).toBeCloseTo(400, 6);
    expect(s.decodeRange[1]).toBeCloseTo(600, 6);
  });
  it('gains nothing from a layer split and pays a cost per hop', () => {
    const two = input({ devices: [0, 1].map(() => ({ weightBytes: 0.5e9, allWeightBytes: 0.5e9, expertBytes: 0, layerShare: 0.5, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'cuda' as const })) });
    // 2 ms of reads + 1 ms hop = 3 ms
    expect(speedOf(two).decodeTokensPerSec).toBeCloseTo(1 / 0.003, 6);
  });
  it('speeds up under tensor parallelism by 1 + (N-1) x scaling', () => {
    const two = input({ split: 'tensor', devices: [0, 1].map(() => ({ weightBytes: 0.5e9, allWeightBytes: 0.5e9, expertBytes: 0, layerShare: 0.5, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'cuda' as const })) });
    expect(speedOf(two).decodeTokensPerSec).toBeCloseTo(500 * 1.6, 6);
  });
  it('adds two all-reduces per layer to each tensor-parallel step: 10 layers x 2 x 30 us on top of the split read', () => {
    const devices = [0, 1].map(() => ({ weightBytes: 0.5e9, allWeightBytes: 0.5e9, expertBytes: 0, layerShare: 0.5, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'cuda' as const }));
    const plain = speedOf(input({ split: 'tensor', devices, layers: 10 })).decodeTokensPerSec;
    const linked = speedOf(input({ split: 'tensor', devices, layers: 10, tpAllReduceSec: 30e-6 })).decodeTokensPerSec;
    expect(1 / linked - 1 / plain).toBeCloseTo(600e-6, 9);
    // A layer split has no all-reduce.
    expect(speedOf(input({ devices, layers: 10, tpAllReduceSec: 30e-6 })).decodeTokensPerSec).toBe(speedOf(input({ devices, layers: 10 })).decodeTokensPerSec);
  });
  it('keeps the fixed cost of each layer whole under a tensor split, where every device runs every layer: 10 x 100 us on top of the split read', () => {
    const devices = [0, 1].map(() => ({ weightBytes: 0.5e9, allWeightBytes: 0.5e9, expertBytes: 0, layerShare: 0.5, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'cuda' as const }));
    const perLayer = { ...eff, decodeLayerOverheadSec: 100e-6 };
    const tensor = speedOf(input({ split: 'tensor', devices, layers: 10, efficiency: () => perLayer })).decodeTokensPerSec;
    // 2 ms of reads over 1.6 (two devices at scaling 0.6), then 1 ms of per-layer costs.
    expect(1 / tensor).toBeCloseTo(0.002 / 1.6 + 0.001, 9);
    // A layer split runs each layer on one device: the devices' shares of the cost add up to the whole.
    const layer = speedOf(input({ devices, layers: 10, efficiency: () => perLayer })).decodeTokensPerSec;
    expect(1 / layer).toBeCloseTo(0.002 + 0.001 + 0.001, 9);
  });
  it('adds system-RAM time for offloaded layers', () => {
    const s = speedOf(input({ cpu: { weightBytes: 0.3e9, allWeightBytes: 0.3e9, expertBytes: 0, layerShare: 0.3 }, efficiency: () => eff }));
    // 2 ms on the GPU + 0.3 GB / (0.5 x 50 GB/s) = 12 ms
    expect(s.decodeTokensPerSec).toBeCloseTo(1 / 0.014, 6);
  });
  it('slows decode as the KV cache it reads grows', () => {
    const shallow = speedOf(input({ kvReadAt: (d) => d * 1e5 })).decodeTokensPerSec;
    const deep = speedOf(input({ depth: 32768, kvReadAt: (d) => d * 1e5 })).decodeTokensPerSec;
    expect(deep).toBeLessThan(shallow);
  });
  it('decodes after the prompt, reading its cache as it reads the depth before it: 1 GB + (4096 + 64) x 100 kB per token', () => {
    const kvReadAt = (d: number) => d * 1e5;
    const afterPrompt = speedOf(input({ prompt: 4096, depth: 0, kvReadAt })).decodeTokensPerSec;
    expect(afterPrompt).toBeCloseTo(1 / ((1e9 + 4160 * 1e5) / 0.5e12), 6);
    expect(speedOf(input({ prompt: 1, depth: 4095, kvReadAt })).decodeTokensPerSec).toBeCloseTo(afterPrompt, 9);
  });
  it("runs prefill attention at a generation's own factor, but never past 90% of the device's peak", () => {
    const longPrompt = { prompt: 65536, flashAttention: true } as const;
    const dev = { weightBytes: 1e9, allWeightBytes: 1e9, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'cuda' as const, generation: 'hopper' as const };
    const withGen = (prefillAttention: number | undefined): BackendEfficiency => ({ ...eff, prefillAttentionFactorFa: 0.5, generation: prefillAttention === undefined ? {} : { hopper: { prefillAttention } } });
    const rate = (g: number | undefined) => speedOf(input({ ...longPrompt, devices: [dev], efficiency: () => withGen(g) })).prefillTokensPerSec;
    const mm = 2e9, att = attentionFlopsPerToken(arch, 65536 / 2);
    // 0.5 x 1 PFLOP/s for the GEMMs; attention at 0.5 x 0.5, then x 1.5, then capped at 0.9 x 1 PFLOP/s.
    expect(rate(undefined)).toBeCloseTo(1 / (mm / 0.5e15 + att / 0.25e15), 6);
    expect(rate(1.5)).toBeCloseTo(1 / (mm / 0.5e15 + att / 0.375e15), 6);
    expect(rate(10)).toBeCloseTo(1 / (mm / 0.5e15 + att / 0.9e15), 6);
  });
  it('computes prefill from FLOPs over effective compute: 2 GFLOP per token at 0.5 PFLOP/s', () => {
    const s = speedOf(input({ prompt: 512 }));
    const flops = 2e9 + attentionFlopsPerToken(arch, 256);
    expect(s.prefillTokensPerSec).toBeCloseTo(0.5e15 / flops, 3);
    expect(s.timeToFirstTokenSec).toBeCloseTo(512 / s.prefillTokensPerSec, 6);
  });
  it('runs attention at the flash-attention factor when flash attention is on, the plain factor when off or unfitted', () => {
    const fa: BackendEfficiency = { ...eff, prefillAttentionFactor: 0.2, prefillAttentionFactorFa: 1 };
    const devices = [{ weightBytes: 1e9, allWeightBytes: 1e9, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e14, flopsPerSec: 1e15, backend: 'cuda' as const }];
    const at = (e: BackendEfficiency, flashAttention?: boolean) => speedOf(input({ devices, efficiency: () => e, depth: 16384, prompt: 512, ...(flashAttention === undefined ? {} : { flashAttention }) })).prefillTokensPerSec;
    const att = attentionFlopsPerToken(arch, 16384 + 256);
    // Flash attention is the default; its factor 1 prices attention like the weight GEMMs.
    expect(at(fa)).toBeCloseTo(0.5e15 / (2e9 + att), 3);
    expect(at(fa, true)).toBe(at(fa));
    expect(at(fa, false)).toBeCloseTo(0.5e15 / (2e9 + att / 0.2), 3);
    // Without a fitted flash-attention factor the plain one applies either way.
    const plain: BackendEfficiency = { ...eff, prefillAttentionFactor: 0.2 };
    expect(at(plain, true)).toBe(at(plain, false));
  });
  it('widens the ranges with the several-device spreads when more than one device holds layers', () => {
    const multi: BackendEfficiency = { ...eff, decodeSpreadMulti: [0.5, 1.5], prefillSpreadMulti: [0.4, 1.6] };
    const one = speedOf(input({ efficiency: () => multi }));
    expect(one.decodeRange[0] / one.decodeTokensPerSec).toBeCloseTo(0.8, 9);
    const two = speedOf(input({ efficiency: () => multi, devices: [0, 1].map(() => ({ weightBytes: 0.5e9, allWeightBytes: 0.5e9, expertBytes: 0, layerShare: 0.5, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'cuda' as const })) }));
    expect(two.decodeRange[0] / two.decodeTokensPerSec).toBeCloseTo(0.5, 9);
    expect(two.prefillRange[1] / two.prefillTokensPerSec).toBeCloseTo(1.6, 9);
  });
  it('scales prefill compute, not decode, by the weight-family prefill factor (1.5 -> 1.5x prefill)', () => {
    // Bandwidth high enough that prefill stays compute-bound at both rates.
    const devices = [{ weightBytes: 1e9, allWeightBytes: 1e9, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e14, flopsPerSec: 1e15, backend: 'cuda' as const }];
    const base = speedOf(input({ prompt: 512, devices }));
    const fast = speedOf(input({ prompt: 512, devices, prefillFamilyFactor: (b) => (b === 'cuda' ? 1.5 : 1) }));
    expect(fast.prefillTokensPerSec).toBeCloseTo(base.prefillTokensPerSec * 1.5, 6);
    expect(fast.decodeTokensPerSec).toBe(base.decodeTokensPerSec);
  });
  it("gives a GGUF block format without a prefill factor of its own the k-quants' factor, and floats none", () => {
    const withK: BackendEfficiency = { ...eff, prefillFamilyFactor: { 'gguf-k': 1.5, microscaling: 2 } };
    expect(prefillFamilyFactorOf(withK, 'gguf-legacy')).toBe(1.5);
    expect(prefillFamilyFactorOf(withK, 'gguf-i')).toBe(1.5);
    expect(prefillFamilyFactorOf(withK, 'microscaling')).toBe(2);
    expect(prefillFamilyFactorOf(withK, 'float')).toBe(1);
    expect(prefillFamilyFactorOf(withK, 'int4-group')).toBe(1);
    expect(prefillFamilyFactorOf(eff, 'gguf-legacy')).toBe(1);
  });
  it('adds the fitted cost of each MoE layer to every decode step: 1 GB at 500 GB/s plus 10 layers x 100 us is 3 ms', () => {
    const moeArch = archFromRaw({ layers: 10, hidden: 1024, heads: 8, kvHeads: 8, vocab: 1000, intermediate: 4096, experts: 32, activeExperts: 4 });
    const routed: BackendEfficiency = { ...eff, decodeMoeLayerOverheadSec: 100e-6 };
    expect(speedOf(input({ arch: moeArch, moeLayers: 10, efficiency: () => routed })).decodeTokensPerSec).toBeCloseTo(1 / 0.003, 6);
    // A dense model has no MoE layers, whatever the backend's value.
    expect(speedOf(input({ moeLayers: 0, efficiency: () => routed })).decodeTokensPerSec).toBeCloseTo(500, 6);
  });
  it('runs the routed experts of a prefill at factor x t / (t + t0) for t tokens per expert, so a larger micro-batch is faster', () => {
    const moeArch = archFromRaw({ layers: 10, hidden: 1024, heads: 8, kvHeads: 8, vocab: 1000, intermediate: 4096, experts: 32, activeExperts: 4 });
    const routed: BackendEfficiency = { ...eff, prefillMoeFactor: 0.5, prefillMoeBatchTokens: 64 };
    const devices = [{ weightBytes: 1e9, allWeightBytes: 1e9, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e14, flopsPerSec: 1e15, backend: 'cuda' as const }];
    const at = (ubatch: number) => speedOf(input({ arch: moeArch, devices, efficiency: () => routed, activeExpertParams: 0.5e9, prompt: 2048, ubatch })).prefillTokensPerSec;
    const att = attentionFlopsPerToken(moeArch, 1024);
    // 512 tokens x 4 of 32 experts = 64 per expert: half of the factor; 2048 tokens: 256 per expert, 0.8 of it.
    expect(at(512)).toBeCloseTo(0.5e15 / (1e9 + 1e9 / (0.5 * 0.5) + att), 3);
    expect(at(2048)).toBeCloseTo(0.5e15 / (1e9 + 1e9 / (0.5 * 0.8) + att), 3);
  });
  it('prefills at its efficiency times the matrix units\' rate where a device has one beyond the shader rate (Apple M5)', () => {
    const shaders: DeviceLoad[] = [{ weightBytes: 1e9, allWeightBytes: 1e9, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e14, flopsPerSec: 1e14, backend: 'metal', generation: 'm5' }];
    const flops = 2e9 + attentionFlopsPerToken(arch, 256);
    const at = (devices: DeviceLoad[]) => speedOf(input({ devices })).prefillTokensPerSec;
    expect(at(shaders)).toBeCloseTo(0.5e14 / flops, 3);
    expect(at([{ ...shaders[0]!, matrixFlopsPerSec: 3e14 }])).toBeCloseTo(1.5e14 / flops, 3);
  });
  it("waits for an eager engine's host to dispatch every layer: 10 layers x 1 ms hold a 2 ms read at 10 ms, and a 20 ms read is not held", () => {
    const eager = { ...eff, decodeHostLayerSec: 1e-3, decodeStepOverheadSec: 0.5e-3 };
    const at = (weightBytes: number) => speedOf(input({ layers: 10, efficiency: () => eager,
      devices: [{ weightBytes, allWeightBytes: weightBytes, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'cuda' }] })).decodeTokensPerSec;
    // 1 GB at 50% of 1 TB/s is 2 ms: the host's 10 ms set the step, plus the step cost.
    expect(at(1e9)).toBeCloseTo(1 / 0.0105, 6);
    // 10 GB is 20 ms on the device, longer than the host's loop.
    expect(at(10e9)).toBeCloseTo(1 / 0.0205, 6);
  });
  it('adds a fixed time per prompt to prefill, which lowers the rate of short prompts most', () => {
    const per = (prompt: number, e: BackendEfficiency) => speedOf(input({ prompt, efficiency: () => e }));
    const timed = { ...eff, prefillRequestOverheadSec: 0.1 };
    for (const prompt of [128, 2048]) {
      const plain = per(prompt, eff);
      const slow = per(prompt, timed);
      // The prompt takes 0.1 s longer to its first token.
      expect(slow.timeToFirstTokenSec - plain.timeToFirstTokenSec).toBeCloseTo(0.1, 6);
    }
    expect(per(128, timed).prefillTokensPerSec / per(128, eff).prefillTokensPerSec).toBeLessThan(per(2048, timed).prefillTokensPerSec / per(2048, eff).prefillTokensPerSec);
  });
  it('adds a time per prompt in passes over all the weights, experts included, at the devices\' peak bandwidth', () => {
    const e = { ...eff, prefillRequestWeightPasses: 5 };
    const ttft = (devices: DeviceLoad[], efficiency: BackendEfficiency) => speedOf(input({ devices, efficiency: () => efficiency })).timeToFirstTokenSec;
    // A MoE whose chosen experts are 1 GB of its 8 GB: the passes read all 8 GB.
    const moe: DeviceLoad[] = [{ weightBytes: 1e9, allWeightBytes: 8e9, expertBytes: 7.5e9, layerShare: 1, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'metal' }];
    expect(ttft(moe, e) - ttft(moe, eff)).toBeCloseTo(5 * 8e9 / 1e12, 9);
    // Over two devices of a layer split, each device's share at its own bandwidth.
    const split: DeviceLoad[] = [
      { weightBytes: 0.5e9, allWeightBytes: 2e9, expertBytes: 0, layerShare: 0.5, bandwidthBytesPerSec: 1e12, flopsPerSec: 1e15, backend: 'metal' },
      { weightBytes: 0.5e9, allWeightBytes: 2e9, expertBytes: 0, layerShare: 0.5, bandwidthBytesPerSec: 0.5e12, flopsPerSec: 1e15, backend: 'metal' },
    ];
    expect(ttft(split, e) - ttft(split, eff)).toBeCloseTo(5 * (2e9 / 1e12 + 2e9 / 0.5e12), 9);
  });
  it("caps prefill at 90% of the device's peak (the matrix units' where it has them), raised by a generation factor above 1", () => {
    const plain: DeviceLoad[] = [{ weightBytes: 1e9, allWeightBytes: 1e9, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e14, flopsPerSec: 1e14, backend: 'metal', generation: 'm5' }];
    const flops = 2e9 + attentionFlopsPerToken(arch, 256);
    // A family factor of 4 asks for 4e14 FLOP/s, four times the peak.
    const at = (e: BackendEfficiency, devices = plain) => speedOf(input({ devices, efficiency: () => e, prefillFamilyFactor: () => 4 })).prefillTokensPerSec;
    const base: BackendEfficiency = { ...eff, prefillCompute: 1 };
    expect(at(base)).toBeCloseTo(0.9e14 / flops, 3);
    expect(at(base, [{ ...plain[0]!, matrixFlopsPerSec: 3e14 }])).toBeCloseTo(2.7e14 / flops, 3);
    // A generation factor of 1.5 gives 6e14 asked and a ceiling of 1.35e14.
    expect(at({ ...base, generation: { m5: { prefill: 1.5 } } })).toBeCloseTo(1.35e14 / flops, 3);
  });
  it("gives a generation without a prefill factor of its own its vendor's factor, and a generation with one its own", () => {
    const card = (generation: DeviceLoad['generation'], vendor?: DeviceLoad['vendor']): DeviceLoad[] => [{
      weightBytes: 1e9, allWeightBytes: 1e9, expertBytes: 0, layerShare: 1, bandwidthBytesPerSec: 1e14, flopsPerSec: 1e15, backend: 'vulkan',
      ...(generation ? { generation } : {}), ...(vendor ? { vendor } : {}),
    }];
    const e: BackendEfficiency = { ...eff, generation: { ampere: { prefill: 4 } }, prefillVendorFactor: { nvidia: 3 } };
    const at = (devices: DeviceLoad[]) => speedOf(input({ devices, efficiency: () => e })).prefillTokensPerSec;
    const flops = 2e9 + attentionFlopsPerToken(arch, 256);
    expect(at(card('ada', 'nvidia'))).toBeCloseTo((3 * 0.5e15) / flops, 3);
    expect(at(card('ampere', 'nvidia'))).toBeCloseTo((4 * 0.5e15) / flops, 3);
    expect(at(card('rdna4', 'amd'))).toBeCloseTo(0.5e15 / flops, 3);
    expect(at(card('other'))).toBeCloseTo(0.5e15 / flops, 3);
  });
  it('serves more tokens in aggregate with more sequences but fewer per sequence', () => {
    const one = speedOf(input({ kvReadAt: (d) => d * 1e5, depth: 4096 }));
    const eight = speedOf(input({ kvReadAt: (d) => d * 1e5, depth: 4096, sequences: 8 }));
    expect(eight.aggregateDecodeTokensPerSec).toBeGreaterThan(one.aggregateDecodeTokensPerSec);
    expect(eight.decodeTokensPerSec).toBeLessThan(one.decodeTokensPerSec);
  });
});
