/**
 * Helpers for the calculator component tests (happy-dom): mount an island, type into a field,
 * pick an option, and reset the shared stores and URL between tests.
 */
import { expect } from 'vitest';
import { render, type ComponentChild, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { renderToString } from 'preact-render-to-string';
import { $myRig, $selection, $selectionReady, DEFAULT_SELECTION } from '../../../lib/state/selection.ts';
import { $preferencesRaw } from '../../../lib/state/preferences.ts';
import { $linkNotes } from './state.ts';

/** Resets stores, storage and the URL so each test starts from a fresh page. */
export function freshPage(search = ''): void {
  $selection.set({ ...DEFAULT_SELECTION });
  $selectionReady.set(false);
  $myRig.set(null);
  $linkNotes.set([]);
  $preferencesRaw.set({ unit: 'GB', currency: 'USD', electricity: '0.17' });
  history.replaceState(null, '', `/calculators/x/${search}`);
  document.body.innerHTML = '';
}

/** Server-renders a component to HTML (what a reader without JavaScript gets). */
export function ssr(node: VNode): string {
  return renderToString(node);
}

/** Mounts a component into the document and flushes effects and store timers. */
export async function mount(node: ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.appendChild(root);
  await act(async () => {
    render(node, root);
  });
  await settle();
  return root;
}

/** Lets effects, store listeners (setTimeout batching) and re-renders run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** The element with a data-testid, or throws with the available ids (for readable failures). */
export function byTestId(root: ParentNode, id: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid="${id}"]; have: ${[...root.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid')).join(', ')}`);
  return el;
}

/** The form control whose label text starts with `label`. */
export function byLabel(root: ParentNode, label: string): HTMLInputElement | HTMLSelectElement {
  for (const l of root.querySelectorAll('label')) {
    if ((l.textContent ?? '').trim().startsWith(label)) {
      const id = l.getAttribute('for');
      const el = id ? root.querySelector(`#${CSS.escape(id)}`) : l.querySelector('input,select');
      if (el) return el as HTMLInputElement | HTMLSelectElement;
    }
  }
  throw new Error(`no field labelled "${label}"`);
}

/** Types text into an input as a reader would (one input event). */
export async function type(el: HTMLInputElement | HTMLSelectElement, text: string): Promise<void> {
  await act(async () => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}

/** Picks an option of a select. */
export async function choose(el: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** Clicks an element. */
export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
  await settle();
}

/** Every kind of bad input a numeric field must reject, with the message start it must show. */
export const BAD_INPUTS: [string, RegExp][] = [
  ['', /Enter a value/],
  ['abc', /Enter a number/],
  ['-5', /not be negative/],
  ['0', /more than 0/],
  ['99999999999999', /Too large/],
  ['<img src=x onerror=alert(1)>', /Enter a number/],
];

/**
 * Types each of BAD_INPUTS into `field` and checks what a reader must see every time: the message
 * next to the field, the field marked invalid, the result (the text of `keptTestId`) as it was
 * before, and no NaN, Infinity or echoed markup anywhere. `alsoEach` adds a calculator's own checks.
 */
export async function expectEveryBadInputRejected(
  root: HTMLElement, field: HTMLInputElement | HTMLSelectElement, keptTestId: string, alsoEach: () => void = () => {},
): Promise<void> {
  const kept = byTestId(root, keptTestId).textContent;
  for (const [bad, message] of BAD_INPUTS) {
    await type(field, bad);
    expect(byTestId(root, `error-${field.id}`).textContent, bad).toMatch(message);
    expect(field.getAttribute('aria-invalid'), bad).toBe('true');
    expect(byTestId(root, keptTestId).textContent, bad).toBe(kept);
    expect(root.innerHTML, bad).not.toMatch(/NaN|Infinity|<img src=x/);
    alsoEach();
  }
}
