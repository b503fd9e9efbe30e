/**
 * The islands' computing half: the sizing engine's core over the numbers-only client catalog,
 * and the helpers that run it (sweeps, context curves, format tables, hardware tiers, local
 * against API). Loaded on demand (`loadEngine` in ./engine.ts), never at page load: every island
 * renders its first view from a result computed at build time, so a reader who only reads never
 * downloads, parses or runs the engine. It is fetched when the reader first reaches into a
 * calculator (pointer over it, focus inside it), or when a view without a build-time result
 * needs it (a shared link, a saved rig).
 */
import { fitted } from '../../../lib/calibration/fitted.ts';
import type { ModelImporters } from '../../../lib/import/importers.ts';
import { InputError } from '../../../lib/request.ts';
import { createEngine } from '../../../lib/sizing/engine/index.ts';
import { catalog } from './catalog.ts';

/**
 * The file readers, once the reader's own model has been given: the reader chunk
 * (./your-model-reader.ts) registers them, so calculators that never read a file never fetch them.
 */
let readers: ModelImporters | null = null;

/** Registers the readers of config.json and GGUF headers (called by the reader chunk when it loads). */
export function registerModelImporters(importers: ModelImporters): void {
  readers = importers;
}

function need(): ModelImporters {
  if (!readers) throw new InputError('config', 'the model file reader has not loaded yet');
  return readers;
}

/** The engine core over the client catalog and the fitted calibration. */
export const engine = createEngine({
  catalog, calibration: fitted,
  importers: { config: (c, name) => need().config(c, name), gguf: (src) => need().gguf(src) },
});

export { contextCurve } from '../../../lib/sizing/context-curve.ts';
export { hardwareTiers } from '../../../lib/sizing/tiers.ts';
export { quantTable } from '../../../lib/sizing/quant-table.ts';
export { localVsApi } from '../../../lib/sizing/local-vs-api.ts';
export { rigSummary } from '../../../lib/sizing/rig-summary.ts';
export { sweep } from '../../../lib/sizing/sweep.ts';
