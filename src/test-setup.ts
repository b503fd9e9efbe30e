/**
 * Vitest setup, run before every test file: the calculator islands fetch their engine on demand in
 * the browser (src/components/islands/shared/engine.ts); tests, like the build, load it first, so
 * a component renders its numbers on the first render. Tests of the waiting state import fresh
 * copies of the modules (vi.resetModules) and so start without it.
 */
import { loadEngine } from './components/islands/shared/engine.ts';

await loadEngine();
