/**
 * API prices and quality measurements for the two calculators that need them (Local or API?,
 * Quantization explorer), kept out of the other pages' JavaScript.
 */
import { expandExtra } from '../../../lib/state/client-catalog.ts';
import compactExtra from 'virtual:rigbook/client-catalog-extra';

/** Price and quality rows (with their source URLs, cited next to each number). */
export const extra = expandExtra(compactExtra);

