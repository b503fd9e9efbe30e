/**
 * The shapes the engine's parts pass between them: the catalog and calibration it is built over,
 * a prepared model (per-model work, cached by the engine), and a resolved request (every default
 * filled in and checked). A resolved request is a value: no part of the engine changes one.
 */
import type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry } from '../../catalog/types.ts';
import type { EstimateRequest, UnknownIdMessage } from '../../request.ts';
import type { ModelImporters } from '../../import/importers.ts';
import type { EngineId, InterconnectId, KernelEra, KvCacheTypeId, RuntimeId, SplitMode } from '../../vocabulary.ts';
import type { Arch } from '../arch.ts';
import type { CalibrationValues } from '../calibration.ts';
import type { PlacementArrays } from '../fit.ts';
import type { KvLayout } from '../kv-cache.ts';
import type { Rig } from '../rig.ts';
import type { TensorInventory, WeightBreakdown } from '../weights.ts';

/** The catalog tables the engine reads (provenance fields may be blank: the engine never reads them). */
export interface EngineCatalog {
  models: readonly ModelEntry[];
  hardware: readonly HardwareEntry[];
  quants: readonly QuantEntry[];
  apiPrices?: readonly ApiPriceEntry[];
  qualityLoss?: readonly QualityEntry[];
}

/** A model built from raw architecture fields, with what the engine should tell the reader about it. */
export interface RawModel { arch: Arch; warnings: string[] }

/** What an engine is built over. */
export interface EngineOptions {
  catalog: EngineCatalog;
  /** Fitted speed parameters, read at call time and never changed by the engine. */
  calibration: CalibrationValues;
  /** The message for an unknown id or request field (default: names the id only). */
  unknownId?: UnknownIdMessage;
  /** Builds a model from raw architecture fields; without it a request with no catalog model is refused. */
  rawModel?: (req: EstimateRequest) => RawModel;
  /** Reads a config.json or a GGUF header (import/importers.ts); without them such requests are refused. */
  importers?: ModelImporters;
}

/** Per-model work: the tensor inventory, and each format's weights and each cache type's layout once computed. */
export interface PreparedModel {
  arch: Arch;
  inv: TensorInventory;
  /** The catalog row, or null for a raw architecture. */
  model: ModelEntry | null;
  weights: Map<string, WeightBreakdown>;
  kv: Map<string, KvLayout>;
  /** Where the model came from: the catalog, a raw architecture, a config.json or a GGUF header. */
  origin: 'catalog' | 'raw' | 'config' | 'gguf';
  /** A GGUF file's own weights and its type label, when the model came from one. */
  file: { weights: WeightBreakdown; label: string; fileBytes: number } | null;
}

/** A request with every default resolved and checked. */
export interface Resolved {
  p: PreparedModel;
  quantId: string;
  quant: QuantEntry | null;
  w: WeightBreakdown;
  engine: EngineId;
  /** The runtime the engine is (Ollama is llama.cpp, SGLang allocates like vLLM). */
  runtime: RuntimeId;
  kvCache: KvCacheTypeId;
  kv: KvLayout;
  split: SplitMode;
  context: number;
  prompt: number;
  output: number;
  depth: number;
  sequences: number;
  /**
   * llama.cpp's unified cache: `context` is one pool of cells the sequences share (llama-server's
   * default with automatic slots), instead of `context` cells for each sequence.
   */
  kvUnified: boolean;
  /** Flash attention in prefill. */
  flashAttention: boolean;
  /** llama.cpp's prompt micro-batch (`-ub`), tokens; the other engines' own batching is fixed. */
  ubatch: number;
  /** Which llama.cpp kernels the speed stands for. */
  kernels: KernelEra;
  rig: Rig | null;
  interconnect: InterconnectId;
  /** System RAM usable for offload, bytes, or null for none. */
  ramCapacity: number | null;
  ramBytesPerSec: number;
  /** True when the RAM bandwidth is the assumed default (the offload note says so). */
  ramBandwidthDefaulted: boolean;
  warnings: readonly string[];
  /**
   * Key of the quant-independent placement parts at `context` in the engine's cache, or null when
   * they are not cached (a raw model or raw hardware).
   */
  baseKey: string | null;
}

/** The quant-independent part of placement at one context: per-layer KV, per-device overhead and capacities (bytes). */
export interface ContextBase {
  layerKv: Float64Array;
  prefixKv: Float64Array;
  kvBytes: number;
  fixed: number[];
  capacities: number[];
  overhead: number;
  vision: number;
}

/** A light result row for sweeps and tables. */
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

/** What the engine's parts share: its inputs, look-ups by lower-case id, and the caches it owns. */
export interface EngineContext {
  catalog: EngineCatalog;
  calibration: CalibrationValues;
  unknownId: UnknownIdMessage;
  rawModel: ((req: EstimateRequest) => RawModel) | undefined;
  importers: ModelImporters | undefined;
  modelById: ReadonlyMap<string, ModelEntry>;
  hwById: ReadonlyMap<string, HardwareEntry>;
  quantById: ReadonlyMap<string, QuantEntry>;
  caches: {
    prepared: Map<string, PreparedModel>;
    rigs: Map<string, Rig>;
    bases: Map<string, ContextBase>;
    placement: PlacementArrays;
    /** Models imported from a config.json or GGUF header, by the request's object (dropped with it). */
    imported: WeakMap<object, { p: PreparedModel; notes: string[] }>;
  };
}
