/**
 * The request and result of one estimate: the contract shared by the CLI (`npm run estimate`),
 * the calculators and the reference pages. Field names and meanings follow issue #2.
 * Units: bytes are integers; `Gb` inputs are GiB (2^30 bytes); `Gbs` inputs are 10^9 bytes/s;
 * speeds are tokens per second; times are seconds.
 */
import type { BackendId, EngineId, InterconnectId, KvCacheTypeId } from '../catalog/types.ts';

/** One estimate request. Every field is optional; defaults are documented on each. */
export interface EstimateRequest {
  /** Catalog model id. Or a raw architecture with the fields below. */
  model?: string;
  params?: number;
  layers?: number;
  hidden?: number;
  heads?: number;
  kvHeads?: number;
  headDim?: number;
  vocab?: number;
  intermediate?: number;
  experts?: number;
  activeExperts?: number;
  /** Weight format id (default: the model's released checkpoint format). */
  quant?: string;
  /** Custom bits per weight instead of a format. */
  bpw?: number;
  /** Context per sequence, tokens (default 8192, capped at the model's maximum). */
  context?: number;
  /** Prompt tokens for the prefill rate (default 512). */
  prompt?: number;
  /** Output tokens for the decode rate (default 128). */
  output?: number;
  /** Tokens already in the cache before prompt/output (default 0). */
  depth?: number;
  /** Concurrent sequences, each with its own context (default 1). */
  sequences?: number;
  kvCache?: KvCacheTypeId;
  engine?: EngineId;
  split?: 'layer' | 'tensor';
  interconnect?: InterconnectId;
  /** `ID`, `NxID`, or a comma list of those. */
  hardware?: string;
  /** Memory per device (GiB); for unified-memory machines the installed memory. */
  memoryGb?: number;
  bandwidthGbs?: number;
  tflops?: number;
  backend?: BackendId;
  devices?: number;
  /** System RAM for offload, GiB (no offload without it). */
  ramGb?: number;
  ramBandwidthGbs?: number;
  /**
   * Unified-memory machines: share of installed memory the GPU may use, 0.05..1 (default: the
   * machine's default, e.g. about 0.67-0.75 on Macs; raised with `sysctl iogpu.wired_limit_mb`).
   * Added by the engine (not in issue #2's option list); CLI `--gpu-share`.
   */
  gpuMemoryFraction?: number;
  /**
   * Flash attention on (true) or off (false) for prefill speed (default true: llama.cpp's
   * `--flash-attn auto` turns it on where the backend supports it, as in current builds; vLLM and
   * MLX always use fused attention). With it off, attention over a long depth costs much more
   * (the score matrix goes through memory). Added by the calibration work (issue #3); CLI
   * `--flash-attention on|off`.
   */
  flashAttention?: boolean;
}

export type FitVerdict = 'fits' | 'offload' | 'no-fit';

export interface DeviceResult {
  id: string;
  memoryBytes: number;
  bandwidthBytesPerSec: number;
  assignedBytes: number;
}

/** The result of one estimate: schemaVersion 1, as printed by `estimate --json`. */
export interface EstimateResult {
  schemaVersion: 1;
  warnings: string[];
  model: { id: string; name: string; totalParams: number; activeParams: number; maxContext: number };
  quant: { id: string; bitsPerWeight: number };
  settings: {
    context: number; prompt: number; output: number; depth: number; sequences: number;
    kvCache: KvCacheTypeId; engine: EngineId; split: 'layer' | 'tensor';
  };
  memory: {
    weightsBytes: number; kvCacheBytes: number; kvBytesPerToken: number; overheadBytes: number; totalBytes: number;
  };
  hardware: {
    spec: string; memoryBytes: number; bandwidthBytesPerSec: number; devices: DeviceResult[];
  } | null;
  fit: {
    verdict: FitVerdict; fits: boolean; offloadedLayers: number; offloadedBytes: number;
    headroomBytes: number; maxContext: number; bestQuant: string | null;
    /** What is in system RAM on `offload`: whole layers, MoE experts only (`--n-cpu-moe`), or weights (vLLM `--cpu-offload-gb`). Added by the engine. */
    offloadMode: 'layers' | 'experts' | 'weights' | null;
  } | null;
  speed: {
    decodeTokensPerSec: number; decodeRange: [number, number];
    prefillTokensPerSec: number; prefillRange: [number, number];
    timeToFirstTokenSec: number; aggregateDecodeTokensPerSec: number;
  } | null;
}

/** A problem with one input field; `field` is the request key (camelCase). */
export interface FieldError { field: keyof EstimateRequest | 'request'; message: string }

/** Thrown by `estimate` on bad input; the CLI prints `error: <message>` and exits 2. */
export class InputError extends Error {
  readonly field: FieldError['field'];
  constructor(field: FieldError['field'], message: string) {
    super(message);
    this.name = 'InputError';
    this.field = field;
  }
}
