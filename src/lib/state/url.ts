/**
 * Pure URL query encode/decode for calculator state. No DOM: callers pass `location.search`
 * in and write the encoded string out with `history.replaceState`.
 *
 * Hostile or malformed values are never executed or echoed: a value that fails its field's
 * rule is dropped and a note names the field (from our schema, never the typed text) and the
 * reason, for the calculator to show.
 */
import { deviceCount, formatSpec, MAX_DEVICES, type SpecPart } from '../hardware-spec.ts';
import { parseNumberField, type NumberFieldSpec } from './fields.ts';

/** How one query key is read. */
export type QueryField =
  | { kind: 'number'; spec: NumberFieldSpec }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'model' }
  | { kind: 'quant' }
  | { kind: 'hardware' }
  | { kind: 'flag' };

/** A query schema: key -> rule. Keys are the request's camelCase names (`model`, `context`, ...). */
export type QuerySchema = Record<string, QueryField>;

/** Ids the decoder accepts for catalog-backed keys. */
export interface KnownIds {
  models: ReadonlySet<string>;
  quants: ReadonlySet<string>;
  hardware: ReadonlySet<string>;
}

/** Decoded values and the notes about what was ignored. */
export interface DecodedQuery {
  values: Record<string, string | number | boolean>;
  notes: string[];
}

/** Longest query value we look at; anything longer is ignored as hostile. */
const MAX_VALUE_LENGTH = 200;
/** Most devices in one hardware spec part ("8xh100-sxm"), and most parts in a comma list; the engine's limit holds for the total. */
const MAX_PART_DEVICES = 16;
const MAX_PARTS = 8;

/**
 * Normalises a hardware spec (`ID`, `NxID`, or a comma list of those) against the catalog ids,
 * or returns null when any part is unknown or malformed. The id `custom` stands for raw specs.
 * "2xRTX-3090" -> "2xrtx-3090"; "1xrtx-4090" -> "rtx-4090".
 */
export function normaliseHardwareSpec(spec: string, hardwareIds: ReadonlySet<string>): string | null {
  const parts = spec.trim().toLowerCase().split(',');
  if (parts.length === 0 || parts.length > MAX_PARTS) return null;
  const out: SpecPart[] = [];
  for (const raw of parts) {
    const m = /^(?:(\d{1,2}) *x *)?([a-z0-9][a-z0-9.-]{0,60})$/.exec(raw.trim());
    if (!m) return null;
    const count = m[1] === undefined ? 1 : Number(m[1]);
    const id = m[2] ?? '';
    if (!Number.isInteger(count) || count < 1 || count > MAX_PART_DEVICES) return null;
    if (id === 'custom' ? parts.length > 1 : !hardwareIds.has(id)) return null;
    out.push({ count, id });
  }
  return deviceCount(out) <= MAX_DEVICES ? formatSpec(out) : null;
}

function findId(value: string, ids: ReadonlySet<string>): string | null {
  if (ids.has(value)) return value;
  // Ids are case-sensitive in the catalog (Q4_K_M, llama-3.1-8b); accept a case-folded match.
  const lower = value.toLowerCase();
  for (const id of ids) if (id.toLowerCase() === lower) return id;
  return null;
}

/** Reads one raw value by its rule; returns the value or the reason it was ignored. */
export function decodeValue(
  raw: string, field: QueryField, known: KnownIds,
): { ok: true; value: string | number | boolean } | { ok: false; reason: string } {
  if (raw.length > MAX_VALUE_LENGTH) return { ok: false, reason: 'too long' };
  switch (field.kind) {
    case 'number': {
      const r = parseNumberField(raw, field.spec);
      return r.ok ? r : { ok: false, reason: r.message.replace(/\.$/, '').toLowerCase() };
    }
    case 'enum': {
      const v = field.values.find((x) => x.toLowerCase() === raw.trim().toLowerCase());
      return v === undefined ? { ok: false, reason: `not one of ${field.values.join(', ')}` } : { ok: true, value: v };
    }
    case 'model': {
      const v = findId(raw.trim(), known.models);
      return v === null ? { ok: false, reason: 'not a catalogued model' } : { ok: true, value: v };
    }
    case 'quant': {
      const v = findId(raw.trim(), known.quants);
      return v === null ? { ok: false, reason: 'not a catalogued weight format' } : { ok: true, value: v };
    }
    case 'hardware': {
      const v = normaliseHardwareSpec(raw, known.hardware);
      return v === null ? { ok: false, reason: 'not a catalogued hardware spec' } : { ok: true, value: v };
    }
    case 'flag': {
      const t = raw.trim().toLowerCase();
      if (t === '1' || t === 'true' || t === 'yes') return { ok: true, value: true };
      if (t === '0' || t === 'false' || t === 'no') return { ok: true, value: false };
      return { ok: false, reason: 'not 1 or 0' };
    }
  }
}

/**
 * Decodes a query string ("?model=...&context=8192") by a schema. Keys outside the schema are
 * ignored silently (they may belong to someone else, such as analytics tags); a key that repeats
 * uses its first value; a bad value is dropped with a note such as
 * `Ignored "context" in the link: must not be negative.`
 */
export function decodeQuery(search: string, schema: QuerySchema, known: KnownIds): DecodedQuery {
  const values: DecodedQuery['values'] = {};
  const notes: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 4000 ? '' : search);
    if (search.length > 4000) notes.push('Ignored the link’s settings: the query is too long.');
  } catch {
    return { values, notes: ['Ignored the link’s settings: the query could not be read.'] };
  }
  for (const [key, field] of Object.entries(schema)) {
    const raw = params.get(key);
    if (raw === null) continue;
    const r = decodeValue(raw, field, known);
    if (r.ok) values[key] = r.value;
    else notes.push(`Ignored “${key}” in the link: ${r.reason}.`);
  }
  return { values, notes };
}

/**
 * Encodes values by a schema into a query string without the leading "?", keys in schema order,
 * skipping undefined, empty and non-finite values. Booleans become 1/0.
 */
export function encodeQuery(values: Record<string, unknown>, schema: QuerySchema): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(schema)) {
    const v = values[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) continue;
      params.set(key, String(v));
    } else if (typeof v === 'boolean') params.set(key, v ? '1' : '0');
    else if (typeof v === 'string') params.set(key, v);
  }
  return params.toString();
}
