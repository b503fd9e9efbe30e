/**
 * The whole engine: the core (engine/index.ts) with the command line's options (did-you-mean
 * messages, raw architectures) and every helper bound to it: what the CLI, the pages and the tests
 * call. Kept apart from the core so that a browser bundle that takes the core gets only the helpers
 * its island imports itself.
 */
import type { EstimateRequest } from '../request.ts';
import type { KvCacheTypeId } from '../vocabulary.ts';
import type { CalibrationValues } from './calibration.ts';
import { contextCurve } from './context-curve.ts';
import { createEngine, type EngineCatalog } from './engine/index.ts';
import { localVsApi, type LocalVsApiInput } from './local-vs-api.ts';
import { qualityHint } from './quality.ts';
import { quantTable } from './quant-table.ts';
import { rawModel } from './raw-model.ts';
import { modelImporters } from '../import/importers.ts';
import { rigSummary } from './rig-summary.ts';
import { unknownIdMessage } from '../suggest.ts';
import { sweep, type SweepOptions } from './sweep.ts';
import { hardwareTiers, type TierOptions } from './tiers.ts';

/**
 * Build the whole engine over a catalog and a calibration: the core and every helper bound to it.
 * Each helper's module documents its contract and units.
 */
export function createFullEngine(options: { catalog: EngineCatalog; calibration: CalibrationValues }) {
  const core = createEngine({ ...options, unknownId: unknownIdMessage, rawModel, importers: modelImporters });
  const { catalog } = options;
  return {
    core,
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

/** The whole engine's functions. */
export type Engine = ReturnType<typeof createFullEngine>;

export type { SweepOptions } from './sweep.ts';
export type { ContextPoint, ContextCurve } from './context-curve.ts';
export type { QuantRow } from './quant-table.ts';
export type { LocalVsApiInput, LocalVsApiResult } from './local-vs-api.ts';
export type { HardwareTier, TierOptions } from './tiers.ts';
