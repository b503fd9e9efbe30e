/**
 * Turning a measurement row into an engine request, and reading the engine's answer that the
 * row measured. Pure: no catalog or engine import (the caller passes `estimate`).
 */
import type { EstimateResult } from '../sizing/types.ts';
import type { EstimateRequest } from '../request.ts';
import type { MeasurementRow } from './types.ts';

/** The accuracy kinds the report shows (decode is split by device count). */
export type AccuracyKind = 'weights' | 'kv-cache' | 'decode-single' | 'decode-multi' | 'prefill' | 'fit';

/** Human labels of the kinds, in report order. */
export const KIND_LABELS: Record<AccuracyKind, string> = {
  weights: 'Weights (file size)',
  'kv-cache': 'KV cache',
  'decode-single': 'Decode, one device',
  'decode-multi': 'Decode, several devices',
  prefill: 'Prefill',
  fit: 'Fit verdicts',
};

/** The accuracy kind of a row. */
export function accuracyKindOf(row: MeasurementRow): AccuracyKind {
  if (row.kind === 'decode') return row.settings.devices > 1 ? 'decode-multi' : 'decode-single';
  return row.kind;
}

const RAW_KEYS: Record<string, keyof EstimateRequest> = {
  layers: 'layers', hidden: 'hidden', heads: 'heads', kvHeads: 'kvHeads', headDim: 'headDim', vocab: 'vocab',
  intermediate: 'intermediate', params: 'params', experts: 'experts', activeExperts: 'activeExperts',
};

/** The prompt of a row timed over its whole request: its input, recorded as the depth, tokens. */
const timedPromptTokens = (s: MeasurementRow['settings']) => Math.max(1, s.depth);

/**
 * The engine request reproducing a row's run. Decode rows ask for `output` tokens from `depth`
 * (prompt 1, so the context is not inflated), or after a prompt of `depth` tokens when the row's
 * timing includes its prefill; prefill rows ask for `prompt` tokens from `depth` (output 1). The
 * context is the run's context, grown by the engine if it must.
 */
export function requestFor(row: MeasurementRow): EstimateRequest {
  const s = row.settings;
  const req: EstimateRequest = {};
  if (s.model.startsWith('raw:')) {
    for (const part of s.model.slice(4).split(',')) {
      const [k, v] = part.split('=');
      const key = k ? RAW_KEYS[k] : undefined;
      const n = Number(v);
      if (key && Number.isFinite(n)) (req as Record<string, unknown>)[key] = n;
    }
  } else {
    req.model = s.model;
  }
  req.quant = s.quant;
  req.engine = s.engine;
  if (s.hardware) {
    req.hardware = s.hardware;
    // The backend the run used: devices with several (Strix Halo, Radeon, Arc, NVIDIA under Vulkan) run it.
    if (s.backend) req.backend = s.backend as NonNullable<EstimateRequest['backend']>;
    if (s.memoryGb !== undefined && !s.hardware.includes(',')) req.memoryGb = s.memoryGb;
    if (s.gpuMemoryFraction !== undefined) req.gpuMemoryFraction = s.gpuMemoryFraction;
    if (s.devices > 1) req.split = s.splitMode === 'tensor' || s.splitMode === 'row' ? 'tensor' : 'layer';
  }
  if (s.kvCache === 'f16' || s.kvCache === 'bf16' || s.kvCache === 'q8_0' || s.kvCache === 'q4_0' || s.kvCache === 'fp8') {
    req.kvCache = s.kvCache;
  }
  req.depth = Math.max(0, s.depth);
  // llama.cpp runs of 2024 measured that year's kernels; the engine's efficiencies stand for current builds.
  if (s.engine === 'llama.cpp' && row.source.date < '2025') req.kernels = '2024';
  // Flash attention as the run had it; unknown (null: the source does not print it) = engine default.
  if (s.flashAttention !== null) req.flashAttention = s.flashAttention;
  // The micro-batch as the run had it (llama-bench's -ub); unknown = llama.cpp's default.
  if ((s.engine === 'llama.cpp' || s.engine === 'ollama') && s.ubatch !== null && s.ubatch > 0) req.ubatch = s.ubatch;
  if (row.kind === 'prefill') {
    req.prompt = Math.max(1, s.prompt);
    req.output = 1;
  } else if (s.includesPrefill) {
    // The cache the output attends to was the request's own prompt, prefilled inside the timed span.
    req.prompt = timedPromptTokens(s);
    req.depth = 0;
    req.output = Math.max(1, s.output);
  } else {
    req.prompt = 1;
    req.output = Math.max(1, s.output);
  }
  if (s.context !== null && s.context > 0) req.context = s.context;
  return req;
}

/** What the engine predicted for a row, and its range when it gives one. */
export interface Prediction {
  /** Bytes, tokens/s, or a verdict string for fit rows. */
  value: number | string;
  range: [number, number] | null;
}

/**
 * The engine's answer to the quantity a row measured. Null when the engine gave no answer
 * (e.g. no speed because it judged the run does not fit).
 */
export function predictionFor(row: MeasurementRow, result: EstimateResult): Prediction | null {
  switch (row.kind) {
    case 'weights':
      return { value: result.memory.weightsBytes, range: null };
    case 'kv-cache':
      return { value: result.memory.kvCacheBytes, range: null };
    case 'decode': {
      if (!result.speed) return null;
      const { decodeTokensPerSec: decode, decodeRange, timeToFirstTokenSec } = result.speed;
      if (!row.settings.includesPrefill || decode <= 0) return { value: decode, range: decodeRange };
      // Output tokens (and the prompt's, when the rate counts them) over the prompt's prefill and the
      // output's decode; the range keeps decode's spread.
      const output = Math.max(1, row.settings.output);
      const counted = output + (row.settings.countsPrompt ? timedPromptTokens(row.settings) : 0);
      const value = counted / (timeToFirstTokenSec + output / decode);
      return { value, range: [value * (decodeRange[0] / decode), value * (decodeRange[1] / decode)] };
    }
    case 'prefill':
      return result.speed ? { value: result.speed.prefillTokensPerSec, range: result.speed.prefillRange } : null;
    case 'fit':
      // The runs were GPU-only (ngl 99): only 'fits' means the run would load as measured.
      return result.fit ? { value: result.fit.verdict === 'fits' ? 'fits' : 'no-fit', range: null } : null;
  }
}
