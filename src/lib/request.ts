/**
 * The estimate request, declared once: every field's type, limits and command-line flag. The
 * engine's field checks, the CLI's options and `--help` (with each field's line from
 * request-help.ts, kept apart so the browser does not ship it), and the `EstimateRequest` type all
 * derive from this table; the calculators' URL fields reuse its limits and vocabularies.
 *
 * Units: `Gb` fields are GiB (2^30 bytes); `Gbs` fields are 10^9 bytes/s; lengths are tokens;
 * `tflops` is dense FP16 tensor throughput with FP32 accumulate.
 */
import { BACKENDS, ENGINES, INTERCONNECTS, KERNEL_ERAS, KV_CACHE_TYPES, SPLIT_MODES } from './vocabulary.ts';

/** One request field. `integer` numbers must be whole. */
export type RequestFieldSpec = { flag: `--${string}` } & (
  | { type: 'number'; min: number; max: number; integer?: boolean; default?: number }
  | { type: 'string'; maxLength: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'boolean' }
  | { type: 'object' }
);

/** Which part of a request a field describes (the `--help` groups, in order). */
export const REQUEST_GROUPS = ['model', 'weights', 'run', 'hardware'] as const;

/**
 * Every field of a request, in `--help` order. A field's group is the key of its sub-table.
 * Numbers are checked against [min, max] (inclusive); `default` is the value the engine uses when
 * the field is absent (other defaults depend on the model or rig: engine/defaults.ts).
 */
export const REQUEST_SCHEMA = {
  model: {
    model: { flag: '--model', type: 'string', maxLength: 200 },
    config: { flag: '--config', type: 'object' },
    gguf: { flag: '--gguf', type: 'object' },
    params: { flag: '--params', type: 'number', min: 1e6, max: 1e14 },
    layers: { flag: '--layers', type: 'number', min: 1, max: 2000, integer: true },
    hidden: { flag: '--hidden', type: 'number', min: 1, max: 262144, integer: true },
    heads: { flag: '--heads', type: 'number', min: 1, max: 4096, integer: true },
    kvHeads: { flag: '--kv-heads', type: 'number', min: 1, max: 4096, integer: true },
    headDim: { flag: '--head-dim', type: 'number', min: 1, max: 8192, integer: true },
    vocab: { flag: '--vocab', type: 'number', min: 1, max: 4_000_000, integer: true },
    intermediate: { flag: '--intermediate', type: 'number', min: 1, max: 4_000_000, integer: true },
    experts: { flag: '--experts', type: 'number', min: 1, max: 8192, integer: true },
    activeExperts: { flag: '--active-experts', type: 'number', min: 1, max: 8192, integer: true },
  },
  weights: {
    quant: { flag: '--quant', type: 'string', maxLength: 64 },
    bpw: { flag: '--bpw', type: 'number', min: 0.5, max: 32 },
  },
  run: {
    context: { flag: '--context', type: 'number', min: 1, max: 100_000_000, integer: true, default: 8192 },
    prompt: { flag: '--prompt', type: 'number', min: 1, max: 100_000_000, integer: true, default: 512 },
    output: { flag: '--output', type: 'number', min: 1, max: 100_000_000, integer: true, default: 128 },
    depth: { flag: '--depth', type: 'number', min: 0, max: 100_000_000, integer: true, default: 0 },
    sequences: { flag: '--sequences', type: 'number', min: 1, max: 100_000, integer: true, default: 1 },
    kvUnified: { flag: '--kv-unified', type: 'boolean' },
    ubatch: { flag: '--ubatch', type: 'number', min: 1, max: 65536, integer: true, default: 512 },
    kvCache: { flag: '--kv-cache', type: 'enum', values: KV_CACHE_TYPES },
    engine: { flag: '--engine', type: 'enum', values: ENGINES },
    split: { flag: '--split', type: 'enum', values: SPLIT_MODES },
    interconnect: { flag: '--interconnect', type: 'enum', values: INTERCONNECTS },
    flashAttention: { flag: '--flash-attention', type: 'boolean' },
    kernels: { flag: '--kernels', type: 'enum', values: KERNEL_ERAS },
  },
  hardware: {
    hardware: { flag: '--hardware', type: 'string', maxLength: 2000 },
    memoryGb: { flag: '--memory-gb', type: 'number', min: 0.01, max: 1_000_000 },
    gpuMemoryFraction: { flag: '--gpu-share', type: 'number', min: 0.05, max: 1 },
    bandwidthGbs: { flag: '--bandwidth-gbs', type: 'number', min: 0.01, max: 1_000_000 },
    tflops: { flag: '--tflops', type: 'number', min: 0.001, max: 1_000_000 },
    backend: { flag: '--backend', type: 'enum', values: BACKENDS },
    devices: { flag: '--devices', type: 'number', min: 1, max: 64, integer: true },
    ramGb: { flag: '--ram-gb', type: 'number', min: 0, max: 1_000_000 },
    // Dual-channel DDR5 at its effective peak: what a desktop offloads into.
    ramBandwidthGbs: { flag: '--ram-bandwidth-gbs', type: 'number', min: 0.01, max: 1_000_000, default: 80 },
  },
} as const satisfies Record<(typeof REQUEST_GROUPS)[number], Record<string, RequestFieldSpec>>;

type Schema = typeof REQUEST_SCHEMA;
type FieldsOf<G extends keyof Schema> = Schema[G];
type AllFields = FieldsOf<'model'> & FieldsOf<'weights'> & FieldsOf<'run'> & FieldsOf<'hardware'>;
type ValueOf<F> = F extends { type: 'number' } ? number
  : F extends { type: 'boolean' } ? boolean
  : F extends { type: 'object' } ? Readonly<Record<string, unknown>>
  : F extends { type: 'enum'; values: readonly (infer V)[] } ? V
  : string;

/**
 * One estimate request: every field optional. Give a catalog `model` or the raw architecture
 * fields; a catalog `hardware` spec or raw hardware (`memoryGb` with `bandwidthGbs`...).
 */
export type EstimateRequest = { -readonly [K in keyof AllFields]?: ValueOf<AllFields[K]> };

/** A request field's name. */
export type RequestField = keyof EstimateRequest;

/** Every field with its spec, flattened, in `--help` order. */
export const REQUEST_FIELDS: ReadonlyMap<RequestField, RequestFieldSpec> = new Map(
  REQUEST_GROUPS.flatMap((g) => Object.entries(REQUEST_SCHEMA[g]) as [RequestField, RequestFieldSpec][]),
);

/** Fields that name a whole model: a catalog id, a config.json or a GGUF header (one at most). */
export const MODEL_SOURCE_FIELDS = ['model', 'config', 'gguf'] as const satisfies readonly RequestField[];

/** The raw-architecture fields (a request gives these or a model source, not both). */
export const RAW_ARCH_FIELDS: readonly RequestField[] = (Object.keys(REQUEST_SCHEMA.model) as RequestField[])
  .filter((k) => !(MODEL_SOURCE_FIELDS as readonly string[]).includes(k));

/**
 * Bad input as a message may echo it: control and line-breaking characters escaped (`\u001b`), and
 * at most `max` characters of it, so an echo can neither drive a terminal nor flood a log.
 */
export function excerpt(text: string, max = 60): string {
  let out = '';
  for (const ch of text) {
    if (out.length >= max) return `${out.slice(0, max)}…`;
    out += breaksOutput(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch;
  }
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** C0 and C1 control characters and the Unicode line and paragraph separators. */
function breaksOutput(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
}

/** A problem with one input field; `field` is the request key (camelCase). */
export interface FieldError { field: RequestField | 'request'; message: string }

/** Thrown on bad input; the CLI prints `error: <message>` and exits 2. */
export class InputError extends Error {
  readonly field: FieldError['field'];
  constructor(field: FieldError['field'], message: string) {
    super(message);
    this.name = 'InputError';
    this.field = field;
  }
}

/** Message for an unknown id of a kind ('model', 'quant', 'hardware', or 'field' for request keys). */
export type UnknownIdMessage = (kind: 'model' | 'quant' | 'hardware' | 'field', id: string, known: readonly string[]) => string;

/** Names the unknown id only: all a calculator needs, since its fields offer catalog ids. */
export const plainUnknownId: UnknownIdMessage = (kind, id) => `unknown ${kind} "${excerpt(id)}"`;

/**
 * Field-level checks that need no catalog: a JSON object, known keys, types, number limits and
 * vocabularies. Returns every problem found ([] when none); never throws.
 */
export function checkRequestFields(req: unknown, unknownId: UnknownIdMessage = plainUnknownId): FieldError[] {
  if (req === null || typeof req !== 'object' || Array.isArray(req)) return [{ field: 'request', message: 'the request must be a JSON object' }];
  const errs: FieldError[] = [];
  const rec = req as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (!REQUEST_FIELDS.has(key as RequestField)) errs.push({ field: 'request', message: unknownId('field', key, [...REQUEST_FIELDS.keys()]) });
  }
  for (const [k, spec] of REQUEST_FIELDS) {
    const v = rec[k];
    if (v === undefined) continue;
    const message = fieldProblem(k, spec, v);
    if (message !== null) errs.push({ field: k, message });
  }
  return errs;
}

/** What is wrong with one field's value, or null. */
function fieldProblem(k: RequestField, spec: RequestFieldSpec, v: unknown): string | null {
  switch (spec.type) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `${k} must be a number`;
      if (spec.integer && !Number.isInteger(v)) return `${k} must be a whole number`;
      if (v < spec.min || v > spec.max) return `${k} must be between ${spec.min} and ${spec.max} (got ${v})`;
      return null;
    case 'boolean':
      return typeof v === 'boolean' ? null : `${k} must be true or false`;
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? null : `${k} must be a JSON object`;
    case 'string':
    case 'enum':
      if (typeof v !== 'string' || v.trim() === '') return `${k} must be a non-empty string`;
      if (spec.type === 'string' && v.length > spec.maxLength) return `${k} is too long (${v.length} characters; at most ${spec.maxLength})`;
      if (spec.type === 'enum' && !spec.values.includes(v)) return `${k} must be one of ${spec.values.join(', ')} (got "${excerpt(v)}")`;
      return null;
  }
}
