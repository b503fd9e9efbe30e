// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { SelectField } from './ui.tsx';
import { mount } from './test-utils.tsx';

const options = [{ value: 'a', label: 'A', group: 'G1' }, { value: 'b', label: 'B', group: 'G1' }, { value: 'c', label: 'C', group: 'G2' }];

describe('SelectField', () => {
  it('marks the chosen option as selected in server HTML, so readers without JavaScript see it', () => {
    const html = renderToString(<SelectField id="s" label="Pick" value="c" options={options} onChange={() => {}} />);
    expect(html).toMatch(/<option value="c" selected>C<\/option>/);
    expect(html).not.toMatch(/<option value="a" selected/);
    expect(html).toContain('<optgroup label="G2">');
    expect(html).toContain('<label for="s">Pick</label>');
  });
  it('shows the chosen value after hydration in the browser', async () => {
    const root = await mount(<SelectField id="s2" label="Pick" value="b" options={options} onChange={() => {}} />);
    expect((root.querySelector('select') as HTMLSelectElement).value).toBe('b');
  });
});
