/**
 * `estimate(req)` and `validateRequest(req)` over the full catalog: what the CLI, the pages and
 * the tests call. Calculator islands that ship a trimmed catalog call `createEngineCore` themselves
 * (engine.ts). See engine.ts for the helpers (sweep, contextCurve, quantTable, localVsApi,
 * hardwareTiers, prepareModel).
 */
import { catalog } from '../catalog/index.ts';
import { createEngine } from './full-engine.ts';

export { InputError } from './types.ts';
export type { EstimateRequest, EstimateResult, FieldError } from './types.ts';

/** The engine over the full catalog. */
export const engine = createEngine(catalog);

/**
 * Memory, fit and speed for one request. Throws InputError(field, message) on bad input (unknown
 * id with suggestions, out-of-range number, unsupported pairing). Bytes are integers.
 */
export const estimate = engine.estimate;

/** Per-field problems of a request (never throws); [] when `estimate` accepts it. */
export const validateRequest = engine.validateRequest;

/** Sweep helpers over the full catalog (see engine.ts for each one's contract). */
export const { sweep, contextCurve, quantTable, localVsApi, hardwareTiers, prepareModel, quality, estimateFast } = engine;
