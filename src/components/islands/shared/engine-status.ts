/**
 * Where the islands' engine is (see ./engine.ts, which loads it on demand), in a module of its own
 * so the results block can word its "updating" note without importing the loader.
 */
import { atom } from 'nanostores';

/** Not asked for yet, on its way, ready, or failed to arrive (offline without a cached copy). */
export type EngineStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The engine's status, shared by every island on the page. */
export const $engineStatus = atom<EngineStatus>('idle');
