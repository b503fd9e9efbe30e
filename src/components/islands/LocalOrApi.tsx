/**
 * Local or API? Hardware price, lifetime, power, electricity price, utilisation and daily volume
 * against the catalogued API prices: cost per million tokens and per month on both sides, the
 * break-even volume, and cumulative cost over time. Numbers from the engine's cost helper. Each API
 * price shows the date it was seen, and says so in words when that is more than six months before the
 * build's reference date (the client catalog marks those rows `stale`).
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import { LineChart } from '../charts/LineChart.tsx';
import { formatCount, formatTokensPerSec, formatUsd } from '../../lib/format/index.ts';
import { FIELD_SPECS } from '../../lib/state/fields.ts';
import { $preferencesRaw, readPreferences, setElectricity } from '../../lib/state/preferences.ts';
import { selectionToRequest, type Selection } from '../../lib/state/selection.ts';
import type { EstimateRequest } from '../../lib/request.ts';
import { attempt, computing, errorFor, firstSelection, initialValue, runEstimate, safeValidate, useComputed, useLastValid, type InitialValue } from './shared/engine.ts';
import { extra } from './shared/extra.ts';
import { Frame, usePreferences } from './shared/Frame.tsx';
import { SelectionFields } from './shared/SelectionFields.tsx';
import { useCalcState, type PresetProps } from './shared/state.ts';
import { Group, NumberField, Quiet, Results, Verdict, TableScroll } from './shared/ui.tsx';

/** URL schema of the cost fields. `price`/`power` 0 mean "the catalog's value for this rig". */
export const COST_SCHEMA = {
  price: { kind: 'number', spec: FIELD_SPECS.hardwarePriceUsd },
  years: { kind: 'number', spec: FIELD_SPECS.lifetimeYears },
  power: { kind: 'number', spec: { ...FIELD_SPECS.powerW, allowZero: true } },
  util: { kind: 'number', spec: FIELD_SPECS.utilisation },
  tokensPerDay: { kind: 'number', spec: FIELD_SPECS.tokensPerDay },
  inputPct: { kind: 'number', spec: { min: 0, max: 100, allowZero: true, unit: '%' } },
} as const;

/**
 * Defaults (assumptions, editable): the catalog's price and power for the rig, written off over
 * 3 years, generating 25% of the time, 1M tokens a day, 80% of them input (agents re-read long prompts).
 */
export const COST_DEFAULTS = { price: 0, years: 3, power: 0, util: 25, tokensPerDay: 1_000_000, inputPct: 80 };

/** The API lines worth charting: the cheapest hosted open model, the cheapest and the dearest closed model. */
function chartApis<T extends { kind: string; usdPerMonth: number }>(api: T[]): T[] {
  const open = api.filter((a) => a.kind !== 'closed');
  const closed = api.filter((a) => a.kind === 'closed');
  return [...new Set([open[0], closed[0], closed[closed.length - 1]].filter((a): a is T => a !== undefined))];
}

type CostExtras = typeof COST_DEFAULTS;

/** Ids of the API prices seen more than six months before the build's reference date. */
const OLD_PRICES: ReadonlySet<string> = new Set(extra.apiPrices.filter((p) => p.stale).map((p) => p.id));

/**
 * Local against API cost for one selection, cost fields and electricity price: the field problems,
 * and either what is missing for a local cost or the costs on both sides.
 */
export function costResult(selection: Selection, x: CostExtras, electricityUsdPerKWh: number) {
  const base = selectionToRequest(selection);
  const errors = safeValidate(base);
  if (errors.length) return { errors, out: null };
  return { errors, out: costOf(selection, base, x, electricityUsdPerKWh) };
}

function costOf(selection: Selection, base: EstimateRequest, x: CostExtras, electricityUsdPerKWh: number) {
  const { engine, localVsApi, rigSummary } = computing();
  const est = runEstimate(base).result;
  const rig = attempt(() => rigSummary(engine, selection.hardware, selection.memoryGb || undefined)).result;
  const rigPriceUsd = x.price > 0 ? x.price : rig?.priceUsd ?? 0;
  const rigPowerW = x.power > 0 ? x.power : rig?.powerW ?? 0;
  const decodeTokensPerSec = est?.speed?.aggregateDecodeTokensPerSec ?? 0;
  if (!est?.speed || rigPriceUsd <= 0 || rigPowerW <= 0) return { missing: !est?.speed ? 'fit' : rigPriceUsd <= 0 ? 'price' : 'power' } as const;
  const r = attempt(() => localVsApi(extra.apiPrices, {
    hardwarePriceUsd: rigPriceUsd, lifetimeYears: x.years, powerW: rigPowerW, electricityUsdPerKWh,
    utilisation: x.util / 100, tokensPerDay: x.tokensPerDay, decodeTokensPerSec, inputShare: x.inputPct / 100,
  })).result;
  if (!r) return null;
  const kind = new Map(extra.apiPrices.map((a) => [a.id, a.kind]));
  // Cheapest first for this volume; keep each row's index into overTime's apiUsd.
  const api = r.api.map((a, i) => ({ ...a, i, kind: kind.get(a.id) ?? 'closed' })).sort((a, b) => a.usdPerMonth - b.usdPerMonth);
  // The chart plots every third month: keep only those (the result also travels in the page as a build-time prop).
  const overTime = r.overTime.filter((p) => p.month % 3 === 0);
  return { ...r, overTime, api, rigPriceUsd, rigPowerW, decodeTokensPerSec, missing: null };
}

/** What the calculator computes for a view, and the key it is memoised (and handed over) by. */
export type CostResult = ReturnType<typeof costResult>;
const costKey = (selection: Selection, x: CostExtras, electricityUsdPerKWh: number): string =>
  JSON.stringify([selectionToRequest(selection), x, electricityUsdPerKWh]);

/** The cost fields an island starts with: the defaults, with the volume and price its props set. */
function firstExtras(props: { tokensPerDay?: number | undefined; price?: number | undefined }): CostExtras {
  return { ...COST_DEFAULTS, tokensPerDay: props.tokensPerDay ?? COST_DEFAULTS.tokensPerDay, price: props.price ?? COST_DEFAULTS.price };
}

/**
 * The result of the island's first view (default selection or a guide's preset, the props' volume
 * and price, the default electricity price), computed at build time and handed over as `initial`.
 */
export function localOrApiInitial(props: PresetProps & { tokensPerDay?: number; price?: number } = {}): InitialValue<CostResult> | undefined {
  const selection = firstSelection(props);
  const x = firstExtras(props);
  // The preferences the island renders first (usePreferences): from the store's initial value.
  const raw = ($preferencesRaw as typeof $preferencesRaw & { init?: ReturnType<typeof $preferencesRaw.get> }).init ?? $preferencesRaw.get();
  const electricity = readPreferences(raw).electricityUsdPerKWh;
  const r = costResult(selection, x, electricity);
  return initialValue(costKey(selection, x, electricity), r.out ? r : null);
}

/** Local or API island. Props preset the worked example (see PresetProps); `initial` is a build-time result. */
export default function LocalOrApi(props: PresetProps & { tokensPerDay?: number; price?: number; initial?: InitialValue<CostResult> | undefined }): JSX.Element {
  const idp = `la${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const state = useCalcState('local-or-api', props, COST_SCHEMA, firstExtras(props));
  const prefs = usePreferences();
  const x = state.extras;
  const view = useComputed(costKey(state.selection, x, prefs.electricityUsdPerKWh), props.initial,
    () => costResult(state.selection, x, prefs.electricityUsdPerKWh));
  const { errors, out } = view.value ?? { errors: [], out: null };
  const last = useLastValid(out && !out.missing ? out : null);
  const c = last.value;
  const cheapest = c?.api[0];
  const usd = (v: number) => formatUsd(v, prefs.currency);
  return (
    <Frame idp={idp} title="Local or API?" state={state} prefs={prefs} testid="calc-local-or-api">
      <SelectionFields idp={idp} selection={state.selection} update={state.update} errors={errors}
        show={{ model: true, quant: true, context: true, engine: true, hardware: true }} />
      <Group legend="Costs and use">
        <div class="rb-inline">
          <NumberField id={`${idp}-price`} label="Hardware price ($, 0 = catalog price)" value={x.price} spec={COST_SCHEMA.price.spec} onValid={(v) => state.setExtras({ price: v })} />
          <NumberField id={`${idp}-years`} label="Lifetime (years)" value={x.years} spec={FIELD_SPECS.lifetimeYears} onValid={(v) => state.setExtras({ years: v })} />
          <NumberField id={`${idp}-power`} label="Power while generating (W, 0 = catalog)" value={x.power} spec={COST_SCHEMA.power.spec} onValid={(v) => state.setExtras({ power: v })} />
          <NumberField id={`${idp}-kwh`} label="Electricity ($ per kWh)" value={prefs.electricityUsdPerKWh} spec={FIELD_SPECS.electricityUsdPerKWh} onValid={setElectricity} />
          <NumberField id={`${idp}-util`} label="Utilisation (% of the time generating)" value={x.util} spec={FIELD_SPECS.utilisation} onValid={(v) => state.setExtras({ util: v })} />
          <NumberField id={`${idp}-tpd`} label="Tokens per day" value={x.tokensPerDay} spec={FIELD_SPECS.tokensPerDay} onValid={(v) => state.setExtras({ tokensPerDay: v })} hint="e.g. 2M or 500k" />
          <NumberField id={`${idp}-inpct`} label="Input share of tokens (%)" value={x.inputPct} spec={COST_SCHEMA.inputPct.spec} onValid={(v) => state.setExtras({ inputPct: v })} />
        </div>
        {errorFor(errors, 'request') && <p class="rb-err">{errorFor(errors, 'request')}</p>}
      </Group>
      {out?.missing === 'price' && <p class="rb-err" data-testid="need-price"><span aria-hidden="true">⚠ </span>The catalog has no price for this rig: enter the hardware price.</p>}
      {out?.missing === 'power' && <p class="rb-err"><span aria-hidden="true">⚠ </span>Enter the power the rig draws while generating.</p>}
      {out?.missing === 'fit' && <p class="rb-err"><span aria-hidden="true">⚠ </span>The model does not run on this rig, so it has no local cost: pick a smaller format or more hardware.</p>}
      <Results stale={last.stale} pending={view.pending}>
        {c ? (
          <>
            {c.local.capacityTokensPerDay < x.tokensPerDay ? (
              <Verdict kind="no-fit" text="The rig cannot produce this volume"
                why={`At ${formatTokensPerSec(c.decodeTokensPerSec)} and ${x.util}% utilisation it makes ${formatCount(c.local.capacityTokensPerDay)} tokens a day, less than the ${formatCount(x.tokensPerDay)} asked.`} />
            ) : cheapest && cheapest.usdPerMonth < c.local.usdPerMonth ? (
              <Verdict kind="info" text={`The API is cheaper: ${cheapest.model} at ${usd(cheapest.usdPerMonth)} a month`}
                why={`Local costs ${usd(c.local.usdPerMonth)} a month (${usd(c.local.hardwareUsdPerMonth)} hardware, ${usd(c.local.energyUsdPerMonth)} power)${cheapest.breakEvenTokensPerDay ? `; break-even at ${formatCount(cheapest.breakEvenTokensPerDay)} tokens a day` : ''}.`} />
            ) : (
              <Verdict kind="fits" text={`Local is cheaper: ${usd(c.local.usdPerMonth)} a month`}
                why={`The cheapest catalogued API here${cheapest ? `, ${cheapest.model}, costs ${usd(cheapest.usdPerMonth)}` : ' is not available'} for ${formatCount(x.tokensPerDay)} tokens a day.`} />
            )}
            <Quiet>
            <dl class="rb-stats">
              <div><dt>Local per month</dt><dd data-testid="local-month">{usd(c.local.usdPerMonth)}</dd></div>
              <div><dt>Local per million tokens (at capacity)</dt><dd>{usd(c.local.usdPerMTok)}</dd></div>
              <div><dt>Rig price, power</dt><dd>{usd(c.rigPriceUsd)}, {formatCount(c.rigPowerW)} W</dd></div>
              <div><dt>Local capacity</dt><dd>{formatCount(c.local.capacityTokensPerDay)} tokens/day</dd></div>
            </dl>
            {c.overTime.length > 1 && (
              <LineChart id={`${idp}-chart`} title="Cumulative cost over time" xLabel="Months" yLabel="$" formatX={(m) => `${m}`} formatY={usd}
                series={[{ label: 'Local', points: c.overTime.map((p) => ({ x: p.month, y: p.localUsd })) },
                  ...chartApis(c.api).map((a) => ({ label: a.model, points: c.overTime.map((p) => ({ x: p.month, y: p.apiUsd[a.i] ?? 0 })) }))]} />
            )}
            <TableScroll>
              <table class="rb-table" data-testid="api-table">
                <caption class="rb-muted">Catalogued API prices, cheapest first for this volume and input share</caption>
                <thead><tr><th scope="col">API</th><th scope="col">Kind</th><th scope="col">$ per million (blended)</th><th scope="col">Per month</th><th scope="col">Break-even volume</th><th scope="col">Price seen</th></tr></thead>
                <tbody>
                  {c.api.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.model} <span class="rb-muted">({a.provider})</span></th>
                      <td>{a.kind === 'closed' ? 'closed model' : 'open model, hosted'}</td>
                      <td>{usd(a.usdPerMTok)}</td>
                      <td>{usd(a.usdPerMonth)}</td>
                      <td>{a.breakEvenTokensPerDay ? `${formatCount(a.breakEvenTokensPerDay)}/day` : '—'}</td>
                      <td><a href={a.source}>{a.seen}</a>{OLD_PRICES.has(a.id) && <> <span class="rb-old" data-testid="price-old"><span aria-hidden="true">⚠ </span>over six months old</span></>}</td>
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

export { LocalOrApi };
