import { describe, expect, it } from 'vitest';
import { gapData as data } from './gap-data.ts';

// GapChart draws whatever data/open-closed-gap.json holds, so the promises it relies on are
// checked here: every row is complete, dated, sourced over https, graded, and has finite scores
// on a sane scale. A bad row would otherwise draw a silent wrong point or break the build.

describe('data/open-closed-gap.json', () => {
  it('holds at least three rows for each percent benchmark the guide charts', () => {
    for (const name of ['MMLU', 'GPQA-Diamond', 'SWE-bench Verified']) {
      expect(data.rows.filter((r) => r.benchmark === name).length, name).toBeGreaterThanOrEqual(3);
    }
  });

  it('dates every row as YYYY-MM or YYYY-MM-DD within 2023 to the update date', () => {
    for (const r of data.rows) {
      expect(r.date, JSON.stringify(r)).toMatch(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/);
      expect(r.date >= '2023-01', r.date).toBe(true);
      expect(r.date <= data.updated, r.date).toBe(true);
    }
  });

  it('gives every row an https source, a grade and a note', () => {
    for (const r of data.rows) {
      expect(() => new URL(r.source)).not.toThrow();
      expect(r.source.startsWith('https://'), r.source).toBe(true);
      expect(['primary', 'secondary', 'community']).toContain(r.grade);
      expect(r.note.length, r.benchmark).toBeGreaterThan(10);
    }
  });

  it('names both models and keeps scores finite, with percent scores between 0 and 100', () => {
    for (const r of data.rows) {
      for (const side of [r.bestOpen, r.bestClosed]) {
        expect(side.model.trim().length).toBeGreaterThan(0);
        expect(Number.isFinite(side.score), `${r.benchmark} ${r.date}`).toBe(true);
        if (r.unit === '%') {
          expect(side.score).toBeGreaterThanOrEqual(0);
          expect(side.score).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it('has at most one row per benchmark and date, so no chart point is drawn twice', () => {
    const keys = data.rows.map((r) => `${r.benchmark}|${r.date}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps DeepSeek-V3 table values as published (MMLU 88.6 vs 88.3, SWE-bench Verified 42.0 vs 50.8)', () => {
    const mmlu = data.rows.find((r) => r.benchmark === 'MMLU' && r.date === '2024-12');
    const swe = data.rows.find((r) => r.benchmark === 'SWE-bench Verified' && r.date === '2024-12');
    expect(mmlu?.bestOpen.score).toBe(88.6);
    expect(mmlu?.bestClosed.score).toBe(88.3);
    expect(swe?.bestOpen.score).toBe(42.0);
    expect(swe?.bestClosed.score).toBe(50.8);
  });
});
