/**
 * Form controls and result blocks shared by the calculator islands: labelled fields with a
 * message next to them, grouped controls, the verdict with its one-line "why", the copy-link
 * button and the note about ignored link values. No numbers are computed here.
 */
import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { $engineStatus } from './engine-status.ts';
import { useHydratedStore } from './store.ts';

/**
 * Which fields of a calculator currently hold an invalid value: fields report into it, the results
 * block reads it to say that it shows the last valid result.
 */
export const InvalidFields = createContext<{ any: boolean; report: (id: string, invalid: boolean) => void }>({ any: false, report: () => {} });

/** State behind InvalidFields for one calculator. */
export function useInvalidFields(): { any: boolean; report: (id: string, invalid: boolean) => void } {
  const [ids, setIds] = useState<readonly string[]>([]);
  const report = useMemo(() => (id: string, invalid: boolean) => setIds((cur) => {
    const has = cur.includes(id);
    if (invalid === has) return cur;
    return invalid ? [...cur, id] : cur.filter((x) => x !== id);
  }), []);
  return { any: ids.length > 0, report };
}
import { parseNumberField, type NumberFieldSpec } from '../../../lib/state/fields.ts';

/** A numeric text field that keeps what the reader typed and reports only valid values upward. */
export function NumberField(props: {
  id: string;
  label: string;
  value: number;
  spec: NumberFieldSpec;
  onValid: (v: number) => void;
  /** A message from the engine about this field (shown when the typed value itself is fine). */
  error?: string | undefined;
  hint?: string | undefined;
  /** Suffix shown after the field, e.g. "tokens". */
  suffix?: string | undefined;
}): JSX.Element {
  const { id, label, value, spec, onValid, hint, suffix } = props;
  const [raw, setRaw] = useState(String(value));
  const [own, setOwn] = useState<string | null>(null);
  // Another island (or a link) changed the value: show it unless the reader is mid-edit on a bad value.
  useEffect(() => {
    const r = parseNumberField(raw, spec);
    if (!r.ok && own) return;
    if (!r.ok || r.value !== value) {
      setRaw(String(value));
      setOwn(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const error = own ?? props.error;
  const { report } = useContext(InvalidFields);
  useEffect(() => report(id, own !== null), [own, id, report]);
  useEffect(() => () => report(id, false), [id, report]);
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`rb-field${error ? ' rb-invalid' : ''}`}>
      <label for={id}>{label}</label>
      <span class="rb-input-row">
        <input
          id={id} name={id} type="text" inputMode="decimal" autoComplete="off" spellcheck={false}
          value={raw} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}
          data-testid={`field-${id}`}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            setRaw(text);
            const r = parseNumberField(text, spec);
            if (r.ok) {
              setOwn(null);
              onValid(r.value);
            } else setOwn(r.message);
          }}
        />
        {suffix && <span class="rb-suffix">{suffix}</span>}
      </span>
      {hint && <small id={hintId} class="rb-hint">{hint}</small>}
      {error && <small id={errId} class="rb-err" data-testid={`error-${id}`}><span aria-hidden="true">⚠ </span>{error}</small>}
    </div>
  );
}

/** One option of a select; options with the same `group` share an <optgroup>. */
export interface Option { value: string; label: string; group?: string }

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);

/**
 * The `<option>` elements of a select as HTML, consecutive options with the same `group` inside
 * one `<optgroup>`; the option whose value is `selected` carries the `selected` attribute. Labels
 * and values are escaped, so catalog text can never become markup.
 */
export function optionsHtml(options: readonly Option[], selected: string): string {
  let html = '';
  let group: string | undefined;
  for (const o of options) {
    if (o.group !== group) {
      if (group) html += '</optgroup>';
      if (o.group) html += `<optgroup label="${escapeHtml(o.group)}">`;
      group = o.group;
    }
    html += `<option value="${escapeHtml(o.value)}"${o.value === selected ? ' selected' : ''}>${escapeHtml(o.label)}</option>`;
  }
  return group ? `${html}</optgroup>` : html;
}

/** A labelled select, with optgroups when options carry a group. */
export function SelectField(props: {
  id: string; label: string; value: string; options: readonly Option[]; onChange: (v: string) => void;
  error?: string | undefined; hint?: string | undefined;
}): JSX.Element {
  const { id, label, value, options, onChange, error, hint } = props;
  // The options go in as one HTML string, not as vnodes. Hydrating a calculator walked every
  // <option> of every select (200 to 340 of them), the largest part of its start-up on a slow
  // phone; Preact leaves a dangerouslySetInnerHTML subtree alone while hydrating and re-applies it
  // only when the string changes. `selected` marks the first value for readers without
  // JavaScript; after that the select's `value` property follows the state, so the string (and
  // the DOM) stays put while the reader picks other options.
  const [firstValue] = useState(value);
  const optionMarkup = useMemo(() => ({ __html: optionsHtml(options, firstValue) }), [options, firstValue]);
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`rb-field${error ? ' rb-invalid' : ''}`}>
      <label for={id}>{label}</label>
      <select id={id} name={id} value={value} data-testid={`field-${id}`} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)} dangerouslySetInnerHTML={optionMarkup} />
      {hint && <small id={hintId} class="rb-hint">{hint}</small>}
      {error && <small id={errId} class="rb-err" data-testid={`error-${id}`}><span aria-hidden="true">⚠ </span>{error}</small>}
    </div>
  );
}

/** A fieldset with a legend, for grouping related controls. */
export function Group(props: { legend: string; children: ComponentChildren; class?: string }): JSX.Element {
  return (
    <fieldset class={`rb-group ${props.class ?? ''}`}>
      <legend>{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

/** Verdict kinds; each has its own icon and word, so colour is never the only signal. */
export type VerdictKind = 'fits' | 'offload' | 'no-fit' | 'info';

const VERDICT_ICON: Record<VerdictKind, string> = { fits: '✓', offload: '◐', 'no-fit': '✗', info: 'ℹ' };

/** The headline answer with its one-line reason. */
export function Verdict(props: { kind: VerdictKind; text: string; why: string; testid?: string }): JSX.Element {
  return (
    <div class={`rb-verdict rb-v-${props.kind}`} data-testid={props.testid ?? 'verdict'}>
      <p class="rb-verdict-text"><span class="rb-icon" aria-hidden="true">{VERDICT_ICON[props.kind]}</span> {props.text}</p>
      <p class="rb-why" data-testid="why">{props.why}</p>
    </div>
  );
}

/** Notes about link values that were ignored, or other page-level notices. */
export function Notes(props: { notes: readonly string[] }): JSX.Element | null {
  if (!props.notes.length) return null;
  return (
    <div class="rb-notes" role="status" data-testid="notes">
      {props.notes.map((n) => <p key={n}><span aria-hidden="true">ℹ </span>{n}</p>)}
    </div>
  );
}

/**
 * Copies a link to the standalone calculator with the current state. Falls back to showing the
 * link in a read-only field when the clipboard is not available (insecure origin, old browser).
 */
export function CopyLink(props: { href: () => string }): JSX.Element {
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState('');
  return (
    <div class="rb-copy">
      <button type="button" data-testid="copy-link" onClick={() => {
        const url = props.href();
        const done = () => setStatus('Link copied.');
        const fail = () => {
          setFallback(url);
          setStatus('Copy the link from the field.');
        };
        try {
          if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(done, fail);
          else fail();
        } catch {
          fail();
        }
      }}>Copy link</button>
      {fallback && <input type="text" readOnly value={fallback} aria-label="Link to this calculator" onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />}
      <span class="rb-copy-status" role="status">{status}</span>
    </div>
  );
}

/**
 * The calculator's title, provided by Frame: landmark and region names start with it, so two
 * calculators on one guide page never expose two landmarks with the same name.
 */
export const CalcTitle = createContext('Calculator');

/** A keyboard-focusable region that scrolls a wide table sideways, named after its calculator (and `label`). */
export function TableScroll(props: { children: ComponentChildren; label?: string }): JSX.Element {
  const title = useContext(CalcTitle);
  return (
    <div class="rb-table-scroll" tabIndex={0} role="region" aria-label={`${title}: ${props.label ?? 'table'}, scrolls sideways on narrow screens`}>
      {props.children}
    </div>
  );
}

/**
 * The polite live region that holds a calculator's results (a region named "<title>: results").
 * `pending`: the results wait for the engine (first change on a page); they stay on screen,
 * marked busy, with a note that says so, or that the engine could not be fetched. With an `id`, the
 * region takes focus from script (a calculator moves focus there once the reader's model is read).
 */
export function Results(props: { children: ComponentChildren; stale?: boolean; pending?: boolean; label?: string; id?: string }): JSX.Element {
  const invalid = useContext(InvalidFields).any;
  const title = useContext(CalcTitle);
  const engine = useHydratedStore($engineStatus);
  const failed = props.pending && engine === 'failed';
  return (
    <section id={props.id} tabIndex={props.id ? -1 : undefined} class="rb-results" aria-live="polite" aria-busy={props.pending && !failed ? 'true' : undefined} aria-label={`${title}: ${props.label ?? 'results'}`} data-testid="results">
      {props.pending && <p class={failed ? 'rb-stale' : 'rb-notes'} data-testid="pending">{failed
        ? <><span aria-hidden="true">⚠ </span>Showing the previous result: the calculator could not fetch its engine (offline?). Change a value to try again.</>
        : 'Updating: the calculator is fetching its engine…'}</p>}
      {!props.pending && (props.stale || invalid) && <p class="rb-stale" data-testid="stale"><span aria-hidden="true">⚠ </span>Showing the last valid result: fix the marked field to update it.</p>}
      {props.children}
    </section>
  );
}

/**
 * Details inside the results region that should not be read out on every change (stats, charts,
 * tables): the verdict and its reason are announced; the rest is there to read at will.
 */
export function Quiet(props: { children: ComponentChildren }): JSX.Element {
  return <div aria-live="off">{props.children}</div>;
}
