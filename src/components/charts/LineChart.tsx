/**
 * Multi-series line chart in SVG (memory against context, cost over time), with a data table as
 * the text alternative. Series differ by colour (CSS custom properties --chart-1..4), by dash
 * pattern and by point marker shape, and are named at their ends, so colour is never the only signal.
 */
import type { JSX } from 'preact';
import { linear, log2Scale, niceTicks, pow2Ticks } from './scale.ts';
import './charts.css';

export interface LinePoint { x: number; y: number }
export interface LineSeries { label: string; points: LinePoint[] }

export interface LineChartProps {
  id: string;
  title: string;
  series: LineSeries[];
  xLabel: string;
  yLabel: string;
  /** 'log2' for context lengths (powers of two), 'linear' otherwise. */
  xScale?: 'log2' | 'linear';
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** Horizontal reference lines, e.g. the rig's memory. */
  hLines?: { y: number; label: string }[];
  tableOpen?: boolean;
}

const W = 640;
const H = 300;
const L = 64;
const R = 110;
const T = 12;
const B = 44;
const DASHES = ['', '8 4', '3 3', '12 4 3 4'];

/** One point's marker (keyed by its x, so no wrapper element is needed: fewer nodes to hydrate). */
function marker(i: number, cx: number, cy: number, key: number): JSX.Element {
  const k = i % 4;
  if (k === 0) return <circle key={key} cx={cx} cy={cy} r="3.5" />;
  if (k === 1) return <rect key={key} x={cx - 3.5} y={cy - 3.5} width="7" height="7" />;
  if (k === 2) return <path key={key} d={`M${cx} ${cy - 4.5}L${cx + 4.5} ${cy + 3.5}L${cx - 4.5} ${cy + 3.5}Z`} />;
  return <path key={key} d={`M${cx} ${cy - 4.5}L${cx + 4.5} ${cy}L${cx} ${cy + 4.5}L${cx - 4.5} ${cy}Z`} />;
}

/** End-of-line labels, nudged apart vertically so that close lines keep readable names. */
function endLabels(series: LineSeries[], sx: (v: number) => number, sy: (v: number) => number): { label: string; x: number; y: number }[] {
  const out = series.flatMap((s) => {
    const p = s.points.filter((q) => Number.isFinite(q.x) && Number.isFinite(q.y));
    const last = p[p.length - 1];
    return last ? [{ label: s.label.length > 18 ? `${s.label.slice(0, 17)}…` : s.label, x: sx(last.x) + 6, y: sy(last.y) + 4 }] : [];
  }).sort((a, b) => a.y - b.y);
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    const cur = out[i];
    if (prev && cur && cur.y - prev.y < 13) cur.y = prev.y + 13;
  }
  return out;
}

/** A line chart with reference lines, series labels and a data table. */
export function LineChart(props: LineChartProps): JSX.Element {
  const { id, title, series, xLabel, yLabel, xScale = 'linear', hLines = [], tableOpen = false } = props;
  const formatX = (v: number) => (Number.isFinite(v) ? props.formatX(v) : '—');
  const formatY = (v: number) => (Number.isFinite(v) ? props.formatY(v) : '—');
  const pts = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = pts.map((p) => p.x);
  const x0 = xs.length ? Math.min(...xs) : 1;
  const x1 = xs.length ? Math.max(...xs) : 2;
  const yMax = Math.max(1e-9, ...pts.map((p) => p.y), ...hLines.map((h) => (Number.isFinite(h.y) ? h.y : 0)));
  const yTicks = niceTicks(yMax, 5);
  const yTop = yTicks[yTicks.length - 1] ?? 1;
  const sx = xScale === 'log2' ? log2Scale(x0, x1, L, W - R) : linear(x0, x1, L, W - R);
  const sy = linear(0, yTop, H - B, T);
  const xTicks = xScale === 'log2' ? pow2Ticks(x0, x1, 7) : niceTicks(x1, 6).filter((t) => t >= x0);
  const allX = [...new Set(pts.map((p) => p.x))].sort((a, b) => a - b);
  return (
    <figure class="rb-chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} class="rb-chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} class="rb-svg" role="img" aria-label={`${title}: ${yLabel} against ${xLabel}. The data table lists every point.`}>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line x1={L} x2={W - R} y1={sy(t)} y2={sy(t)} class="rb-grid" />
            <text x={L - 6} y={sy(t) + 4} class="rb-tick" text-anchor="end">{formatY(t)}</text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - B + 16} class="rb-tick" text-anchor="middle">{formatX(t)}</text>
        ))}
        <text x={(L + W - R) / 2} y={H - 6} class="rb-axis" text-anchor="middle">{xLabel}</text>
        {hLines.filter((h) => Number.isFinite(h.y)).map((h) => (
          <g key={h.label}>
            <line x1={L} x2={W - R} y1={sy(h.y)} y2={sy(h.y)} class="rb-cap" />
            <text x={W - R + 4} y={sy(h.y) + 4} class="rb-tick">{h.label}</text>
          </g>
        ))}
        {series.map((s, i) => {
          const p = s.points.filter((q) => Number.isFinite(q.x) && Number.isFinite(q.y));
          if (!p.length) return null;
          const d = p.map((q, j) => `${j ? 'L' : 'M'}${sx(q.x).toFixed(1)} ${sy(q.y).toFixed(1)}`).join('');
          return (
            <g key={s.label} class={`rb-line rb-l${i % 4}`}>
              <path d={d} fill="none" stroke-dasharray={DASHES[i % 4]} />
              <g class="rb-mark">{p.map((q) => marker(i, sx(q.x), sy(q.y), q.x))}</g>
            </g>
          );
        })}
        {endLabels(series, sx, sy).map((l) => <text key={l.label} x={l.x} y={l.y} class="rb-tick">{l.label}</text>)}
      </svg>
      <details class="rb-data" open={tableOpen}>
        <summary>Data table</summary>
        <div class="rb-table-wrap" tabIndex={0} role="region" aria-label={`${title}: data table, scrolls sideways on narrow screens`}>
          <table>
            <thead><tr><th scope="col">{xLabel}</th>{series.map((s) => <th scope="col" key={s.label}>{s.label}</th>)}</tr></thead>
            <tbody>
              {allX.map((xv) => (
                <tr key={xv}>
                  <th scope="row">{formatX(xv)}</th>
                  {series.map((s) => {
                    const p = s.points.find((q) => q.x === xv);
                    return <td key={s.label}>{p ? formatY(p.y) : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
