/**
 * The frame every calculator shares: heading, the guide-preset banner with "Use my rig",
 * notes about ignored link values, the GB/GiB preference and the copy-link button.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { useHydratedStore } from './store.ts';
import { $preferencesRaw, readPreferences, setUnit, type Preferences } from '../../../lib/state/preferences.ts';
import type { CalcState } from './state.ts';
import { CalcTitle, CopyLink, InvalidFields, Notes, useInvalidFields } from './ui.tsx';
import { loadEngine } from './engine.ts';
import './calculators.css';

/**
 * The reader's preferences (unit, currency, electricity price), rendered first with the values the
 * server used, then the saved ones. It compares the preferences themselves, not the raw store: the
 * persistent store starts as `{}` and fills in its defaults when first read, which made every
 * calculator render a second time right after hydration with nothing changed (80–190 ms of
 * main-thread work on a throttled phone).
 */
export function usePreferences(): Preferences {
  return useHydratedStore($preferencesRaw, readPreferences);
}

/** Wraps a calculator's form and results. */
export function Frame<E>(props: {
  idp: string; title: string; state: CalcState<E>; prefs: Preferences; children: ComponentChildren; testid: string; intro?: string;
  /** Said next to the copy-link button, e.g. that the link cannot carry the reader's own model. */
  linkNote?: string | undefined;
}): JSX.Element {
  const { idp, title, state, prefs, children, testid, intro, linkNote } = props;
  const invalid = useInvalidFields();
  // A calculator hydrates when the reader reaches for it (client:reach), so it asks for the engine at
  // once, before their first change; reaching for it again retries a fetch that failed.
  const reach = (): void => {
    loadEngine().catch(() => undefined);
  };
  useEffect(reach, []);
  return (
    <CalcTitle.Provider value={title}>
    <InvalidFields.Provider value={invalid}>
    <section class="rb-calc" aria-labelledby={`${idp}-h`} data-testid={testid} data-mode={state.mode} onPointerOver={reach} onFocusIn={reach}>
      <h2 id={`${idp}-h`} class="rb-calc-title">{title}</h2>
      {intro && <p class="rb-muted">{intro}</p>}
      {state.mode === 'preset' && (
        <p class="rb-preset" data-testid="preset-banner">
          <span>Showing this guide’s worked example.</span>
          <button type="button" data-testid="use-my-rig" onClick={state.useMyRig}>Use my rig</button>
        </p>
      )}
      <Notes notes={state.notes} />
      {children}
      <div class="rb-toolbar">
        <fieldset class="rb-group rb-units">
          <legend>Memory unit</legend>
          {(['GB', 'GiB'] as const).map((u) => (
            <label key={u}>
              <input type="radio" name={`${idp}-unit`} value={u} checked={prefs.unit === u} onChange={() => setUnit(u)} /> {u}
            </label>
          ))}
        </fieldset>
        <CopyLink href={state.href} />
        {linkNote && <p class="rb-muted rb-link-note" data-testid="link-note">{linkNote}</p>}
      </div>
    </section>
    </InvalidFields.Provider>
    </CalcTitle.Provider>
  );
}
