/**
 * The shared selection controls (model, weight format, context, KV cache, engine, hardware and its
 * backend, system RAM), grouped in fieldsets. Each calculator shows the ones it needs. The engine,
 * KV-cache and backend choices come from the vocabulary (./labels.ts); the formats and KV-cache
 * types offered are those the chosen engine loads and allocates, the backends those the chosen
 * device runs.
 */
import type { ComponentChildren, JSX } from 'preact';
import type { FieldError } from '../../../lib/request.ts';
import { FIELD_SPECS } from '../../../lib/state/fields.ts';
import type { Selection } from '../../../lib/state/selection.ts';
import { KV_CACHE_TYPES_BY_ENGINE, type BackendId, type EngineId } from '../../../lib/vocabulary.ts';
import { formatSpec, parseSpec } from '../../../lib/hardware-spec.ts';
import { HARDWARE_OPTIONS, MODEL_OPTIONS, hardwareOf, quantForEngine, quantOptionsFor } from './catalog.ts';
import { errorFor } from './engine.ts';
import { ENGINE_OPTIONS, KV_LABEL, KV_OPTIONS_BY_ENGINE, backendOptions } from './labels.ts';
import { Group, NumberField, SelectField, type Option } from './ui.tsx';

const COUNT_OPTIONS: Option[] = [1, 2, 3, 4, 6, 8].map((n) => ({ value: String(n), label: `× ${n}` }));
const HW_WITH_CUSTOM: Option[] = [...HARDWARE_OPTIONS, { value: 'custom', label: 'Custom specs…', group: 'Other' }];
const SECOND: Option[] = [{ value: '', label: '— none —' }, ...HARDWARE_OPTIONS];

/**
 * `options`, plus the current value when it is not among them (a link or preset may name a format
 * the engine does not load): the select shows what is selected, and the engine's message beside it says why it is refused.
 */
function withCurrent(options: readonly Option[], value: string, label = value): readonly Option[] {
  return value === '' || options.some((o) => o.value === value) ? options : [...options, { value, label }];
}

/** Which controls to show. */
export interface FieldSet {
  model?: boolean; quant?: boolean; context?: boolean; kvCache?: boolean; engine?: boolean; hardware?: boolean; ram?: boolean;
}

/**
 * Selection controls bound to `selection`; valid changes go to `update`. `yourModel` is shown after
 * the model picker ("your model", see ./YourModel.tsx); while the reader's own model is in use,
 * `ownModel` hides the picker, and for a GGUF file the weight format too (the file has its own).
 */
export function SelectionFields(props: {
  idp: string; selection: Selection; update: (p: Partial<Selection>) => void; errors: readonly FieldError[]; show: FieldSet; hardwareLegend?: string;
  yourModel?: ComponentChildren; ownModel?: 'config' | 'gguf' | null;
}): JSX.Element {
  const { idp, selection: s, update, errors, show } = props;
  const parts = (parseSpec(s.hardware) ?? []);
  const first = parts[0] ?? { count: 1, id: 'rtx-4090' };
  const second = parts[1] ?? { count: 1, id: '' };
  const setParts = (a: { count: number; id: string }, b: { count: number; id: string }) => {
    const patch: Partial<Selection> = { hardware: formatSpec(a.id === 'custom' ? [a] : [a, b]) };
    // A new device type: its installed memory and custom specs no longer apply, nor a backend it does not run.
    if (a.id !== first.id) {
      Object.assign(patch, a.id === 'custom' ? { memoryGb: 24, bandwidthGbs: 1000, tflops: 100 } : { memoryGb: 0, bandwidthGbs: 0, tflops: 0 });
      const runs = hardwareOf(a.id)?.backends;
      if (s.backend && runs && !runs.includes(s.backend)) patch.backend = '';
    }
    update(patch);
  };
  // A new engine: keep the format and KV-cache type when it loads them, else its nearest ones.
  const setEngine = (engine: EngineId) => {
    const kvTypes = KV_CACHE_TYPES_BY_ENGINE[engine];
    update({
      engine, quant: quantForEngine(s.quant, engine),
      kvCache: kvTypes.includes(s.kvCache) ? s.kvCache : kvTypes[0] ?? s.kvCache,
    });
  };
  const firstRow = hardwareOf(first.id);
  const options = firstRow?.memoryOptionsGiB;
  const isCustom = first.id === 'custom';
  const single = parts.length === 1;
  const backends = backendOptions(firstRow?.backends);
  // The usual backend named outright (a link's backend=cuda on a CUDA card) is the usual option.
  const backendValue = s.backend === (firstRow?.backends[0] ?? 'cuda') ? '' : s.backend;
  return (
    <div class="rb-form">
      {(show.model || show.quant || show.context) && (
        <Group legend="Model">
          {show.model && !props.ownModel && <SelectField id={`${idp}-model`} label="Model" value={s.model} options={MODEL_OPTIONS} onChange={(v) => update({ model: v })} error={errorFor(errors, 'model')} />}
          {props.yourModel}
          {show.quant && props.ownModel !== 'gguf' && <SelectField id={`${idp}-quant`} label="Weight format (quant)" value={s.quant} options={withCurrent(quantOptionsFor(s.engine), s.quant)} onChange={(v) => update({ quant: v })} error={errorFor(errors, 'quant', 'bpw')} />}
          {show.context && <NumberField id={`${idp}-context`} label="Context per sequence (tokens)" value={s.context} spec={FIELD_SPECS.context} onValid={(v) => update({ context: v })} error={errorFor(errors, 'context')} hint="e.g. 8192 or 32k" />}
        </Group>
      )}
      {(show.kvCache || show.engine) && (
        <Group legend="Runtime">
          {show.engine && <SelectField id={`${idp}-engine`} label="Engine" value={s.engine} options={ENGINE_OPTIONS} onChange={(v) => setEngine(v as EngineId)} error={errorFor(errors, 'engine')} />}
          {show.kvCache && <SelectField id={`${idp}-kv`} label="KV-cache type" value={s.kvCache} options={withCurrent(KV_OPTIONS_BY_ENGINE[s.engine], s.kvCache, KV_LABEL[s.kvCache])} onChange={(v) => update({ kvCache: v as Selection['kvCache'] })} error={errorFor(errors, 'kvCache')} />}
        </Group>
      )}
      {show.hardware && (
        <Group legend={props.hardwareLegend ?? 'Hardware'}>
          <div class="rb-inline">
            <SelectField id={`${idp}-hw`} label="Device" value={first.id} options={HW_WITH_CUSTOM} onChange={(v) => setParts({ count: first.count, id: v }, second)} error={errorFor(errors, 'hardware')} />
            <SelectField id={`${idp}-hwn`} label="How many" value={String(first.count)} options={COUNT_OPTIONS} onChange={(v) => setParts({ count: Number(v), id: first.id }, second)} />
          </div>
          {!isCustom && (
            <div class="rb-inline">
              <SelectField id={`${idp}-hw2`} label="Plus a different device" value={second.id} options={SECOND} onChange={(v) => setParts(first, { count: second.count, id: v })} />
              {second.id && <SelectField id={`${idp}-hw2n`} label="How many" value={String(second.count)} options={COUNT_OPTIONS} onChange={(v) => setParts(first, { count: Number(v), id: second.id })} />}
            </div>
          )}
          <SelectField id={`${idp}-backend`} label="Backend" value={backendValue} options={withCurrent(backends, backendValue)}
            onChange={(v) => update({ backend: v as BackendId | '' })} error={errorFor(errors, 'backend')} />
          {single && options && options.length > 1 && (
            <SelectField id={`${idp}-mem`} label="Installed memory" value={String(s.memoryGb || Math.max(...options))}
              options={options.map((o) => ({ value: String(o), label: `${o} GB` }))} onChange={(v) => update({ memoryGb: Number(v) })} error={errorFor(errors, 'memoryGb')}
              hint="The GPU may use only part of unified memory by default." />
          )}
          {isCustom && (
            <>
              <NumberField id={`${idp}-cmem`} label="Memory per device (GiB)" value={s.memoryGb || 24} spec={{ ...FIELD_SPECS.memoryGb, allowZero: false }} onValid={(v) => update({ memoryGb: v })} error={errorFor(errors, 'memoryGb')} />
              <NumberField id={`${idp}-cbw`} label="Memory bandwidth (GB/s)" value={s.bandwidthGbs || 1000} spec={FIELD_SPECS.bandwidthGbs} onValid={(v) => update({ bandwidthGbs: v })} error={errorFor(errors, 'bandwidthGbs')} />
              <NumberField id={`${idp}-ctf`} label="Dense FP16 TFLOPS" value={s.tflops || 100} spec={FIELD_SPECS.tflops} onValid={(v) => update({ tflops: v })} error={errorFor(errors, 'tflops')} />
            </>
          )}
          {show.ram && <NumberField id={`${idp}-ram`} label="System RAM for offload (GiB, 0 = none)" value={s.ramGb} spec={FIELD_SPECS.ramGb} onValid={(v) => update({ ramGb: v })} error={errorFor(errors, 'ramGb', 'ramBandwidthGbs')} />}
        </Group>
      )}
    </div>
  );
}
