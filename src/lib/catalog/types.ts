/**
 * Types of the catalog rows. Every row carries the URL it was read from; rows whose
 * values change over time (specs, prices) also carry the date they were seen.
 *
 * Units are in the field names: `GiB` is 2^30 bytes (vendors' "GB" of GPU and unified
 * memory are GiB in practice: a 24 GB card reports 24,576 MiB), `GBs` is 10^9 bytes per
 * second, `Tflops` is 10^12 floating-point operations per second, `W` is watts, `Usd` is US dollars.
 */

import type { BackendId, EngineId, InterconnectId, QuantFamily } from '../vocabulary.ts';

/**
 * How the attention layers of a model are laid out when not every layer is plain global attention.
 * `fullEvery` is the period: one layer in every `fullEvery` uses full (global) attention,
 * the others use the given kind. Gemma 2: sliding, window 4096, fullEvery 2. Gemma 3: sliding,
 * window 1024, fullEvery 6. gpt-oss: sliding, window 128, fullEvery 2. Llama 4: chunked, 8192, fullEvery 4.
 * Hybrid linear-attention models (Qwen3-Next): linear, fullEvery 4, with a fixed recurrent state per layer.
 */
export interface AttentionLayout {
  kind: 'sliding' | 'chunked' | 'linear';
  /** Window or chunk length in tokens (not used for `linear`). */
  windowTokens?: number;
  /** One layer in every `fullEvery` is full attention. */
  fullEvery: number;
  /**
   * Which layer of each period is the full-attention one: 'last' (Gemma 2/3, Llama 4:
   * layers where (i+1) % fullEvery == 0) or 'first' (gpt-oss: even layers are windowed... set accordingly).
   * Only matters for per-device placement; totals do not depend on it.
   */
  fullPosition?: 'first' | 'last';
  /** Linear-attention layers: fixed state bytes per layer per sequence (conv + recurrent state). */
  linearStateBytesPerLayer?: number;
}

/** Mixture-of-experts layout. */
export interface MoeLayout {
  /** Routed experts per MoE layer. */
  experts: number;
  /** Routed experts used per token. */
  activeExperts: number;
  /** Intermediate size of one routed expert's gated MLP. */
  expertIntermediateSize: number;
  /** Shared (always active) experts per MoE layer. */
  sharedExperts: number;
  /** Intermediate size of one shared expert; defaults to expertIntermediateSize. */
  sharedIntermediateSize?: number;
  /** Leading layers that use a dense MLP of `intermediateSize` instead of experts (DeepSeek V3: 3). */
  denseLeadingLayers: number;
  /** One layer in every `moeEvery` is MoE, the others dense (Llama 4 Maverick: 2). Default 1. */
  moeEvery?: number;
  /**
   * Latent MoE (Nemotron 3 Super): routed experts work in a narrower space of this width, with one
   * down- and one up-projection between it and the hidden state per MoE layer.
   */
  latentSize?: number;
}

/** Multi-head latent attention (DeepSeek V2/V3/R1, Kimi K2). */
export interface MlaLayout {
  /** Rank of the query down-projection; null when queries are projected directly. */
  qLoraRank: number | null;
  kvLoraRank: number;
  qkNopeHeadDim: number;
  qkRopeHeadDim: number;
  vHeadDim: number;
}

/**
 * Gated DeltaNet linear attention (Qwen3-Next, Qwen3.5, Qwen3.6): per linear layer and sequence a
 * convolution state of (convKernel - 1) x (2 x keyHeads x keyHeadDim + valueHeads x valueHeadDim)
 * elements and a recurrent state of valueHeads x keyHeadDim x valueHeadDim elements.
 */
export interface LinearAttentionLayout {
  convKernel: number;
  keyHeads: number;
  valueHeads: number;
  keyHeadDim: number;
  valueHeadDim: number;
  /** The config asks for an FP32 recurrent state (`mamba_ssm_dtype`), which vLLM then allocates. */
  ssmStateFloat32?: boolean;
}

/**
 * Mamba-2 mixer (Nemotron-H, Nemotron 3, Granite 4 hybrids): inner width heads x headDim; per layer
 * and sequence a convolution state of (convKernel - 1) x (inner + 2 x groups x stateSize) elements
 * and an SSM state of heads x headDim x stateSize elements.
 */
export interface MambaLayout {
  heads: number;
  headDim: number;
  stateSize: number;
  groups: number;
  convKernel: number;
  /** The config asks for an FP32 SSM state cache (`mamba_ssm_cache_dtype`), which vLLM then allocates. */
  ssmStateFloat32?: boolean;
}

/** The lightning indexer of DeepSeek Sparse Attention (DeepSeek V3.2): one key of `headDim` per token and layer. */
export interface IndexerLayout {
  heads: number;
  headDim: number;
  /** Tokens each query attends to. */
  topK: number;
}

/**
 * Per-layer input embeddings (Gemma's E models): a second token-embedding table holding a slice of
 * `hiddenPerLayer` elements for every layer (`vocab x layers x hiddenPerLayer` elements in all), looked
 * up per token, projected and gated into each layer.
 */
export interface PerLayerEmbedding {
  /** Width of each layer's slice (config.json `hidden_size_per_layer_input`). */
  hiddenPerLayer: number;
  /** Rows of the table (`vocab_size_per_layer_input`). */
  vocab: number;
}

/** One catalogued model, with the architecture fields of its config.json. */
export interface ModelEntry {
  /** Catalog id, lower-case, e.g. `llama-3.1-70b`. */
  id: string;
  /** Display name, e.g. "Llama 3.1 70B". */
  name: string;
  /** Family for filtering: llama, qwen, mistral, gemma, phi, deepseek, gpt-oss, ... */
  family: string;
  /** Organisation that released it. */
  vendor: string;
  /** Release date, YYYY-MM-DD (or YYYY-MM). */
  releaseDate: string;
  /** Hugging Face repository of the released checkpoint. */
  hfRepo: string;
  licence: string;
  /** URL of the config.json (or model card) the architecture fields were read from. */
  source: string;
  /** Parameter count the vendor publishes (a count, not billions). */
  paramsReported: number;
  /** Active parameters per token the vendor publishes, for MoE models. */
  activeParamsReported?: number;
  layers: number;
  hiddenSize: number;
  attentionHeads: number;
  kvHeads: number;
  headDim: number;
  vocabSize: number;
  /** Intermediate size of the dense (gated) MLP. For MoE models, of the dense layers if any. */
  intermediateSize: number;
  tiedEmbeddings: boolean;
  /** Bias on Q/K/V projections (Qwen2.5). */
  attentionBias?: boolean;
  /** Gated attention output (Qwen3-Next, Qwen3.5): the query projection also yields a gate, doubling its rows. */
  attentionOutputGate?: boolean;
  /** False for MLPs with one up-projection and no gate (Nemotron-H's squared ReLU); default true. */
  mlpGated?: boolean;
  /**
   * Full-attention layers shaped differently from the windowed ones (Gemma 4): their own KV heads
   * and head size, and `kEqV` when keys double as values (no V projection, one cached tensor).
   */
  globalAttention?: { kvHeads: number; headDim: number; kEqV: boolean };
  /** Maximum context the model supports, in tokens. */
  maxContextTokens: number;
  moe?: MoeLayout;
  mla?: MlaLayout;
  attentionLayout?: AttentionLayout;
  /**
   * One letter per layer where layers differ in kind (from config.json's `layer_types` or
   * `hybrid_override_pattern`): F full attention + MLP, W windowed attention + MLP, L linear
   * attention + MLP, M Mamba-2 mixer alone, A full attention alone, D dense MLP alone, E MoE MLP
   * alone. Overrides `attentionLayout.fullEvery` for the layer kinds.
   */
  blockPattern?: string;
  linearAttention?: LinearAttentionLayout;
  mamba?: MambaLayout;
  indexer?: IndexerLayout;
  perLayerEmbedding?: PerLayerEmbedding;
  /**
   * Trailing layers that attend over the cache of the last earlier layer of the same kind and keep
   * no KV cache (or K and V projections) of their own (Gemma 4 E models' `num_kv_shared_layers`).
   */
  kvSharedLayers?: number;
  /** The KV-sharing layers' MLP is twice `intermediateSize` wide (`use_double_wide_mlp`). */
  kvSharedLayersWideMlp?: boolean;
  /** Multi-token-prediction (next-n) layers in the checkpoint: in the file, not in a batch-1 decode. */
  mtpLayers?: number;
  /** Vision encoder + projector parameters, for models that ship one (count). */
  visionParams?: number;
  /** Format of the released checkpoint: a quant id (BF16, FP8, MXFP4, ...). */
  releasedFormat: string;
  /** Thinking / tool-calling notes shown on the model page. */
  notes?: string;
  /** Published benchmark scores, each with its source. */
  benchmarks?: { name: string; score: number; harness?: string; source: string }[];
}

/** One catalogued accelerator or unified-memory machine. */
export interface HardwareEntry {
  id: string;
  name: string;
  vendor: 'nvidia' | 'amd' | 'intel' | 'apple';
  /** consumer, workstation, datacenter, unified (Apple, Ryzen AI Max, DGX Spark). */
  segment: 'consumer' | 'workstation' | 'datacenter' | 'unified';
  /** Memory of one device in GiB. For Apple ids, the largest memory offered with that GPU variant. */
  memoryGiB: number;
  /** Memory sizes offered (unified-memory machines), GiB. */
  memoryOptionsGiB?: number[];
  /** Peak memory bandwidth, 10^9 bytes per second. */
  bandwidthGBs: number;
  /** The memory is HBM (stacked on the package, as the row's source says); absent: GDDR or LPDDR. */
  hbm?: boolean;
  /** Dense FP16/BF16 tensor throughput with FP32 accumulate, 10^12 FLOP/s (never the sparse figure). */
  fp16Tflops: number;
  /**
   * Dense FP16 rate of matrix units beyond `fp16Tflops`, 10^12 FLOP/s, where the vendor gives one only
   * as a multiple of another chip's (Apple M5's per-core Neural Accelerators): a lower bound, for the
   * prefill ceiling. Absent: `fp16Tflops` is the matrix rate.
   */
  matrixFp16Tflops?: number;
  /** Board power (TGP/TDP) or machine package power, watts. */
  powerW: number;
  /** Compute backends llama.cpp can run this device with; the first is the usual one (the default). */
  backends: BackendId[];
  /** Default interconnect when several of these are combined. */
  interconnect: InterconnectId;
  /** True for unified-memory machines whose GPU gets only a share of RAM by default. */
  unifiedMemory: boolean;
  /** Share of installed memory the GPU may use by default (unified memory only), 0..1. */
  gpuMemoryFraction?: number;
  releaseDate: string;
  /** URL of the spec sheet the numbers were read from. */
  source: string;
  /** Date the spec was read, YYYY-MM-DD. */
  specSeen: string;
  /** Typical price in USD (new, or used where noted), with date and source. */
  priceUsd?: number;
  priceSeen?: string;
  priceSource?: string;
  priceNote?: string;
  /** How the figures were read or derived (e.g. which TFLOPS definition), and doubts. Added by catalog. */
  notes?: string;
}

/** How a quantization format stores weights: see sizing/weights.ts. */
export interface QuantEntry {
  /** llama.cpp's name (Q4_K_M) or a format name (FP8, GPTQ-INT4). */
  id: string;
  name: string;
  family: QuantFamily;
  /** Nominal bits per weight of the base type (e.g. 4.5 for Q4_K), before mixture rules. */
  nominalBitsPerWeight: number;
  /** Engines that can load it. */
  engines: EngineId[];
  /** Rank for "best quant that fits": higher is better quality. */
  qualityRank: number;
  description: string;
  source: string;
}

/** An API price row, USD per million tokens. */
export interface ApiPriceEntry {
  id: string;
  /** Model name as the provider sells it. */
  model: string;
  provider: string;
  /** closed: a proprietary model; open-hosted: an open-weight model sold by a host. */
  kind: 'closed' | 'open-hosted';
  /** Catalog model id, for open-hosted rows. */
  modelId?: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok?: number;
  /** Date the price was seen, YYYY-MM-DD. */
  seen: string;
  source: string;
  /** How the price and its date were read (secondary page, approximate date). Added by catalog. */
  note?: string;
}

/** A dated retail price of a desktop system-memory kit (what CPU offload and unified-memory builds pay for RAM). */
export interface SystemMemoryPriceEntry {
  id: string;
  /** Total capacity of the kit, GiB (vendors' "GB" of DRAM are GiB). */
  capacityGiB: number;
  /** What was priced, e.g. "2x32 GB DDR5-6000". */
  kit: string;
  priceUsd: number;
  /** Date the price was seen, YYYY-MM-DD. */
  seen: string;
  source: string;
  /** Lowest or typical price, retailer, approximate dating. */
  note?: string;
}

/** A measured quality loss of a weight format against 16-bit. */
export interface QualityEntry {
  quant: string;
  /** Catalog id (or name) of the model it was measured on. */
  model: string;
  /** Mean KL divergence against the 16-bit model's token distribution. */
  meanKld?: number;
  /** Perplexity change against 16-bit, percent. */
  pplDeltaPct?: number;
  /** Same top token as 16-bit, percent. */
  sameTopTokenPct?: number;
  source: string;
  note?: string;
}
