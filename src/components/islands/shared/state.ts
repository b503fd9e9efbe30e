/**
 * The state hook every calculator island uses: the shared selection (or the guide's preset),
 * the calculator's own extra fields, URL round trip on standalone pages, and notes about
 * ignored link values. Islands are the one place that touches `location` and `history`.
 */
import { useHydratedStore } from './store.ts';
import { atom } from 'nanostores';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  $myRig, $selection, $selectionReady, DEFAULT_SELECTION, encodeSelection, resolveInitialSelection, sanitizeSelection,
  selectionToRequest, setSharedSelection, type Selection,
} from '../../../lib/state/selection.ts';
import { decodeQuery, encodeQuery, type QuerySchema } from '../../../lib/state/url.ts';
import { KNOWN_IDS } from './catalog.ts';
import { loadEngine } from './engine.ts';

/** Notes about link values ignored on this page (shared so one island shows them once). */
export const $linkNotes = atom<string[]>([]);

/** Selection props a guide may pass to preset an island. */
export interface PresetProps {
  model?: string; quant?: string; context?: number; hardware?: string; kvCache?: string; engine?: string; backend?: string;
  memoryGb?: number; ramGb?: number;
  /** Set by the standalone calculator page: read and write the URL query. */
  syncUrl?: boolean;
}

const PRESET_KEYS = ['model', 'quant', 'context', 'hardware', 'kvCache', 'engine', 'backend', 'memoryGb', 'ramGb'] as const;

/** The preset part of an island's props, or null when the island is not preset. */
export function presetOf(props: PresetProps): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const k of PRESET_KEYS) if (props[k] !== undefined) out[k] = props[k];
  return Object.keys(out).length ? out : null;
}

/** Site base path ('/' or '/kb/'), from Vite. */
function basePath(): string {
  const b = import.meta.env.BASE_URL ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
}

/** What the hook returns to an island. */
export interface CalcState<E> {
  selection: Selection;
  /** Applies a change to the selection (shared, saved and put in the URL when the island is shared). */
  update: (patch: Partial<Selection>) => void;
  extras: E;
  setExtras: (patch: Partial<E>) => void;
  /** 'preset' while a guide's example is shown; 'shared' once bound to the reader's rig. */
  mode: 'preset' | 'shared';
  useMyRig: () => void;
  notes: string[];
  /** Absolute link to the standalone calculator with the current state. */
  href: () => string;
}

/**
 * State of one calculator island. `slug` names its standalone page; `extraSchema`/`extraDefaults`
 * describe fields of its own (prompt length, prices...) that also round-trip through the URL.
 * `urlOmit` names selection fields the URL and the link leave out for now (the model while the
 * reader's own model, which no link can carry, is in use).
 */
export function useCalcState<E extends Record<string, string | number | boolean>>(
  slug: string, props: PresetProps, extraSchema: QuerySchema, extraDefaults: E, urlOmit: readonly string[] = [],
): CalcState<E> {
  const preset = presetOf(props);
  const syncUrl = props.syncUrl === true;
  const [mode, setMode] = useState<'preset' | 'shared'>(preset ? 'preset' : 'shared');
  const [presetState, setPresetState] = useState(() => sanitizeSelection(preset, KNOWN_IDS, DEFAULT_SELECTION));
  const shared = useHydratedStore($selection);
  const linkNotes = useHydratedStore($linkNotes);
  const [extras, setExtrasState] = useState<E>(extraDefaults);
  const [extraNotes, setExtraNotes] = useState<string[]>([]);

  useEffect(() => {
    if (mode !== 'shared') return;
    if (!$selectionReady.get()) {
      const r = resolveInitialSelection(syncUrl ? location.search : '', $myRig.get(), KNOWN_IDS);
      $selectionReady.set(true);
      // Same content as the server-rendered default: keep the object, so hydration is not followed
      // by a second full render of every island on the page.
      if (JSON.stringify(r.selection) !== JSON.stringify($selection.get())) $selection.set(r.selection);
      if (r.notes.length) $linkNotes.set(r.notes);
    }
    if (syncUrl) {
      const d = decodeQuery(location.search, extraSchema, KNOWN_IDS);
      if (Object.keys(d.values).length) setExtrasState((e) => ({ ...e, ...(d.values as Partial<E>) }));
      if (d.notes.length) setExtraNotes(d.notes);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode]);

  const selection = mode === 'preset' ? presetState.selection : shared;

  const omit = useRef(urlOmit);
  omit.current = urlOmit;
  const query = (s: Selection, e: E) => {
    const params = new URLSearchParams(encodeSelection(s));
    for (const k of omit.current) params.delete(k);
    const a = params.toString();
    const b = encodeQuery(e, extraSchema);
    return a && b ? `${a}&${b}` : a || b;
  };
  const writeUrl = (s: Selection, e: E) => {
    if (!syncUrl || mode !== 'shared') return;
    try {
      history.replaceState(history.state, '', `${location.pathname}?${query(s, e)}${location.hash}`);
    } catch {
      // A sandboxed frame may refuse history changes; the calculator still works.
    }
  };

  const update = useCallback((patch: Partial<Selection>) => {
    if (mode === 'preset') {
      setPresetState((p) => ({ ...p, selection: { ...p.selection, ...patch } }));
      return;
    }
    const next = { ...$selection.get(), ...patch };
    setSharedSelection(next, false);
    writeUrl(next, extras);
    // Saved once the engine has checked it: a rig it refuses is shown, with its message, but not kept.
    loadEngine().then((m) => {
      if ($selection.get() === next && m.engine.validateRequest(selectionToRequest(next)).length === 0) setSharedSelection(next, true);
    }, () => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, extras]);

  const setExtras = useCallback((patch: Partial<E>) => {
    setExtrasState((e) => {
      const next = { ...e, ...patch };
      writeUrl(mode === 'preset' ? presetState.selection : $selection.get(), next);
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, presetState]);

  // The fields left out changed (the reader's own model came or went): the URL says so at once.
  const omitKey = urlOmit.join(',');
  const firstOmit = useRef(omitKey);
  useEffect(() => {
    if (omitKey === firstOmit.current) return;
    firstOmit.current = omitKey;
    writeUrl(selection, extras);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [omitKey]);

  const useMyRig = useCallback(() => setMode('shared'), []);

  const href = () => {
    const origin = typeof location === 'undefined' ? '' : location.origin;
    return `${origin}${basePath()}calculators/${slug}/?${query(selection, extras)}`;
  };

  // The selection and the calculator's own fields are read from the same link: say each problem once.
  const notes = mode === 'preset' ? presetState.notes.map((n) => n.replace('in the link', 'in the preset')) : [...new Set([...linkNotes, ...extraNotes])];
  return { selection, update, extras, setExtras, mode, useMyRig, notes, href };
}
