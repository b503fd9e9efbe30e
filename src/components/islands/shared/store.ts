/**
 * Reading a nanostore in an island without a second render after hydration.
 *
 * `useStore(store, { ssr: 'initial' })` from @nanostores/preact renders the store's initial value
 * (matching the server's HTML) and then ALWAYS renders the island again after hydration, even when
 * the value did not change: on a calculator page that doubled the start-up work on a slow phone.
 * This hook renders the initial value first and re-renders only when the store's value differs.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReadableAtom } from 'nanostores';

/** The store's value; its initial value during hydration, so the first render matches the server's. */
export function useHydratedStore<T>(store: ReadableAtom<T>): T {
  const init = (store as ReadableAtom<T> & { init?: T }).init ?? store.get();
  const [state, setState] = useState<{ value: T }>({ value: init });
  useEffect(() => {
    const sync = (): void => {
      const now = store.get();
      // Same content as the initial value (a persistent store re-reads storage into a new object): no render.
      setState((s) => (s.value === now || JSON.stringify(s.value) === JSON.stringify(now) ? s : { value: now }));
    };
    // Listen first: a persistent store reads storage when its first listener arrives.
    const unlisten = store.listen(sync);
    sync();
    return unlisten;
  }, [store]);
  return state.value;
}
