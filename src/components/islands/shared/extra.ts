/**
 * API prices and quality measurements for the two calculators that need them (Local or API?,
 * Quantization explorer), kept out of the other pages' JavaScript. An engine over the core
 * catalog plus these tables.
 */
import { createEngine } from '../../../lib/sizing/engine.ts';
import { expandExtra } from '../../../lib/state/client-catalog.ts';
import { compactExtra } from '../../../lib/state/client-catalog-extra.data.ts';
import { catalog } from './catalog.ts';

/** Price and quality rows (with their source URLs, cited next to each number). */
export const extra = expandExtra(compactExtra);

/** The engine over the core catalog plus prices and quality rows. */
export const engineWithExtras = createEngine({ ...catalog, ...extra });
