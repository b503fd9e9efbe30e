/**
 * Whether an island is being hydrated right now. Preact's `hydrate` renders an island's whole tree
 * synchronously, so a flag set around that call is seen by every component's first render, and by
 * no later render. `Quiet` (ui.tsx) reads it to leave server-rendered results alone.
 */
let depth = 0;

/** Runs `hydrateIsland` (a synchronous Preact `hydrate` call) with the flag set. */
export function duringHydration(hydrateIsland: () => void): void {
  depth++;
  try {
    hydrateIsland();
  } finally {
    depth--;
  }
}

/** True while `duringHydration` is running an island's first render. */
export function isHydrating(): boolean {
  return depth > 0;
}
