/**
 * Agents served at once: how many sequences the engine decodes together and, where the engine can,
 * whether they share one cache (llama-server's `--kv-unified`). Extra fields of Will it fit? and How fast?.
 */
import type { JSX } from 'preact';
import { FIELD_SPECS } from '../../../lib/state/fields.ts';
import type { Parallelism, Selection } from '../../../lib/state/selection.ts';
import { SHARED_KV_CACHE_ENGINES } from '../../../lib/vocabulary.ts';
import { Group, NumberField } from './ui.tsx';

/** URL keys and parsing of the fields (`sequences`, `kvUnified`), for useCalcState. */
export const PARALLEL_SCHEMA = {
  sequences: { kind: 'number', spec: FIELD_SPECS.sequences },
  kvUnified: { kind: 'flag' },
} as const;

/** One agent, its own cache: the request of a single sequence. */
export const PARALLEL_DEFAULTS: Parallelism = { sequences: 1, kvUnified: false };

/** The sequences field, and the shared-cache switch where the engine has a shared cache. */
export function ParallelFields(props: {
  idp: string; selection: Selection; value: Parallelism; set: (patch: Partial<Parallelism>) => void; error?: string | undefined;
}): JSX.Element {
  const { idp, value, set } = props;
  const canShare = SHARED_KV_CACHE_ENGINES.includes(props.selection.engine);
  const shared = canShare && value.kvUnified;
  return (
    <Group legend="Agents at once">
      <div class="rb-inline">
        <NumberField id={`${idp}-seq`} label="Sequences" value={value.sequences} spec={FIELD_SPECS.sequences}
          onValid={(x) => set({ sequences: x })} error={props.error}
          hint={value.sequences > 1 ? (shared ? 'The context is one cache they all share.' : 'The context is for each sequence.') : undefined} />
        {canShare && (
          <label class="rb-check">
            <input type="checkbox" data-testid={`field-${idp}-kv-unified`} checked={value.kvUnified}
              onChange={(e) => set({ kvUnified: (e.currentTarget as HTMLInputElement).checked })} />
            One shared cache (llama-server <code>--kv-unified</code>)
          </label>
        )}
      </div>
    </Group>
  );
}
