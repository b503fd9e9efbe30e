/**
 * Hardware tiers: lightweight, mid-range, frontier-open and ultra-frontier, computed live from the
 * catalog by the engine: for each tier, representative hardware, what its example rig runs at
 * which format and speed, and what the tier's hardware costs.
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { formatSpeedRange, formatTokens, formatTokensPerSec, formatUsd } from '../../lib/format/index.ts';
import { specLabel } from '../../lib/hardware-spec.ts';
import { FIELD_SPECS } from '../../lib/state/fields.ts';
import { hardwareOf, modelOf } from './shared/catalog.ts';
import { attempt, computing, firstSelection, initialValue, useComputed, useLastValid, type InitialValue } from './shared/engine.ts';
import type { Selection } from '../../lib/state/selection.ts';
import { Frame, usePreferences } from './shared/Frame.tsx';
import { useCalcState, type PresetProps } from './shared/state.ts';
import { Group, NumberField, Results, TableScroll } from './shared/ui.tsx';

/** "2xrtx-3090" -> "2× RTX 3090" (names from the catalog). */
function labelOf(spec: string): string {
  return specLabel(spec, (id) => hardwareOf(id)?.name);
}

/** The tiers at one context and KV-cache type (null when the engine cannot compute them). */
export function tiersAt(context: number, kvCache: Selection['kvCache']) {
  const { hardwareTiers, engine } = computing();
  return attempt(() => hardwareTiers(engine, { context, kvCache })).result;
}

/** What the calculator computes for a view, and the key it is memoised (and handed over) by. */
export type TiersResult = ReturnType<typeof tiersAt>;
const tiersKey = (context: number, kvCache: string): string => JSON.stringify([context, kvCache]);

/**
 * The tiers of the island's first view (the default selection's context and cache type, or a
 * preset's), computed at build time and handed to the island as `initial`, so hydration does not
 * search every tier's rig again on the reader's phone.
 */
export function hardwareTiersInitial(props: PresetProps = {}): InitialValue<TiersResult> | undefined {
  const { context, kvCache } = firstSelection(props);
  return initialValue(tiersKey(context, kvCache), tiersAt(context, kvCache));
}

/** Hardware tiers island. Props preset the selection (see PresetProps); `initial` is a build-time result. */
export default function HardwareTiers(props: PresetProps & { initial?: InitialValue<TiersResult> | undefined }): JSX.Element {
  const idp = `ht${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const state = useCalcState('hardware-tiers', props, {}, {});
  const prefs = usePreferences();
  // The reader's context and KV-cache type (shared with the other calculators); formats from Q4_0 up.
  const context = state.selection.context;
  const kvCache = state.selection.kvCache;
  const view = useComputed(tiersKey(context, kvCache), props.initial, () => tiersAt(context, kvCache));
  const last = useLastValid(view.value);
  const tiers = last.value;
  const ctxText = formatTokens(context);
  return (
    <Frame idp={idp} title="Hardware tiers" state={state} prefs={prefs} testid="calc-hardware-tiers"
      intro="Each tier is a range of usable accelerator memory. Its hardware is every catalogued device or common multi-GPU rig in that range; what it runs is computed on the tier’s example rig at your context with the best format that fits, no lower than Q4_0.">
      <Group legend="Workload">
        <NumberField id={`${idp}-context`} label="Context per sequence (tokens)" value={context} spec={FIELD_SPECS.context} onValid={(v) => state.update({ context: v })} hint="e.g. 8192 or 32k" />
      </Group>
      <Results stale={last.stale} pending={view.pending}>
        <div>{tiers ? tiers.map((t) => (
          <section key={t.id} class="rb-tier" data-testid={`tier-${t.id}`} aria-labelledby={`${idp}-${t.id}`}>
            <h3 id={`${idp}-${t.id}`}>{t.label}</h3>
            <p>
              <strong>Example rig:</strong> {labelOf(t.example)}.{' '}
              <strong>Price range:</strong> {t.priceUsd ? `${formatUsd(t.priceUsd[0])}–${formatUsd(t.priceUsd[1])}` : 'no catalogued prices'}.{' '}
              <span class="rb-muted">Hardware in this tier: {t.hardware.length ? t.hardware.map(labelOf).join(', ') : 'none catalogued'}.</span>
            </p>
            {t.runs.length ? (
              <TableScroll label={`${t.label}: largest models`}>
                <table class="rb-table">
                  <caption class="rb-sr">Largest models the {labelOf(t.example)} runs entirely on its accelerators at {ctxText} context</caption>
                  <thead><tr><th scope="col">Model</th><th scope="col">Best format that fits</th><th scope="col">Decode (range)</th></tr></thead>
                  <tbody>
                    {t.runs.map((r) => (
                      <tr key={r.model}><th scope="row">{modelOf(r.model)?.name ?? r.model}</th><td>{r.quant}</td><td>{formatTokensPerSec(r.decodeTokensPerSec)} <span class="rb-muted">({formatSpeedRange(r.decodeRange)})</span></td></tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : <p>No catalogued model fits this tier’s example rig.</p>}
          </section>
        )) : <p>The tiers could not be computed.</p>}</div>
      </Results>
    </Frame>
  );
}

export { HardwareTiers };
