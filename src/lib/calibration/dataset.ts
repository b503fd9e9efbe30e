/**
 * The calibration set as typed rows: the five JSON files of data/measurements, imported at
 * build time (JSON imports work in Node, Vite and Astro alike).
 */
import decode from '../../../data/measurements/decode.json' with { type: 'json' };
import fits from '../../../data/measurements/fits.json' with { type: 'json' };
import kv from '../../../data/measurements/kv-cache.json' with { type: 'json' };
import prefill from '../../../data/measurements/prefill.json' with { type: 'json' };
import weights from '../../../data/measurements/weights.json' with { type: 'json' };
import type { MeasurementFile, MeasurementRow } from './types.ts';

/** The five files, by kind. */
export const measurementFiles: Record<'weights' | 'kv-cache' | 'decode' | 'prefill' | 'fit', MeasurementFile> = {
  weights: weights as MeasurementFile,
  'kv-cache': kv as MeasurementFile,
  decode: decode as MeasurementFile,
  prefill: prefill as MeasurementFile,
  fit: fits as MeasurementFile,
};

/** Every row of the calibration set. */
export const allRows: MeasurementRow[] = Object.values(measurementFiles).flatMap((f) => f.rows);
