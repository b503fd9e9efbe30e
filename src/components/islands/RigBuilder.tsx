/**
 * Rig builder: up to three rigs side by side, every catalogued model by weight format, coloured
 * (and marked with a symbol) by fit, with decode speed; sortable and filterable; and the answer to
 * "what is the best model this rig runs at N tokens per second or more?". Numbers from the engine's sweep.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { formatBytes, formatCount, formatSpeedRange, formatTokensPerSec } from '../../lib/format/index.ts';
import { FIELD_SPECS } from '../../lib/state/fields.ts';
import { DEFAULT_SELECTION, selectionToRequest } from '../../lib/state/selection.ts';
import type { EstimateRequest, FieldError } from '../../lib/request.ts';
import { formatSpec, parseSpec, specLabel } from '../../lib/hardware-spec.ts';
import type { QuerySchema } from '../../lib/state/url.ts';
import { HARDWARE_OPTIONS, QUANT_OPTIONS, catalog, familyLabel, hardwareOf } from './shared/catalog.ts';
import { attempt, loadEngine, safeValidate, useComputed, useLastValid } from './shared/engine.ts';
import { sweepRigs } from './shared/sweep.ts';
import { Frame, usePreferences } from './shared/Frame.tsx';
import { bestAt, filterRows, sortRows, SIZE_BUCKETS, type RigFilter, type RigRow, type RigSort } from './shared/rig-table.ts';
import { SelectionFields } from './shared/SelectionFields.tsx';
import { useCalcState, type PresetProps } from './shared/state.ts';
import { Group, NumberField, Results, SelectField, Verdict, TableScroll } from './shared/ui.tsx';

const FAMILIES = [...new Set(catalog.models.map((m) => m.family))].sort();

/** URL schema of the rig builder's own fields. */
export const RIG_SCHEMA = {
  rig2: { kind: 'hardware' },
  rig3: { kind: 'hardware' },
  minTps: { kind: 'number', spec: FIELD_SPECS.targetTokensPerSec },
  family: { kind: 'enum', values: ['', ...FAMILIES] },
  size: { kind: 'enum', values: ['', ...Object.keys(SIZE_BUCKETS)] },
  moe: { kind: 'enum', values: ['', 'moe', 'dense'] },
  show: { kind: 'enum', values: ['all', ...catalog.quants.map((q) => q.id)] },
  fitsOnly: { kind: 'flag' },
  sort: { kind: 'enum', values: ['model', 'params', 'speed0', 'speed1', 'speed2'] },
  desc: { kind: 'flag' },
  minFormat: { kind: 'enum', values: ['q4', 'any'] },
} as const satisfies QuerySchema;

/** "4-bit or better": the quality rank of Q4_0, the lowest 4-bit GGUF format (below it, 3- and 2-bit formats). */
const Q4_RANK = catalog.quants.find((q) => q.id === 'Q4_0')?.qualityRank ?? 0;

type Extras = { rig2: string; rig3: string; minTps: number; family: string; size: string; moe: string; show: string; fitsOnly: boolean; sort: string; desc: boolean; minFormat: string };

/** Defaults: one rig, 20 tok/s, Q4_K_M rows, models that fit somewhere, fastest on rig 1 first. */
export const RIG_DEFAULTS: Extras = { rig2: '', rig3: '', minTps: 20, family: '', size: '', moe: '', show: 'Q4_K_M', fitsOnly: true, sort: 'speed0', desc: true, minFormat: 'q4' };

const rigOptions = [{ value: '', label: '— none —' }, ...HARDWARE_OPTIONS];
const SHOW_OPTIONS = [{ value: 'all', label: 'All formats' }, ...QUANT_OPTIONS];
const FAMILY_OPTIONS = [{ value: '', label: 'All families' }, ...FAMILIES.map((f) => ({ value: f, label: familyLabel(f) }))];
const SIZE_OPTIONS = [{ value: '', label: 'Any size' }, ...Object.entries(SIZE_BUCKETS).map(([k, b]) => ({ value: k, label: b.label }))];
const MOE_OPTIONS = [{ value: '', label: 'Dense and MoE' }, { value: 'moe', label: 'MoE only' }, { value: 'dense', label: 'Dense only' }];
const MIN_FORMAT_OPTIONS = [{ value: 'q4', label: '4-bit quality or better' }, { value: 'any', label: 'Any format, down to 1-bit' }];
const COUNTS = [1, 2, 3, 4, 6, 8].map((n) => ({ value: String(n), label: `× ${n}` }));
const NO_ROWS: RigRow[] = [];
const FIT_MARK = { fits: '✓', offload: '◐', 'no-fit': '✗' } as const;
const FIT_WORD = { fits: 'fits', offload: 'offload', 'no-fit': 'does not fit' } as const;

/**
 * The formats a view needs: the one the table shows (or all), and those the answer may pick
 * (4-bit quality and up, or all). The default view sweeps about half the formats.
 */
function formatsFor(x: Extras): string[] | undefined {
  if (x.show === 'all' || x.minFormat === 'any') return undefined;
  const ids = catalog.quants.filter((q) => q.qualityRank >= Q4_RANK).map((q) => q.id);
  return ids.includes(x.show) ? ids : [...ids, x.show];
}

/** The table filter of a view. */
function filterOf(x: Pick<Extras, 'family' | 'size' | 'moe' | 'show' | 'fitsOnly'>): RigFilter {
  return { family: x.family, size: x.size as RigFilter['size'], moe: x.moe as RigFilter['moe'], quant: x.show, fitsOnly: x.fitsOnly };
}

/** Rigs of a view: rig 1 (the selection's hardware), then rigs 2 and 3 when set. */
function rigsOf(hardware: string, x: Extras): string[] {
  return [hardware, x.rig2, x.rig3].filter(Boolean);
}

/** Identifies a complete view (request, rigs and every rig-builder field). */
function viewKey(base: EstimateRequest, rigs: readonly string[], x: Extras): string {
  return JSON.stringify([base, rigs, x]);
}

/** Rows computed at build time for the page's default view (so hydration does not sweep again). */
export interface RigInitial { key: string; rows: RigRow[] }

/**
 * The default view's rows, computed on the server for the standalone page: only the rows the
 * default table and answers show (shown rows and each rig's best row), with the key of that view.
 * The island uses them while the view is unchanged, and sweeps as soon as anything changes.
 */
export function rigBuilderInitial(): RigInitial {
  const x = { ...RIG_DEFAULTS };
  const base = selectionToRequest(DEFAULT_SELECTION);
  const rigs = rigsOf(DEFAULT_SELECTION.hardware, x);
  const all = sweepRigs(base, rigs, formatsFor(x));
  const keep = new Set<RigRow>(filterRows(all, filterOf(x)));
  rigs.forEach((_, i) => { const b = bestAt(all, i, x.minTps, x.minFormat === 'any' ? 0 : Q4_RANK); if (b) keep.add(b); });
  return { key: viewKey(base, rigs, x), rows: all.filter((r) => keep.has(r)) };
}

function rigLabel(spec: string): string {
  return specLabel(spec, (id) => hardwareOf(id)?.name);
}

/** Rig builder island. */
export default function RigBuilder(props: PresetProps & { rig2?: string; rig3?: string; minTps?: number; initial?: RigInitial | undefined }): JSX.Element {
  const idp = `rb${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const state = useCalcState<Extras>('rig-builder', props, RIG_SCHEMA, {
    ...RIG_DEFAULTS, rig2: props.rig2 ?? '', rig3: props.rig3 ?? '', minTps: props.minTps ?? RIG_DEFAULTS.minTps,
  });
  const prefs = usePreferences();
  const x = state.extras;
  const rigs = rigsOf(state.selection.hardware, x);
  const base = selectionToRequest(state.selection);
  const formats = formatsFor(x);
  // While the view is the one computed at build time, use its rows (no sweep, and no validation:
  // the build validated it, on hydration); any change sweeps the formats the view needs, and only
  // the request, rigs or formats re-sweep.
  const handover = useMemo(() => props.initial && { key: props.initial.key, value: { errors: [] as FieldError[], rows: props.initial.rows as RigRow[] | null } }, [props.initial]);
  const key = props.initial?.key === viewKey(base, rigs, x) ? props.initial.key : `sweep|${JSON.stringify([base, rigs, formats])}`;
  const view = useComputed(key, handover, () => {
    const problems = safeValidate(base);
    return { errors: problems, rows: problems.length ? null : sweepRigs(base, rigs, formats) };
  });
  const { errors, rows } = view.value ?? { errors: [], rows: null };
  const last = useLastValid(rows);
  const all = last.value ?? NO_ROWS;
  const { family, size, moe, show, fitsOnly } = x;
  const filter = useMemo(() => filterOf({ family, size, moe, show, fitsOnly }), [family, size, moe, show, fitsOnly]);
  const shown = useMemo(() => sortRows(filterRows(all, filter), x.sort as RigSort, x.desc), [all, filter, x.sort, x.desc]);
  const [limit, setLimit] = useState(40);
  // The rows only change with the data, filters, sort or unit: skip rebuilding ~500 cells on other input.
  const body = useMemo(() => shown.slice(0, limit).map((r) => (
              <tr key={r.model + r.quant}>
                <th scope="row">{r.name}{r.moe ? ' (MoE)' : ''}</th>
                <td>{r.quant}</td>
                <td>{formatCount(r.totalParams)}</td>
                {r.cells.map((c, i) => (
                  <td key={i} class={c ? `rb-fit-${c.verdict}` : ''}>
                    {c ? <><span aria-hidden="true">{FIT_MARK[c.verdict]} </span><span class="rb-sr">{FIT_WORD[c.verdict]}, </span>{c.verdict === 'no-fit' ? formatBytes(c.totalBytes, prefs.unit) : formatTokensPerSec(c.decodeTokensPerSec)}</> : '—'}
                  </td>
                ))}
              </tr>
            )), [shown, limit, prefs.unit]);
  // Kept: with these two background sweeps (this view, and at another context) the reader's first
  // change takes 75 ms instead of 333 ms on cold code and caches (median of 5, 4x CPU slowdown).
  useEffect(() => {
    const other = { ...base, context: base.context === 4096 ? 8192 : 4096 };
    const steps = [() => sweepRigs(base, rigs, formats), () => sweepRigs(other, rigs, formats)];
    const next = (): void => {
      const step = steps.shift();
      if (step) setTimeout(() => { attempt(step); next(); }, 0);
    };
    loadEngine().then(next, () => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const sortBy = (k: RigSort) => state.setExtras({ sort: k, desc: x.sort === k ? !x.desc : k !== 'model' });
  const ariaSort = (k: RigSort) => (x.sort === k ? (x.desc ? 'descending' : 'ascending') : undefined);
  return (
    <Frame idp={idp} title="Rig builder" state={state} prefs={prefs} testid="calc-rig-builder">
      <SelectionFields idp={idp} hardwareLegend="Rig 1" selection={state.selection} update={state.update} errors={errors}
        show={{ context: true, kvCache: true, engine: true, hardware: true, ram: true }} />
      <Group legend="Compare with">
        <div class="rb-inline">
          {(['rig2', 'rig3'] as const).map((k, i) => {
            const part = parseSpec(x[k])?.[0] ?? { count: 1, id: '' };
            return (
              <div class="rb-inline" key={k}>
                <SelectField id={`${idp}-${k}`} label={`Rig ${i + 2}`} value={part.id} options={rigOptions} onChange={(v) => state.setExtras({ [k]: formatSpec([{ count: part.count, id: v }]) })} />
                {part.id && <SelectField id={`${idp}-${k}n`} label="How many" value={String(part.count)} options={COUNTS} onChange={(v) => state.setExtras({ [k]: formatSpec([{ count: Number(v), id: part.id }]) })} />}
              </div>
            );
          })}
          <NumberField id={`${idp}-tps`} label="Target speed (tok/s)" value={x.minTps} spec={FIELD_SPECS.targetTokensPerSec} onValid={(v) => state.setExtras({ minTps: v })} />
          <SelectField id={`${idp}-minq`} label="Formats for the answer" value={x.minFormat} options={MIN_FORMAT_OPTIONS} onChange={(v) => state.setExtras({ minFormat: v })} />
        </div>
      </Group>
      <Results stale={last.stale} pending={view.pending} label="Best model per rig">
        {rigs.map((spec, i) => {
          const b = bestAt(all, i, x.minTps, x.minFormat === 'any' ? 0 : Q4_RANK);
          const c = b?.cells[i];
          return b && c ? (
            <Verdict key={spec} testid={`best-${i}`} kind="fits" text={`${rigLabel(spec)}: ${b.name} at ${b.quant}`}
              why={`The largest model${x.minFormat === 'any' ? '' : ' at 4-bit quality or better'} that fits entirely and decodes at ${formatTokensPerSec(x.minTps)} or more: ${formatTokensPerSec(c.decodeTokensPerSec)} (range ${formatSpeedRange(c.decodeRange)}), needs ${formatBytes(c.totalBytes, prefs.unit)}.`} />
          ) : (
            <Verdict key={spec} testid={`best-${i}`} kind="no-fit" text={`${rigLabel(spec)}: nothing at ${formatTokensPerSec(x.minTps)}`} why="No catalogued model in these formats fits entirely on this rig at that speed; lower the target or the context." />
          );
        })}
      </Results>
      <Group legend="Filter the table">
        <div class="rb-inline">
          <SelectField id={`${idp}-fam`} label="Family" value={x.family} options={FAMILY_OPTIONS} onChange={(v) => state.setExtras({ family: v })} />
          <SelectField id={`${idp}-size`} label="Size" value={x.size} options={SIZE_OPTIONS} onChange={(v) => state.setExtras({ size: v })} />
          <SelectField id={`${idp}-moe`} label="Architecture" value={x.moe} options={MOE_OPTIONS} onChange={(v) => state.setExtras({ moe: v })} />
          <SelectField id={`${idp}-show`} label="Weight format" value={x.show} options={SHOW_OPTIONS} onChange={(v) => state.setExtras({ show: v })} />
          <label class="rb-check"><input type="checkbox" checked={x.fitsOnly} onChange={(e) => state.setExtras({ fitsOnly: (e.currentTarget as HTMLInputElement).checked })} /> Only rows that fit a rig</label>
        </div>
      </Group>
      <p class="rb-muted" role="status" data-testid="row-count">{shown.length} rows{shown.length > limit ? `, showing the first ${limit}` : ''}. ✓ fits, ◐ part in system RAM, ✗ does not fit.</p>
      <TableScroll>
        <table class="rb-table" data-testid="rig-table">
          <caption class="rb-sr">Models by weight format on each rig: fit and decode speed. Column headers sort.</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('model')}><button type="button" onClick={() => sortBy('model')}>Model</button></th>
              <th scope="col">Format</th>
              <th scope="col" aria-sort={ariaSort('params')}><button type="button" onClick={() => sortBy('params')}>Params</button></th>
              {rigs.map((spec, i) => (
                <th scope="col" key={spec + i} aria-sort={ariaSort(`speed${i}` as RigSort)}>
                  <button type="button" onClick={() => sortBy(`speed${i}` as RigSort)}>{rigLabel(spec)}</button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </TableScroll>
      {shown.length > limit && <button type="button" onClick={() => setLimit(limit + 100)}>Show more rows</button>}
    </Frame>
  );
}

export { RigBuilder };
