/**
 * Reading a nanostore in an island without a second render after hydration.
 *
 * `useStore(store, { ssr: 'initial' })` from @nanostores/preact renders the store's initial value
 * (matching the server's HTML) and then ALWAYS renders the island again after hydration, even when
 * the value did not change: on a calculator page that doubled the start-up work on a slow phone.
 * This hook renders the initial value first and re-renders only when the store's value differs.
 * With `read`, it compares what is read from the store (the preferences, not their raw strings).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReadableAtom } from 'nanostores';

/**
 * The store's value, or `read(value)`; its initial value during hydration, so the first render
 * matches the server's. Re-renders only when what `read` gives changes in content (compared as
 * JSON), so an unchanged value keeps its identity across renders.
 */
export function useHydratedStore<T, V = T>(store: ReadableAtom<T>, read: (value: T) => V = (v) => v as unknown as V): V {
  const init = (store as ReadableAtom<T> & { init?: T }).init ?? store.get();
  const [state, setState] = useState<{ value: V }>(() => ({ value: read(init) }));
  useEffect(() => {
    const sync = (): void => {
      const now = read(store.get());
      // Same content as before (a persistent store re-reads storage into a new object): no render.
      setState((s) => (s.value === now || JSON.stringify(s.value) === JSON.stringify(now) ? s : { value: now }));
    };
    // Listen first: a persistent store reads storage when its first listener arrives.
    const unlisten = store.listen(sync);
    sync();
    return unlisten;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return state.value;
}
