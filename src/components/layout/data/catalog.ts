/**
 * The catalog and the engine as the page templates see them: one place that imports them, so
 * templates never reach into src/lib directly and never compute.
 */
import type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry } from '../../../lib/catalog/types.ts';
import type { EstimateResult } from '../../../lib/sizing/types.ts';
import type { EstimateRequest } from '../../../lib/request.ts';
import { apiPrices, hardware, models, qualityLoss, quants } from '../../../lib/catalog/index.ts';
import { estimate } from '../../../lib/estimate.ts';

/** Every catalogued model, in catalog order. */
export function catalogModels(): ModelEntry[] { return models; }
/** Every catalogued hardware item, in catalog order. */
export function catalogHardware(): HardwareEntry[] { return hardware; }
/** Every weight format. */
export function catalogQuants(): QuantEntry[] { return quants; }
/** API price rows. */
export function catalogApiPrices(): ApiPriceEntry[] { return apiPrices; }
/** Measured quality-loss rows. */
export function catalogQuality(): QualityEntry[] { return qualityLoss; }

/**
 * Runs the engine for a page; null when the engine rejects the request (an InputError, e.g. a
 * format the model cannot be loaded in), so a page shows a dash instead of failing the build.
 */
export function tryEstimate(req: EstimateRequest): EstimateResult | null {
  try { return estimate(req); } catch { return null; }
}
