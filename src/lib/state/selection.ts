/**
 * The shared selection (model, weight format, context, hardware, backend, KV-cache type, engine) that every
 * calculator on a page reads, and the reader's saved rig. Framework-free nanostores: islands
 * subscribe with @nanostores/preact; nothing here touches the DOM (persistent stores fall back
 * to memory on the server).
 */
import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { BACKENDS, ENGINES, KV_CACHE_TYPES, SHARED_KV_CACHE_ENGINES, type BackendId, type EngineId, type KvCacheTypeId } from '../vocabulary.ts';
import type { EstimateRequest } from '../request.ts';
import { FIELD_SPECS } from './fields.ts';
import { decodeQuery, encodeQuery, type KnownIds, type QuerySchema } from './url.ts';

/** One calculator selection. Sizes are GiB, as the engine's `memoryGb`/`ramGb` inputs. */
export interface Selection {
  model: string;
  quant: string;
  /** Context per sequence, tokens. */
  context: number;
  /** Hardware spec: `ID`, `NxID`, a comma list, or `custom` / `Nxcustom` for raw specs. */
  hardware: string;
  /** Installed memory of a unified-memory machine, or the memory of each custom device, GiB; 0 = the catalog's. */
  memoryGb: number;
  /** System RAM available for offload, GiB; 0 = no offload. */
  ramGb: number;
  /** Custom device bandwidth, 10^9 bytes/s (only with `custom`); 0 = unset. */
  bandwidthGbs: number;
  /** Custom device dense FP16 TFLOPS (only with `custom`); 0 = unset. */
  tflops: number;
  kvCache: KvCacheTypeId;
  engine: EngineId;
  /** Compute backend of the rig; '' = the device's usual one (raw hardware: cuda). */
  backend: BackendId | '';
}

/**
 * The worked example every calculator shows by default: Llama 3.1 8B at Q4_K_M, 8K context,
 * on one RTX 4090 with llama.cpp; a common first rig for agent builders.
 */
export const DEFAULT_SELECTION: Selection = {
  model: 'llama-3.1-8b', quant: 'Q4_K_M', context: 8192, hardware: 'rtx-4090',
  memoryGb: 0, ramGb: 0, bandwidthGbs: 0, tflops: 0, kvCache: 'f16', engine: 'llama.cpp', backend: '',
};

/** URL and storage schema of a selection (keys as in the engine's request). */
export const SELECTION_SCHEMA = {
  model: { kind: 'model' },
  quant: { kind: 'quant' },
  context: { kind: 'number', spec: FIELD_SPECS.context },
  hardware: { kind: 'hardware' },
  memoryGb: { kind: 'number', spec: FIELD_SPECS.memoryGb },
  ramGb: { kind: 'number', spec: FIELD_SPECS.ramGb },
  bandwidthGbs: { kind: 'number', spec: { ...FIELD_SPECS.bandwidthGbs, allowZero: true } },
  tflops: { kind: 'number', spec: { ...FIELD_SPECS.tflops, allowZero: true } },
  kvCache: { kind: 'enum', values: KV_CACHE_TYPES },
  engine: { kind: 'enum', values: ENGINES },
  backend: { kind: 'enum', values: BACKENDS },
} as const satisfies QuerySchema;

/**
 * Checks a selection-like object (from storage or props) field by field: valid fields are kept,
 * invalid ones fall back to `base` and produce a note. Never throws.
 */
export function sanitizeSelection(input: unknown, known: KnownIds, base: Selection = DEFAULT_SELECTION): { selection: Selection; notes: string[] } {
  if (!input || typeof input !== 'object') return { selection: { ...base }, notes: [] };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number') params.set(k, String(v));
  }
  const { values, notes } = decodeQuery(params.toString(), SELECTION_SCHEMA, known);
  return { selection: { ...base, ...(values as Partial<Selection>) }, notes };
}

/** The selection as a query string (no "?"). */
export function encodeSelection(s: Selection): string {
  return encodeQuery(s as unknown as Record<string, unknown>, SELECTION_SCHEMA);
}

/**
 * Where a standalone calculator page starts: the link's values, else the saved rig, else the
 * default, field by field (a link that only sets `model` keeps the saved hardware).
 */
export function resolveInitialSelection(
  search: string, saved: unknown, known: KnownIds, defaults: Selection = DEFAULT_SELECTION,
): { selection: Selection; notes: string[]; fromUrl: boolean } {
  const fromSaved = sanitizeSelection(saved, known, defaults);
  const url = decodeQuery(search, SELECTION_SCHEMA, known);
  const fromUrl = Object.keys(url.values).length > 0;
  // A broken saved rig is not the reader's doing on this page: drop it quietly, note only link problems.
  return { selection: { ...fromSaved.selection, ...(url.values as Partial<Selection>) }, notes: url.notes, fromUrl };
}

/** The engine request for a selection; raw specs only when the hardware is `custom`; a backend only when one is chosen. */
export function selectionToRequest(s: Selection, extra: Partial<EstimateRequest> = {}): EstimateRequest {
  const req: EstimateRequest = {
    model: s.model, quant: s.quant, context: s.context, kvCache: s.kvCache, engine: s.engine,
  };
  const custom = /^(?:(\d+)x)?custom$/.exec(s.hardware);
  if (custom) {
    req.memoryGb = s.memoryGb || 24;
    if (s.bandwidthGbs) req.bandwidthGbs = s.bandwidthGbs;
    if (s.tflops) req.tflops = s.tflops;
    req.devices = custom[1] ? Number(custom[1]) : 1;
  } else if (s.hardware) {
    req.hardware = s.hardware;
    if (s.memoryGb && !s.hardware.includes(',')) req.memoryGb = s.memoryGb;
  }
  if (s.backend && (custom || s.hardware)) req.backend = s.backend;
  if (s.ramGb) req.ramGb = s.ramGb;
  return { ...req, ...extra };
}

/** Sequences decoded at once, and whether llama.cpp's sequences share one cache (`--kv-unified`). */
export type Parallelism = { sequences: number; kvUnified: boolean };

/**
 * The request fields for `p`: none for one sequence (so the request, and its key, are those of a
 * single agent), and the shared cache only where the engine has one.
 */
export function parallelismToRequest(s: Selection, p: Parallelism): Partial<EstimateRequest> {
  if (p.sequences <= 1) return {};
  return p.kvUnified && SHARED_KV_CACHE_ENGINES.includes(s.engine) ? { sequences: p.sequences, kvUnified: true } : { sequences: p.sequences };
}

/** The working selection shared by every calculator on the page (not persisted). */
export const $selection = atom<Selection>({ ...DEFAULT_SELECTION });

/**
 * The reader's own rig, saved in localStorage whenever they change a shared calculator, and
 * restored on the next page. Stored as JSON; a corrupt value reads as null (then sanitized on use).
 */
export const $myRig = persistentAtom<unknown>('rigbook:my-rig', null, {
  encode: (v) => JSON.stringify(v),
  decode: (s) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return null;
    }
  },
});

/** Whether the page's selection has been initialised from the URL / saved rig yet (once per page). */
export const $selectionReady = atom(false);

/**
 * Updates the shared selection; saves it as the reader's rig only when `save` says the engine
 * accepts it, so a rig the engine refuses (from a link, say) never follows the reader to other pages.
 */
export function setSharedSelection(next: Selection, save: boolean): void {
  $selection.set(next);
  if (save) $myRig.set(next);
}
