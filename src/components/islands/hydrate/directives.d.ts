// Lets .astro files write `client:reach` on an island (registered in astro.config.mjs).
declare global {
  namespace Astro {
    interface ClientDirectives {
      'client:reach'?: boolean;
    }
  }
}
export {};
