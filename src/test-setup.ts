/**
 * Vitest setup, run before every test file: the calculator islands fetch their engine on demand in
 * the browser (src/components/islands/shared/engine.ts); tests, like the build, load it first, so
 * a component renders its numbers on the first render. Tests of the waiting state import fresh
 * copies of the modules (vi.resetModules) and so start without it.
 *
 * After a file's tests, the stores kept in localStorage are unmounted at once (nanostores'
 * `cleanStores`, meant for tests): left alone, a store unmounts a second after its last listener
 * leaves and removes its window listeners then, which can be after a DOM environment is gone.
 */
import { afterAll } from 'vitest';
import { cleanStores } from 'nanostores';
import { loadEngine } from './components/islands/shared/engine.ts';
import { $preferencesRaw } from './lib/state/preferences.ts';
import { $myRig } from './lib/state/selection.ts';

await loadEngine();

afterAll(() => {
  cleanStores($preferencesRaw, $myRig);
});
