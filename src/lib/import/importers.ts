/**
 * The readers of a model's own files, as the engine takes them (`createEngine({ ..., importers })`).
 * Kept out of the engine's own imports so that a bundle that never reads a reader's file does not
 * carry them: the command line and pages pass them always, the browser once a reader gives a model.
 */
import { modelFromConfig } from './config.ts';
import { modelFromGguf } from './gguf.ts';

/** What the engine calls to read a config.json object or a GGUF header. */
export interface ModelImporters {
  config: typeof modelFromConfig;
  gguf: typeof modelFromGguf;
}

export const modelImporters: ModelImporters = { config: modelFromConfig, gguf: modelFromGguf };
