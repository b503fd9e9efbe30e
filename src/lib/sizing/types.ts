/**
 * The result of one estimate: the contract shared by the CLI (`npm run estimate`), the calculators
 * and the reference pages (the request is declared in ../request.ts).
 * Units: bytes are integers; speeds are tokens per second; times are seconds.
 */
import type { BackendId, EngineId, KvCacheTypeId, SplitMode } from '../vocabulary.ts';

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
  model: {
    id: string; name: string; totalParams: number; activeParams: number; maxContext: number;
    /** Where the architecture came from: the catalog, raw fields, the reader's config.json or GGUF header. */
    source: 'catalog' | 'raw' | 'config' | 'gguf';
  };
  quant: { id: string; bitsPerWeight: number };
  settings: {
    context: number; prompt: number; output: number; depth: number; sequences: number;
    /** True when `context` is one llama.cpp cache the sequences share (`--kv-unified`), not each one's. */
    kvUnified: boolean;
    /** llama.cpp's prompt micro-batch, tokens (null for the other engines). */
    ubatch: number | null;
    kvCache: KvCacheTypeId; engine: EngineId; split: SplitMode;
    /** The compute backend the devices run (null without hardware). */
    backend: BackendId | null;
  };
  memory: {
    weightsBytes: number; kvCacheBytes: number; kvBytesPerToken: number; overheadBytes: number; totalBytes: number;
    /**
     * The part of `totalBytes` kept in system memory whatever fits on the devices (llama.cpp's token
     * embedding on discrete GPUs; 0 on unified memory, where it counts against the device). The
     * devices hold `totalBytes - hostBytes`, less anything offloaded (`fit.offloadedBytes`).
     */
    hostBytes: number;
    /**
     * Fixed per-sequence state of linear-attention and Mamba-2 layers, bytes: part of `kvCacheBytes`
     * that does not grow with context (`kvBytesPerToken` is only the part that does).
     */
    stateBytes: number;
    /** A GGUF file's size on disk (every tensor, also layers llama.cpp does not load); absent for other sources. */
    fileBytes?: number;
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
