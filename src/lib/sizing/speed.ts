/**
 * Speed: decode from bytes read per token over effective bandwidth, prefill from FLOPs over
 * effective compute, each with a 10th-90th percentile range from the calibration spreads.
 *
 * Decode (one sequence, batch 1): every generated token reads the active weights once (for MoE only
 * the chosen experts) plus the KV cache at the current depth. Layer split: the devices take turns,
 * so times add (no speed-up), plus a fixed cost per hop between devices. Tensor parallel: the
 * devices read their shares at once; the speed-up over one device is `1 + (N-1) x s` with `s` the
 * fitted per-device scaling for the interconnect (PCIe below NVLink), each step adds two
 * all-reduces per layer at the link's fitted latency, and the fixed costs per layer do not split
 * (every device runs every layer's kernels on its slice). Layers or experts in system
 * RAM are read at RAM bandwidth. N concurrent sequences share one weight read per step and each
 * read its own KV; a step also takes at least the FLOPs of N tokens over effective compute, and
 * for MoE the experts touched by N tokens are `E x (1 - (1 - k/E)^N)`.
 * Prefill: `2 x active parameters` FLOPs per token for the matrix multiplies plus attention
 * `2 x heads x (d_qk + d_v) x L` per layer for L attended tokens (windowed layers at most their
 * window), over effective compute; it also cannot beat one read of the weights per micro-batch
 * (`ubatch` tokens). Calibrated refinements (calibration.ts, each optional): a per-layer decode cost,
 * an extra one per MoE layer and one per step (Python-hosted engines), the host's dispatch time per
 * layer that a step cannot beat (eager PyTorch), HBM decode efficiencies, the
 * routed experts' prefill efficiency by the tokens each gets per micro-batch, the GeForce
 * FP16-accumulate prefill boost, a sub-linear peak exponent, an attention efficiency factor,
 * pipelining of layer-split prefill in llama.cpp, a prefill factor per weight family, and a time per
 * prompt for engines timed from the call to the first token (fixed, and in passes over all the
 * weights). Weights in system RAM are streamed to the GPU for each micro-batch (llama.cpp offloads
 * large batches to the GPU) at PCIe speed (25 GB/s assumed).
 * Averages follow llama-bench: prefill over `prompt` tokens from `depth` (mean attended length
 * depth + prompt/2), then decode over `output` tokens from where the prompt left the cache (mean
 * attended length depth + prompt + output/2).
 */
import { REQUEST_SCHEMA } from '../request.ts';
import type { HardwareEntry } from '../catalog/types.ts';
import type { BackendEfficiency } from './calibration.ts';
import { GGUF_QUANTIZED_FAMILIES, type BackendId, type DeviceGeneration, type WeightFamily } from '../vocabulary.ts';
import type { Arch } from './arch.ts';

/**
 * The largest share of peak memory bandwidth a decode reaches: memory-bound copy kernels reach
 * about 90-95% of the peak on GDDR, HBM and LPDDR (STREAM-class measurements), never all of it.
 */
export const MAX_BANDWIDTH_EFFICIENCY = 0.95;

/** The largest share of peak tensor FLOP/s a prefill reaches (large GEMMs reach 70-90% of peak). */
export const MAX_COMPUTE_EFFICIENCY = 0.9;

/** PCIe host-to-device bandwidth assumed for streaming offloaded weights (PCIe 4.0 x16, effective). */
export const PCIE_BYTES_PER_SEC = 25e9;
/** System RAM bandwidth assumed when `ramBandwidthGbs` is not given, bytes/s (the request schema's default). */
export const DEFAULT_RAM_BYTES_PER_SEC = REQUEST_SCHEMA.hardware.ramBandwidthGbs.default * 1e9;

/** What one device reads and computes per token. */
export interface DeviceLoad {
  /** Active weight bytes read per token at batch 1. */
  weightBytes: number;
  /** All weight bytes on the device (read once per prefill micro-batch). */
  allWeightBytes: number;
  /** Routed-expert bytes on the device (all experts), for the batched expert union. */
  expertBytes: number;
  /** Share of the model's layers on this device (for FLOPs and KV reads), 0..1. */
  layerShare: number;
  bandwidthBytesPerSec: number;
  flopsPerSec: number;
  /** FLOP/s of matrix units beyond `flopsPerSec` (Apple M5's Neural Accelerators); absent = `flopsPerSec`. */
  matrixFlopsPerSec?: number;
  backend: BackendId;
  /** HBM memory (A100/H100/MI300...): decode uses the backend's HBM efficiencies when fitted. */
  hbm?: boolean;
  /** NVIDIA GeForce: the catalog's FP32-accumulate rate is boosted for llama.cpp's FP16-accumulate GEMMs. */
  fp16Acc?: boolean;
  /** Device generation, for the per-generation factors of its backend. */
  generation?: DeviceGeneration;
  /** The device's vendor, for `prefillVendorFactor` (absent for a raw spec). */
  vendor?: HardwareEntry['vendor'];
}

/** Inputs of the speed model. */
export interface SpeedInput {
  arch: Arch;
  devices: DeviceLoad[];
  /** Load held in system RAM (offloaded layers/experts), or null. */
  cpu: { weightBytes: number; allWeightBytes: number; expertBytes: number; layerShare: number } | null;
  ramBytesPerSec: number;
  split: 'layer' | 'tensor';
  /** Fitted per-device tensor-parallel scaling for the interconnect. */
  tpScaling: number;
  /** Latency of one all-reduce over the interconnect under tensor parallelism, seconds (two per layer and step). */
  tpAllReduceSec?: number;
  /** Per-hop cost of a layer split, seconds per token per extra device. */
  hopSec: number;
  /** Efficiency of llama.cpp's layer-split prefill pipelining, 0..1 (default 1 = ideal). */
  pipelineEff?: number;
  /** Repeating layers of the model, for the per-layer decode overhead. */
  layers?: number;
  /** Layers whose MLP is a routed mixture of experts, for the per-MoE-layer decode overhead. */
  moeLayers?: number;
  efficiency: (backend: BackendId) => BackendEfficiency;
  family: WeightFamily;
  /** Prefill throughput factor of this weight family on a backend; absent = 1. */
  prefillFamilyFactor?: (backend: BackendId) => number;
  /** KV bytes read per token at a depth (one sequence, whole model). */
  kvReadAt: (depth: number) => number;
  /** Active parameters per token, excluding the embedding lookup. */
  activeMatmulParams: number;
  /** The routed experts' share of `activeMatmulParams` (0 for dense models). */
  activeExpertParams?: number;
  /** llama.cpp kernels of 2024 rather than current builds (the backend's `kernels2024` factors apply). */
  kernels2024?: boolean;
  prompt: number;
  output: number;
  depth: number;
  sequences: number;
  /** Flash attention in prefill (default true): selects the backend's FA attention factor when fitted. */
  flashAttention?: boolean;
  /** Micro-batch of prefill, tokens. */
  ubatch: number;
}

/** Speeds, tokens per second, and time to first token in seconds. */
export interface SpeedResult {
  decodeTokensPerSec: number;
  decodeRange: [number, number];
  prefillTokensPerSec: number;
  prefillRange: [number, number];
  timeToFirstTokenSec: number;
  aggregateDecodeTokensPerSec: number;
}

/**
 * The prefill factor of a weight family on a backend (1 where none is fitted). A GGUF block format without
 * rows enough for a factor of its own goes through the k-quants' quantized-matmul path, so it takes their
 * factor rather than the base, which may stand for the float GEMMs.
 */
export function prefillFamilyFactorOf(e: BackendEfficiency, f: WeightFamily): number {
  const table = e.prefillFamilyFactor;
  return table?.[f] ?? (GGUF_QUANTIZED_FAMILIES.includes(f) ? table?.['gguf-k'] : undefined) ?? 1;
}

function bwEff(e: BackendEfficiency, f: WeightFamily, hbm = false): number {
  if (hbm && e.decodeBandwidthHbm) return e.decodeBandwidthHbm[f] ?? e.decodeBandwidthHbm.default;
  return e.decodeBandwidth[f] ?? e.decodeBandwidth.default;
}

/**
 * The decode and prefill factors of a device's generation (for prefill, its vendor's when the generation
 * has none and the backend stands for another vendor) and of the kernel era on its backend,
 * the per-layer decode cost that applies (the 2024 kernels', else the generation's, else the backend's),
 * and the extra cost of a MoE layer (the generation's, else the backend's).
 */
function deviceFactors(s: SpeedInput, e: BackendEfficiency, d: DeviceLoad): { decode: number; prefill: number; prefillAttention: number; layerSec: number; moeLayerSec: number } {
  const g = d.generation ? e.generation?.[d.generation] : undefined;
  const era = s.kernels2024 ? e.kernels2024 : undefined;
  return {
    decode: (g?.decode ?? 1) * (era?.decode ?? 1),
    prefill: (g?.prefill ?? (d.vendor ? e.prefillVendorFactor?.[d.vendor] : undefined) ?? 1) * (era?.prefill ?? 1),
    prefillAttention: g?.prefillAttention ?? 1,
    layerSec: era?.layerOverheadSec ?? g?.layerOverheadSec ?? e.decodeLayerOverheadSec ?? 0,
    moeLayerSec: g?.moeLayerOverheadSec ?? e.decodeMoeLayerOverheadSec ?? 0,
  };
}

/**
 * Prefill boost for devices whose catalog rate is the FP32-accumulate one (GeForce), 1 otherwise;
 * at most 2, the FP16-accumulate rate's ratio on GeForce cards.
 */
function accBoost(e: BackendEfficiency, d: DeviceLoad): number {
  return d.fp16Acc ? Math.min(2, e.prefillFp16AccBoost ?? 1) : 1;
}

/** Tokens each routed expert gets, on average, from a micro-batch of `ubatch` tokens routed to `k` of `experts`. */
export function tokensPerExpert(ubatch: number, k: number, experts: number): number {
  return (ubatch * k) / experts;
}

/** Attention FLOPs per token at a mean attended length (all layers). */
export function attentionFlopsPerToken(a: Arch, attended: number): number {
  const dqk = a.mla ? a.mla.qkNopeHeadDim + a.mla.qkRopeHeadDim : a.headDim;
  const dv = a.mla ? a.mla.vHeadDim : a.headDim;
  const perLayer = 2 * a.heads * (dqk + dv);
  const l = a.layout;
  if (!l) return perLayer * a.layers * attended;
  const every = Math.max(1, l.fullEvery);
  const nFull = Math.floor(a.layers / every) + ((l.fullPosition ?? 'last') === 'first' && a.layers % every > 0 ? 1 : 0);
  const nOther = a.layers - nFull;
  const w = l.kind === 'linear' ? 0 : Math.min(attended, l.windowTokens ?? attended);
  return perLayer * (nFull * attended + nOther * w);
}

/**
 * Decode seconds per step for `n` concurrent sequences at KV depth `depth`, at the central
 * efficiency. Returns per-step time (each sequence gets one token per step).
 */
function decodeStepSec(s: SpeedInput, n: number, depth: number): number {
  const a = s.arch;
  const kv = s.kvReadAt(depth) * n;
  // Share of routed experts touched by n tokens, over the share touched by one.
  let expertFactor = 1;
  if (a.moe) {
    const p = a.moe.activeExperts / a.moe.experts;
    expertFactor = (1 - Math.pow(1 - p, n)) / p;
  }
  const flops = 2 * s.activeMatmulParams * n;
  // Sum (layer split) and max (tensor split) of the device times, without an array per step. Under a
  // tensor split every device runs every layer's kernels on its slice, so the fixed costs per layer
  // stay whole (worstFixed) while the reads and FLOPs split (worstTime).
  let sum = 0, worstTime = 0, worstFixed = 0, used = 0;
  // Attention over the cache at this depth, all layers (run by batch-1 kernels far from peak).
  const attFlops = attentionFlopsPerToken(a, depth) * n;
  for (const d of s.devices) {
    const e = s.efficiency(d.backend);
    const k = deviceFactors(s, e, d);
    const activeExperts = d.expertBytes * (a.moe ? a.moe.activeExperts / a.moe.experts : 0);
    const bytes = d.weightBytes + activeExperts * (expertFactor - 1) + kv * d.layerShare;
    // Per-token fixed cost of each layer (kernel launches, synchronisation), fitted per backend.
    // No kernel streams weights at the memory's full peak, whatever the factors multiply to.
    // MoE layers add routing and expert-gather kernels to that cost.
    const fixedPerModel = k.layerSec * (s.layers ?? 0) + k.moeLayerSec * (s.moeLayers ?? 0);
    const fixed = fixedPerModel * d.layerShare;
    const streamed = bytes / (d.bandwidthBytesPerSec * Math.min(MAX_BANDWIDTH_EFFICIENCY, bwEff(e, s.family, d.hbm) * k.decode));
    const peak = d.flopsPerSec * e.prefillCompute * accBoost(e, d);
    const comp = (flops * d.layerShare) / peak;
    const att = e.decodeAttentionFactor ? (attFlops * d.layerShare) / (peak * e.decodeAttentionFactor) : 0;
    sum += Math.max(streamed + fixed, comp) + att;
    const split = Math.max(streamed, comp) + att;
    if (split > worstTime) worstTime = split;
    if (fixedPerModel > worstFixed) worstFixed = fixedPerModel;
    if (d.layerShare > 0) used++;
  }
  let t: number;
  if (s.split === 'tensor' && s.devices.length > 1) {
    // Each device holds 1/N; compare against one device reading everything.
    const n1 = s.devices.length;
    const worst = worstTime * n1;
    // Two all-reduces of the step's activations per layer, bound by the link's latency at batch 1.
    t = worst / (1 + (n1 - 1) * s.tpScaling) + worstFixed + 2 * (s.layers ?? 0) * (s.tpAllReduceSec ?? 0);
  } else {
    t = sum + Math.max(0, used - 1) * s.hopSec;
  }
  // A host that launches each layer's kernels from Python runs ahead of the GPU while it can:
  // the step waits for whichever finishes last. Sampling and dispatch of the step come once on top.
  const host = hostEfficiency(s);
  t = Math.max(t, (host?.decodeHostLayerSec ?? 0) * (s.layers ?? 0));
  t += host?.decodeStepOverheadSec ?? 0;
  if (s.cpu) {
    const e = s.efficiency('cpu');
    const activeExperts = s.cpu.expertBytes * (a.moe ? a.moe.activeExperts / a.moe.experts : 0);
    const bytes = s.cpu.weightBytes + activeExperts * (expertFactor - 1) + kv * s.cpu.layerShare;
    t += bytes / (s.ramBytesPerSec * bwEff(e, s.family));
  }
  return t;
}

/** Prefill seconds per token (mean over the prompt) at the central efficiency. */
function prefillSecPerToken(s: SpeedInput): number {
  const attended = s.depth + s.prompt / 2;
  const experts = 2 * (s.activeExpertParams ?? 0);
  const mm = 2 * s.activeMatmulParams - experts;
  const att = attentionFlopsPerToken(s.arch, attended);
  const ub = Math.max(1, Math.min(s.ubatch, s.prompt));
  const perExpert = s.arch.moe ? tokensPerExpert(ub, s.arch.moe.activeExperts, s.arch.moe.experts) : 0;
  const times: number[] = [];
  for (const d of s.devices) {
    const e = s.efficiency(d.backend);
    // The peak is the matrix units' rate where the catalog has one beyond the shader rate (Apple M5):
    // current llama.cpp (Metal tensor API) and MLX run their GEMMs on them.
    const peak = Math.max(d.flopsPerSec, d.matrixFlopsPerSec ?? 0) * accBoost(e, d);
    // Big GPUs reach a smaller share of their peak (fixed per-op costs, dequantization traffic):
    // effective = prefillCompute x 100 TFLOP/s x (peak / 100 TFLOP/s)^prefillPeakExponent (fitted).
    // Float and quantized weights run through different GEMM kernels (cuBLAS/FP16 vs llama.cpp's MMQ):
    // a fitted factor per backend and weight family (`prefillFamilyFactorOf`).
    const fam = s.prefillFamilyFactor ? s.prefillFamilyFactor(d.backend) : 1;
    // ...and never computes faster than a share of its peak, raised by a generation factor above 1 (the
    // generation's kernels beat that rate's convention, as FP16-accumulate GEMMs do on GeForce cards under Vulkan).
    const k = deviceFactors(s, e, d);
    const gen = k.prefill;
    const ceiling = MAX_COMPUTE_EFFICIENCY * peak * Math.max(1, gen);
    const f = Math.min(ceiling, e.prefillCompute * 1e14 * Math.pow(peak / 1e14, e.prefillPeakExponent ?? 1) * fam * gen);
    // Attention runs at a lower efficiency than the weight GEMMs (prefillAttentionFactor, fitted);
    // with flash attention the score matrix stays on chip, so it has its own factor when fitted.
    const attFactor = (s.flashAttention ?? true) && e.prefillAttentionFactorFa !== undefined ? e.prefillAttentionFactorFa : (e.prefillAttentionFactor ?? 1);
    // A generation's own attention kernels move it, but never past 90% of the peak (nor below its rate without them).
    const attRate = Math.min(f * attFactor * k.prefillAttention, Math.max(f * attFactor, MAX_COMPUTE_EFFICIENCY * peak));
    // Routed experts run as many small GEMMs of the tokens routed to each (prefillMoeFactor, fitted),
    // less efficient the fewer tokens each expert gets (prefillMoeBatchTokens, fitted).
    const t0 = e.prefillMoeBatchTokens ?? 0;
    const moeEff = (e.prefillMoeFactor ?? 1) * (t0 > 0 ? perExpert / (perExpert + t0) : 1);
    const comp = (mm / f + (experts > 0 ? experts / (f * moeEff) : 0) + att / attRate) * d.layerShare;
    const mem = d.allWeightBytes / (d.bandwidthBytesPerSec * bwEff(e, s.family, d.hbm)) / ub;
    times.push(Math.max(comp, mem));
  }
  let t: number;
  if (s.split === 'tensor' && s.devices.length > 1) {
    const n1 = s.devices.length;
    t = (Math.max(...times) * n1) / (1 + (n1 - 1) * s.tpScaling);
  } else {
    t = times.reduce((x, y) => x + y, 0);
    let active = 0;
    for (const d of s.devices) if (d.layerShare > 0) active++;
    if (active > 1 && !s.cpu) {
      // llama.cpp pipelines the micro-batches of one n_batch (2048) through a layer split:
      // m micro-batches over N stages take (m + N - 1) slowest-stage times instead of m x N.
      const m = Math.ceil(Math.min(s.prompt, 2048) / ub);
      const ideal = Math.max(1, t / ((Math.max(...times) * (m + active - 1)) / m));
      t = t / (1 + (ideal - 1) * (s.pipelineEff ?? 1));
    }
  }
  if (s.cpu && s.cpu.allWeightBytes > 0) {
    // Weights in RAM cross PCIe once per micro-batch.
    t += s.cpu.allWeightBytes / PCIE_BYTES_PER_SEC / ub;
  }
  return t;
}

/** The efficiencies whose once-per-step and once-per-prompt costs apply: the first device's engine settings. */
function hostEfficiency(s: SpeedInput): BackendEfficiency | undefined {
  const first = s.devices[0];
  return first ? s.efficiency(first.backend) : undefined;
}

/** Prefill tokens/s over the prompt, with the engine's time per prompt (fixed, and in passes over the weights). */
function prefillRate(s: SpeedInput): number {
  const host = hostEfficiency(s);
  const passes = host?.prefillRequestWeightPasses ?? 0;
  let weightPassSec = 0;
  if (passes > 0) for (const d of s.devices) weightPassSec += d.allWeightBytes / d.bandwidthBytesPerSec;
  const requestSec = (host?.prefillRequestOverheadSec ?? 0) + passes * weightPassSec;
  const prompt = Math.max(1, s.prompt);
  return finite(prompt / (prompt * prefillSecPerToken(s) + requestSec));
}

function finite(x: number): number {
  return Number.isFinite(x) && x > 0 ? x : 0;
}

/**
 * Decode and prefill rates with ranges, time to first token, and aggregate decode for the
 * given concurrency. Ranges multiply the central rate by the p10/p90 spreads of the slowest
 * backend involved (the CPU's when anything is offloaded). `decodeOnly` leaves prefill at 0.
 */
export function speedOf(s: SpeedInput, decodeOnly = false): SpeedResult {
  const n = Math.max(1, s.sequences);
  // The generated tokens attend to the prompt too: decode starts where prefill left the cache.
  const decodeDepth = s.depth + s.prompt + s.output / 2;
  const step = decodeStepSec(s, n, decodeDepth);
  const decode = finite(1 / step);
  // Sweeps only show decode; skipping prefill saves a third of the work per row.
  const prefill = decodeOnly ? 0 : prefillRate(s);
  let lo = Infinity, hi = -Infinity, plo = Infinity, phi = -Infinity;
  let active = 0;
  for (const d of s.devices) if (d.layerShare > 0) active++;
  // Runs over several devices have their own (wider) calibrated spreads when fitted.
  const multi = active > 1;
  const spreadOf = (b: BackendId) => {
    const e = s.efficiency(b);
    const ds = (multi && e.decodeSpreadMulti) || e.decodeSpread;
    const ps = (multi && e.prefillSpreadMulti) || e.prefillSpread;
    lo = Math.min(lo, ds[0]); hi = Math.max(hi, ds[1]);
    plo = Math.min(plo, ps[0]); phi = Math.max(phi, ps[1]);
  };
  for (const d of s.devices) spreadOf(d.backend);
  if (s.cpu) spreadOf('cpu');
  return {
    decodeTokensPerSec: decode,
    decodeRange: [decode * lo, decode * hi],
    prefillTokensPerSec: prefill,
    prefillRange: [prefill * plo, prefill * phi],
    timeToFirstTokenSec: prefill > 0 ? s.prompt / prefill : 0,
    aggregateDecodeTokensPerSec: decode * n,
  };
}
