/**
 * How fast? Decode and prefill speed with their ranges, time to first token for a prompt, and
 * the time of one agent step (a prompt and an answer); and what changes with a second GPU in
 * layer split or tensor parallel, or with a quantized KV cache. Numbers from the sizing engine.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { formatSeconds, formatSpeedRange, formatTokens, formatTokensPerSec } from '../../lib/format/index.ts';
import { FIELD_SPECS } from '../../lib/state/fields.ts';
import { parallelismToRequest, selectionToRequest, type Parallelism, type Selection } from '../../lib/state/selection.ts';
import { formatSpec, parseSpec } from '../../lib/hardware-spec.ts';
import type { EstimateResult } from '../../lib/sizing/types.ts';
import type { EstimateRequest } from '../../lib/request.ts';
import { KV_CACHE_TYPES_BY_ENGINE } from '../../lib/vocabulary.ts';
import { errorFor, firstSelection, initialValue, selectionKey, runEstimate, useComputed, useLastValid, type InitialValue } from './shared/engine.ts';
import { agentStepSeconds } from '../../lib/sizing/derived.ts';
import { Frame, usePreferences } from './shared/Frame.tsx';
import { PARALLEL_DEFAULTS, PARALLEL_SCHEMA, ParallelFields } from './shared/ParallelFields.tsx';
import { SelectionFields } from './shared/SelectionFields.tsx';
import { useCalcState, type PresetProps } from './shared/state.ts';
import { Group, NumberField, Quiet, Results, Verdict, TableScroll } from './shared/ui.tsx';
import { linkNoteOf, ResultSource, urlOmitOf, useYourModel, withYourModel, yourModelKey, YourModelFields, type YourModelSource } from './shared/YourModel.tsx';

/** Extra fields of this calculator (URL keys `prompt`, `output`, and the agents at once). */
export const HOW_FAST_SCHEMA = {
  prompt: { kind: 'number', spec: FIELD_SPECS.prompt },
  output: { kind: 'number', spec: FIELD_SPECS.output },
  ...PARALLEL_SCHEMA,
} as const;

/** A typical agent step: a 6,000-token prompt (tools, history, instructions) and a 400-token answer, one agent. */
export const HOW_FAST_DEFAULTS = { prompt: 6000, output: 400, ...PARALLEL_DEFAULTS };

interface Scenario { label: string; req: EstimateRequest }

/** The what-if scenarios: the rig as chosen, one more device (layer split, tensor parallel), q8_0 KV cache where the engine allocates one. */
export function scenarios(s: Selection, base: EstimateRequest): Scenario[] {
  const parts = (parseSpec(s.hardware) ?? []);
  const out: Scenario[] = [{ label: 'As chosen', req: base }];
  if (parts.length === 1 && parts[0] && parts[0].id !== 'custom' && parts[0].count < 16) {
    const more = formatSpec([{ count: parts[0].count + 1, id: parts[0].id }]);
    out.push({ label: `${parts[0].count + 1} devices, layer split`, req: { ...base, hardware: more, split: 'layer' } });
    out.push({ label: `${parts[0].count + 1} devices, tensor parallel`, req: { ...base, hardware: more, split: 'tensor' } });
  }
  if (s.kvCache !== 'q8_0' && KV_CACHE_TYPES_BY_ENGINE[s.engine].includes('q8_0')) out.push({ label: 'KV cache q8_0', req: { ...base, kvCache: 'q8_0' } });
  return out;
}

/** Verdict wording for a speed result. */
function speedVerdict(r: EstimateResult, step: { seconds: number } | null): { text: string; why: string } {
  if (!r.speed) return { text: 'No speed: it does not fit', why: 'Speed needs the model to fit, at least with offload to system RAM.' };
  return {
    text: `${formatTokensPerSec(r.speed.decodeTokensPerSec)} while answering`,
    why: `Each new token reads the active weights and the KV cache from memory; range ${formatSpeedRange(r.speed.decodeRange)}${step ? `; one agent step takes about ${formatSeconds(step.seconds)}` : ''}.`,
  };
}

/** One what-if row as the table shows it. */
export interface ScenarioRow {
  label: string; verdict: 'fits' | 'offload' | 'no-fit' | null;
  decodeRange: [number, number] | null; prefillRange: [number, number] | null; ttftSec: number | null; stepSec: number | null;
}

/**
 * The estimate, the agent step and the what-if rows for one selection and agent step; with
 * `source`, for the reader's own model (a pasted config.json or a GGUF header) instead of the
 * selection's catalog model.
 */
export function howFastResult(selection: Selection, prompt: number, output: number, source: YourModelSource | null = null, parallel: Parallelism = PARALLEL_DEFAULTS) {
  const base = withYourModel(selectionToRequest(selection, { prompt, output, ...parallelismToRequest(selection, parallel) }), source);
  const out = runEstimate(base);
  if (!out.result) return { out, step: null, rows: [] as ScenarioRow[] };
  const rows = scenarios(selection, base).map((sc): ScenarioRow => {
    const r = runEstimate(sc.req).result;
    const st = r ? agentStepSeconds(r) : null;
    return {
      label: sc.label, verdict: r?.fit?.verdict ?? null, decodeRange: r?.speed?.decodeRange ?? null,
      prefillRange: r?.speed?.prefillRange ?? null, ttftSec: r?.speed?.timeToFirstTokenSec ?? null, stepSec: st ? st.seconds : null,
    };
  });
  return { out, step: agentStepSeconds(out.result), rows };
}

/** What the calculator computes for a view, and the key it is memoised (and handed over) by. */
export type HowFastResult = ReturnType<typeof howFastResult>;

/**
 * The result of the island's first view (default selection or a guide's preset, with the prompt and
 * answer lengths of the props), computed at build time and handed to the island as `initial`.
 */
export function howFastInitial(props: PresetProps & { prompt?: number; output?: number } = {}): InitialValue<HowFastResult> | undefined {
  const selection = firstSelection(props);
  const prompt = props.prompt ?? HOW_FAST_DEFAULTS.prompt;
  const output = props.output ?? HOW_FAST_DEFAULTS.output;
  const r = howFastResult(selection, prompt, output);
  return initialValue(selectionKey(selection, { prompt, output }), r.out.result ? r : null);
}

const FIT_TEXT = { fits: '✓ fits', offload: '◐ offload', 'no-fit': '✗ no' } as const;

/** How fast? island. Props preset the worked example (see PresetProps); `initial` is a build-time result. */
export default function HowFast(props: PresetProps & { prompt?: number; output?: number; initial?: InitialValue<HowFastResult> | undefined }): JSX.Element {
  const idp = `hf${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const ym = useYourModel(idp);
  const state = useCalcState('how-fast', props, HOW_FAST_SCHEMA, {
    ...HOW_FAST_DEFAULTS, prompt: props.prompt ?? HOW_FAST_DEFAULTS.prompt, output: props.output ?? HOW_FAST_DEFAULTS.output,
  }, urlOmitOf(ym.source));
  const prefs = usePreferences();
  const { prompt, output, sequences, kvUnified } = state.extras;
  const run = { prompt, output, ...parallelismToRequest(state.selection, { sequences, kvUnified }) };
  ym.base.current = selectionToRequest(state.selection, run);
  const view = useComputed(yourModelKey(selectionKey(state.selection, run), ym.source), props.initial, () => howFastResult(state.selection, prompt, output, ym.source, { sequences, kvUnified }));
  const { out, step, rows } = view.value ?? { out: { result: null, errors: [] }, step: null, rows: [] };
  const last = useLastValid(out.result ? { r: out.result, step, rows } : null);
  const v = last.value;
  return (
    <Frame idp={idp} title="How fast?" state={state} prefs={prefs} testid="calc-how-fast" linkNote={linkNoteOf(ym.source)}>
      <SelectionFields idp={idp} selection={state.selection} update={state.update} errors={out.errors}
        show={{ model: true, quant: true, context: true, kvCache: true, engine: true, hardware: true, ram: true }}
        ownModel={ym.source?.kind ?? null} yourModel={<YourModelFields idp={idp} ym={ym} errors={out.errors} unit={prefs.unit} />} />
      <Group legend="Agent step">
        <div class="rb-inline">
          <NumberField id={`${idp}-prompt`} label="Prompt (tokens)" value={prompt} spec={FIELD_SPECS.prompt} onValid={(x) => state.setExtras({ prompt: x })} error={errorFor(out.errors, 'prompt')} />
          <NumberField id={`${idp}-output`} label="Answer (tokens)" value={output} spec={FIELD_SPECS.output} onValid={(x) => state.setExtras({ output: x })} error={errorFor(out.errors, 'output')} />
        </div>
      </Group>
      <ParallelFields idp={idp} selection={state.selection} value={{ sequences, kvUnified }} set={state.setExtras} error={errorFor(out.errors, 'sequences', 'kvUnified')} />
      {out.errors.filter((e) => e.field === 'request').map((e) => <p class="rb-err" key={e.message}>{e.message}</p>)}
      <Results stale={last.stale} pending={view.pending} id={`${idp}-results`}>
        {v ? (
          <>
            {!last.stale && !view.pending && <ResultSource source={ym.source} />}
            <Verdict kind={v.r.speed ? 'info' : 'no-fit'} {...speedVerdict(v.r, v.step)} />
            <Quiet>
            {v.r.speed && (
              <dl class="rb-stats">
                <div><dt>Decode (answer{v.r.settings.sequences > 1 ? ', each sequence' : ''})</dt><dd data-testid="decode">{formatTokensPerSec(v.r.speed.decodeTokensPerSec)}</dd><dd class="rb-muted">range {formatSpeedRange(v.r.speed.decodeRange)}</dd></div>
                {v.r.settings.sequences > 1 && <div><dt>All {formatTokens(v.r.settings.sequences)} sequences together</dt><dd data-testid="aggregate">{formatTokensPerSec(v.r.speed.aggregateDecodeTokensPerSec)}</dd></div>}
                <div><dt>Prefill (prompt)</dt><dd data-testid="prefill">{formatTokensPerSec(v.r.speed.prefillTokensPerSec)}</dd><dd class="rb-muted">range {formatSpeedRange(v.r.speed.prefillRange)}</dd></div>
                <div><dt>Time to first token ({formatTokens(v.r.settings.prompt)}-token prompt)</dt><dd data-testid="ttft">{formatSeconds(v.r.speed.timeToFirstTokenSec)}</dd></div>
                {v.step && <div><dt>One agent step ({formatTokens(v.r.settings.prompt)} in, {formatTokens(v.r.settings.output)} out)</dt><dd data-testid="step">{formatSeconds(v.step.seconds)}</dd><dd class="rb-muted">range {formatSeconds(v.step.range[0])}–{formatSeconds(v.step.range[1])}</dd></div>}
              </dl>
            )}
            <TableScroll>
              <table class="rb-table" data-testid="scenarios">
                <caption class="rb-muted">What changes</caption>
                <thead><tr><th scope="col">Scenario</th><th scope="col">Fit</th><th scope="col">Decode</th><th scope="col">Prefill</th><th scope="col">First token</th><th scope="col">Agent step</th></tr></thead>
                <tbody>
                  {v.rows.map((row) => (
                    <tr key={row.label}>
                      <th scope="row">{row.label}</th>
                      <td>{row.verdict ? FIT_TEXT[row.verdict] : '—'}</td>
                      <td>{row.decodeRange ? formatSpeedRange(row.decodeRange) : '—'}</td>
                      <td>{row.prefillRange ? formatSpeedRange(row.prefillRange) : '—'}</td>
                      <td>{row.ttftSec !== null ? formatSeconds(row.ttftSec) : '—'}</td>
                      <td>{row.stepSec !== null ? formatSeconds(row.stepSec) : '—'}</td>
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

export { HowFast };
