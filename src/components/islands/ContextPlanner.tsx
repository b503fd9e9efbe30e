/**
 * Context planner: KV cache and total memory against context length up to the model's maximum,
 * with each KV-cache type the chosen engine allocates, and where each stops fitting on the chosen hardware.
 * Numbers from the engine's context curve.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { LineChart } from '../charts/LineChart.tsx';
import { bytesIn, formatBytes, formatInUnit, formatTokens } from '../../lib/format/index.ts';
import { selectionToRequest, type Selection } from '../../lib/state/selection.ts';
import { KV_CACHE_TYPES_BY_ENGINE } from '../../lib/vocabulary.ts';
import { modelOf } from './shared/catalog.ts';
import { attempt, computing, firstSelection, initialValue, selectionKey, runEstimate, safeValidate, useComputed, useLastValid, type InitialValue } from './shared/engine.ts';
import { Frame, usePreferences } from './shared/Frame.tsx';
import { SelectionFields } from './shared/SelectionFields.tsx';
import { useCalcState, type PresetProps } from './shared/state.ts';
import { Quiet, Results, Verdict, TableScroll } from './shared/ui.tsx';


/** Sample points: powers of two from 1K to the model's maximum context (chart sampling, not a result). */
export function contextSamples(maxContext: number): number[] {
  const out: number[] = [];
  for (let c = 1024; c < maxContext && out.length < 24; c *= 2) out.push(c);
  if (maxContext >= 1024) out.push(maxContext);
  return out.length ? out : [1024];
}

/** The planner's result for one selection: the field problems, or one curve per cache type. */
export function planContext(selection: Selection) {
  const base = selectionToRequest(selection);
  const errors = safeValidate(base);
  if (errors.length) return { errors, curves: null };
  const maxCtx = modelOf(selection.model)?.maxContextTokens ?? 131072;
  const { contextCurve, engine } = computing();
  const curves = attempt(() => contextCurve(engine, base, contextSamples(maxCtx), [...KV_CACHE_TYPES_BY_ENGINE[selection.engine]])).result;
  if (!curves) return { errors, curves: null };
  // Per-token cache, capacity and the cache at the largest fitting context come from single estimates.
  return {
    errors,
    curves: curves.map((c) => {
      const one = runEstimate({ ...base, kvCache: c.kvCache }).result;
      const atMax = c.maxContext > 0 ? runEstimate({ ...base, kvCache: c.kvCache, context: c.maxContext }).result : null;
      return { ...c, kvBytesPerToken: one?.memory.kvBytesPerToken ?? 0, capacityBytes: one?.hardware?.memoryBytes ?? 0, kvAtMaxBytes: atMax?.memory.kvCacheBytes ?? 0 };
    }),
  };
}

/** What the planner computes for a selection, and the key it is memoised (and handed over) by. */
export type PlannerResult = ReturnType<typeof planContext>;

/**
 * The planner's result for the island's first view (the default selection, or a guide's preset),
 * computed at build time and handed to the island as `initial`, so hydration does not run the
 * engine's context curves again on the reader's phone.
 */
export function contextPlannerInitial(props: PresetProps = {}): InitialValue<PlannerResult> | undefined {
  const selection = firstSelection(props);
  const out = planContext(selection);
  return initialValue(selectionKey(selection), out.curves ? out : null);
}

/** Context planner island. Props preset the worked example (see PresetProps); `initial` is a build-time result. */
export default function ContextPlanner(props: PresetProps & { initial?: InitialValue<PlannerResult> | undefined }): JSX.Element {
  const idp = `cp${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const state = useCalcState('context-planner', props, {}, {});
  const prefs = usePreferences();
  const unit = prefs.unit;
  const view = useComputed(selectionKey(state.selection), props.initial, () => planContext(state.selection));
  const { errors, curves: out } = view.value ?? { errors: [], curves: null };
  const last = useLastValid(out);
  const curves = last.value;
  const cur = curves?.find((c) => c.kvCache === state.selection.kvCache) ?? curves?.[0];
  const name = modelOf(state.selection.model)?.name ?? state.selection.model;
  return (
    <Frame idp={idp} title="Context planner" state={state} prefs={prefs} testid="calc-context-planner">
      <SelectionFields idp={idp} selection={state.selection} update={state.update} errors={errors}
        show={{ model: true, quant: true, context: true, kvCache: true, engine: true, hardware: true }} />
      <Results stale={last.stale} pending={view.pending}>
        {curves && cur ? (
          <>
            <Verdict kind={cur.maxContext > 0 ? 'fits' : 'no-fit'}
              text={cur.maxContext > 0 ? `Up to ${formatTokens(cur.maxContext)} tokens of context with a ${cur.kvCache} cache` : `No context fits with a ${cur.kvCache} cache`}
              why={`${name} stores ${formatBytes(cur.kvBytesPerToken, unit)} of KV cache per token at ${cur.kvCache}; ${curves.filter((c) => c !== cur).map((c) => `${c.kvCache} reaches ${c.maxContext > 0 ? formatTokens(c.maxContext) : 'none'}`).join(', ') || 'other cache types are not supported by this engine'}.`} />
            <Quiet>
            <LineChart id={`${idp}-chart`} title={`Total memory of ${name} against context`} xLabel="Context (tokens)" yLabel={unit} xScale="log2"
              formatX={formatTokens} formatY={(v) => formatInUnit(v, unit)}
              hLines={curves[0]?.capacityBytes ? [{ y: bytesIn(curves[0].capacityBytes, unit), label: 'Rig memory' }] : []}
              series={curves.map((c) => ({ label: `${c.kvCache} cache`, points: c.points.map((p) => ({ x: p.context, y: bytesIn(p.totalBytes, unit) })) }))} />
            <TableScroll>
              <table class="rb-table" data-testid="context-table">
                <caption class="rb-muted">Where each cache type stops fitting</caption>
                <thead><tr><th scope="col">KV cache</th><th scope="col">Per token</th><th scope="col">Largest context that fits</th><th scope="col">KV cache at that context</th></tr></thead>
                <tbody>
                  {curves.map((c) => (
                    <tr key={c.kvCache}>
                      <th scope="row">{c.kvCache}</th>
                      <td>{formatBytes(c.kvBytesPerToken, unit)}</td>
                      <td>{c.maxContext > 0 ? formatTokens(c.maxContext) : '✗ none'}</td>
                      <td>{c.maxContext > 0 ? formatBytes(c.kvAtMaxBytes, unit) : '—'}</td>
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

export { ContextPlanner };
