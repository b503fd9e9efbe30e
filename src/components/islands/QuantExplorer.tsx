/**
 * Quantization explorer: for one model, every weight format's size, expected decode speed on the
 * chosen hardware and the indicative quality loss with its source, as a chart and a table, and the
 * knee where quality falls faster than size. Numbers from the engine's quant table.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { BarChart } from '../charts/BarChart.tsx';
import { bytesIn, formatBytes, formatInUnit, formatNumber, formatSpeedRange } from '../../lib/format/index.ts';
import { qualityKnee } from '../../lib/sizing/derived.ts';
import { selectionToRequest, type Selection } from '../../lib/state/selection.ts';
import { modelOf } from './shared/catalog.ts';
import { attempt, computing, firstSelection, initialValue, selectionKey, runEstimate, safeValidate, useComputed, useLastValid, type InitialValue } from './shared/engine.ts';
import { extra } from './shared/extra.ts';
import { Frame, usePreferences } from './shared/Frame.tsx';
import { SelectionFields } from './shared/SelectionFields.tsx';
import { useCalcState, type PresetProps } from './shared/state.ts';
import { Quiet, Results, Verdict, TableScroll } from './shared/ui.tsx';

const FIT_MARK = { fits: '✓ fits', offload: '◐ offload', 'no-fit': '✗ no' } as const;

/** The explorer's result for one selection: the field problems, or every format's row with the rig's capacity and the knee. */
export function exploreQuants(selection: Selection) {
  const base = selectionToRequest(selection);
  const errors = safeValidate(base);
  if (errors.length) return { errors, table: null };
  const { engine, quantTable } = computing();
  const rows = attempt(() => quantTable(engine, base, extra.qualityLoss)).result;
  const est = runEstimate(base).result;
  if (!rows || !est) return { errors, table: null };
  const knee = qualityKnee(rows.map((r) => ({ quant: r.quant, bitsPerWeight: r.bitsPerWeight, meanKld: r.quality?.meanKld ?? null })));
  return { errors, table: { rows, capacityBytes: est.hardware?.memoryBytes ?? 0, knee } };
}

/** What the explorer computes for a selection, and the key it is memoised (and handed over) by. */
export type QuantExplorerResult = ReturnType<typeof exploreQuants>;

/**
 * The result of the island's first view (default selection or a guide's preset), computed at build
 * time and handed to the island as `initial`, so hydration does not size every format again.
 */
export function quantExplorerInitial(props: PresetProps = {}): InitialValue<QuantExplorerResult> | undefined {
  const selection = firstSelection(props);
  const out = exploreQuants(selection);
  return initialValue(selectionKey(selection), out.table ? out : null);
}

/** Quantization explorer island. Props preset the worked example (see PresetProps); `initial` is a build-time result. */
export default function QuantExplorer(props: PresetProps & { initial?: InitialValue<QuantExplorerResult> | undefined }): JSX.Element {
  const idp = `qe${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const state = useCalcState('quantization-explorer', props, {}, {});
  const prefs = usePreferences();
  const unit = prefs.unit;
  const view = useComputed(selectionKey(state.selection), props.initial, () => exploreQuants(state.selection));
  const { errors, table: out } = view.value ?? { errors: [], table: null };
  const last = useLastValid(out);
  const t = last.value;
  const name = modelOf(state.selection.model)?.name ?? state.selection.model;
  const best = t?.rows.find((r) => r.verdict === 'fits');
  return (
    <Frame idp={idp} title="Quantization explorer" state={state} prefs={prefs} testid="calc-quantization-explorer">
      <SelectionFields idp={idp} selection={state.selection} update={state.update} errors={errors}
        show={{ model: true, context: true, kvCache: true, engine: true, hardware: true, ram: true }} />
      <Results stale={last.stale} pending={view.pending}>
        {t ? (
          <>
            {best ? (
              <Verdict kind="fits" text={`Best format that fits: ${best.quant}`}
                why={`${best.quant} needs ${formatBytes(best.totalBytes, unit)} with this context; every format above it in quality does not fit${t.knee ? `; below ${t.knee} (the knee) quality falls faster than size` : ''}.`} />
            ) : (
              <Verdict kind="no-fit" text={`No format of ${name} fits`} why={`Even the smallest format needs more than the rig has; try more devices or a smaller model.`} />
            )}
            <Quiet>
            <BarChart id={`${idp}-chart`} title={`Memory of ${name} by weight format`} capacityLabel="Rig memory" format={(v) => formatInUnit(v, unit)} valuesListedIn="the table below (Total)"
              rows={t.rows.map((r) => ({ label: r.quant, segments: [{ label: 'Total memory', value: bytesIn(r.totalBytes, unit) }], ...(t.capacityBytes ? { capacity: bytesIn(t.capacityBytes, unit) } : {}) }))} />
            <TableScroll>
              <table class="rb-table" data-testid="quant-table">
                <caption class="rb-muted">Weight formats of {name}, best quality first. Quality loss is indicative: it was measured on the model named, not necessarily this one.</caption>
                <thead><tr><th scope="col">Format</th><th scope="col">Bits/weight</th><th scope="col">Weights</th><th scope="col">Total</th><th scope="col">Fit</th><th scope="col">Decode</th><th scope="col">Quality loss (vs 16-bit)</th></tr></thead>
                <tbody>
                  {t.rows.map((r) => (
                    <tr key={r.quant} class={r.quant === t.knee ? 'rb-best' : ''}>
                      <th scope="row">{r.quant}{r.quant === t.knee ? ' (knee)' : ''}</th>
                      <td>{formatNumber(r.bitsPerWeight, 2)}</td>
                      <td>{formatBytes(r.weightsBytes, unit)}</td>
                      <td>{formatBytes(r.totalBytes, unit)}</td>
                      <td class={r.verdict ? `rb-fit-${r.verdict}` : ''}>{r.verdict ? FIT_MARK[r.verdict] : '—'}</td>
                      <td>{r.verdict && r.verdict !== 'no-fit' ? formatSpeedRange(r.decodeRange) : '—'}</td>
                      <td>{r.quality ? (
                        <>{r.quality.meanKld !== null ? `KLD ${formatNumber(r.quality.meanKld, 4)}` : ''}{r.quality.pplDeltaPct !== null ? `${r.quality.meanKld !== null ? ', ' : ''}perplexity +${formatNumber(r.quality.pplDeltaPct, 2)}%` : ''} <span class="rb-muted">on {modelOf(r.quality.model)?.name ?? r.quality.model}{r.quality.source ? <>, <a href={r.quality.source}>source</a></> : null}</span></>
                      ) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            </Quiet>
          </>
        ) : <p>Fix the marked fields to see a result.</p>}
      </Results>
    </Frame>
  );
}

export { QuantExplorer };
