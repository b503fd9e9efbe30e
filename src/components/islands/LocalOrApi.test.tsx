// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import LocalOrApi from './LocalOrApi.tsx';
import { $preferencesRaw } from '../../lib/state/preferences.ts';
import { BAD_INPUTS, byLabel, byTestId, choose, freshPage, mount, ssr, type } from './shared/test-utils.tsx';

beforeEach(() => freshPage());

const dollars = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

describe('LocalOrApi', () => {
  it('server-renders the local monthly cost, a verdict and every catalogued API price with its source', () => {
    const html = ssr(<LocalOrApi />);
    expect(html).toMatch(/data-testid="local-month">\$[\d,.]+/);
    expect(html).toContain('data-testid="verdict"');
    expect(html).toMatch(/<td><a href="https:\/\/[^"]+">20\d\d-\d\d-\d\d<\/a><\/td>/);
    expect(html).toContain('Cumulative cost over time');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('raises the local monthly cost with a dearer rig and a higher electricity price', async () => {
    const root = await mount(<LocalOrApi />);
    const base = dollars(byTestId(root, 'local-month').textContent);
    await type(byLabel(root, 'Hardware price'), '6000');
    const dearer = dollars(byTestId(root, 'local-month').textContent);
    expect(dearer).toBeGreaterThan(base);
    await type(byLabel(root, 'Electricity'), '0.45');
    expect(dollars(byTestId(root, 'local-month').textContent)).toBeGreaterThan(dearer);
    expect($preferencesRaw.get().electricity).toBe('0.45');
  });

  it('rejects every kind of bad volume next to the field and keeps the last valid costs', async () => {
    const root = await mount(<LocalOrApi />);
    const field = byLabel(root, 'Tokens per day');
    const good = byTestId(root, 'api-table').textContent;
    for (const [bad, message] of BAD_INPUTS) {
      await type(field, bad);
      expect(byTestId(root, `error-${field.id}`).textContent).toMatch(message);
      expect(byTestId(root, 'api-table').textContent).toBe(good);
    }
    expect(root.innerHTML).not.toMatch(/NaN|Infinity/);
  });

  it('round-trips the cost fields through the URL and ignores a negative lifetime with a note', async () => {
    freshPage('?tokensPerDay=5M&years=-2&util=50');
    const root = await mount(<LocalOrApi syncUrl />);
    expect((byLabel(root, 'Tokens per day') as HTMLInputElement).value).toBe('5000000');
    expect((byLabel(root, 'Lifetime') as HTMLInputElement).value).toBe('3');
    expect(byTestId(root, 'notes').textContent).toContain('Ignored “years” in the link');
    await type(byLabel(root, 'Utilisation'), '75');
    await choose(byLabel(root, 'Model'), 'qwen2.5-7b');
    const p = new URLSearchParams(location.search);
    expect([p.get('tokensPerDay'), p.get('util'), p.get('model')]).toEqual(['5000000', '75', 'qwen2.5-7b']);
  });
});
