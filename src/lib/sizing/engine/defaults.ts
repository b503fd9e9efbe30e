/**
 * Resolving a request: every default filled in (model, format, KV-cache type, lengths, hardware,
 * split), and the checks that need the catalog (an engine that cannot load a format, a pairing the
 * engine does not model). Field types and limits are checked before, from the request schema.
 */
import type { QuantEntry } from '../../catalog/types.ts';
import { checkRequestFields, InputError, MODEL_SOURCE_FIELDS, RAW_ARCH_FIELDS, REQUEST_SCHEMA, type EstimateRequest } from '../../request.ts';
import { KV_CACHE_TYPES_BY_ENGINE, RUNTIME_OF, SHARED_KV_CACHE_ENGINES, type EngineId, type KvCacheTypeId } from '../../vocabulary.ts';
import { GiB, parseHardwareSpec, rawRig, type Rig } from '../rig.ts';
import { DEFAULT_RAM_BYTES_PER_SEC } from '../speed.ts';
import { importedConfig, importedGguf, kvOf, preparedFromArch, prepareModel, weightsOf } from './models.ts';
import type { EngineContext, PreparedModel, Resolved } from './types.ts';

const DEFAULT_CONTEXT = REQUEST_SCHEMA.run.context.default;
/** Share of `ramGb` the engine may fill with offloaded weights (the rest stays for the system). */
const USABLE_RAM_SHARE = 0.9;

/** Resolve defaults and check a request; `trusted` skips the field checks (sweeps check the base once). */
export function resolve(ctx: EngineContext, req: EstimateRequest, trusted = false): Resolved {
  if (!trusted) {
    const errs = checkRequestFields(req, ctx.unknownId);
    if (errs.length > 0) throw new InputError(errs[0]!.field, errs[0]!.message);
  }
  const warnings: string[] = [];
  const engine: EngineId = req.engine ?? 'llama.cpp';
  const runtime = RUNTIME_OF[engine];

  // Model.
  const rawGiven = RAW_ARCH_FIELDS.filter((k) => req[k] !== undefined);
  const sources = MODEL_SOURCE_FIELDS.filter((k) => req[k] !== undefined);
  if (sources.length > 1) throw new InputError(sources[1]!, `give one of --${sources.join(', --')}, not several`);
  if (sources.length > 0 && rawGiven.length > 0) throw new InputError(rawGiven[0]!, `give --${sources[0]} or a raw architecture (${rawGiven.join(', ')}), not both`);
  let p: PreparedModel;
  if (req.model !== undefined) {
    p = prepareModel(ctx, req.model);
  } else if (req.config !== undefined) {
    const imported = importedConfig(ctx, req.config);
    p = imported.p;
    warnings.push(...imported.notes);
  } else if (req.gguf !== undefined) {
    if (req.quant !== undefined || req.bpw !== undefined) throw new InputError(req.quant !== undefined ? 'quant' : 'bpw', 'a GGUF file has its own tensor types: give no --quant or --bpw with --gguf');
    if (runtime !== 'llama.cpp') throw new InputError('engine', `${engine} does not load GGUF files; use llama.cpp or Ollama with --gguf`);
    const imported = importedGguf(ctx, req.gguf);
    p = imported.p;
    warnings.push(...imported.notes);
  } else {
    if (!ctx.rawModel) throw new InputError('model', 'choose a model from the catalog');
    const raw = ctx.rawModel(req);
    p = preparedFromArch(raw.arch);
    warnings.push(...raw.warnings);
  }
  const a = p.arch;

  // Weight format.
  if (req.quant !== undefined && req.bpw !== undefined) throw new InputError('bpw', 'give --quant or --bpw, not both');
  let quantId: string;
  let quant: QuantEntry | null = null;
  const bpw = req.bpw ?? null;
  if (p.file) {
    quantId = `GGUF ${p.file.label}`;
  } else if (bpw !== null) {
    quantId = 'custom';
  } else {
    const asked = req.quant;
    const id = asked ?? a.releasedFormat;
    const q = ctx.quantById.get(id.toLowerCase());
    if (!q) throw new InputError('quant', ctx.unknownId('quant', id, ctx.catalog.quants.map((x) => x.id)));
    quant = q;
    quantId = q.id;
    if (!q.engines.includes(engine)) {
      if (asked !== undefined) throw new InputError('quant', `${engine} does not load ${q.id}; engines that do: ${q.engines.join(', ')}`);
      const fallback = ctx.quantById.get(q.family === 'fp8' || q.family === 'int8' ? 'q8_0' : runtime === 'llama.cpp' ? 'q4_k_m' : 'bf16');
      if (!fallback || !fallback.engines.includes(engine)) throw new InputError('quant', `${engine} does not load the released format ${q.id}; choose --quant`);
      warnings.push(`${engine} does not load the released ${q.id} checkpoint; using ${fallback.id}`);
      quant = fallback;
      quantId = fallback.id;
    }
  }
  const w = p.file ? p.file.weights : weightsOf(ctx, p, quantId, bpw, engine);
  if (quantId === 'MXFP4' && !a.moe) {
    warnings.push(runtime === 'llama.cpp'
      ? 'MXFP4 applies to MoE experts; on a dense model llama.cpp (MXFP4_MOE) stores every tensor as Q8_0'
      : 'MXFP4 on a dense model: every linear layer counted at 4.25 bits');
  }

  // Hardware before the cache and lengths: SGLang's cache type and Ollama's context depend on the devices.
  const { rig, rigKey } = resolveRig(ctx, req, warnings);

  // KV cache.
  // vLLM runs DeepSeek Sparse Attention models with an FP8 cache by default (CacheConfig.cache_dtype's
  // documentation: "DeepSeekV3.2 default[s] to fp8"); SGLang does so on Blackwell (SM 10 and later) only.
  const blackwellOnly = rig !== null && rig.devices.every((d) => d.generation === 'blackwell' || d.generation === 'blackwell-soc');
  const sparseFp8 = a.indexer !== null && (engine === 'vllm' || (engine === 'sglang' && blackwellOnly));
  const kvDefault: KvCacheTypeId = runtime === 'llama.cpp' ? 'f16' : sparseFp8 ? 'fp8' : a.releasedFormat === 'F16' ? 'f16' : 'bf16';
  const kvCache = req.kvCache ?? kvDefault;
  const kvTypes = KV_CACHE_TYPES_BY_ENGINE[engine];
  if (!kvTypes.includes(kvCache)) throw new InputError('kvCache', `${engine} does not support a ${kvCache} KV cache (supported: ${kvTypes.join(', ')})`);
  const kv = kvOf(p, engine, kvCache);

  // Lengths.
  const prompt = req.prompt ?? REQUEST_SCHEMA.run.prompt.default;
  const output = req.output ?? REQUEST_SCHEMA.run.output.default;
  const depth = req.depth ?? REQUEST_SCHEMA.run.depth.default;
  const sequences = req.sequences ?? REQUEST_SCHEMA.run.sequences.default;
  const kvUnified = req.kvUnified === true && SHARED_KV_CACHE_ENGINES.includes(engine);
  if (req.kvUnified === true && !kvUnified) warnings.push(`--kv-unified describes llama.cpp's own server; ${engine} sizes a cache per sequence, so it is ignored`);
  // llama.cpp's `--flash-attn auto` (the default of current builds) turns it on where supported.
  const flashAttention = req.flashAttention ?? true;
  const ubatch = req.ubatch ?? REQUEST_SCHEMA.run.ubatch.default;
  if (req.ubatch !== undefined && runtime !== 'llama.cpp') warnings.push(`--ubatch is llama.cpp's micro-batch; ${engine} batches prompts its own way, so it is ignored`);
  const defaultContext = engine === 'ollama' ? ollamaDefaultContext(rig) : DEFAULT_CONTEXT;
  let context = req.context ?? Math.min(defaultContext, a.maxContext);
  if (req.context === undefined && engine === 'ollama') warnings.push(`Ollama's default context for this much GPU memory: ${context} tokens (Ollama 0.15.5 and later; set num_ctx or OLLAMA_CONTEXT_LENGTH for more)`);
  if (req.context === undefined && a.maxContext < defaultContext) warnings.push(`context capped at the model's maximum, ${a.maxContext} tokens`);
  // A shared cache may hold the model's maximum for every sequence.
  const maxPool = a.maxContext * (kvUnified ? sequences : 1);
  if (req.context !== undefined && context > maxPool) {
    warnings.push(kvUnified
      ? `a shared cache of ${context} tokens exceeds the model's maximum of ${a.maxContext} tokens for each of ${sequences} sequences; capped`
      : `context ${context} exceeds the model's maximum of ${a.maxContext} tokens; capped`);
    context = maxPool;
  }
  // A shared cache must hold every sequence's tokens at once.
  const needed = (depth + prompt + output) * (kvUnified ? sequences : 1);
  if (context < needed) {
    warnings.push(`context grown from ${context} to ${needed} tokens to hold depth + prompt + output${kvUnified ? ` of all ${sequences} sequences in the shared cache` : ''}`);
    context = needed;
    if (needed > maxPool) warnings.push(`depth + prompt + output (${needed}) exceeds the model's maximum context of ${a.maxContext} tokens`);
  }

  // Hardware.
  if (rig) warnings.push(...rigNotes(rig, engine, quantId));
  const split = req.split ?? (runtime === 'vllm' ? 'tensor' : 'layer');
  if (split === 'tensor' && runtime === 'llama.cpp' && (kvCache === 'q8_0' || kvCache === 'q4_0')) {
    throw new InputError('split', "llama.cpp's --split-mode tensor does not support a quantized KV cache");
  }
  if (split === 'tensor' && runtime === 'mlx') throw new InputError('split', 'MLX has no tensor split in this model');
  const interconnect = req.interconnect ?? rig?.interconnect ?? 'none';
  if (rig && runtime === 'vllm' && split === 'tensor' && rig.devices.length > 1 && a.heads % rig.devices.length !== 0) {
    warnings.push(`${a.heads} attention heads do not divide over ${rig.devices.length} devices; ${engine === 'sglang' ? 'SGLang' : 'vLLM'} refuses such a tensor-parallel size`);
  }
  warnings.push(...ignoredFlags(req, rig));
  let ramCapacity: number | null = null;
  if (req.ramGb !== undefined && req.ramGb > 0) {
    if (rig?.unified) warnings.push('unified memory: system RAM is the same memory, so --ram-gb adds nothing; raise the GPU share instead (sysctl iogpu.wired_limit_mb, --gpu-share)');
    else ramCapacity = req.ramGb * GiB * USABLE_RAM_SHARE;
  }
  if (runtime === 'mlx') ramCapacity = null;
  const ramBytesPerSec = req.ramBandwidthGbs !== undefined ? req.ramBandwidthGbs * 1e9 : DEFAULT_RAM_BYTES_PER_SEC;
  if (engine === 'llama.cpp' && a.visionParams > 0) {
    warnings.push(`vision encoder (${(a.visionParams / 1e9).toFixed(2)}B parameters, about ${((a.visionParams * 2) / 1e9).toFixed(1)} GB in 16-bit) not counted: llama.cpp loads it only with --mmproj`);
  }
  const baseKey = p.model !== null && rigKey !== null
    ? `${p.model.id}|${engine}|${kvCache}|${split}|${sequences}|${kvUnified}|${prompt}|${ubatch}|${rigKey}|${context}`
    : null;
  return {
    p, quantId, quant, w, engine, runtime, kvCache, kv, split, context, prompt, output, depth, sequences, kvUnified, flashAttention, ubatch, kernels: req.kernels ?? 'current', rig, interconnect,
    ramCapacity, ramBytesPerSec, ramBandwidthDefaulted: req.ramBandwidthGbs === undefined, warnings, baseKey,
  };
}

/**
 * Ollama's default context (`num_ctx` when OLLAMA_CONTEXT_LENGTH is unset) since 0.15.5: 262,144
 * tokens with at least 47 GiB of GPU memory in total, 32,768 with at least 23 GiB, else 4,096
 * (server/routes.go at ollama fb307609; before 0.15.5 it was 4,096, before 0.6.7 2,048).
 */
export function ollamaDefaultContext(rig: Rig | null): number {
  const gib = rig ? rig.devices.reduce((s, d) => s + d.memoryBytes, 0) / GiB : 0;
  return gib >= 47 ? 262_144 : gib >= 23 ? 32_768 : 4_096;
}

/**
 * Checks a rig can run the engine at all, throwing InputError when it cannot; returns notes for
 * rigs that run only in an unusual way.
 */
function rigNotes(rig: Rig, engine: EngineId, quantId: string): string[] {
  const notes: string[] = [];
  const runtime = RUNTIME_OF[engine];
  const backends = [...new Set(rig.devices.map((d) => d.backend))];
  if (runtime === 'mlx' && (backends.length !== 1 || backends[0] !== 'metal')) throw new InputError('engine', 'MLX runs only on Apple silicon (metal backend)');
  if (runtime === 'vllm' && backends.some((b) => b !== 'cuda' && b !== 'rocm')) throw new InputError('engine', `${engine === 'sglang' ? 'SGLang' : 'vLLM'} is modelled on CUDA and ROCm GPUs only`);
  const unified = rig.devices.filter((d) => d.unified);
  if (unified.length > 0 && unified.length < rig.devices.length) {
    throw new InputError('hardware', `${unified[0]!.id} is a computer of its own and cannot share a rig with discrete GPUs (machines linked over a network, as llama.cpp's RPC backend does, are not modelled)`);
  }
  if (unified.length > 1) notes.push('several unified-memory machines run one model only linked over a network; each link is treated like a PCIe hop');
  if (backends.length > 1) {
    // A PyTorch or vLLM build targets one platform; ggml can load several backends in one process.
    if (runtime !== 'llama.cpp') throw new InputError('hardware', `${engine} runs one backend on every device of a rig, not ${backends.join(' and ')} together`);
    notes.push(`${backends.join(' and ')} devices run one model together only through Vulkan or a llama.cpp build with both backends; speeds assume each device's own backend`);
  }
  const slowFp4 = rig.devices.find((d) => !d.nativeFp4);
  if (quantId === 'NVFP4' && runtime === 'vllm' && slowFp4) {
    notes.push(`NVFP4 computes natively only on Blackwell GPUs; on ${slowFp4.id} vLLM runs it through weight-only Marlin kernels (the same memory, slower prefill)`);
  }
  return notes;
}

/** Notes for fields that change nothing on this rig, so a reader does not think they did. */
function ignoredFlags(req: EstimateRequest, rig: Rig | null): string[] {
  const notes: string[] = [];
  if (req.gpuMemoryFraction !== undefined && !(rig?.unified && req.hardware !== undefined)) {
    notes.push('--gpu-share applies to catalogued unified-memory machines (Macs, Strix Halo, DGX Spark) only; ignored');
  }
  if (req.interconnect !== undefined && (rig?.devices.length ?? 0) < 2) notes.push('--interconnect matters only between several devices; ignored');
  if (req.backend !== undefined && !rig) notes.push('--backend applies to hardware (--hardware, or raw --memory-gb with --bandwidth-gbs); ignored');
  if (req.ramBandwidthGbs !== undefined && !(req.ramGb !== undefined && req.ramGb > 0)) notes.push('--ram-bandwidth-gbs applies to offload into system RAM, which needs --ram-gb; ignored');
  return notes;
}

/**
 * The rig of a request: a catalog spec (cached by spec, memory and GPU share), raw hardware, or
 * none. `rigKey` names a cacheable rig: '' for none, null for raw hardware.
 */
function resolveRig(ctx: EngineContext, req: EstimateRequest, warnings: string[]): { rig: Rig | null; rigKey: string | null } {
  const rawHw = req.bandwidthGbs !== undefined || req.tflops !== undefined || req.devices !== undefined;
  if (req.hardware !== undefined) {
    if (rawHw) throw new InputError('hardware', 'give --hardware or raw hardware (--memory-gb --bandwidth-gbs ...), not both');
    const key = `${req.hardware}|${req.memoryGb ?? ''}|${req.gpuMemoryFraction ?? ''}|${req.backend ?? ''}`;
    let rig = ctx.caches.rigs.get(key);
    if (!rig) {
      rig = parseHardwareSpec(req.hardware, ctx.catalog.hardware, ctx.hwById, req.memoryGb, req.gpuMemoryFraction, ctx.unknownId, req.backend);
      ctx.caches.rigs.set(key, rig);
    }
    return { rig, rigKey: key };
  }
  if (rawHw || req.memoryGb !== undefined) {
    if (req.memoryGb === undefined) throw new InputError('memoryGb', 'raw hardware needs --memory-gb');
    if (req.bandwidthGbs === undefined) throw new InputError('bandwidthGbs', 'raw hardware needs --bandwidth-gbs');
    if (req.tflops === undefined) warnings.push(`no --tflops given: prefill assumes ${(req.bandwidthGbs * 0.1).toFixed(1)} TFLOPS`);
    return { rig: rawRig({ memoryGb: req.memoryGb, bandwidthGbs: req.bandwidthGbs, tflops: req.tflops, backend: req.backend, devices: req.devices }), rigKey: null };
  }
  return { rig: null, rigKey: '' };
}
