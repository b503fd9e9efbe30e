/**
 * What the last fit used and found (rows, parameters, spreads), from fit-record.json, written by
 * scripts/fit.ts beside fitted.json. Read by the accuracy report and the methodology page, never by
 * the engine, so the browser's engine does not ship it.
 */
import record from './fit-record.json' with { type: 'json' };
import type { FitRecord } from './types.ts';

export const fitRecord: FitRecord = record;
