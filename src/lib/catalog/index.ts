/**
 * The catalog in one import: models, hardware, weight formats, API prices and quality
 * measurements. Pages, the CLI and tests import from here. The sizing engine does not: it takes the
 * catalog as an argument, so calculator islands can ship a numbers-only copy.
 */
import type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry } from './types.ts';
import { models } from './models.ts';
import { hardware } from './hardware.ts';
import { quants } from './quants.ts';
import { apiPrices } from './prices.ts';
import { qualityLoss } from './quality.ts';

export { models, hardware, quants, apiPrices, qualityLoss };
export type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry };

const modelById = new Map(models.map((m) => [m.id.toLowerCase(), m]));

/** The model with this id (case-insensitive), or undefined. */
export function getModel(id: string): ModelEntry | undefined {
  return modelById.get(String(id).toLowerCase());
}

/** The whole catalog as the sizing engine takes it. */
export const catalog = { models, hardware, quants, apiPrices, qualityLoss };
