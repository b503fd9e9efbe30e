/**
 * The whole engine: the core (engine.ts) with the command line's options (did-you-mean messages,
 * raw architectures) and every helper bound to it: what the CLI, the pages and the tests call.
 * Kept apart from engine.ts so that the core module imports none of the helpers, and a browser
 * bundle that takes the core gets only the helpers its island imports itself.
 */
import type { KvCacheTypeId } from '../catalog/types.ts';
import { createEngineCore, type EngineCatalog } from './engine.ts';
import type { EstimateRequest } from './types.ts';
import { qualityHint } from './quality.ts';
import { sweep, type SweepOptions } from './sweep.ts';
import { contextCurve } from './context-curve.ts';
import { quantTable } from './quant-table.ts';
import { localVsApi, type LocalVsApiInput } from './local-vs-api.ts';
import { hardwareTiers, type TierOptions } from './tiers.ts';
import { rigSummary } from './rig-summary.ts';
import { unknownIdMessage } from './suggest.ts';
import { rawModel } from './raw-model.ts';

/**
 * Build an engine over a catalog: the core and every helper bound to it (what the CLI, the pages
 * and the tests call). Each helper's module documents its contract and units.
 */
export function createEngine(catalog: EngineCatalog) {
  const core = createEngineCore(catalog, { unknownId: unknownIdMessage, rawModel });
  return {
    estimate: core.estimate,
    validateRequest: core.validateRequest,
    prepareModel: core.prepareModel,
    sweep: (base: EstimateRequest, opts?: SweepOptions) => sweep(core, base, opts),
    contextCurve: (base: EstimateRequest, contexts: number[], kvCaches: KvCacheTypeId[]) => contextCurve(core, base, contexts, kvCaches),
    quantTable: (base: EstimateRequest) => quantTable(core, base),
    localVsApi: (i: LocalVsApiInput) => localVsApi(catalog.apiPrices ?? [], i),
    hardwareTiers: (opts?: TierOptions) => hardwareTiers(core, opts),
    /** The quality hint for a format (and model), from the catalog's quality rows. */
    quality: (quant: string, model?: string) => qualityHint(catalog.qualityLoss ?? [], quant, model),
    rigSummary: (spec: string, memoryGb?: number) => rigSummary(core, spec, memoryGb),
    /** Light estimate without the maxContext/bestQuant searches (null on bad input). */
    estimateFast: core.estimateFast,
  };
}

/** The engine's public functions. */
export type Engine = ReturnType<typeof createEngine>;

export type { SweepOptions } from './sweep.ts';
export type { ContextPoint, ContextCurve } from './context-curve.ts';
export type { QuantRow } from './quant-table.ts';
export type { LocalVsApiInput, LocalVsApiResult } from './local-vs-api.ts';
export type { HardwareTier, TierOptions } from './tiers.ts';
