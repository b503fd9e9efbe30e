/**
 * The sizing engine as the islands call it: the engine core over the client catalog, and small
 * wrappers that never throw and never hand a non-finite number to the UI.
 */
import { useMemo, useRef } from 'preact/hooks';
import { createEngineCore } from '../../../lib/sizing/engine.ts';
import type { EstimateRequest, EstimateResult, FieldError } from '../../../lib/sizing/types.ts';
import { DEFAULT_SELECTION, sanitizeSelection, selectionToRequest, type Selection } from '../../../lib/state/selection.ts';
import { catalog, KNOWN_IDS } from './catalog.ts';
import { presetOf, type PresetProps } from './state.ts';

/**
 * The engine core over the numbers-only client catalog. Helpers (sweep, contextCurve, quantTable,
 * hardwareTiers, localVsApi) are imported by the one island that uses each, from src/lib/sizing.
 */
export const engine = createEngineCore(catalog);

/** An estimate, or the problems that prevented it. */
export interface Outcome<T = EstimateResult> { result: T | null; errors: FieldError[] }

/** True when every number anywhere inside `v` is finite. */
export function allFinite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(allFinite);
  if (v && typeof v === 'object') return Object.values(v).every(allFinite);
  return true;
}

/** Runs a computation that may throw an InputError; returns its problems instead of throwing. */
export function attempt<T>(f: () => T): Outcome<T> {
  try {
    const result = f();
    if (!allFinite(result)) return { result: null, errors: [{ field: 'request', message: 'The engine could not compute this combination.' }] };
    return { result, errors: [] };
  } catch (e) {
    const err = e as { field?: FieldError['field']; message?: string };
    return { result: null, errors: [{ field: err.field ?? 'request', message: err.message ?? 'This combination cannot be estimated.' }] };
  }
}

/** Validates then estimates one request. */
export function runEstimate(req: EstimateRequest): Outcome {
  const errors = safeValidate(req);
  if (errors.length) return { result: null, errors };
  return attempt(() => engine.estimate(req));
}

/** The engine's per-field problems with a request (never throws). */
export function safeValidate(req: EstimateRequest): FieldError[] {
  try {
    return engine.validateRequest(req);
  } catch (e) {
    return [{ field: 'request', message: (e as Error).message || 'Invalid input.' }];
  }
}

/** The message for one field, if any. */
export function errorFor(errors: readonly FieldError[], ...fields: string[]): string | undefined {
  return errors.find((e) => fields.includes(e.field))?.message;
}

/**
 * Keeps the last valid value across renders: returns the current value when there is one,
 * else the previous valid one marked stale (so a bad input never blanks the results).
 */
export function useLastValid<T>(value: T | null): { value: T | null; stale: boolean } {
  const ref = useRef<T | null>(null);
  if (value !== null) {
    ref.current = value;
    return { value, stale: false };
  }
  return { value: ref.current, stale: ref.current !== null };
}

/** An estimate computed at build time for a page's default request, handed to the island as a prop. */
export interface InitialEstimate { key: string; result: EstimateResult }

/**
 * The estimate of `req` computed now (at build time, in a page's frontmatter), keyed by the request,
 * so the island can hydrate without running the engine while the reader has not changed anything.
 */
export function initialEstimate(req: EstimateRequest): InitialEstimate | undefined {
  const out = runEstimate(req);
  return out.result ? { key: JSON.stringify(req), result: out.result } : undefined;
}

/**
 * `runEstimate(req)`, except that a build-time estimate of the very same request is used as it is
 * (no engine run on hydration): `useInitialOr` keyed by the request.
 */
export function useEstimate(req: EstimateRequest, initial?: InitialEstimate): Outcome {
  const handover = initial && { key: initial.key, value: { result: initial.result, errors: [] } };
  return useInitialOr(JSON.stringify(req), handover, () => runEstimate(req));
}

/**
 * A result computed at build time for one view of an island (any island, any shape of result),
 * with the key of that view: everything the island's computation depends on, as the island
 * itself would write it on its first render.
 */
export interface InitialValue<T> { key: string; value: T }

/** Packs a build-time result with its view key; undefined when there is no result to hand over. */
export function initialValue<T>(key: string, value: T | null | undefined): InitialValue<T> | undefined {
  return value === null || value === undefined ? undefined : { key, value };
}

/**
 * `compute()` memoised on `key`, except that a build-time value of the very same key is used as it
 * is (no engine run on hydration). Any other key, i.e. as soon as the reader changes anything the
 * result depends on, runs `compute()`.
 */
export function useInitialOr<T>(key: string, initial: InitialValue<T> | undefined, compute: () => T): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (initial && initial.key === key ? initial.value : compute()), [key]);
}

/**
 * The view key of a selection (with request overrides such as prompt and output): the request
 * the island would send, so a build-time result matches only the very same computation.
 */
export function selectionKey(selection: Selection, overrides: Partial<EstimateRequest> = {}): string {
  return JSON.stringify(selectionToRequest(selection, overrides));
}

/**
 * The selection an island shows on its first render, on the server and on hydration: the guide's
 * preset when the island has one (sanitized as `useCalcState` does), else the default selection.
 * Build-time results are computed for this selection.
 */
export function firstSelection(props: PresetProps): Selection {
  const preset = presetOf(props);
  return preset ? sanitizeSelection(preset, KNOWN_IDS, DEFAULT_SELECTION).selection : { ...DEFAULT_SELECTION };
}
