/**
 * Adds a module script and resolves when it has run. A <script> element rather than import()
 * keeps Vite's preload helper (about 1 KB) out of every page.
 */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.type = 'module';
    s.src = src;
    s.onload = () => resolve();
    s.onerror = reject;
    document.head.append(s);
  });
}
