import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { BarChart } from './BarChart.tsx';
import { LineChart } from './LineChart.tsx';

const fmt = (v: number) => `${v.toFixed(1)} GB`;

describe('BarChart', () => {
  it('draws one stacked bar per row with a capacity marker and lists every value in its table', () => {
    const html = renderToString(
      <BarChart id="t" title="Memory" format={fmt} capacityLabel="GPU memory"
        rows={[{ label: '2× RTX 3090', capacity: 48, segments: [{ label: 'Weights', value: 39.6 }, { label: 'KV cache', value: 2.5 }, { label: 'Overhead', value: 1.2 }] }]} />,
    );
    expect(html.match(/<rect [^>]*class="rb-s\d"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('class="rb-cap"');
    for (const v of ['39.6 GB', '2.5 GB', '1.2 GB', '43.3 GB', '48.0 GB']) expect(html).toContain(v);
    expect(html).toContain('<th scope="col">GPU memory</th>');
  });
  it('points to the table beside it instead of repeating it, and still states the capacity', () => {
    const html = renderToString(
      <BarChart id="t" title="Memory by format" format={fmt} capacityLabel="Rig memory" valuesListedIn="the table below (Total)"
        rows={[{ label: 'Q8_0', capacity: 24, segments: [{ label: 'Total memory', value: 9.1 }] }, { label: 'Q4_K_M', capacity: 24, segments: [{ label: 'Total memory', value: 5.4 }] }]} />,
    );
    expect(html).not.toContain('<table');
    expect(html).toContain('Every value is in the table below (Total); rig memory: 24.0 GB.');
    expect(html).toContain('aria-label="Memory by format. Every value is in the table below (Total)."');
  });
  it('survives NaN, Infinity and negative values without writing them into the SVG', () => {
    const html = renderToString(
      <BarChart id="t" title="Bad" format={fmt} rows={[{ label: 'x', capacity: Number.NaN, segments: [{ label: 'a', value: Number.POSITIVE_INFINITY }, { label: 'b', value: -3 }] }]} />,
    );
    expect(html).not.toMatch(/NaN|Infinity/);
  });
});

describe('LineChart', () => {
  it('draws a path per series with reference lines and a table row per x value', () => {
    const html = renderToString(
      <LineChart id="l" title="KV cache" xLabel="Context" yLabel="GB" xScale="log2" formatX={(x) => `${x / 1024}K`} formatY={fmt}
        hLines={[{ y: 48, label: 'Rig memory' }]}
        series={[{ label: 'f16', points: [{ x: 1024, y: 1 }, { x: 2048, y: 2 }] }, { label: 'q8_0', points: [{ x: 1024, y: 0.5 }, { x: 2048, y: 1 }] }]} />,
    );
    expect(html.match(/<path d="M/g)?.length).toBe(2);
    expect(html).toContain('Rig memory');
    expect(html).toContain('<th scope="row">2K</th>');
    expect(html).not.toMatch(/NaN|Infinity/);
  });
  it('renders an empty chart without crashing', () => {
    const html = renderToString(<LineChart id="e" title="Empty" xLabel="x" yLabel="y" formatX={String} formatY={String} series={[]} />);
    expect(html).not.toMatch(/NaN|Infinity/);
  });
});
