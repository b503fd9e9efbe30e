/**
 * Horizontal stacked bar chart in SVG (weights / KV cache / overhead against capacity, or any
 * parts of a whole), with a data table beside it as the text alternative. Colours come from CSS
 * custom properties (--chart-1..4) so it follows the light and dark themes; segments also differ
 * by pattern, and the table carries every number, so colour is never the only signal.
 */
import type { JSX } from 'preact';
import { linear, niceTicks } from './scale.ts';
import './charts.css';

/** One part of a bar. `value` is in the chart's unit (already converted, e.g. GB). */
export interface BarSegment { label: string; value: number }

/** One bar: its parts, and optionally the capacity it is measured against. */
export interface BarRow { label: string; segments: BarSegment[]; capacity?: number }

export interface BarChartProps {
  /** Unique id prefix (for aria references and pattern ids). */
  id: string;
  title: string;
  rows: BarRow[];
  /** Formats a value in the chart's unit for labels and the table ("42.5 GB"). */
  format: (value: number) => string;
  /** Name of the capacity marker, e.g. "GPU memory". */
  capacityLabel?: string;
  /** Show the data table open (default) or folded in a <details>. */
  tableOpen?: boolean;
  /**
   * Set when a table beside the chart already lists every bar's total (the quantization
   * explorer's format table): the chart then says so in a line of text, with the capacity, instead
   * of repeating the numbers in a second table. Only for single-segment bars, whose total is the
   * whole value.
   */
  valuesListedIn?: string;
}

const W = 640;
const LABEL_W = 150;

const TOP = 8;
const AXIS_H = 26;

function finite(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/** A stacked bar chart with legend and data table. */
export function BarChart(props: BarChartProps): JSX.Element {
  const { id, title, rows, capacityLabel = 'Capacity', tableOpen = true, valuesListedIn } = props;
  const format = (v: number) => (Number.isFinite(v) ? props.format(v) : '—');
  const series = rows[0]?.segments.map((s) => s.label) ?? [];
  const hasCapacity = rows.some((r) => r.capacity !== undefined);
  const capacity = rows.find((r) => r.capacity !== undefined)?.capacity;
  let max = 0;
  for (const r of rows) {
    max = Math.max(max, r.segments.reduce((a, s) => a + finite(s.value), 0), finite(r.capacity ?? 0));
  }
  const ticks = niceTicks(max || 1, 5);
  const top = ticks[ticks.length - 1] ?? 1;
  const lx = linear(0, top, LABEL_W, W - 12);
  const x = (v: number) => Math.round(lx(v) * 10) / 10;
  // Many bars (every weight format): thinner rows keep the chart about a screen tall.
  const ROW_H = rows.length > 8 ? 22 : 34;
  const h = TOP + rows.length * ROW_H + AXIS_H;
  return (
    <figure class="rb-chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} class="rb-chart-title">{title}</figcaption>
      <ul class="rb-legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s}><svg width="14" height="14" viewBox="0 0 14 14"><rect width="14" height="14" class={`rb-s${i}`} fill={i ? `url(#${id}-p${i})` : undefined} /></svg> {s}</li>
        ))}
        {hasCapacity && <li><svg width="14" height="14" viewBox="0 0 14 14"><line x1="7" x2="7" y1="0" y2="14" class="rb-cap" /></svg> {capacityLabel}</li>}
      </ul>
      <svg viewBox={`0 0 ${W} ${h}`} class="rb-svg" role="img" aria-label={`${title}. ${valuesListedIn ? `Every value is in ${valuesListedIn}.` : 'The table below lists every value.'}`}>
        <defs>
          <pattern id={`${id}-p1`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="rb-s1" /><line x1="0" y1="0" x2="0" y2="6" class="rb-hatch" />
          </pattern>
          <pattern id={`${id}-p2`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" class="rb-s2" /><circle cx="3" cy="3" r="1.2" class="rb-dot" />
          </pattern>
          <pattern id={`${id}-p3`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" class="rb-s3" /><line x1="0" y1="4" x2="8" y2="4" class="rb-hatch" />
          </pattern>
        </defs>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP} y2={h - AXIS_H + 4} class="rb-grid" />
            <text x={x(t)} y={h - 8} class="rb-tick" text-anchor="middle">{format(t)}</text>
          </g>
        ))}
        {rows.map((r, ri) => {
          const y = TOP + ri * ROW_H + 6;
          let acc = 0;
          return (
            <g key={r.label}>
              <text x={LABEL_W - 8} y={y + (ROW_H - 12) / 2 + 4} class="rb-label" text-anchor="end">{r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label}</text>
              {r.segments.map((s, si) => {
                const v = finite(s.value);
                const x0 = x(acc);
                acc += v;
                return <rect key={s.label} x={x0} y={y} width={Math.max(0, x(acc) - x0)} height={ROW_H - 12} class={`rb-s${si}`} fill={si ? `url(#${id}-p${si})` : undefined} />;
              })}
              {r.capacity !== undefined && (
                <line x1={x(finite(r.capacity))} x2={x(finite(r.capacity))} y1={y - 4} y2={y + ROW_H - 8} class="rb-cap" />
              )}
            </g>
          );
        })}
      </svg>
      {valuesListedIn ? (
        <p class="rb-muted">Every value is in {valuesListedIn}{capacity !== undefined ? `; ${capacityLabel.toLowerCase()}: ${format(capacity)}` : ''}.</p>
      ) : (
        <details class="rb-data" open={tableOpen}>
          <summary>Data table</summary>
          <div class="rb-table-wrap" tabIndex={0} role="region" aria-label={`${title}: data table, scrolls sideways on narrow screens`}>
            <table>
              <thead>
                <tr><th scope="col">{''}</th>{series.map((s) => <th scope="col" key={s}>{s}</th>)}<th scope="col">Total</th>{hasCapacity && <th scope="col">{capacityLabel}</th>}</tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    {r.segments.map((s) => <td key={s.label}>{format(s.value)}</td>)}
                    <td>{format(r.segments.reduce((a, s) => a + finite(s.value), 0))}</td>
                    {hasCapacity && <td>{r.capacity === undefined ? '—' : format(r.capacity)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
