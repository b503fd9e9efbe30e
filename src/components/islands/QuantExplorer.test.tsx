// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import QuantExplorer from './QuantExplorer.tsx';
import { BAD_INPUTS, byLabel, byTestId, choose, freshPage, mount, ssr, type } from './shared/test-utils.tsx';

beforeEach(() => freshPage());

const quantRows = (root: HTMLElement) => [...byTestId(root, 'quant-table').querySelectorAll('tbody tr')];

describe('QuantExplorer', () => {
  it('server-renders every format of the default model with size, fit and a sourced quality hint', () => {
    const html = ssr(<QuantExplorer />);
    expect(html).toMatch(/Best format that fits: [A-Z0-9_]+/);
    expect(html).toContain('Q4_K_M');
    expect(html).toContain('Q8_0');
    expect(html).toMatch(/KLD [\d.]+/);
    expect(html).toMatch(/<th scope="row">[A-Z0-9_]+ \(knee\)<\/th>/);
    expect(html).toMatch(/<a href="https:\/\/[^"]+">source<\/a>/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('marks fewer formats as fitting when a much larger model is chosen', async () => {
    const root = await mount(<QuantExplorer />);
    const fits = () => quantRows(root).filter((r) => r.textContent?.includes('✓ fits')).length;
    const small = fits();
    await choose(byLabel(root, 'Model'), 'llama-3.1-70b');
    expect(fits()).toBeLessThan(small);
    expect(byTestId(root, 'verdict').textContent).not.toContain('BF16');
  });

  it('rejects every kind of bad context next to the field and keeps the table', async () => {
    const root = await mount(<QuantExplorer />);
    const field = byLabel(root, 'Context per sequence');
    const table = byTestId(root, 'quant-table').textContent;
    for (const [bad, message] of BAD_INPUTS) {
      await type(field, bad);
      expect(byTestId(root, `error-${field.id}`).textContent).toMatch(message);
      expect(byTestId(root, 'quant-table').textContent).toBe(table);
    }
    expect(root.innerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('round-trips the model and hardware through the URL', async () => {
    freshPage('?model=qwen2.5-32b&hardware=rtx-3090&quant=bogus');
    const root = await mount(<QuantExplorer syncUrl />);
    expect((byLabel(root, 'Model') as HTMLSelectElement).value).toBe('qwen2.5-32b');
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “quant” in the link');
    await choose(byLabel(root, 'How many'), '2');
    expect(new URLSearchParams(location.search).get('hardware')).toBe('2xrtx-3090');
    expect(new URLSearchParams(location.search).get('model')).toBe('qwen2.5-32b');
  });
});
