// Lets .astro files write `client:reach` on an island (registered in astro.config.mjs).
declare module 'astro' {
  interface AstroClientDirectives {
    'client:reach'?: boolean;
  }
}
export {};
