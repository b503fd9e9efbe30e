/**
 * Runs the script at `src` once, through a script element, and resolves when it has run (rejects if
 * it cannot be fetched). Pagefind's component UI is a classic script that defines its custom
 * elements; loading it this way, rather than through `import()`, keeps the bundler's preload helper
 * out of the script every page loads.
 */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`could not load ${src}`)), { once: true });
    document.head.append(script);
  });
}
