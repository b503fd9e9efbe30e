/**
 * Types of the calibration set (data/measurements/*.json) and of the fitted values.
 * A measurement row records what was read (permalink, date), the exact run settings and the
 * measured value; `split` says whether it may be used for fitting ('fit') or only for testing.
 */
import type { EngineId } from '../vocabulary.ts';

/**
 * What a fit used and found (rows, parameters, spreads): written by scripts/fit.ts to
 * fit-record.json, apart from the values, so the browser's engine does not ship it.
 */
export interface FitRecord { date: string | null; rows: number; note: string; [k: string]: unknown }

/** Kinds of measurement, one JSON file each. */
export type MeasurementKind = 'weights' | 'kv-cache' | 'decode' | 'prefill' | 'fit';

/** The run settings recorded on every row. Lengths are tokens; memoryGb is installed GiB. */
export interface MeasurementSettings {
  /** Catalog model id, or `raw:layers=..,hidden=..` for a raw architecture. */
  model: string;
  modelLabel: string;
  quant: string;
  /** Quantization recipe: 'llama.cpp-default...' or 'unusual: ...' (unusual rows are kept apart). */
  recipe?: string;
  engine: EngineId;
  engineVersion: string;
  backend: string | null;
  /** Hardware spec as the engine takes it (`ID`, `NxID`), null for size-only rows. */
  hardware: string | null;
  hardwareLabel: string | null;
  devices: number;
  memoryGb?: number;
  /** Share of unified memory the GPU could use in the run (when the source raised the default). */
  gpuMemoryFraction?: number;
  splitMode: string;
  ngl: number | null;
  context: number | null;
  prompt: number;
  output: number;
  depth: number;
  flashAttention: boolean | null;
  ubatch: number | null;
  kvCache: string;
  /** The test as the tool printed it (llama-bench `tg128 @ d4096`, ...). */
  test?: string;
  /**
   * A decode rate timed over the whole request: the output tokens divided by the time from the call
   * to the last token, the prefill of `depth` prompt tokens included (a benchmark that times
   * `generate()` end to end). Absent: the rate covers the generated tokens alone, as llama-bench's does.
   */
  includesPrefill?: boolean;
  /**
   * With `includesPrefill`: the rate counts the prompt's tokens too, (depth + output) / time, as
   * benchmarks that report a request's whole throughput do.
   */
  countsPrompt?: boolean;
}

/** One measurement row. */
export interface MeasurementRow {
  id: string;
  kind: MeasurementKind;
  split: 'fit' | 'test';
  /** Rows of one run (all depths/lengths) share a group and therefore a split. */
  group: string;
  source: { url: string; date: string; what: string };
  settings: MeasurementSettings;
  /** Bytes, tokens/s, or a verdict ('fits' | 'no-fit'). */
  measured: { value: number | string; unit: string; reported: string; precisionPct?: number };
  /** False for rows kept apart (unusual quantization recipes). */
  scored: boolean;
  notes?: string;
}

/** One file of data/measurements. */
export interface MeasurementFile {
  about: string;
  generatedBy: string;
  splitRule: string;
  count: number;
  rows: MeasurementRow[];
}
