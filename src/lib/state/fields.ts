/**
 * Parsing of what a reader types into a calculator field. Pure: no DOM, no stores.
 * A field either yields a finite number inside its bounds or a short message saying what is
 * wrong (empty, not a number, negative, zero, too large), so the calculator can show the
 * message next to the field and keep its last valid result.
 */

/** Bounds and wording of one numeric field. */
export interface NumberFieldSpec {
  /** Smallest accepted value (inclusive). */
  min: number;
  /** Largest accepted value (inclusive): above it the value is "absurd" for this field. */
  max: number;
  /** Round to a whole number (token counts, devices). */
  integer?: boolean;
  /** Accept 0 (for example "no system RAM" or "0% input share"). Default false. */
  allowZero?: boolean;
  /** Unit shown in messages, e.g. "tokens", "GiB", "$". */
  unit?: string;
  /** Accept "32k" as 32 x this multiplier (1024 for context lengths, 1000 for token volumes). */
  kMultiplier?: number;
}

/** The outcome of parsing one field. */
export type FieldResult = { ok: true; value: number } | { ok: false; message: string };

const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(n);

/**
 * Parses a raw field value. Accepts digits with optional thousands separators ("8,192"), a decimal
 * point, and a k/K or m/M suffix where the spec gives `kMultiplier` ("32k" = 32,768 for contexts).
 * Rejects anything else with a message that never repeats the typed text.
 */
export function parseNumberField(raw: unknown, spec: NumberFieldSpec): FieldResult {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const unit = spec.unit ? ` ${spec.unit}` : '';
  if (text === '') return { ok: false, message: 'Enter a value.' };
  if (text.length > 24) return { ok: false, message: 'Enter a number (digits only).' };
  const m = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*([kKmM]?)$/.exec(text);
  if (!m) return { ok: false, message: 'Enter a number (digits only).' };
  const sign = m[1] === '-' ? -1 : 1;
  let value = sign * Number((m[2] ?? '').replace(/,/g, ''));
  const suffix = (m[3] ?? '').toLowerCase();
  if (suffix) {
    if (!spec.kMultiplier) return { ok: false, message: 'Enter a plain number (no k or M).' };
    value *= suffix === 'k' ? spec.kMultiplier : spec.kMultiplier * spec.kMultiplier;
  }
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a number (digits only).' };
  if (value < 0) return { ok: false, message: 'Must not be negative.' };
  if (value === 0 && !spec.allowZero) return { ok: false, message: 'Must be more than 0.' };
  if (spec.integer) value = Math.round(value);
  if (value > spec.max) return { ok: false, message: `Too large: at most ${fmt(spec.max)}${unit}.` };
  if (value < spec.min && !(value === 0 && spec.allowZero)) {
    return { ok: false, message: `Too small: at least ${fmt(spec.min)}${unit}.` };
  }
  return { ok: true, value };
}

/**
 * Common field bounds shared by the calculators and the URL decoder. Fields named as request fields
 * stay inside the request schema's limits (request.ts; fields.test.ts checks it), so a value a
 * calculator accepts is one the engine accepts.
 */
export const FIELD_SPECS = {
  /** Context per sequence, tokens: up to 10M (Llama 4 Scout's advertised maximum). */
  context: { min: 128, max: 10_485_760, integer: true, unit: 'tokens', kMultiplier: 1024 },
  prompt: { min: 1, max: 10_485_760, integer: true, unit: 'tokens', kMultiplier: 1024 },
  /** Sequences decoded at once (agents sharing one server). */
  sequences: { min: 1, max: 256, integer: true, unit: 'sequences' },
  output: { min: 1, max: 1_048_576, integer: true, unit: 'tokens', kMultiplier: 1024 },
  /** Installed (unified) or per-device memory, GiB. 0 means "the catalog's value". */
  memoryGb: { min: 1, max: 4096, unit: 'GiB', allowZero: true },
  /** System RAM for offload, GiB; 0 = none. */
  ramGb: { min: 1, max: 16384, unit: 'GiB', allowZero: true },
  bandwidthGbs: { min: 1, max: 100_000, unit: 'GB/s' },
  tflops: { min: 0.1, max: 100_000, unit: 'TFLOPS' },
  hardwarePriceUsd: { min: 1, max: 10_000_000, unit: '$', allowZero: true },
  lifetimeYears: { min: 0.25, max: 20, unit: 'years' },
  powerW: { min: 1, max: 100_000, unit: 'W' },
  electricityUsdPerKWh: { min: 0.001, max: 10, unit: '$/kWh', allowZero: true },
  utilisation: { min: 1, max: 100, unit: '%' },
  tokensPerDay: { min: 1, max: 1e12, integer: true, unit: 'tokens', kMultiplier: 1000 },
  targetTokensPerSec: { min: 0.1, max: 100_000, unit: 'tok/s' },
} as const satisfies Record<string, NumberFieldSpec>;
