/**
 * `client:reach`: hydrates a calculator when the reader first reaches for it (pointer over it, focus
 * inside it, a touch), so a reader who only reads downloads none of its JavaScript. Until then the
 * server's markup shows the build-time result, and its form controls already take input: whatever
 * the reader typed, picked or ticked meanwhile is handed to the hydrated island as if just entered.
 * A view that is not the build-time one (a link with a query, saved choices) hydrates once visible.
 */
import type { ClientDirective } from 'astro';

const REACH_EVENTS = ['pointerover', 'focusin', 'touchstart'] as const;

/** True when the page may show something other than the build-time view: a query, saved choices. */
function viewMayDiffer(): boolean {
  if (location.search.length > 1) return true;
  try {
    for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith('rigbook:')) return true;
  } catch {
    // Storage blocked: nothing saved to show.
  }
  return false;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** True when the reader has changed a control from the value the server rendered. */
function changed(control: Control): boolean {
  if (control instanceof HTMLSelectElement) {
    const defaults = [...control.options].findIndex((o) => o.defaultSelected);
    return control.selectedIndex !== Math.max(defaults, 0);
  }
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
    return control.checked !== control.defaultChecked && (control.type === 'checkbox' || control.checked);
  }
  return control.value !== control.defaultValue;
}

/** Tells the island about a value it has not seen, through the event its handler listens to. */
function replay(control: Control): void {
  const text = control instanceof HTMLTextAreaElement || (control instanceof HTMLInputElement && control.type !== 'checkbox' && control.type !== 'radio');
  control.dispatchEvent(new Event(text ? 'input' : 'change', { bubbles: true }));
}

const reach: ClientDirective = (load, _options, el) => {
  let started = false;
  let visible: IntersectionObserver | undefined;
  const listen = (): void => {
    for (const type of REACH_EVENTS) el.addEventListener(type, start, { passive: true });
  };
  const start = async (): Promise<void> => {
    if (started) return;
    started = true;
    for (const type of REACH_EVENTS) el.removeEventListener(type, start);
    visible?.disconnect();
    let hydrate: Awaited<ReturnType<typeof load>>;
    try {
      hydrate = await load();
    } catch {
      // Offline without a cached copy: the server's markup stays, and the next reach tries again.
      started = false;
      listen();
      return;
    }
    const edited = [...el.querySelectorAll<Control>('input, select, textarea')].filter(changed);
    await hydrate();
    for (const control of edited) replay(control);
  };
  listen();
  if (viewMayDiffer()) {
    visible = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void start();
    });
    // The island element has no box of its own (display: contents): watch what it holds.
    for (const child of el.children) visible.observe(child);
  }
};

export default reach;
