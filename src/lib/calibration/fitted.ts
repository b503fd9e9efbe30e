/**
 * The fitted calibration values the engine reads, from fitted.json: data written by
 * `npx node scripts/fit.ts` (re-run the fit to change them, never edit by hand).
 */
import type { CalibrationValues } from '../sizing/calibration.ts';
import values from './fitted.json' with { type: 'json' };

// JSON types its pairs as number[]; the fit writes [p10, p90] pairs, as CalibrationValues says.
export const fitted = values as unknown as CalibrationValues;
