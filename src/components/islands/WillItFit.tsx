/**
 * Will it fit? Model, weight format, context, KV-cache type, engine and hardware give the memory
 * the run needs (weights, KV cache, overhead) against each device's capacity, a verdict with its
 * reason, the headroom, the largest context that fits and the best format that fits.
 * Every number comes from the sizing engine; this component only lays it out.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { BarChart, type BarRow } from '../charts/BarChart.tsx';
import { bytesIn, formatBytes, formatInUnit, formatInt, formatNumber, formatSpeedRange, formatTokens, type MemoryUnit } from '../../lib/format/index.ts';
import { shortDeviceName, specLabel } from '../../lib/hardware-spec.ts';
import { parallelismToRequest, selectionToRequest } from '../../lib/state/selection.ts';
import { forReaders } from '../../lib/state/warnings.ts';
import type { EstimateResult } from '../../lib/sizing/types.ts';
import { hardwareOf } from './shared/catalog.ts';
import { errorFor, firstSelection, initialEstimate, useEstimate, useLastValid, type InitialEstimate } from './shared/engine.ts';
import { Frame, usePreferences } from './shared/Frame.tsx';
import { PARALLEL_DEFAULTS, PARALLEL_SCHEMA, ParallelFields } from './shared/ParallelFields.tsx';
import { SelectionFields } from './shared/SelectionFields.tsx';
import { useCalcState, type PresetProps } from './shared/state.ts';
import { Quiet, Results, Verdict, type VerdictKind } from './shared/ui.tsx';
import { linkNoteOf, urlOmitOf, useYourModel, withYourModel, yourModelKey, YourModelFields, ResultSource } from './shared/YourModel.tsx';

/** Names a device list for the "why" line: "the two cards", "the RTX 4090", "the Mac". */
function rigName(r: EstimateResult): string {
  const devices = r.hardware?.devices ?? [];
  if (devices.length > 1) return `the ${devices.length} devices`;
  const row = devices[0] ? hardwareOf(devices[0].id) : undefined;
  return row ? `the ${shortDeviceName(row.name)}` : 'the device';
}

/** Verdict headline and one-line reason, from the engine's result (wording only). */
export function willItFitVerdict(r: EstimateResult, unit: MemoryUnit): { kind: VerdictKind; text: string; why: string } {
  const m = r.memory;
  const kv = `KV cache at ${formatTokens(r.settings.context)} is ${formatBytes(m.kvCacheBytes, unit)}`;
  if (!r.fit || !r.hardware) return { kind: 'info', text: `Needs ${formatBytes(m.totalBytes, unit)}`, why: `Weights ${formatBytes(m.weightsBytes, unit)}; ${kv}.` };
  const have = `${rigName(r)} ${r.hardware.devices.length > 1 ? 'have' : 'has'} ${formatBytes(r.hardware.memoryBytes, unit)}`;
  if (r.fit.verdict === 'fits') {
    return { kind: 'fits', text: `Fits, with ${formatBytes(r.fit.headroomBytes, unit)} to spare`, why: `Needs ${formatBytes(m.totalBytes, unit)} (weights ${formatBytes(m.weightsBytes, unit)}, ${kv}); ${have}.` };
  }
  if (r.fit.verdict === 'offload') {
    return {
      kind: 'offload',
      text: `Fits with ${formatInt(r.fit.offloadedLayers)} layer${r.fit.offloadedLayers === 1 ? '' : 's'} in system RAM`,
      why: `Needs ${formatBytes(m.totalBytes, unit)} but ${have}; ${formatBytes(r.fit.offloadedBytes, unit)} runs from system RAM, which slows decoding.`,
    };
  }
  return { kind: 'no-fit', text: 'Does not fit', why: `Needs ${formatBytes(m.totalBytes, unit)} (weights ${formatBytes(m.weightsBytes, unit)}, ${kv}); ${have}.` };
}

/** The memory chart: the whole run against the rig. */
function chartRows(r: EstimateResult, unit: MemoryUnit): BarRow[] {
  const m = r.memory;
  return [{
    label: 'This run',
    segments: [
      { label: 'Weights', value: bytesIn(m.weightsBytes, unit) },
      { label: 'KV cache', value: bytesIn(m.kvCacheBytes, unit) },
      { label: 'Overhead', value: bytesIn(m.overheadBytes, unit) },
    ],
    ...(r.hardware ? { capacity: bytesIn(r.hardware.memoryBytes, unit) } : {}),
  }];
}

/** Each device's assigned memory against its capacity (only for several devices). */
function deviceRows(r: EstimateResult, unit: MemoryUnit): BarRow[] {
  return (r.hardware?.devices ?? []).map((d, i) => ({
    label: `${i + 1}: ${specLabel(d.id, (id) => hardwareOf(id)?.name)}`,
    segments: [{ label: 'Assigned', value: bytesIn(d.assignedBytes, unit) }],
    capacity: bytesIn(d.memoryBytes, unit),
  }));
}

/**
 * The estimate of the island's first view, computed at build time (see useEstimate): the default
 * selection on the standalone page, or a guide's preset when its props are given.
 */
export function willItFitInitial(props: PresetProps = {}): InitialEstimate | undefined {
  return initialEstimate(selectionToRequest(firstSelection(props)));
}

/** Will it fit? island. Props preset the worked example (see PresetProps); `initial` is a build-time estimate. */
export default function WillItFit(props: PresetProps & { initial?: InitialEstimate | undefined }): JSX.Element {
  const idp = `wif${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const ym = useYourModel(idp);
  const state = useCalcState('will-it-fit', props, PARALLEL_SCHEMA, PARALLEL_DEFAULTS, urlOmitOf(ym.source));
  const prefs = usePreferences();
  const base = selectionToRequest(state.selection, parallelismToRequest(state.selection, state.extras));
  ym.base.current = base;
  const req = withYourModel(base, ym.source);
  const view = useEstimate(req, props.initial, yourModelKey(JSON.stringify(base), ym.source));
  const out = view.value ?? { result: null, errors: [] };
  const { value: r, stale } = useLastValid(out.result);
  const unit = prefs.unit;
  const v = r ? willItFitVerdict(r, unit) : null;
  return (
    <Frame idp={idp} title="Will it fit?" state={state} prefs={prefs} testid="calc-will-it-fit" linkNote={linkNoteOf(ym.source)}>
      <SelectionFields idp={idp} selection={state.selection} update={state.update} errors={out.errors}
        show={{ model: true, quant: true, context: true, kvCache: true, engine: true, hardware: true, ram: true }}
        ownModel={ym.source?.kind ?? null} yourModel={<YourModelFields idp={idp} ym={ym} errors={out.errors} unit={unit} />} />
      <ParallelFields idp={idp} selection={state.selection} value={state.extras} set={state.setExtras} error={errorFor(out.errors, 'sequences', 'kvUnified')} />
      {out.errors.filter((e) => e.field === 'request').map((e) => <p class="rb-err" key={e.message}>{e.message}</p>)}
      <Results stale={stale} pending={view.pending} id={`${idp}-results`}>
        {r && v ? (
          <>
            {!stale && !view.pending && <ResultSource source={ym.source} />}
            <Verdict kind={v.kind} text={v.text} why={v.why} />
            <Quiet>
            <dl class="rb-stats">
              <div><dt>Total needed</dt><dd data-testid="total">{formatBytes(r.memory.totalBytes, unit)}</dd></div>
              <div><dt>Weights ({r.quant.id}, {formatNumber(r.quant.bitsPerWeight, 2)} bits/weight)</dt><dd>{formatBytes(r.memory.weightsBytes, unit)}</dd></div>
              <div><dt>KV cache ({formatBytes(r.memory.kvBytesPerToken, unit)} per token{r.settings.sequences > 1 ? `; ${formatInt(r.settings.sequences)} sequences, ${r.settings.kvUnified ? 'one shared cache' : 'a cache each'}` : ''})</dt><dd data-testid="kv">{formatBytes(r.memory.kvCacheBytes, unit)}</dd></div>
              {r.fit && <div><dt>Headroom</dt><dd data-testid="headroom">{formatBytes(r.fit.headroomBytes, unit)}</dd></div>}
              {r.fit && <div><dt>Largest context that fits</dt><dd data-testid="max-context">{r.fit.maxContext > 0 ? `${formatTokens(r.fit.maxContext)} tokens` : 'none'}</dd></div>}
              {r.fit && <div><dt>Best format that fits</dt><dd data-testid="best-quant">{r.fit.bestQuant ?? 'none'}</dd></div>}
              {r.speed && <div><dt>Decode speed (range)</dt><dd>{formatSpeedRange(r.speed.decodeRange)}</dd></div>}
            </dl>
            <BarChart id={`${idp}-chart`} title={`Memory of ${r.model.name} at ${r.quant.id}, ${formatTokens(r.settings.context)} context`}
              rows={chartRows(r, unit)} format={(x) => formatInUnit(x, unit)} capacityLabel="Rig memory" tableOpen={false} />
            {(r.hardware?.devices.length ?? 0) > 1 && (
              <BarChart id={`${idp}-dev`} title="Placement per device" rows={deviceRows(r, unit)} format={(x) => formatInUnit(x, unit)} capacityLabel="Device memory" tableOpen={false} />
            )}
            {r.warnings.length > 0 && <ul class="rb-muted">{r.warnings.map((w) => <li key={w}>{forReaders(w)}</li>)}</ul>}
            </Quiet>
          </>
        ) : <p>Fix the marked fields to see a result.</p>}
      </Results>
    </Frame>
  );
}

export { WillItFit };
