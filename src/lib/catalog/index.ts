/**
 * The catalog in one import: models, hardware, weight formats, API prices and quality
 * measurements, with look-ups by id that suggest the closest ids when one is unknown.
 *
 * Pages, the CLI and tests import from here. The sizing core (src/lib/sizing/engine.ts) does not:
 * it takes the catalog as an argument so calculator islands can ship a numbers-only copy.
 */
import type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry } from './types.ts';
import { models } from './models.ts';
import { hardware } from './hardware.ts';
import { quants } from './quants.ts';
import { apiPrices } from './prices.ts';
import { qualityLoss } from './quality.ts';
import { suggestIds } from '../suggest.ts';

export { models, hardware, quants, apiPrices, qualityLoss };
export type { ApiPriceEntry, HardwareEntry, ModelEntry, QualityEntry, QuantEntry };

/** A look-up result: the entry, or the closest ids when the id is unknown. */
export type Lookup<T> = { ok: true; entry: T } | { ok: false; suggestions: string[] };

function index<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) m.set(r.id.toLowerCase(), r);
  return m;
}

const modelIndex = index(models);
const hardwareIndex = index(hardware);
const quantIndex = index(quants);

function lookup<T extends { id: string }>(m: Map<string, T>, rows: readonly T[], id: string): Lookup<T> {
  const e = m.get(String(id).toLowerCase());
  return e ? { ok: true, entry: e } : { ok: false, suggestions: suggestIds(String(id), rows.map((r) => r.id)) };
}

/** The model with this id (case-insensitive), or undefined. */
export function getModel(id: string): ModelEntry | undefined {
  return modelIndex.get(String(id).toLowerCase());
}

/** The hardware entry with this id (case-insensitive), or undefined. */
export function getHardware(id: string): HardwareEntry | undefined {
  return hardwareIndex.get(String(id).toLowerCase());
}

/** The weight format with this id (case-insensitive: q4_k_m finds Q4_K_M), or undefined. */
export function getQuant(id: string): QuantEntry | undefined {
  return quantIndex.get(String(id).toLowerCase());
}

/** Model look-up with "did you mean" suggestions. */
export function findModel(id: string): Lookup<ModelEntry> { return lookup(modelIndex, models, id); }
/** Hardware look-up with "did you mean" suggestions. */
export function findHardware(id: string): Lookup<HardwareEntry> { return lookup(hardwareIndex, hardware, id); }
/** Weight-format look-up with "did you mean" suggestions. */
export function findQuant(id: string): Lookup<QuantEntry> { return lookup(quantIndex, quants, id); }

/** The whole catalog as the sizing engine takes it. */
export const catalog = { models, hardware, quants, apiPrices, qualityLoss };
