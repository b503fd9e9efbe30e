import { describe, expect, it } from 'vitest';
import { editDistance, suggestIds, unknownIdMessage } from './suggest.ts';

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests llama-3.1-70b for "llama-3-1-70b" and "llama3.1-70b"', () => {
    const ids = ['llama-3.1-70b', 'llama-3.1-8b', 'qwen2.5-72b'];
    expect(suggestIds('llama-3-1-70b', ids)[0]).toBe('llama-3.1-70b');
    expect(suggestIds('llama3.1-70b', ids)[0]).toBe('llama-3.1-70b');
  });
  it('suggests nothing for nonsense', () => {
    expect(suggestIds('zzzzzzzzzz', ['rtx-3090', 'rtx-4090'])).toEqual([]);
  });
  it('names the closest ids in the message', () => {
    expect(unknownIdMessage('hardware', 'rtx-309', ['rtx-3090', 'rtx-4090'])).toContain('"rtx-3090"');
  });
});
