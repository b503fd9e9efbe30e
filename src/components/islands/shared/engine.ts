/**
 * The sizing engine as the islands call it: loaded on demand (./compute.ts), and small wrappers
 * that never throw and never hand a non-finite number to the UI.
 *
 * Why on demand: every island renders its first view from a result computed at build time, so
 * the engine is needed only once the reader changes something. `loadEngine()` fetches it; the
 * frame calls it as the island hydrates (when the reader reaches for it), before any change, and
 * a view without a build-time result asks for it itself. Until it has arrived, a computation
 * throws `EnginePending`, and `useComputed` keeps showing the last result, marked as updating.
 * On the server and in tests the engine is loaded before anything renders (`await loadEngine()`).
 */
import { useMemo, useRef } from 'preact/hooks';
import type { EstimateResult } from '../../../lib/sizing/types.ts';
import type { EstimateRequest, FieldError } from '../../../lib/request.ts';
import { DEFAULT_SELECTION, sanitizeSelection, selectionToRequest, type Selection } from '../../../lib/state/selection.ts';
import { forReaders } from '../../../lib/state/warnings.ts';
import { KNOWN_IDS } from './catalog.ts';
import { presetOf, type PresetProps } from './state.ts';
import { $engineStatus } from './engine-status.ts';
import { useHydratedStore } from './store.ts';

/** The computing half of the islands: the engine core and its helpers. */
export type Computing = typeof import('./compute.ts');

let computingModule: Computing | null = null;
let loading: Promise<Computing> | null = null;

/**
 * Fetches the engine once (later calls share the same promise). A failed fetch (offline, no
 * cached copy) sets the status to 'failed' and is tried again on the next call.
 */
export function loadEngine(): Promise<Computing> {
  if (computingModule) return Promise.resolve(computingModule);
  if (!loading) {
    $engineStatus.set('loading');
    loading = import('./compute.ts').then(
      (m) => {
        computingModule = m;
        $engineStatus.set('ready');
        return m;
      },
      (e: unknown) => {
        loading = null;
        $engineStatus.set('failed');
        throw e;
      },
    );
  }
  return loading;
}

/** Thrown by `computing()` while the engine has not arrived; `useComputed` catches it. */
export class EnginePending extends Error {
  constructor() {
    super('The calculator engine is still loading.');
  }
}

/** The engine and its helpers, or throws EnginePending (after asking for them). */
export function computing(): Computing {
  if (computingModule) return computingModule;
  loadEngine().catch(() => undefined);
  throw new EnginePending();
}

/**
 * True once the engine is here; re-renders the component when it arrives. Read from the module
 * itself, not the status, so a component mounted after loading (server, tests) starts ready.
 */
export function useEngineReady(): boolean {
  return useHydratedStore($engineStatus, () => computingModule !== null);
}

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
    if (e instanceof EnginePending) throw e;
    const err = e as { field?: FieldError['field']; message?: string };
    return { result: null, errors: [{ field: err.field ?? 'request', message: err.message ? forReaders(err.message) : 'This combination cannot be estimated.' }] };
  }
}

/** Validates then estimates one request. */
export function runEstimate(req: EstimateRequest): Outcome {
  const errors = safeValidate(req);
  if (errors.length) return { result: null, errors };
  return attempt(() => computing().engine.estimate(req));
}

/** The engine's per-field problems with a request (never throws). */
export function safeValidate(req: EstimateRequest): FieldError[] {
  try {
    return computing().engine.validateRequest(req).map((e) => ({ ...e, message: forReaders(e.message) }));
  } catch (e) {
    if (e instanceof EnginePending) throw e;
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
 * (no engine run on hydration): `useComputed` keyed by the request, or by `key` when the request
 * holds a large object (a GGUF header) that has a shorter name.
 */
export function useEstimate(req: EstimateRequest, initial?: InitialEstimate, key?: string): Computed<Outcome> {
  const handover = initial && { key: initial.key, value: { result: initial.result, errors: [] } };
  return useComputed(key ?? JSON.stringify(req), handover, () => runEstimate(req));
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
 * What an island shows for its current view: the value, and whether it is waiting for the engine
 * (then `value` is the last value the island had, or its build-time one, or null before either).
 */
export interface Computed<T> { value: T | null; pending: boolean }

const PENDING = Symbol('pending');

/**
 * `compute()` memoised on `key`, except that a build-time value of the very same key is used as it
 * is (no engine run on hydration). Any other key, i.e. as soon as the reader changes anything the
 * result depends on, runs `compute()`. While the engine is on its way, the last value stays on
 * screen marked pending, and the view is computed as soon as the engine arrives.
 */
export function useComputed<T>(key: string, initial: InitialValue<T> | undefined, compute: () => T): Computed<T> {
  const ready = useEngineReady();
  const last = useRef<T | null>(null);
  const value = useMemo((): T | typeof PENDING => {
    if (initial && initial.key === key) return initial.value;
    try {
      return compute();
    } catch (e) {
      if (e instanceof EnginePending) return PENDING;
      throw e;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ready]);
  if (value === PENDING) return { value: last.current ?? initial?.value ?? null, pending: true };
  last.current = value;
  return { value, pending: false };
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
