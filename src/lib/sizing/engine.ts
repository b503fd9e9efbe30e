/**
 * The sizing engine's core, built over a catalog passed in (`createEngineCore(catalog)`), so
 * calculator islands can ship a numbers-only catalog while the CLI and pages use the full one
 * (`full-engine.ts`, `estimate.ts`). This module imports no catalog data, only types, the calibration
 * efficiencies and the formula modules.
 *
 * Per-model work (the tensor inventory, weight breakdowns per format and engine, KV layouts) is
 * cached in a prepared model, so estimates in a sweep cost a few microseconds.
 */
import type {
  ApiPriceEntry, BackendId, EngineId, HardwareEntry, InterconnectId, KvCacheTypeId, ModelEntry, QualityEntry, QuantEntry,
} from '../catalog/types.ts';
import type { EstimateRequest, EstimateResult, FieldError } from './types.ts';
import { InputError } from './types.ts';
import { calibration, efficiencies, layerSplitHopSec, tensorParallelScaling } from '../calibration/efficiencies.ts';
import type { WeightFamily } from '../calibration/efficiencies.ts';
import { prefillFamilyFactor } from '../calibration/engine-params.ts';
import type { Arch } from './arch.ts';
import { archFromModel } from './arch.ts';
import { tensorInventory, weightFormatFor, weightsFor } from './weights.ts';
import type { TensorInventory, WeightBreakdown } from './weights.ts';
import {
  kvBytesOfLayer, kvBytesPerToken, kvCells, kvLayout, kvReadBytesPerToken, kvTotalBytes, kvTypesByEngine, LLAMA_CPP_UBATCH, VLLM_BATCHED_TOKENS,
} from './kv-cache.ts';
import type { KvLayout } from './kv-cache.ts';
import { deviceOverheadBytes, visionBytes, VLLM_GPU_MEMORY_UTILIZATION } from './overhead.ts';
import { place } from './fit.ts';
import type { Placement, PlacementInput } from './fit.ts';
import { DEFAULT_RAM_BYTES_PER_SEC, PCIE_BYTES_PER_SEC, speedOf } from './speed.ts';
import type { DeviceLoad, SpeedResult } from './speed.ts';
import { GiB, parseHardwareSpec, rawRig } from './rig.ts';
import type { Device, Rig } from './rig.ts';
import { offered, r0, r3 } from './core-util.ts';

/** The catalog tables the engine reads. String fields it uses: ids, model `family`, `releasedFormat`, `name`; hardware `vendor`, `backend`, `interconnect`; quant `family`, `engines`. */
export interface EngineCatalog {
  models: readonly ModelEntry[];
  hardware: readonly HardwareEntry[];
  quants: readonly QuantEntry[];
  apiPrices?: readonly ApiPriceEntry[];
  qualityLoss?: readonly QualityEntry[];
}

/** Cached per-model work. */
export interface PreparedModel {
  arch: Arch;
  inv: TensorInventory;
  model: ModelEntry | null;
  weights: Map<string, WeightBreakdown>;
  kv: Map<string, KvLayout>;
  /** Quant-independent placement parts by engine, cache type, rig and lengths (reused across sweeps). */
  bases?: Map<string, ContextBase>;
}

/** The quant-independent part of placement at one context. */
export interface ContextBase { layerKv: Float64Array; prefixKv: Float64Array; kvBytes: number; fixed: number[]; capacities: number[]; overhead: number; vision: number }

/** A request with every default resolved and checked. */
export interface Resolved {
  p: PreparedModel;
  quantId: string;
  quant: QuantEntry | null;
  w: WeightBreakdown;
  engine: EngineId;
  kvCache: KvCacheTypeId;
  kv: KvLayout;
  split: 'layer' | 'tensor';
  context: number;
  prompt: number;
  output: number;
  depth: number;
  sequences: number;
  /** Flash attention in prefill (request `flashAttention`, default true). */
  flashAttention: boolean;
  rig: Rig | null;
  interconnect: InterconnectId;
  ramCapacity: number | null;
  ramBytesPerSec: number;
  warnings: string[];
  /** Cache of quant-independent placement parts by context (for raw hardware, which has no rig key). */
  bases?: Map<number, ContextBase>;
  /** Key of the catalog rig (spec, memory, GPU share) or of no hardware; null for raw hardware. */
  rigKey: string | null;
  /** KV bytes read per token at a depth (built once per resolved request, shared by its sweep rows). */
  kvReadAt?: (depth: number) => number;
  /** The last context base used, and its context (a sweep asks for the same one on every row). */
  lastBase?: ContextBase;
  lastContext?: number;
}


const ENGINES: readonly EngineId[] = ['llama.cpp', 'vllm', 'mlx', 'transformers'];
const KV_TYPES: readonly KvCacheTypeId[] = ['f16', 'bf16', 'q8_0', 'q4_0', 'fp8'];
const BACKENDS: readonly BackendId[] = ['cuda', 'metal', 'rocm', 'vulkan', 'cpu'];
const INTERCONNECTS: readonly InterconnectId[] = ['pcie', 'nvlink', 'none'];
const SPLITS = ['layer', 'tensor'] as const;

/** Numeric request fields: [min, max, integer?, zero allowed?]. */
const NUMERIC: Partial<Record<keyof EstimateRequest, [number, number, boolean]>> = {
  params: [1e6, 1e14, false],
  layers: [1, 2000, true],
  hidden: [1, 262144, true],
  heads: [1, 4096, true],
  kvHeads: [1, 4096, true],
  headDim: [1, 8192, true],
  vocab: [1, 4_000_000, true],
  intermediate: [1, 4_000_000, true],
  experts: [1, 8192, true],
  activeExperts: [1, 8192, true],
  bpw: [0.5, 32, false],
  context: [1, 100_000_000, true],
  prompt: [1, 100_000_000, true],
  output: [1, 100_000_000, true],
  depth: [0, 100_000_000, true],
  sequences: [1, 100_000, true],
  memoryGb: [0.01, 1_000_000, false],
  bandwidthGbs: [0.01, 1_000_000, false],
  tflops: [0.001, 1_000_000, false],
  devices: [1, 64, true],
  ramGb: [0, 1_000_000, false],
  ramBandwidthGbs: [0.01, 1_000_000, false],
  gpuMemoryFraction: [0.05, 1, false],
};
const STRING_FIELDS: readonly (keyof EstimateRequest)[] = ['model', 'quant', 'kvCache', 'engine', 'split', 'interconnect', 'hardware', 'backend'];
/** Boolean request fields. */
const BOOLEAN_FIELDS: readonly (keyof EstimateRequest)[] = ['flashAttention'];
const KNOWN_FIELDS: readonly string[] = [...Object.keys(NUMERIC), ...STRING_FIELDS, ...BOOLEAN_FIELDS];
const RAW_ARCH_FIELDS: readonly (keyof EstimateRequest)[] = ['params', 'layers', 'hidden', 'heads', 'kvHeads', 'headDim', 'vocab', 'intermediate', 'experts', 'activeExperts'];


/** The weight family that selects a decode efficiency. */
function weightFamilyOf(q: QuantEntry | null): WeightFamily {
  if (!q) return 'float';
  switch (q.family) {
    case 'gptq': case 'awq': return 'int4-group';
    case 'int8': return 'fp8';
    default: return q.family;
  }
}

/** The calibrated efficiencies of a backend, read at call time (the fit mutates them in place). */
function efficiencyOf(b: BackendId) {
  return efficiencies[b];
}


/** Options of the internal estimate. */
interface RunOptions {
  /** Compute maxContext and bestQuant (skipped in sweeps). */
  search: boolean;
}

/** A light result row for sweeps. */
export interface SweepRow {
  model: string;
  quant: string;
  hardware: string;
  weightsBytes: number;
  totalBytes: number;
  verdict: 'fits' | 'offload' | 'no-fit' | null;
  offloadedLayers: number;
  headroomBytes: number;
  decodeTokensPerSec: number;
  decodeRange: [number, number];
}

/**
 * What the engine core can do without: the command line and the server-side pages pass both
 * (see createEngine); calculator islands pass neither, so the browser ships neither.
 */
export interface EngineCoreOptions {
  /**
   * The message for an unknown catalog id or request field (a "did you mean" list, say). Default:
   * names the id only, which is all a calculator needs (its fields offer catalog ids only).
   */
  unknownId?: UnknownIdMessage;
  /**
   * Builds a model from raw architecture fields (params, layers, hidden...), checking them;
   * without it a request with no catalog model is refused.
   */
  rawModel?: (req: EstimateRequest) => RawModel;
}

/** Message for an unknown id of a kind ('model', 'quant', 'hardware', or 'field' for request keys). */
export type UnknownIdMessage = (kind: 'model' | 'quant' | 'hardware' | 'field', id: string, known: readonly string[]) => string;

/** A model built from raw architecture fields, with what the engine should tell the reader about it. */
export interface RawModel { arch: Arch; warnings: string[] }

const plainUnknownId: UnknownIdMessage = (kind, id) => `unknown ${kind} "${id}"`;

/**
 * The engine core over a catalog: estimate, validateRequest, prepareModel, estimateFast, plus the
 * internals the helper modules build on (sweep.ts, context-curve.ts, quant-table.ts, tiers.ts,
 * rig-summary.ts). Calculator islands call this and import only the helpers they use, so a page
 * ships only the code it runs (the helpers are not closures here, on purpose: functions of a
 * returned object cannot be tree-shaken).
 */
export function createEngineCore(catalog: EngineCatalog, options: EngineCoreOptions = {}) {
  const unknownId = options.unknownId ?? plainUnknownId;
  const modelById = new Map<string, ModelEntry>();
  for (const m of catalog.models) modelById.set(m.id.toLowerCase(), m);
  const hwById = new Map<string, HardwareEntry>();
  for (const h of catalog.hardware) hwById.set(h.id.toLowerCase(), h);
  const quantById = new Map<string, QuantEntry>();
  for (const q of catalog.quants) { quantById.set(q.id.toLowerCase(), q); quantById.set(q.id, q); }
  const prepared = new Map<string, PreparedModel>();
  const rigCache = new Map<string, Rig>();

  /**
   * Prepared (cached) per-model work for a catalog model id or entry. Repeated estimates for the
   * same model reuse the inventory and each format's weight breakdown.
   */
  function prepareModel(model: string | ModelEntry): PreparedModel {
    const m = typeof model === 'string' ? modelById.get(model.toLowerCase()) : model;
    if (!m) throw new InputError('model', unknownId('model', String(model), catalog.models.map((x) => x.id)));
    const hit = prepared.get(m.id);
    if (hit && hit.model === m) return hit;
    const arch = archFromModel(m);
    const p: PreparedModel = { arch, inv: tensorInventory(arch), model: m, weights: new Map(), kv: new Map() };
    prepared.set(m.id, p);
    return p;
  }

  function weightsOf(p: PreparedModel, quantId: string, bpw: number | null, engine: EngineId): WeightBreakdown {
    // Keys without string building: the GGUF and checkpoint layouts differ only for llama.cpp.
    const key = bpw !== null ? `bpw:${bpw}` : engine === 'llama.cpp' ? quantId : quantId + '|hf';
    let w = p.weights.get(key);
    if (!w) {
      const f = bpw !== null ? { kind: 'bpw' as const, bitsPerWeight: bpw } : weightFormatFor(quantId, engine);
      if (!f) throw new InputError('quant', unknownId('quant', quantId, catalog.quants.map((q) => q.id)));
      w = weightsFor(p.inv, f, engine);
      p.weights.set(key, w);
    }
    return w;
  }

  function kvOf(p: PreparedModel, engine: EngineId, t: KvCacheTypeId): KvLayout {
    const key = `${engine}|${t}`;
    let k = p.kv.get(key);
    if (!k) { k = kvLayout(p.arch, engine, t); p.kv.set(key, k); }
    return k;
  }

  /** Field-level checks that need no catalog: types, ranges, enums, unknown keys. */
  function checkFields(req: EstimateRequest): FieldError[] {
    const errs: FieldError[] = [];
    if (req === null || typeof req !== 'object' || Array.isArray(req)) return [{ field: 'request', message: 'the request must be a JSON object' }];
    for (const key of Object.keys(req)) {
      if (!KNOWN_FIELDS.includes(key)) {
        errs.push({ field: 'request', message: unknownId('field', key, KNOWN_FIELDS) });
      }
    }
    const rec = req as Record<string, unknown>;
    for (const [k, spec] of Object.entries(NUMERIC) as [keyof EstimateRequest, [number, number, boolean]][]) {
      const v = rec[k];
      if (v === undefined) continue;
      const name = k;
      if (typeof v !== 'number' || !Number.isFinite(v)) { errs.push({ field: k, message: `${name} must be a number` }); continue; }
      const [min, max, int] = spec;
      if (int && !Number.isInteger(v)) errs.push({ field: k, message: `${name} must be a whole number` });
      else if (v < min || v > max) errs.push({ field: k, message: `${name} must be between ${min} and ${max} (got ${v})` });
    }
    for (const k of STRING_FIELDS) {
      const v = rec[k];
      if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) errs.push({ field: k, message: `${k} must be a non-empty string` });
    }
    for (const k of BOOLEAN_FIELDS) {
      const v = rec[k];
      if (v !== undefined && typeof v !== 'boolean') errs.push({ field: k, message: `${k} must be true or false` });
    }
    const oneOf = <T extends string>(k: keyof EstimateRequest, allowed: readonly T[]) => {
      const v = rec[k];
      if (typeof v === 'string' && !allowed.includes(v as T)) errs.push({ field: k, message: `${k} must be one of ${allowed.join(', ')} (got "${v}")` });
    };
    oneOf('engine', ENGINES); oneOf('kvCache', KV_TYPES); oneOf('backend', BACKENDS); oneOf('interconnect', INTERCONNECTS); oneOf('split', SPLITS);
    return errs;
  }

  /** Resolve defaults and check a request; `trusted` skips the field checks (sweeps check the base once). */
  function resolve(req: EstimateRequest, trusted = false): Resolved {
    if (!trusted) {
      const errs = checkFields(req);
      if (errs.length > 0) throw new InputError(errs[0]!.field, errs[0]!.message);
    }
    const warnings: string[] = [];
    const engine: EngineId = req.engine ?? 'llama.cpp';

    // Model.
    const rawGiven = RAW_ARCH_FIELDS.filter((k) => req[k] !== undefined);
    let p: PreparedModel;
    if (req.model !== undefined) {
      if (rawGiven.length > 0) throw new InputError(rawGiven[0]!, `give --model or a raw architecture (${rawGiven.join(', ')}), not both`);
      p = prepareModel(req.model);
    } else {
      if (!options.rawModel) throw new InputError('model', 'choose a model from the catalog');
      const raw = options.rawModel(req);
      p = { arch: raw.arch, inv: tensorInventory(raw.arch), model: null, weights: new Map(), kv: new Map() };
      warnings.push(...raw.warnings);
    }
    const a = p.arch;

    // Weight format.
    if (req.quant !== undefined && req.bpw !== undefined) throw new InputError('bpw', 'give --quant or --bpw, not both');
    let quantId: string;
    let quant: QuantEntry | null = null;
    const bpw = req.bpw ?? null;
    if (bpw !== null) {
      quantId = 'custom';
    } else {
      const asked = req.quant;
      const id = asked ?? a.releasedFormat;
      const q = quantById.get(id.toLowerCase());
      if (!q) throw new InputError('quant', unknownId('quant', id, catalog.quants.map((x) => x.id)));
      quant = q;
      quantId = q.id;
      if (!q.engines.includes(engine)) {
        if (asked !== undefined) throw new InputError('quant', `${engine} does not load ${q.id}; engines that do: ${q.engines.join(', ')}`);
        const fallback = quantById.get(q.family === 'fp8' || q.family === 'int8' ? 'q8_0' : engine === 'llama.cpp' ? 'q4_k_m' : 'bf16');
        if (!fallback || !fallback.engines.includes(engine)) throw new InputError('quant', `${engine} does not load the released format ${q.id}; choose --quant`);
        warnings.push(`${engine} does not load the released ${q.id} checkpoint; using ${fallback.id}`);
        quant = fallback;
        quantId = fallback.id;
      }
    }
    const w = weightsOf(p, quantId, bpw, engine);
    if (quantId === 'MXFP4' && !a.moe) {
      warnings.push(engine === 'llama.cpp'
        ? 'MXFP4 applies to MoE experts; on a dense model llama.cpp (MXFP4_MOE) stores every tensor as Q8_0'
        : 'MXFP4 on a dense model: every linear layer counted at 4.25 bits');
    }

    // KV cache.
    const kvDefault: KvCacheTypeId = engine === 'llama.cpp' ? 'f16' : a.releasedFormat === 'F16' ? 'f16' : 'bf16';
    const kvCache = req.kvCache ?? kvDefault;
    if (!kvTypesByEngine[engine].includes(kvCache)) throw new InputError('kvCache', `${engine} does not support a ${kvCache} KV cache (supported: ${kvTypesByEngine[engine].join(', ')})`);
    const kv = kvOf(p, engine, kvCache);

    // Lengths.
    const prompt = req.prompt ?? 512;
    const output = req.output ?? 128;
    const depth = req.depth ?? 0;
    const sequences = req.sequences ?? 1;
    // llama.cpp's `--flash-attn auto` (the default of current builds) turns it on where supported.
    const flashAttention = req.flashAttention ?? true;
    let context = req.context ?? Math.min(8192, a.maxContext);
    if (req.context === undefined && a.maxContext < 8192) warnings.push(`context capped at the model's maximum, ${a.maxContext} tokens`);
    if (req.context !== undefined && context > a.maxContext) {
      warnings.push(`context ${context} exceeds the model's maximum of ${a.maxContext} tokens; capped`);
      context = a.maxContext;
    }
    const needed = depth + prompt + output;
    if (context < needed) {
      warnings.push(`context grown from ${context} to ${needed} tokens to hold depth + prompt + output`);
      context = needed;
      if (context > a.maxContext) warnings.push(`depth + prompt + output (${needed}) exceeds the model's maximum context of ${a.maxContext} tokens`);
    }

    // Hardware.
    let rig: Rig | null = null;
    let rigKey: string | null = '';
    const rawHw = req.bandwidthGbs !== undefined || req.tflops !== undefined || req.backend !== undefined || req.devices !== undefined;
    if (req.hardware !== undefined) {
      if (rawHw) throw new InputError('hardware', 'give --hardware or raw hardware (--memory-gb --bandwidth-gbs ...), not both');
      const key = `${req.hardware}|${req.memoryGb ?? ''}|${req.gpuMemoryFraction ?? ''}`;
      rigKey = key;
      rig = rigCache.get(key) ?? null;
      if (!rig) {
        rig = parseHardwareSpec(req.hardware, catalog.hardware, hwById, req.memoryGb, req.gpuMemoryFraction, unknownId);
        rigCache.set(key, rig);
      }
    } else if (rawHw || req.memoryGb !== undefined) {
      if (req.memoryGb === undefined) throw new InputError('memoryGb', 'raw hardware needs --memory-gb');
      if (req.bandwidthGbs === undefined) throw new InputError('bandwidthGbs', 'raw hardware needs --bandwidth-gbs');
      rigKey = null;
      rig = rawRig({ memoryGb: req.memoryGb, bandwidthGbs: req.bandwidthGbs, tflops: req.tflops, backend: req.backend, devices: req.devices });
      if (req.tflops === undefined) warnings.push(`no --tflops given: prefill assumes ${(req.bandwidthGbs * 0.1).toFixed(1)} TFLOPS`);
    }
    if (rig) {
      const backends = new Set(rig.devices.map((d) => d.backend));
      if (engine === 'mlx' && (backends.size !== 1 || !backends.has('metal'))) throw new InputError('engine', 'MLX runs only on Apple silicon (metal backend)');
      if (engine === 'vllm' && [...backends].some((b) => b !== 'cuda' && b !== 'rocm')) throw new InputError('engine', 'vLLM is modelled on CUDA and ROCm GPUs only');
    }
    const split = req.split ?? (engine === 'vllm' ? 'tensor' : 'layer');
    if (split === 'tensor' && engine === 'llama.cpp' && (kvCache === 'q8_0' || kvCache === 'q4_0')) {
      throw new InputError('split', "llama.cpp's --split-mode tensor does not support a quantized KV cache");
    }
    if (split === 'tensor' && engine === 'mlx') throw new InputError('split', 'MLX has no tensor split in this model');
    const interconnect = req.interconnect ?? rig?.interconnect ?? 'none';
    if (rig && split === 'tensor' && rig.devices.length > 1 && a.heads % rig.devices.length !== 0) {
      warnings.push(`${a.heads} attention heads do not divide over ${rig.devices.length} devices; vLLM refuses such a tensor-parallel size`);
    }
    let ramCapacity: number | null = null;
    if (req.ramGb !== undefined && req.ramGb > 0) {
      if (rig?.unified) warnings.push('unified memory: system RAM is the same memory, so --ram-gb adds nothing; raise the GPU share instead (sysctl iogpu.wired_limit_mb, --gpu-share)');
      else ramCapacity = req.ramGb * GiB * 0.9;
    }
    if (engine === 'mlx') ramCapacity = null;
    const ramBytesPerSec = req.ramBandwidthGbs !== undefined ? req.ramBandwidthGbs * 1e9 : DEFAULT_RAM_BYTES_PER_SEC;
    if (engine === 'llama.cpp' && a.visionParams > 0) {
      warnings.push(`vision encoder (${(a.visionParams / 1e9).toFixed(2)}B parameters, about ${((a.visionParams * 2) / 1e9).toFixed(1)} GB in 16-bit) not counted: llama.cpp loads it only with --mmproj`);
    }
    return { p, quantId, quant, w, engine, kvCache, kv, split, context, prompt, output, depth, sequences, flashAttention, rig, interconnect, ramCapacity, ramBytesPerSec, warnings, rigKey };
  }

  /** The devices overhead is computed for: the rig's, or one default device when none was given. */
  function devicesOf(r: Resolved): Device[] {
    if (r.rig) return r.rig.devices;
    const backend: BackendId = r.engine === 'mlx' ? 'metal' : 'cuda';
    return [{ id: 'none', memoryBytes: 0, installedBytes: 0, bandwidthBytesPerSec: 0, flopsPerSec: 0, backend, powerW: 0, priceUsd: null, unified: backend === 'metal', hbm: false, fp16Acc: false }];
  }

  /**
   * The quant-independent part of placement at one context: per-layer KV, per-device overhead and
   * capacities. Cached on the prepared model for catalog rigs (so sweeps and calculators that
   * recompute with the same settings reuse it), else on the resolved request.
   */
  function contextBase(r: Resolved, context: number): ContextBase {
    if (r.lastContext === context && r.lastBase) return r.lastBase;
    const b = contextBaseOf(r, context);
    r.lastBase = b; r.lastContext = context;
    return b;
  }

  function contextBaseOf(r: Resolved, context: number): ContextBase {
    let key: string | number = context;
    let cache: Map<string | number, ContextBase>;
    // Only the request's own context is kept on the model (searches visit ~20 others per estimate,
    // which stay on the request): bounded memory in a long-lived page.
    if (r.rigKey !== null && context === r.context) {
      key = `${r.engine}|${r.kvCache}|${r.split}|${r.sequences}|${r.prompt}|${r.rigKey}|${context}`;
      cache = (r.p.bases ?? (r.p.bases = new Map())) as Map<string | number, ContextBase>;
    } else {
      cache = (r.bases ?? (r.bases = new Map())) as Map<string | number, ContextBase>;
    }
    const hit = cache.get(key);
    if (hit) return hit;
    const a = r.p.arch;
    const devs = devicesOf(r);
    const D = devs.length;
    const cells = kvCells(r.engine, r.kv, context, r.sequences);
    const L = a.layers;
    const layerKv = new Float64Array(L);
    const prefixKv = new Float64Array(L + 1);
    for (let i = 0; i < L; i++) { layerKv[i] = kvBytesOfLayer(r.kv, cells, i); prefixKv[i + 1] = prefixKv[i]! + layerKv[i]!; }
    const kvBytes = kvTotalBytes(r.kv, cells);
    const tp = r.split === 'tensor' ? D : 1;
    const fixed: number[] = [];
    for (let d = 0; d < D; d++) {
      fixed.push(deviceOverheadBytes({ engine: r.engine, backend: devs[d]!.backend, arch: a, cells: cells.full, prompt: r.prompt, tensorParallel: tp, holdsOutput: tp > 1 || d === D - 1 }));
    }
    const vision = visionBytes(r.engine, a);
    let overhead = vision;
    for (const f of fixed) overhead += f;
    const capacities = devs.map((d) => d.memoryBytes * (r.engine === 'vllm' ? VLLM_GPU_MEMORY_UTILIZATION : 1));
    const b: ContextBase = { layerKv, prefixKv, kvBytes, fixed, capacities, overhead, vision };
    // Bounded: a max-context search visits ~20 contexts; calculators a handful of settings per model.
    if (cache.size > 64) cache.clear();
    cache.set(key, b);
    return b;
  }

  function placementInput(r: Resolved, w: WeightBreakdown, context: number): { pin: PlacementInput; kvBytes: number; overhead: number } {
    const a = r.p.arch;
    const b = contextBase(r, context);
    const D = b.capacities.length;
    const llama = r.engine === 'llama.cpp';
    // llama.cpp keeps token_embd in system memory; a tied embedding is duplicated as the output head.
    const outputBytes = w.outputBytes + (llama && a.tied ? w.embeddingBytes : 0);
    const pin: PlacementInput = {
      layerWeights: w.layerBytes,
      layerExperts: w.layerExpertBytes,
      layerKv: b.layerKv,
      layerSum: w.totalBytes - w.embeddingBytes - w.outputBytes + b.kvBytes,
      prefixWeights: w.prefixLayer,
      prefixKv: b.prefixKv,
      outputBytes,
      firstDeviceExtra: (llama ? 0 : w.embeddingBytes) + b.vision,
      hostBytes: llama ? w.embeddingBytes : 0,
      capacities: b.capacities,
      fixed: b.fixed,
      split: r.split,
      kvShare: a.mla ? 1 : Math.max(1 / D, 1 / Math.max(1, a.kvHeads)),
      ramCapacity: r.ramCapacity,
      expertOffload: llama,
    };
    return { pin, kvBytes: b.kvBytes, overhead: b.overhead };
  }

  const VERDICT_RANK = { 'no-fit': 0, offload: 1, fits: 2 } as const;

  function verdictAt(r: Resolved, w: WeightBreakdown, context: number): Placement['verdict'] {
    return place(placementInput(r, w, context).pin, false).verdict;
  }

  /** Largest context per sequence with at least the verdict `target`, capped at the model maximum; 0 if none. */
  function maxContextFor(r: Resolved, w: WeightBreakdown): number {
    const max = r.p.arch.maxContext;
    const lo0 = 1;
    let target: Placement['verdict'] = 'fits';
    if (verdictAt(r, w, lo0) !== 'fits') {
      if (verdictAt(r, w, lo0) === 'offload') target = 'offload'; else return 0;
    }
    const ok = (c: number) => VERDICT_RANK[verdictAt(r, w, c)] >= VERDICT_RANK[target];
    if (ok(max)) return max;
    let lo = lo0, hi = max; // ok(lo) true, ok(hi) false
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (ok(mid)) lo = mid; else hi = mid;
    }
    return lo;
  }

  function bestQuantFor(r: Resolved, minRank = -Infinity): string | null {
    const released = quantById.get(r.p.arch.releasedFormat.toLowerCase());
    const cap = released ? released.qualityRank : Infinity;
    const cands = catalog.quants.filter((q) => q.engines.includes(r.engine) && offered(q, r.p.arch) && q.qualityRank <= cap && q.qualityRank >= minRank).sort((x, y) => y.qualityRank - x.qualityRank);
    for (const q of cands) {
      const w = weightsOf(r.p, q.id, null, r.engine);
      if (verdictAt(r, w, r.context) === 'fits') return q.id;
    }
    return null;
  }

  function speedFor(r: Resolved, pl: Placement, pin: PlacementInput, decodeOnly = false): SpeedResult {
    const a = r.p.arch;
    const w = r.w;
    const devs = devicesOf(r);
    const D = devs.length;
    const L = a.layers;
    const share = a.moe ? a.moe.activeExperts / a.moe.experts : 1;
    const llama = r.engine === 'llama.cpp';
    const loads: DeviceLoad[] = devs.map((d) => ({
      weightBytes: 0, allWeightBytes: 0, expertBytes: 0, layerShare: 0, bandwidthBytesPerSec: d.bandwidthBytesPerSec, flopsPerSec: d.flopsPerSec, backend: d.backend,
      hbm: d.hbm, fp16Acc: d.fp16Acc,
    }));
    let cpu: { weightBytes: number; allWeightBytes: number; expertBytes: number; layerShare: number } | null = null;
    if (r.split === 'tensor' && D > 1) {
      const total = w.totalBytes - (llama ? w.embeddingBytes : 0) + (llama && a.tied ? w.embeddingBytes : 0);
      let experts = 0;
      for (let i = 0; i < L; i++) experts += w.layerExpertBytes[i]!;
      // activeBytes already counts the output head (or the tied embedding serving as one).
      const active = w.activeBytes;
      const onGpu = pl.verdict === 'offload' ? 1 - pl.offloadedBytes / Math.max(1, total) : 1;
      for (const l of loads) {
        l.weightBytes = (active * onGpu) / D;
        l.allWeightBytes = (total * onGpu) / D;
        l.expertBytes = (experts * onGpu) / D;
        l.layerShare = 1 / D;
      }
      if (pl.verdict === 'offload') {
        cpu = { weightBytes: active * (1 - onGpu), allWeightBytes: total * (1 - onGpu), expertBytes: experts * (1 - onGpu), layerShare: 0 };
      }
    } else if (D === 1 && pl.verdict === 'fits') {
      // Everything on one device: the totals are known without walking the layers.
      const l = loads[0]!;
      l.weightBytes = w.activeBytes; // already counts the output head or the tied embedding serving as one
      // Resident weights without the embedding table (looked up, not streamed), except a tied one serving as the head.
      l.allWeightBytes = w.totalBytes - w.embeddingBytes - w.outputBytes + pin.outputBytes + (!llama && a.tied ? w.embeddingBytes : 0);
      l.expertBytes = w.expertBytes;
      l.layerShare = 1;
    } else if (pl.bounds && pl.verdict === 'fits') {
      // Contiguous runs of layers per device: sums from prefix arrays, no walk over the layers.
      for (let d = 0; d < D; d++) {
        const a0 = pl.bounds[d]!, a1 = pl.bounds[d + 1]!;
        const lw = w.prefixLayer[a1]! - w.prefixLayer[a0]!;
        const le = w.prefixExpert[a1]! - w.prefixExpert[a0]!;
        const l = loads[d]!;
        l.layerShare = (a1 - a0) / L;
        l.weightBytes = lw - le + le * share;
        l.allWeightBytes = lw;
        l.expertBytes = le;
      }
      const last = loads[D - 1]!;
      last.weightBytes += pin.outputBytes; last.allWeightBytes += pin.outputBytes;
      if (!llama && a.tied) { loads[0]!.weightBytes += w.embeddingBytes; loads[0]!.allWeightBytes += w.embeddingBytes; }
    } else {
      let cpuW = 0, cpuAll = 0, cpuExp = 0, cpuLayers = 0;
      for (let i = 0; i < L; i++) {
        const d = pl.layerDevice[i]!;
        const lw = w.layerBytes[i]!;
        const le = w.layerExpertBytes[i]!;
        const dense = lw - le;
        if (d < 0) {
          cpuW += dense + le * share; cpuAll += lw; cpuExp += le; cpuLayers++;
          continue;
        }
        const l = loads[d]!;
        l.layerShare += 1 / L;
        l.weightBytes += dense;
        l.allWeightBytes += dense;
        if (pl.expertCpu[i]) {
          cpuW += le * share; cpuAll += le; cpuExp += le;
        } else {
          l.weightBytes += le * share; l.allWeightBytes += le; l.expertBytes += le;
        }
      }
      const last = loads[D - 1]!;
      last.weightBytes += pin.outputBytes; last.allWeightBytes += pin.outputBytes;
      if (!llama && a.tied) { loads[0]!.weightBytes += w.embeddingBytes; loads[0]!.allWeightBytes += w.embeddingBytes; }
      if (cpuAll > 0) cpu = { weightBytes: cpuW, allWeightBytes: cpuAll, expertBytes: cpuExp, layerShare: cpuLayers / L };
    }
    let ramBw = r.ramBytesPerSec;
    if (pl.offloadMode === 'weights') ramBw = Math.min(ramBw, PCIE_BYTES_PER_SEC);
    const matmulParams = r.p.inv.activeParams - (a.tied ? 0 : r.p.inv.embeddingParams);
    const family: WeightFamily = r.quant ? weightFamilyOf(r.quant) : 'float';
    return speedOf({
      arch: a, devices: loads, cpu, ramBytesPerSec: ramBw, split: r.split,
      tpScaling: tensorParallelScaling[r.interconnect], hopSec: layerSplitHopSec, layers: a.layers,
      pipelineEff: calibration.layerSplitPrefillEfficiency ?? 1,
      efficiency: efficiencyOf, family,
      prefillFamilyFactor: (b: BackendId) => prefillFamilyFactor[b]?.[family] ?? 1,
      kvReadAt: r.kvReadAt ?? (r.kvReadAt = (dep: number) => kvReadBytesPerToken(r.kv, dep)),
      activeMatmulParams: matmulParams,
      prompt: r.prompt, output: r.output, depth: r.depth, sequences: r.sequences, flashAttention: r.flashAttention,
      ubatch: r.engine === 'llama.cpp' ? LLAMA_CPP_UBATCH : r.engine === 'transformers' ? r.prompt : VLLM_BATCHED_TOKENS,
    }, decodeOnly);
  }

  function run(req: EstimateRequest, opts: RunOptions): EstimateResult {
    return evaluate(resolve(req), req.ramBandwidthGbs === undefined, opts);
  }

  /** The same resolved request with another weight format (for sweeps); null if the engine cannot load it. */
  function withQuant(r: Resolved, quantId: string, inPlace = false): Resolved | null {
    const q = quantById.get(quantId) ?? quantById.get(quantId.toLowerCase());
    if (!q || !q.engines.includes(r.engine)) return null;
    const w = weightsOf(r.p, q.id, null, r.engine);
    // Sweeps reuse one resolved request per (model, rig) and only swap the format: no copy per row.
    if (inPlace) { r.quantId = q.id; r.quant = q; r.w = w; return r; }
    return { ...r, quantId: q.id, quant: q, w, warnings: [] };
  }

  function evaluate(r: Resolved, ramBandwidthDefaulted: boolean, opts: RunOptions): EstimateResult {
    const a = r.p.arch;
    const w = r.w;
    const { pin, kvBytes, overhead } = placementInput(r, w, r.context);
    const totalParams = r.p.inv.totalParams;
    const result: EstimateResult = {
      schemaVersion: 1,
      warnings: r.warnings,
      model: { id: a.id, name: a.name, totalParams: r0(totalParams), activeParams: r0(r.p.inv.activeParams), maxContext: a.maxContext },
      quant: { id: r.quantId, bitsPerWeight: r3((w.totalBytes * 8) / totalParams) },
      settings: {
        context: r.context, prompt: r.prompt, output: r.output, depth: r.depth, sequences: r.sequences,
        kvCache: r.kvCache, engine: r.engine, split: r.split,
      },
      memory: {
        weightsBytes: r0(w.totalBytes),
        kvCacheBytes: r0(kvBytes),
        kvBytesPerToken: r0(kvBytesPerToken(r.kv)),
        overheadBytes: r0(overhead),
        totalBytes: r0(w.totalBytes) + r0(kvBytes) + r0(overhead),
      },
      hardware: null,
      fit: null,
      speed: null,
    };
    if (!r.rig) return result;
    const pl = place(pin, true);
    const devs = r.rig.devices;
    result.hardware = {
      spec: r.rig.spec,
      memoryBytes: r0(pin.capacities.reduce((x, y) => x + y, 0)),
      bandwidthBytesPerSec: r0(devs.reduce((x, d) => x + d.bandwidthBytesPerSec, 0)),
      devices: devs.map((d, i) => ({ id: d.id, memoryBytes: r0(pin.capacities[i]!), bandwidthBytesPerSec: r0(d.bandwidthBytesPerSec), assignedBytes: r0(pl.assigned[i]!) })),
    };
    result.fit = {
      verdict: pl.verdict,
      fits: pl.verdict === 'fits',
      offloadedLayers: pl.offloadedLayers,
      offloadedBytes: r0(pl.offloadedBytes),
      headroomBytes: r0(pl.headroomBytes),
      maxContext: opts.search ? maxContextFor(r, w) : 0,
      bestQuant: opts.search ? bestQuantFor(r) : null,
      offloadMode: pl.offloadMode,
    };
    if (pl.verdict === 'no-fit' && r.rig.unified) {
      const installed = devs.reduce((x, d) => x + d.installedBytes, 0);
      if (result.memory.totalBytes <= installed * 0.9) {
        r.warnings.push(`fits in the installed ${(installed / GiB).toFixed(0)} GiB only if the GPU may use more of it: raise the limit (sudo sysctl iogpu.wired_limit_mb=...) and pass --gpu-share`);
      }
    }
    if (pl.verdict === 'offload') {
      if (pl.offloadMode === 'experts') r.warnings.push(`MoE experts of ${pl.offloadedLayers} layers in system RAM (llama.cpp --n-cpu-moe ${pl.offloadedLayers})`);
      else if (pl.offloadMode === 'layers') r.warnings.push(`${pl.offloadedLayers} of ${a.layers} layers in system RAM (llama.cpp -ngl ${a.layers - pl.offloadedLayers + 1})`);
      else r.warnings.push(`${(pl.offloadedBytes / GiB).toFixed(1)} GiB of weights in system RAM (vLLM --cpu-offload-gb), streamed over PCIe every step`);
      if (ramBandwidthDefaulted) r.warnings.push(`system RAM bandwidth assumed ${DEFAULT_RAM_BYTES_PER_SEC / 1e9} GB/s (give --ram-bandwidth-gbs)`);
    }
    if (pl.verdict !== 'no-fit') {
      const s = speedFor(r, pl, pin);
      result.speed = {
        decodeTokensPerSec: r3(s.decodeTokensPerSec),
        decodeRange: [r3(s.decodeRange[0]), r3(s.decodeRange[1])],
        prefillTokensPerSec: r3(s.prefillTokensPerSec),
        prefillRange: [r3(s.prefillRange[0]), r3(s.prefillRange[1])],
        timeToFirstTokenSec: r3(s.timeToFirstTokenSec),
        aggregateDecodeTokensPerSec: r3(s.aggregateDecodeTokensPerSec),
      };
    }
    return result;
  }

  /** The sweep row of a resolved request: placement and speed without building a full result. */
  function evaluateRow(r: Resolved, model: string, hardware: string): SweepRow {
    const w = r.w;
    const { pin, kvBytes, overhead } = placementInput(r, w, r.context);
    const row: SweepRow = {
      model, quant: r.quantId, hardware,
      weightsBytes: r0(w.totalBytes), totalBytes: r0(w.totalBytes) + r0(kvBytes) + r0(overhead),
      verdict: null, offloadedLayers: 0, headroomBytes: 0, decodeTokensPerSec: 0, decodeRange: [0, 0],
    };
    if (!r.rig) return row;
    const pl = place(pin, true);
    row.verdict = pl.verdict;
    row.offloadedLayers = pl.offloadedLayers;
    row.headroomBytes = r0(pl.headroomBytes);
    if (pl.verdict !== 'no-fit') {
      const s = speedFor(r, pl, pin, true);
      row.decodeTokensPerSec = r3(s.decodeTokensPerSec);
      row.decodeRange = [r3(s.decodeRange[0]), r3(s.decodeRange[1])];
    }
    return row;
  }

  /**
   * Estimate memory, fit and speed for one request (see EstimateRequest / EstimateResult).
   * Throws InputError(field, message) on bad input.
   */
  function estimate(req: EstimateRequest): EstimateResult {
    return run(req, { search: true });
  }

  /**
   * Per-field problems of a request, for forms; never throws. Returns [] when `estimate` would
   * accept it.
   */
  function validateRequest(req: EstimateRequest): FieldError[] {
    const errs = checkFields(req);
    if (errs.length > 0) return errs;
    try {
      resolve(req);
      return [];
    } catch (e) {
      if (e instanceof InputError) return [{ field: e.field, message: e.message }];
      return [{ field: 'request', message: String((e as Error)?.message ?? e) }];
    }
  }

  function tryRun(req: EstimateRequest): EstimateResult | null {
    try { return run(req, { search: false }); } catch { return null; }
  }

  return {
    catalog, modelById, hwById, quantById,
    estimate, validateRequest, prepareModel,
    /** Light estimate without the maxContext/bestQuant searches (null on bad input). */
    estimateFast: tryRun,
    checkFields, resolve, withQuant, evaluateRow, placementInput, maxContextFor, bestQuantFor,
  };
}

/** The engine core's functions (see createEngineCore). */
export type EngineCore = ReturnType<typeof createEngineCore>;
