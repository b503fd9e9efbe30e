/**
 * The engine over the full catalog and the fitted calibration: what the CLI, the pages and the
 * scripts call. `estimate(req)` is the entry point; the helpers (sweep, contextCurve, quantTable,
 * localVsApi, hardwareTiers) are bound to the same engine. Calculator islands build their own
 * engine over a numbers-only catalog (src/components/islands/shared/compute.ts).
 */
import { fitted } from './calibration/fitted.ts';
import { catalog } from './catalog/index.ts';
import { createFullEngine } from './sizing/full-engine.ts';

export { InputError } from './request.ts';
export type { EstimateRequest, FieldError } from './request.ts';
export type { EstimateResult } from './sizing/types.ts';

/** The engine over the full catalog. */
export const engine = createFullEngine({ catalog, calibration: fitted });

/**
 * Memory, fit and speed for one request. Throws InputError(field, message) on bad input (unknown
 * id with suggestions, out-of-range number, unsupported pairing). Bytes are integers.
 */
export const estimate = engine.estimate;

/** Per-field problems of a request (never throws); [] when `estimate` accepts it. */
export const validateRequest = engine.validateRequest;

/** Sweep helpers over the full catalog (see each helper's module for its contract). */
export const { sweep, contextCurve, quantTable, localVsApi, hardwareTiers, prepareModel, quality, estimateFast } = engine;
