/**
 * The sizing engine as the islands call it: the engine core over the client catalog, and small
 * wrappers that never throw and never hand a non-finite number to the UI.
 */
import { useMemo, useRef } from 'preact/hooks';
import { createEngineCore } from '../../../lib/sizing/engine.ts';
import type { EstimateRequest, EstimateResult, FieldError } from '../../../lib/sizing/types.ts';
import { catalog } from './catalog.ts';

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
 * (no engine run on hydration). Memoised on the request.
 */
export function useEstimate(req: EstimateRequest, initial?: InitialEstimate): Outcome {
  const key = JSON.stringify(req);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (initial && initial.key === key ? { result: initial.result, errors: [] } : runEstimate(req)), [key]);
}
