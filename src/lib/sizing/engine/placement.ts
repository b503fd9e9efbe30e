/**
 * Placement of a resolved request on its rig: the quant-independent parts at one context (per-layer
 * KV, per-device overhead and capacities), the input of the placement model (../fit.ts), and the
 * searches built on it: the longest context that keeps a verdict, and the best format that fits.
 */
import type { BackendId, EngineId } from '../../vocabulary.ts';
import { offered } from '../core-util.ts';
import { place, type OffloadPolicy, type Placement, type PlacementInput } from '../fit.ts';
import { kvBytesOfLayer, kvCells, kvTotalBytes } from '../kv-cache.ts';
import { deviceOverheadBytes, sglangMemoryFraction, visionBytes, VLLM_GPU_MEMORY_UTILIZATION } from '../overhead.ts';
import type { Device } from '../rig.ts';
import type { WeightBreakdown } from '../weights.ts';
import { weightsOf } from './models.ts';
import type { ContextBase, EngineContext, Resolved } from './types.ts';

/** What each engine can move to system RAM (MLX has unified memory and moves nothing: no RAM capacity). */
const OFFLOAD_POLICY: Record<EngineId, OffloadPolicy> = {
  'llama.cpp': 'layers-or-experts',
  transformers: 'layers',
  ollama: 'layers-or-experts',
  vllm: 'weights',
  sglang: 'weights',
  mlx: 'layers',
};

/** Bound on the engine's cache of context bases (each holds two arrays of one number per layer). */
const MAX_CACHED_BASES = 1024;

/** Context bases a search computes at other contexts than the request's, by context; discarded after the search. */
export type Scratch = Map<number, ContextBase>;

/** The devices overhead is computed for: the rig's, or one default device when none was given. */
export function devicesOf(r: Resolved): Device[] {
  if (r.rig) return r.rig.devices;
  const backend: BackendId = r.runtime === 'mlx' ? 'metal' : 'cuda';
  return [{ id: 'none', memoryBytes: 0, installedBytes: 0, bandwidthBytesPerSec: 0, flopsPerSec: 0, matrixFlopsPerSec: 0, backend, powerW: 0, priceUsd: null, unified: backend === 'metal', hbm: false, fp16Acc: false, nativeFp4: false, generation: 'other' }];
}

/**
 * The quant-independent part of placement at one context. At the request's own context it is kept
 * in the engine's cache (sweeps and calculators ask for it again with other formats); at other
 * contexts, in the caller's scratch map when given.
 */
export function contextBase(ctx: EngineContext, r: Resolved, context: number, scratch?: Scratch): ContextBase {
  const cached = context === r.context && r.baseKey !== null;
  const hit = cached ? ctx.caches.bases.get(r.baseKey!) : scratch?.get(context);
  if (hit) return hit;
  const b = computeContextBase(r, context);
  if (cached) {
    if (ctx.caches.bases.size >= MAX_CACHED_BASES) ctx.caches.bases.clear();
    ctx.caches.bases.set(r.baseKey!, b);
  } else scratch?.set(context, b);
  return b;
}

function computeContextBase(r: Resolved, context: number): ContextBase {
  const a = r.p.arch;
  const devs = devicesOf(r);
  const D = devs.length;
  const cells = kvCells(r.engine, r.kv, context, r.sequences, r.kvUnified, r.ubatch);
  const L = a.layers;
  const layerKv = new Float64Array(L);
  const prefixKv = new Float64Array(L + 1);
  for (let i = 0; i < L; i++) { layerKv[i] = kvBytesOfLayer(r.kv, cells, i); prefixKv[i + 1] = prefixKv[i]! + layerKv[i]!; }
  const kvBytes = kvTotalBytes(r.kv, cells);
  const tp = r.split === 'tensor' ? D : 1;
  const fixed: number[] = [];
  for (let d = 0; d < D; d++) {
    fixed.push(deviceOverheadBytes({ engine: r.engine, backend: devs[d]!.backend, arch: a, cells: cells.full, prompt: r.prompt, ubatch: r.ubatch, tensorParallel: tp, holdsOutput: tp > 1 || d === D - 1 }));
  }
  const vision = visionBytes(r.engine, a);
  let overhead = vision;
  for (const f of fixed) overhead += f;
  // vLLM and SGLang may fill only a share of each GPU; the rest is left to other processes and graphs.
  const capacities = devs.map((d) => d.memoryBytes * (r.engine === 'sglang' ? sglangMemoryFraction(d.memoryBytes, tp) : r.runtime === 'vllm' ? VLLM_GPU_MEMORY_UTILIZATION : 1));
  return { layerKv, prefixKv, kvBytes, fixed, capacities, overhead, vision };
}

/** The placement model's input for a request with weights `w` at a context, with the KV and overhead totals (bytes). */
export function placementInput(ctx: EngineContext, r: Resolved, w: WeightBreakdown, context: number, scratch?: Scratch): { pin: PlacementInput; kvBytes: number; overhead: number } {
  const a = r.p.arch;
  const b = contextBase(ctx, r, context, scratch);
  const D = b.capacities.length;
  const llama = r.runtime === 'llama.cpp';
  // llama.cpp keeps token_embd in system memory; a tied embedding is duplicated as the output head.
  const outputBytes = w.outputBytes + (llama ? w.tiedOutputBytes : 0);
  const hostBytes = hostBytesOf(r, w);
  const pin: PlacementInput = {
    layerWeights: w.layerBytes,
    layerExperts: w.layerExpertBytes,
    layerKv: b.layerKv,
    layerSum: w.totalBytes - w.embeddingBytes - w.outputBytes + b.kvBytes,
    prefixWeights: w.prefixLayer,
    prefixKv: b.prefixKv,
    outputBytes,
    // Unified memory: system memory is the device's own, so the embedding counts there.
    firstDeviceExtra: w.embeddingBytes - hostBytes + b.vision,
    hostBytes,
    capacities: b.capacities,
    fixed: b.fixed,
    split: r.split,
    kvShare: a.mla ? 1 : Math.max(1 / D, 1 / Math.max(1, a.kvHeads)),
    ramCapacity: r.ramCapacity,
    offload: OFFLOAD_POLICY[r.engine],
    arrays: ctx.caches.placement,
  };
  return { pin, kvBytes: b.kvBytes, overhead: b.overhead };
}

/**
 * Bytes the engine keeps in system memory whatever fits on the devices: llama.cpp's lookup tables,
 * the token embedding and any per-layer embeddings (input-layer tensors, looked up on the CPU;
 * src/llama-arch.cpp maps LLM_TENSOR_PER_LAYER_TOKEN_EMBD to LLM_TENSOR_LAYER_INPUT), except on
 * unified memory, where system memory is the devices' own.
 */
function hostBytesOf(r: Resolved, w: WeightBreakdown): number {
  return r.runtime === 'llama.cpp' && !r.rig?.unified ? w.embeddingBytes : 0;
}

const VERDICT_RANK = { 'no-fit': 0, offload: 1, fits: 2 } as const;

function verdictAt(ctx: EngineContext, r: Resolved, w: WeightBreakdown, context: number, scratch: Scratch): Placement['verdict'] {
  return place(placementInput(ctx, r, w, context, scratch).pin, false).verdict;
}

/**
 * Largest context per sequence (tokens) that keeps the verdict the request has at one token
 * ('fits', else 'offload'), capped at the model's maximum; 0 when nothing fits. With a unified
 * llama.cpp cache, the largest shared cache instead (capped at the maximum for every sequence).
 */
export function maxContextFor(ctx: EngineContext, r: Resolved, w: WeightBreakdown): number {
  const scratch: Scratch = new Map();
  const max = r.p.arch.maxContext * (r.kvUnified ? r.sequences : 1);
  const first = verdictAt(ctx, r, w, 1, scratch);
  if (first === 'no-fit') return 0;
  const target = VERDICT_RANK[first];
  const ok = (c: number) => VERDICT_RANK[verdictAt(ctx, r, w, c, scratch)] >= target;
  if (ok(max)) return max;
  let lo = 1, hi = max; // ok(lo) holds, ok(hi) does not
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) lo = mid; else hi = mid;
  }
  return lo;
}

/**
 * The highest-quality format the engine loads (up to the released format's quality, and at least
 * `minRank`) whose weights fit the rig at the request's context; null when none does.
 */
export function bestQuantFor(ctx: EngineContext, r: Resolved, minRank = -Infinity): string | null {
  const released = ctx.quantById.get(r.p.arch.releasedFormat.toLowerCase());
  const cap = released ? released.qualityRank : Infinity;
  // The request's own format is a candidate even where tables leave it out (MXFP4 on a dense model).
  const candidates = ctx.catalog.quants
    .filter((q) => q.engines.includes(r.engine) && (offered(q, r.p.arch) || q === r.quant) && q.qualityRank <= cap && q.qualityRank >= minRank)
    .sort((x, y) => y.qualityRank - x.qualityRank);
  const scratch: Scratch = new Map();
  for (const q of candidates) {
    const w = weightsOf(ctx, r.p, q.id, null, r.engine);
    if (verdictAt(ctx, r, w, r.context, scratch) === 'fits') return q.id;
  }
  return null;
}
